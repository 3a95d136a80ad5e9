/**
 * Entry point of a resolver worker (a module Web Worker); see {@link serveShares}.
 * @module
 */
import { serveShares } from "./serve.ts";

serveShares();
