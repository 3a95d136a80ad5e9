/**
 * A short run of the mutation fuzzer (tests/fuzz.ts): every error must be a BtfError and every
 * mutant must finish within 200 ms. The long run is tests/fuzz_main.ts.
 */
import assert from "node:assert/strict";
import {
  BtfError,
  BtfTypes,
  datasecVarOffset,
  extractBtf,
  findStruct,
  kindName,
  memberOffset,
  memorySource,
} from "../mod.ts";
import {
  describeFailure,
  elf32,
  exercise,
  iterationRng,
  kernelClosure,
  layoutBtf,
  loadFuzzInputs,
  makeMutant,
  Rng,
  runFuzz,
  sortedBtf,
} from "./fuzz.ts";

const inputs = loadFuzzInputs(0.02);
const REAL = ["7.3[rq,scx_sched]", "6.1[rq,task_struct]", "mod-fat.btf (split)"];

Deno.test("fuzz: 2,000 mutants throw only BtfErrors, each within 200 ms", () => {
  const report = runFuzz({ seed: 20240601, iterations: 2000, inputs, timeLimitMs: 200 });
  assert.equal(report.iterations, 2000);
  assert.deepEqual(report.failures.map(describeFailure), []);
  // The run must reach past the header: some mutants build, some are rejected, and the
  // queries on built tables both succeed and fail.
  assert.ok(report.built > 100, `only ${report.built} mutants built a table`);
  assert.ok(report.rejected > 100, `only ${report.rejected} mutants were rejected`);
  assert.ok(report.queryErrors > 0 && report.queryErrors < report.queries);
  assert.ok(report.maxMs < 200, `max ${report.maxMs} ms`);
});

Deno.test("fuzz: iterations are deterministic and independent of each other", () => {
  const a = runFuzz({ seed: 7, start: 100, iterations: 150, inputs });
  const b = runFuzz({ seed: 7, start: 100, iterations: 150, inputs });
  const c = runFuzz({ seed: 8, start: 100, iterations: 150, inputs });
  assert.equal(a.digest, b.digest);
  assert.notEqual(a.digest, c.digest);
  // Iteration 120 alone is the same mutant as iteration 120 inside the run.
  const alone = makeMutant(7, 120, inputs);
  const again = makeMutant(7, 120, inputs);
  assert.deepEqual(alone.mutations, again.mutations);
  assert.deepEqual(alone.bytes, again.bytes);
  assert.ok(alone.mutations.length >= 1);
  const r = new Rng(1), s = new Rng(1);
  const xs = Array.from({ length: 8 }, () => r.u32());
  assert.deepEqual(xs, Array.from({ length: 8 }, () => s.u32()));
  assert.equal(new Set(xs).size, 8);
  assert.notEqual(iterationRng(1, 2).u32(), iterationRng(1, 3).u32());
});

Deno.test("fuzz: the unmutated inputs build and answer (the target is really exercised)", () => {
  for (const input of inputs) {
    const { built, stats } = exercise(input.bytes, input.base, new Rng(3));
    if (input.name === "vmlinux[0..256K]") {
      // Truncated, its header's sections run past the end: rejected before any query.
      assert.ok(!built, "truncated vmlinux is rejected");
      continue;
    }
    assert.ok(built, `${input.name} builds`);
    assert.ok(stats.calls > stats.errors, `${input.name}: some queries succeed`);
  }
});

Deno.test("fuzz: a non-BtfError from the target is reported with its seed and iteration", () => {
  // A fake input that is not BTF at all makes extractBtf throw a BtfError: rejected, fine.
  const junk = { name: "junk", bytes: new Uint8Array([1, 2, 3, 4]) };
  const ok = runFuzz({ seed: 1, iterations: 20, inputs: [junk] });
  assert.equal(ok.failures.length, 0);
  assert.equal(ok.rejected, 20);
  // A base whose accessors throw TypeError must be reported as a failure, not swallowed.
  const broken = {
    name: "split_mod.btf",
    bytes: inputs.find((i) => i.name === "split_mod.btf")!.bytes,
    base: {
      get lastId(): number {
        throw new TypeError("boom");
      },
    } as never,
  };
  assert.throws(() => exercise(broken.bytes, broken.base, new Rng(1)), /^TypeError: boom$/);
  const bad = runFuzz({ seed: 5, start: 40, iterations: 10, inputs: [broken] });
  // Mutants rejected before the base is touched are fine; the others must be failures.
  assert.equal(bad.failures.length + bad.rejected + bad.built, 10);
  assert.ok(bad.failures.length >= 1);
  assert.equal(bad.built, 0);
  for (const f of bad.failures) {
    assert.equal(f.seed, 5);
    assert.ok(f.iteration >= 40 && f.iteration < 50);
    assert.equal(f.kind, "exception");
    assert.match(f.detail, /^TypeError: boom/);
    assert.match(describeFailure(f), new RegExp(`^seed 5 iteration ${f.iteration} \\(split_mod`));
  }
  assert.ok(!(new TypeError("x") instanceof BtfError));
});

Deno.test("fuzz corpus: the synthetic inputs read as intended", () => {
  // Name-sorted: the table must notice and answer by binary search, duplicates in id order.
  const sorted = BtfTypes.build(sortedBtf());
  assert.equal(sorted.sortedByName, true);
  assert.deepEqual(sorted.byName("dup"), [7, 8]);
  assert.deepEqual(sorted.byName("a_int"), [6]);
  assert.deepEqual(sorted.byName("nope"), []);
  assert.deepEqual(sorted.byName("zzz"), []);
  assert.deepEqual(sorted.byName(".data..percpu"), [5]);
  assert.equal(findStruct(sorted, "dup"), 7);
  const rq = findStruct(sorted, "rq");
  assert.equal(rq, 10);
  assert.equal(memberOffset(sorted, rq, "nr_running"), 4);
  // nest (kind_flag): bf is a 3-bit field at bit 1; the anonymous union at byte 4 holds an
  // anonymous struct with inner_y at +4.
  assert.equal(memberOffset(sorted, 9, "inner_y"), 8);
  assert.equal(memberOffset(sorted, 9, "u_alt"), 4);
  assert.equal(memberOffset(sorted, 9, "tail"), 12);
  assert.throws(() => memberOffset(sorted, 9, "bf"), /non-byte-aligned offset \(1 bits\)/);
  assert.equal(datasecVarOffset(sorted, ".data..percpu", "v_pcpu"), 64);
  // Kind layout: the unknown kind 20 is sized from the layout section.
  const layout = BtfTypes.build(layoutBtf());
  assert.equal(layout.sortedByName, false);
  assert.equal(layout.count, 14);
  assert.equal(kindName(layout.kind(14)), "kind 20");
  assert.equal(layout.name(14), "future");
  assert.equal(findStruct(layout, "task_struct"), 12);
  // 32-bit ELF: the .BTF section comes out byte for byte.
  const elf = extractBtf(memorySource(elf32(sortedBtf())));
  assert.equal(elf.format, "elf");
  assert.deepEqual(elf.bytes, sortedBtf());
});

Deno.test("fuzz corpus: real kernels, raw, ELF and split, are in it and build", () => {
  const names = inputs.map((i) => i.name);
  for (const name of ["vmlinux-7.3.btf", "vmlinux-6.1.btf", "vmlinux-6.1 (ELF)", ...REAL]) {
    if (name.startsWith("mod-") && !names.includes(name)) continue; // fetched by btf/image
    assert.ok(names.includes(name), `${name} missing from ${names.join(", ")}`);
  }
  const elf = inputs.find((i) => i.name === "vmlinux-6.1 (ELF)")!;
  const raw = inputs.find((i) => i.name === "vmlinux-6.1.btf")!;
  assert.deepEqual(extractBtf(memorySource(elf.bytes)).bytes, raw.bytes);
});

Deno.test("fuzz corpus: a kernel closure keeps the real records (rq's offsets as in the kernel)", () => {
  const whole = BtfTypes.build(inputs.find((i) => i.name === "vmlinux-7.3.btf")!.bytes);
  const cut = BtfTypes.build(kernelClosure(whole, ["rq"], 100_000));
  for (const field of ["nr_running", "clock", "scx", "curr", "cpu"]) {
    assert.equal(
      memberOffset(cut, findStruct(cut, "rq"), field),
      memberOffset(whole, findStruct(whole, "rq"), field),
      field,
    );
  }
  assert.ok(cut.count < whole.count / 2, `${cut.count} of ${whole.count} types`);
  // Cut short, references past the cut become void and the blob is still valid BTF.
  const small = BtfTypes.build(kernelClosure(whole, ["rq"], 50));
  assert.equal(small.count, 50);
  const rq = findStruct(small, "rq"), wholeRq = findStruct(whole, "rq");
  assert.equal(small.size(rq), whole.size(wholeRq));
  assert.equal(small.vlen(rq), whole.vlen(wholeRq));
});

Deno.test("fuzz: 3,000 mutants of real kernels throw only BtfErrors, each within 1 s", () => {
  const real = inputs.filter((i) => REAL.includes(i.name));
  assert.ok(real.length >= 2);
  const report = runFuzz({ seed: 12, iterations: 3000, inputs: real, timeLimitMs: 1000 });
  assert.deepEqual(report.failures.map(describeFailure), []);
  assert.ok(report.built > 50, `only ${report.built} mutants built a table`);
  assert.ok(report.queryErrors > 0 && report.queryErrors < report.queries);
});
