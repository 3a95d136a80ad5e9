/**
 * The files generated from the group declarations (docs/FIELDS.md, report/offsets_types.ts,
 * docs/report.schema.json) and the bundled CLI (dist/, from the sources) are committed
 * exactly as `deno task gen` writes them, and real
 * `kernel --json` outputs (every fixture, the host, Debian 7.3.4, a split module, error
 * entries) validate against the JSON Schema with Ajv.
 */
import assert from "node:assert/strict";
import { Ajv } from "ajv";
import { BUNDLE_DIR, filesUnder } from "../gen/bundle.ts";
import { generateAll } from "../gen/main.ts";
import {
  fixture,
  PINNED_73_BTF,
  runCli,
  SCHED_EXT_BTF,
  SCHED_EXT_VMLINUX,
  schedExtModule,
} from "./helpers.ts";

const generated = await generateAll();

const bundled = (path: string) => path.startsWith(`${BUNDLE_DIR}/`);

for (const path of Object.keys(generated).filter((p) => !bundled(p))) {
  Deno.test(`generated: ${path} is what \`deno task gen\` writes`, () => {
    const committed = Deno.readTextFileSync(new URL(`../${path}`, import.meta.url));
    assert.ok(committed === generated[path], `${path} is stale: run \`deno task gen\``);
  });
}

Deno.test(`generated: ${BUNDLE_DIR}/ is the bundle \`deno task gen\` writes, file for file`, () => {
  const committed = filesUnder(new URL(`../${BUNDLE_DIR}`, import.meta.url).pathname)
    .map((p) => `${BUNDLE_DIR}/${p}`);
  const wanted = Object.keys(generated).filter(bundled).sort();
  assert.ok(wanted.includes(`${BUNDLE_DIR}/cli.js`), "the bundle has its entry point");
  assert.deepEqual(committed, wanted, `${BUNDLE_DIR}/ is stale: run \`deno task gen\``);
  for (const path of wanted) {
    const text = Deno.readTextFileSync(new URL(`../${path}`, import.meta.url));
    assert.ok(text === generated[path], `${path} is stale: run \`deno task gen\``);
  }
});

Deno.test("generated: FIELDS.md lists every group, the new fields and the fallbacks", () => {
  const doc = generated["docs/FIELDS.md"];
  for (
    const needle of [
      "## `psi`",
      "## `cgroup_walk`",
      "### `scx_walker.see`",
      "| `ops_qseq` | `sched_ext_entity.ops_qseq` | — | optional, null when absent | bytes |",
      "`scx_event_stats.SCX_EV_REENQ_REPEAT`",
      "| `kick_sync` | `scx_rq.kick_sync` | `scx_rq.pnt_seq` |",
      "| `psi_irq_full_idx` | `enum PSI_IRQ_FULL` | — | optional, null when absent | enumerator value |",
      "| `zone_size` | `sizeof zone` | — | required | bytes (struct size) |",
    ]
  ) {
    assert.ok(doc.replace(/ +\|/g, " |").includes(needle), needle);
  }
});

const schema = JSON.parse(generated["docs/report.schema.json"]);
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function assertValid(json: unknown, what: string) {
  assert.ok(validate(json), `${what}: ${JSON.stringify(validate.errors, null, 1)}`);
}

Deno.test("schema: every fixture, the host and Debian 7.3.4 validate, one by one and as an array", async () => {
  const eras = ["6_12", "6_14", "6_16", "6_18", "7_1", "7_3"].map((e) => fixture(`era_${e}.btf`));
  const all = await runCli(["kernel", "--json", ...eras, PINNED_73_BTF, SCHED_EXT_VMLINUX]);
  assert.equal(all.code, 0, all.stderr);
  const reports = JSON.parse(all.stdout);
  assert.equal(reports.length, 8);
  assertValid(reports, "array");
  for (const r of reports) assertValid(r, r.source.path);
  const split = await runCli([
    "kernel",
    "--json",
    "--base",
    fixture("split_rq_base.btf"),
    fixture("split_rq_mod.btf"),
  ]);
  assertValid(JSON.parse(split.stdout), "split module");
  const image = await runCli([
    "kernel",
    "--json",
    "--base",
    SCHED_EXT_BTF,
    schedExtModule("ko.xz"),
  ]);
  assert.equal(JSON.parse(image.stdout).source.format, "image");
  assertValid(JSON.parse(image.stdout), "compressed module");
  const one = await runCli(["kernel", "--json", "--group", "psi", PINNED_73_BTF]);
  assertValid(JSON.parse(one.stdout), "--group psi");
});

Deno.test("schema: error entries validate; a wrong schema number or a misspelled field does not", async () => {
  const bad = await runCli(["kernel", "--json", fixture("era_7_3.btf"), "/etc/passwd"]);
  assert.equal(bad.code, 1);
  const entries = JSON.parse(bad.stdout);
  assertValid(entries, "batch with an error entry");
  assert.ok("error" in entries[1]);
  const good = entries[0];
  assert.ok(!validate({ ...good, schema: 1 }), "schema 1 is rejected");
  const typo = structuredClone(good);
  typo.offsets.scx_walker.rq.cur = typo.offsets.scx_walker.rq.curr;
  delete typo.offsets.scx_walker.rq.curr;
  assert.ok(!validate(typo), "a misspelled field is rejected");
  const wrongType = structuredClone(good);
  wrongType.offsets.kernel.rq_cpu = null;
  assert.ok(!validate(wrongType), "a required field may not be null");
});
