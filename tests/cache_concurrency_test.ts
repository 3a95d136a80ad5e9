/**
 * 24 processes started at once on the same cold cache entry (docs/CLI.md: The cache): every one loads with
 * the right offsets, and the entry ends with exactly `vmlinux` and a valid `vmlinux.btf`
 * (no temporary file left). The figures (wall time, written vs hit) are printed.
 * @module
 */
import assert from "node:assert/strict";
import { readBtfInput } from "../load/file.ts";
import { BtfTypes } from "../btf/table.ts";
import { buildElf, idrBtf, idrOffsets } from "./btf_builder.ts";
import { CLI, DEBIAN_VMLINUX, tempDir } from "./helpers.ts";

/** An ELF vmlinux whose idr group resolves to {@link IDR}. */
const vmlinuxElf = () => buildElf({ ".BTF": idrBtf() });
const IDR = idrOffsets();

const PROCESSES = 24;

interface Race {
  wallMs: number;
  statuses: Record<string, number>;
  offsets: unknown[];
}

/** Starts PROCESSES `kernel <vmlinux> --json` at once with `root` as the cache root. */
async function race(vmlinux: string, root: string, group: string): Promise<Race> {
  const start = performance.now();
  const children = Array.from({ length: PROCESSES }, () =>
    new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", CLI, "kernel", vmlinux, "--json", "--group", group],
      env: { KTSTR_CACHE_DIR: root },
      stdout: "piped",
      stderr: "piped",
    }).spawn());
  const outs = await Promise.all(children.map((c) => c.output()));
  const wallMs = performance.now() - start;
  const statuses: Record<string, number> = {};
  const offsets: unknown[] = [];
  const dec = new TextDecoder();
  for (const out of outs) {
    assert.equal(out.code, 0, dec.decode(out.stderr));
    assert.equal(dec.decode(out.stderr), "");
    const report = JSON.parse(dec.decode(out.stdout));
    assert.equal(report.source.format, "elf");
    statuses[report.source.sidecar] = (statuses[report.source.sidecar] ?? 0) + 1;
    offsets.push(report.offsets[group]);
  }
  return { wallMs, statuses, offsets };
}

function checkEntry(dir: string, vmlinux: string): void {
  const names = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
  assert.deepEqual(names, ["vmlinux", "vmlinux.btf"]);
  const sidecar = Deno.readFileSync(`${dir}/vmlinux.btf`);
  assert.deepEqual(sidecar, readBtfInput(vmlinux).bytes);
  BtfTypes.build(sidecar);
}

function report(what: string, r: Race, bytes: number): void {
  const written = r.statuses.written ?? 0, hit = r.statuses.hit ?? 0;
  console.log(
    `  ${what}: ${PROCESSES} processes, ${bytes} BTF bytes, wall ${r.wallMs.toFixed(0)} ms, ` +
      `written ${written}, hit ${hit}`,
  );
}

Deno.test(`concurrency: ${PROCESSES} processes on one cold entry (small ELF)`, async () => {
  using dir = tempDir();
  const root = `${dir.path}/root`;
  Deno.mkdirSync(`${root}/k`, { recursive: true });
  const vmlinux = `${root}/k/vmlinux`;
  Deno.writeFileSync(vmlinux, vmlinuxElf());
  const r = await race(vmlinux, root, "idr");
  for (const o of r.offsets) assert.deepEqual(o, IDR);
  assert.deepEqual(Object.keys(r.statuses).filter((s) => s !== "written" && s !== "hit"), []);
  assert.ok((r.statuses.written ?? 0) >= 1, JSON.stringify(r.statuses));
  checkEntry(`${root}/k`, vmlinux);
  report("small ELF", r, readBtfInput(vmlinux).bytes.length);
  // Warm: every process now hits.
  const warm = await race(vmlinux, root, "idr");
  assert.deepEqual(warm.statuses, { hit: PROCESSES });
  checkEntry(`${root}/k`, vmlinux);
  report("small ELF, warm", warm, readBtfInput(vmlinux).bytes.length);
});

let haveDebian = false;
try {
  haveDebian = Deno.statSync(DEBIAN_VMLINUX).isFile;
} catch {
  // tests/prepare.sh fetches it.
}

Deno.test({
  name: `concurrency: ${PROCESSES} processes on one cold entry (Debian vmlinux, 65 MB)`,
  ignore: !haveDebian,
  fn: async () => {
    using dir = tempDir();
    const root = `${dir.path}/root`;
    Deno.mkdirSync(`${root}/6.1`, { recursive: true });
    const vmlinux = `${root}/6.1/vmlinux`;
    Deno.copyFileSync(DEBIAN_VMLINUX, vmlinux);
    const r = await race(vmlinux, root, "bpf_map");
    const first = JSON.stringify(r.offsets[0]);
    assert.ok(first.includes('"map_name":'), first);
    for (const o of r.offsets) assert.equal(JSON.stringify(o), first);
    assert.deepEqual(Object.keys(r.statuses).filter((s) => s !== "written" && s !== "hit"), []);
    assert.ok((r.statuses.written ?? 0) >= 1, JSON.stringify(r.statuses));
    checkEntry(`${root}/6.1`, vmlinux);
    report("Debian vmlinux", r, readBtfInput(vmlinux).bytes.length);
    const warm = await race(vmlinux, root, "bpf_map");
    assert.deepEqual(warm.statuses, { hit: PROCESSES });
    for (const o of warm.offsets) assert.equal(JSON.stringify(o), first);
    report("Debian vmlinux, warm", warm, readBtfInput(vmlinux).bytes.length);
  },
});
