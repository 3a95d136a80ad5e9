/**
 * Run by Node ≥ 22 (type stripping), not by Deno: loads each BTF path with node:fs and the
 * pure core, and prints every group's offsets as JSON, for tests/node_core_test.ts.
 *
 *     node tests/node_core_main.ts PATH...
 */
import { readFileSync } from "node:fs";
import { argv } from "node:process";
import { BtfTypes, resolveOffsets } from "../core.ts";

const reports = argv.slice(2).map((path) =>
  resolveOffsets(BtfTypes.build(new Uint8Array(readFileSync(path))))
);
console.log(JSON.stringify(reports));
