/**
 * The bundled CLI (`dist/`, what `bin/ktstr-btf` runs) answers exactly as the sources do,
 * inline and through the worker pool (whose worker it finds in `dist/workers/`), and a
 * `kernel` run of it loads neither the query commands nor a decompressor. That `dist/` is
 * what `deno task gen` writes from today's sources is checked by tests/generated_test.ts.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { fixture, HOST_BTF, spawn, spawnCli } from "./helpers.ts";

const repo = new URL("../", import.meta.url);
const BUNDLED = fileURLToPath(new URL("dist/cli.js", repo));

function spawnBundled(args: string[]) {
  return spawn(Deno.execPath(), { args: ["run", "-A", BUNDLED, ...args] });
}

for (
  const [what, args] of [
    ["kernel, inline", ["kernel", HOST_BTF, "--json", "--jobs", "0"]],
    ["kernel, two workers", ["kernel", HOST_BTF, fixture("era_7_1.btf"), "--json", "--jobs", "2"]],
    ["struct", ["struct", "scx_dispatch_q", "-k", fixture("era_7_1.btf")]],
    ["a usage error", ["kernel", "--jsn"]],
  ] as const
) {
  Deno.test(`bundle: ${what} prints what the sources print`, () => {
    const bundled = spawnBundled([...args]), source = spawnCli([...args]);
    assert.equal(bundled.code, source.code, bundled.stderr);
    assert.equal(bundled.stdout, source.stdout);
    assert.equal(bundled.stderr, source.stderr);
    assert.ok(bundled.stdout.length + bundled.stderr.length > 0);
  });
}

Deno.test("bundle: a kernel run loads about ten files (not ~46 modules), none with query or decompressor code", () => {
  const out = spawn(Deno.execPath(), { args: ["info", "--json", BUNDLED] });
  assert.equal(out.code, 0, out.stderr);
  const info = JSON.parse(out.stdout) as {
    modules: { specifier: string; dependencies?: { specifier: string; isDynamic?: boolean }[] }[];
  };
  const byUrl = new Map(info.modules.map((m) => [m.specifier, m]));
  const cli = new URL("dist/cli.js", repo).href;
  const kernel = byUrl.get(cli)!.dependencies!.find((d) =>
    d.isDynamic && /\/kernel-[A-Z0-9]+\.js$/.test(d.specifier)
  )!;
  const seen = new Set<string>(), todo = [cli, new URL(kernel.specifier, cli).href];
  while (todo.length > 0) {
    const at = todo.pop()!;
    if (seen.has(at)) continue;
    seen.add(at);
    for (const d of byUrl.get(at)?.dependencies ?? []) {
      if (!d.isDynamic) todo.push(new URL(d.specifier, at).href);
    }
  }
  const texts = [...seen].map((u) => Deno.readTextFileSync(new URL(u)));
  assert.ok(seen.size <= 12, `${seen.size} files: ${[...seen].join(" ")}`);
  assert.ok(texts.some((t) => t.includes("function resolveOffsets")), "the resolvers are there");
  for (const absent of ["function structLayout", "function resolvePath", "function lazyImport"]) {
    assert.ok(!texts.some((t) => t.includes(absent)), absent);
  }
});
