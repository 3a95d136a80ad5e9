/**
 * The bundled CLI (`dist/`, what `bin/ktstr-btf` runs) answers exactly as the sources do,
 * inline and through the worker pool (whose worker it finds in `dist/workers/`); it is one
 * file in which each command still runs only when it is used. That `dist/` is what
 * `deno task gen` writes from today's sources is checked by tests/generated_test.ts. Its
 * functions are compiled with the file (gen/eager.ts), and a run leaves that compiled code
 * in Deno's code cache for the next.
 */
import { parse } from "acorn";
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { eagerFunctions } from "../gen/eager.ts";
import { fixture, PINNED_73_BTF, schedExtImage, spawn, spawnCli, tempDir } from "./helpers.ts";

const repo = new URL("../", import.meta.url);
const BUNDLED = fileURLToPath(new URL("dist/cli.js", repo));

const ANSI_COLOR = new RegExp("\u001b\\[[0-9;]*m", "g");

/** Standard error without Deno's own `Download <url>` lines (a cold cache fetching a package). */
function ours(stderr: string): string {
  return stderr.split("\n").filter((l) => !l.replace(ANSI_COLOR, "").startsWith("Download "))
    .join("\n");
}

function spawnBundled(args: string[]) {
  return spawn(Deno.execPath(), { args: ["run", "-A", BUNDLED, ...args] });
}

for (
  const [what, args] of [
    ["kernel, inline", ["kernel", PINNED_73_BTF, "--json", "--jobs", "0"]],
    ["kernel, two workers", [
      "kernel",
      PINNED_73_BTF,
      fixture("era_7_1.btf"),
      "--json",
      "--jobs",
      "2",
    ]],
    ["struct", ["struct", "scx_dispatch_q", "-k", fixture("era_7_1.btf")]],
    // The bundle carries no codec: it imports them from the sources.
    ["kernel, an LZ4 vmlinuz", ["kernel", fixture(".cache/debian-6.1-cloud.vmlinuz"), "--json"]],
    ["kernel, an xz vmlinuz", ["kernel", schedExtImage("xz"), "--json"]],
    ["a usage error", ["kernel", "--jsn"]],
  ] as const
) {
  Deno.test(`bundle: ${what} prints what the sources print`, () => {
    const bundled = spawnBundled([...args]), source = spawnCli([...args]);
    assert.equal(bundled.code, source.code, bundled.stderr);
    assert.equal(bundled.stdout, source.stdout);
    assert.equal(ours(bundled.stderr), ours(source.stderr));
    assert.ok(bundled.stdout.length + bundled.stderr.length > 0);
  });
}

Deno.test("bundle: a truncated xz image fails with the sources' one line", () => {
  using dir = tempDir();
  const image = Deno.readFileSync(schedExtImage("xz"));
  const cut = `${dir.path}/cut.vmlinuz`;
  Deno.writeFileSync(cut, image.subarray(0, image.length >> 1));
  const bundled = spawnBundled(["kernel", cut]), source = spawnCli(["kernel", cut]);
  assert.equal(bundled.code, 1);
  assert.equal(bundled.code, source.code);
  assert.equal(ours(bundled.stderr), ours(source.stderr));
  assert.match(bundled.stderr, /^ktstr-btf: btf: open .*cut\.vmlinuz: .*xz payload: /);
});

Deno.test("bundle: one file with no static import; each command is evaluated on first use", () => {
  const out = spawn(Deno.execPath(), { args: ["info", "--json", BUNDLED] });
  assert.equal(out.code, 0, out.stderr);
  const info = JSON.parse(out.stdout) as { modules: { specifier: string }[] };
  assert.deepEqual(info.modules.map((m) => m.specifier), [new URL("dist/cli.js", repo).href]);
  // esbuild keeps a dynamic import as a lazy initializer: the module runs when it is loaded.
  const text = Deno.readTextFileSync(BUNDLED);
  const lazy = [
    ...text.matchAll(
      /load: \(\) => Promise\.resolve\(\)\.then\(\(\) => \(init_\w+\(\), (\w+)_exports\)\)/g,
    ),
  ]
    .map((m) => m[1]);
  assert.deepEqual(lazy, ["kernel", "struct", "offset", "enum", "diff", "rq", "scx", "cache"]);
  // No codec is in it (they are imported from the sources, for an image only).
  for (
    const codec of ["CODECS_WASM_BASE64", "LZO_WASM_BASE64", "function unlz4", "function bunzip2"]
  ) {
    assert.ok(!text.includes(codec), codec);
  }
});

Deno.test("bundle: every top-level function is a parenthesized expression V8 compiles with the file", () => {
  for (const file of [BUNDLED, fileURLToPath(new URL("dist/workers/resolver_worker.js", repo))]) {
    const text = Deno.readTextFileSync(file);
    const body = parse(text, { ecmaVersion: "latest", sourceType: "module", preserveParens: true })
      .body;
    assert.deepEqual(body.filter((n) => n.type === "FunctionDeclaration"), [], file);
    const eager = body.filter((n) =>
      n.type === "VariableDeclaration" &&
      n.declarations[0].init?.type === "ParenthesizedExpression" &&
      n.declarations[0].init.expression.type === "FunctionExpression"
    );
    assert.ok(eager.length > 100, `${file}: ${eager.length} eager functions`);
  }
});

Deno.test("gen: eagerFunctions moves declarations up, so a call before one still works", async () => {
  const code = "export const early = twice(2);\nfunction twice(n) {\n  return 2 * n;\n}\n" +
    "export async function* gen() {}\nasync function later() {\n  return early;\n}\n" +
    "export const late = await later();\n";
  const eager = eagerFunctions(code);
  assert.equal(
    eager,
    "var twice = (function twice(n) {\n  return 2 * n;\n});\n" +
      "var later = (async function later() {\n  return early;\n});\n" +
      "export const early = twice(2);\n\nexport async function* gen() {}\n\n" +
      "export const late = await later();\n",
  );
  const mod = await import(`data:text/javascript,${encodeURIComponent(eager)}`);
  assert.deepEqual([mod.early, mod.late], [4, 4]);
});

Deno.test("bundle: a run leaves the whole bundle compiled in Deno's code cache", () => {
  using dir = tempDir();
  const env = { DENO_DIR: dir.path, NO_COLOR: "1" };
  const args = ["run", "-A", BUNDLED, "struct", "scx_dispatch_q", "-k", fixture("era_7_1.btf")];
  // The first run in an empty DENO_DIR may exit before Deno has created its cache database,
  // and a later one before it has written the entry (Deno 2.9's v8_code_cache_v2 is written
  // in the background: CI once saw none after two runs on a loaded host); up to five runs.
  const cached = () => {
    try {
      const db = new DatabaseSync(`${dir.path}/v8_code_cache_v2`, { readOnly: true });
      const rows = db.prepare("SELECT length(data) AS bytes FROM codecache WHERE specifier = ?")
        .all(new URL("dist/cli.js", repo).href) as { bytes: number }[];
      db.close();
      return rows;
    } catch {
      return []; // no database yet
    }
  };
  let rows: { bytes: number }[] = [];
  for (let run = 0; run < 5 && rows.length === 0; run++) {
    const out = spawn(Deno.execPath(), { args, env });
    assert.equal(out.code, 0, out.stderr);
    rows = cached();
  }
  assert.equal(rows.length, 1, "no code cache entry for dist/cli.js after 5 runs");
  // Compiled lazily, the cache would hold the top-level code only (~70 KB of 225 KB).
  const source = Deno.statSync(BUNDLED).size;
  assert.ok(rows[0].bytes > 0.8 * source, `${rows[0].bytes} B cached for ${source} B of source`);
});
