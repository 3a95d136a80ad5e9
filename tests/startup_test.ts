/**
 * What a `kernel` run loads: the static import closure of cli.ts and of the kernel command's
 * module (from `deno info --json`, dynamic imports not followed). The other commands' code,
 * the queries and the decompressors are loaded only by the runs that use them.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { spawn } from "./helpers.ts";

interface InfoModule {
  specifier: string;
  dependencies?: { code?: { specifier: string }; isDynamic?: boolean }[];
}

const repo = new URL("../", import.meta.url);

/** The modules reached from `roots` through static (non-type, non-dynamic) imports. */
function staticClosure(modules: Map<string, InfoModule>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const at = todo.pop()!;
    if (seen.has(at)) continue;
    seen.add(at);
    for (const dep of modules.get(at)?.dependencies ?? []) {
      if (dep.code && !dep.isDynamic) todo.push(dep.code.specifier);
    }
  }
  return seen;
}

Deno.test("startup: a kernel run loads neither the other commands, the queries nor any decompressor", () => {
  const out = spawn(Deno.execPath(), {
    args: ["info", "--json", fileURLToPath(new URL("cli.ts", repo))],
  });
  assert.equal(out.code, 0, out.stderr);
  const info = JSON.parse(out.stdout) as { modules: InfoModule[] };
  const modules = new Map(info.modules.map((m) => [m.specifier, m]));
  const cli = new URL("cli.ts", repo).href, kernel = new URL("cli/kernel.ts", repo).href;
  // The kernel command is reached only through the dispatcher's dynamic import.
  assert.ok(!staticClosure(modules, [cli]).has(kernel));
  assert.ok(modules.has(new URL("query/layout.ts", repo).href), "the graph does list the queries");
  const loaded = [...staticClosure(modules, [cli, kernel])].map((s) =>
    s.startsWith(repo.href) ? s.slice(repo.href.length) : s
  );
  const unwanted = loaded.filter((p) =>
    /^(query\/|cli\/(struct|offset|enum|diff|cache)\.ts|btf\/image\/codecs\/|report\/(layout|path|enum|diff)\.ts)/
      .test(p) || p.startsWith("npm:")
  );
  assert.deepEqual(unwanted, []);
  assert.ok(loaded.includes("resolvers/mod.ts") && loaded.includes("btf/table.ts"), String(loaded));
});
