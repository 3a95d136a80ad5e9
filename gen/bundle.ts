/**
 * The bundled CLI in `dist/`: `deno bundle` of cli.ts and of the resolver worker, one file
 * each, so a run loads one file instead of ~46 modules (docs/DESIGN.md). A module the sources
 * import dynamically (a command, the pool) is still evaluated only when it is first imported;
 * npm packages and the codecs (imported by computed specifiers, btf/image/decompress.ts) stay
 * outside. `bin/ktstr-btf` runs it. Written by `deno task gen`; tests/generated_test.ts fails
 * when it is stale. Its top-level functions are compiled with the file (gen/eager.ts).
 * @module
 */
import { eagerFunctions } from "./eager.ts";

/** Where the bundle lives, relative to the repository. */
export const BUNDLE_DIR = "dist";

/** The entry points: the CLI and the worker the pool starts (workers/pool.ts finds it). */
const ENTRIES = ["cli.ts", "workers/resolver_worker.ts"];

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const e of Deno.readDirSync(`${dir}/${prefix}`)) {
    const rel = prefix + e.name;
    if (e.isDirectory) out.push(...filesUnder(dir, rel + "/"));
    else out.push(rel);
  }
  return out.sort();
}

/** Bundles the CLI into a temporary directory: `dist/<file>` → text. */
export async function bundleFiles(): Promise<Record<string, string>> {
  const out = await Deno.makeTempDir({ prefix: "ktstr-btf-bundle-" });
  try {
    const result = await new Deno.Command(Deno.execPath(), {
      args: [
        "bundle",
        "--quiet",
        "--platform=deno",
        "--packages=external",
        `--outdir=${out}`,
        ...ENTRIES,
      ],
      cwd: new URL("..", import.meta.url),
      stdout: "null",
      stderr: "inherit",
    }).output();
    if (!result.success) throw new Error("deno bundle failed");
    const files: Record<string, string> = {};
    for (const rel of filesUnder(out)) {
      files[`${BUNDLE_DIR}/${rel}`] = eagerFunctions(Deno.readTextFileSync(`${out}/${rel}`));
    }
    return files;
  } finally {
    Deno.removeSync(out, { recursive: true });
  }
}
