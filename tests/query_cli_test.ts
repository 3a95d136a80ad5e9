/**
 * The `struct`, `offset` and `enum` commands: exact human output, JSON, errors and exit
 * codes, on the fixtures and the real 7.3 kernel.
 */
import assert from "node:assert/strict";
import { Kind } from "../btf/kinds.ts";
import { BtfBuilder } from "./btf_builder.ts";
import {
  CLI,
  fixture,
  PINNED_73_BTF,
  runCli,
  SCHED_EXT_BTF,
  SCHED_EXT_VMLINUX,
  SCHED_EXT_VMLINUZ,
  spawnCli,
  tempDir,
} from "./helpers.ts";

const SCX_DISPATCH_Q = `struct scx_dispatch_q {
\traw_spinlock_t             lock;                 /*     0     4 */

\t/* XXX 4 bytes hole, try to pack */

\tstruct task_struct *       first_task;           /*     8     8 */
\tstruct list_head           list;                 /*    16    16 */
\tstruct rb_root             priq;                 /*    32     8 */
\tu32                        nr;                   /*    40     4 */
\tu32                        seq;                  /*    44     4 */
\tu64                        id;                   /*    48     8 */
\tstruct rhash_head          hash_node;            /*    56     8 */
\tstruct llist_node          free_node;            /*    64     8 */
\tstruct scx_sched *         sched;                /*    72     8 */
\tstruct scx_dsq_pcpu *      pcpu;                 /*    80     8 */
\tstruct callback_head       rcu;                  /*    88    16 */

\t/* size: 104, members: 12, holes: 1, sum holes: 4 */
};
`;

Deno.test("struct: scx_dispatch_q on 7.3 is pahole's layout, line for line", async () => {
  const { code, stdout, stderr } = await runCli(["struct", "-k", PINNED_73_BTF, "scx_dispatch_q"]);
  assert.equal(stderr, "");
  assert.equal(code, 0);
  const [idLine, ...rest] = stdout.split("\n");
  assert.match(idLine, /^\/\* type id \d+ \*\/$/);
  assert.equal(rest.join("\n"), SCX_DISPATCH_Q);
});

Deno.test("struct: every definition of a duplicate name with its id; errors exit 1", async () => {
  const { code, stdout, stderr } = await runCli([
    "struct",
    "-k",
    fixture("shapes.btf"),
    "twin",
    "nosuch",
  ]);
  assert.equal(code, 1);
  assert.deepEqual(stdout.split("\n").filter((l) => l.startsWith("/* type id")), [
    "/* type id 99 */",
    "/* type id 104 */",
    "/* type id 106 */",
  ]);
  assert.match(stdout, /^union twin \{$/m);
  assert.ok(
    stdout.includes(
      "\n\tchar                       block_scope_twin;     /*     0     1 */\n",
    ),
  );
  assert.equal(stderr, `ktstr-btf: ${fixture("shapes.btf")}: btf: type 'nosuch' not found\n`);
});

Deno.test("struct --json: members, bitfields, anonymous expansion, holes, --expand", async () => {
  const { code, stdout } = await runCli([
    "struct",
    "-k",
    fixture("shapes.btf"),
    "bits",
    "other_target",
    "--expand",
    "inner",
    "--json",
  ]);
  assert.equal(code, 0);
  const json = JSON.parse(stdout);
  assert.equal(json.source.path, fixture("shapes.btf"));
  assert.deepEqual(json.missing, {});
  const [bits, other] = json.structs;
  assert.deepEqual(bits.members[1], {
    name: "flag_b",
    offset: 0,
    size: 4,
    bit_offset: 1,
    bit_size: 3,
    type: "unsigned int",
    type_id: bits.members[0].type_id,
  });
  assert.deepEqual(bits.holes, [
    { after: "after", offset: 4, bits: 32, in_unit: false },
    { after: "late_odd", offset: 19, bits: 8, in_unit: true },
  ]);
  assert.deepEqual([bits.size, bits.padding, bits.kind], [24, 0, "struct"]);
  const inner = other.members[1].expanded;
  assert.deepEqual(
    inner.members.map((m: { name: string; offset: number }) => [m.name, m.offset]),
    [["t0", 8], ["t1", 16]],
  );
});

Deno.test("struct: usage errors are one line, exit 2; a bad --expand exits 1", async () => {
  const none = await runCli(["struct", "-k", fixture("shapes.btf")]);
  assert.deepEqual(none, {
    code: 2,
    stdout: "",
    stderr: "ktstr-btf: struct needs a NAME; see 'ktstr-btf struct --help'\n",
  });
  const bad = await runCli(["struct", "-k", fixture("shapes.btf"), "chains", "--expand", "ptr"]);
  assert.equal(bad.code, 1);
  assert.equal(
    bad.stderr,
    `ktstr-btf: ${
      fixture("shapes.btf")
    }: btf: cannot expand 'ptr': 'ptr' is struct target *, not a struct or union\n`,
  );
  const unused = await runCli(["struct", "-k", fixture("shapes.btf"), "target", "--expand", "zzz"]);
  assert.equal(unused.code, 1);
  assert.equal(
    unused.stderr,
    `ktstr-btf: ${fixture("shapes.btf")}: --expand zzz: btf: no NAME has a member 'zzz'\n`,
  );
  const missing = await runCli(["struct", "-k", "/nonexistent", "rq"]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^ktstr-btf: btf: open \/nonexistent: .*\n$/);
});

Deno.test("offset: the four example paths on the real 7.3 kernel (values from pahole)", async () => {
  const { code, stdout } = await runCli([
    "offset",
    "-k",
    PINNED_73_BTF,
    "rq.scx.local_dsq.nr",
    "task_struct.se.avg.util_avg",
    "kernel_cpustat.cpustat[5]",
    "rq.curr->scx.dsq_vtime",
  ]);
  assert.equal(code, 0);
  assert.equal(
    stdout,
    `rq.scx.local_dsq.nr
  offset 2592 (0xa20)  size 4  u32
  via rq.scx > scx_rq.local_dsq > scx_dispatch_q.nr

task_struct.se.avg.util_avg
  offset 432 (0x1b0)  size 8  long unsigned int
  via task_struct.se > sched_entity.avg > sched_avg.util_avg

kernel_cpustat.cpustat[5]
  offset 72 (0x48)  size 8  u64
  via kernel_cpustat.cpustat[5]

rq.curr->scx.dsq_vtime
  rq.curr
    offset 24 (0x18)  size 8  struct task_struct *
    via rq.curr
  task_struct.scx.dsq_vtime
    offset 992 (0x3e0)  size 8  u64
    via task_struct.scx > sched_ext_entity.dsq_vtime
`,
  );
});

Deno.test("offset --json: hops and chain; an unresolved path exits 1 and names it", async () => {
  const { code, stdout, stderr } = await runCli([
    "offset",
    "-k",
    fixture("shapes.btf"),
    "chains.ptr->t1",
    "nest.nope",
    "--json",
  ]);
  assert.equal(code, 1);
  assert.equal(
    stderr,
    `ktstr-btf: ${
      fixture("shapes.btf")
    }: btf: resolve nest.nope: btf: struct 'nest' has no member 'nope'\n`,
  );
  const json = JSON.parse(stdout);
  assert.deepEqual(json.missing, {
    "nest.nope": "btf: resolve nest.nope: btf: struct 'nest' has no member 'nope'",
  });
  const [p] = json.paths;
  assert.deepEqual(
    { ...p, type_id: 0, hops: p.hops.map((h: object) => ({ ...h, type_id: 0 })) },
    {
      path: "chains.ptr->t1",
      base: "target",
      expr: "target.t1",
      offset: 8,
      size: 8,
      type: "long",
      type_id: 0,
      chain: ["target.t1"],
      hops: [
        {
          base: "chains",
          expr: "chains.ptr",
          offset: 0,
          size: 8,
          type: "struct target *",
          type_id: 0,
          chain: ["chains.ptr"],
        },
        {
          base: "target",
          expr: "target.t1",
          offset: 8,
          size: 8,
          type: "long",
          type_id: 0,
          chain: ["target.t1"],
        },
      ],
    },
  );
});

Deno.test("enum: enum types and enumerators, ENUM64 and signedness, exact JSON", async () => {
  const base = fixture("split_enums_base.btf");
  const human = await runCli(["enum", "-k", base, "enum_sbig", "ENUM_NEG", "ENUM_ANON_A"]);
  assert.equal(human.code, 0);
  assert.equal(
    human.stdout,
    `enum enum_sbig (type id 8, ENUM64, 8 bytes, signed)
  ENUM_SBIG_NEG           -4886718345  0xfffffffedcba9877
  ENUM_SBIG_MIN  -9223372036854775808  0x8000000000000000

ENUM_NEG = -5 (0xfffffffb) in enum enum_signed (type id 1, signed)

ENUM_ANON_A = 40 (0x28) in an anonymous enum (type id 3, unsigned)
`,
  );
  // JSON keeps 64-bit values exact: integer literals, not rounded doubles.
  const json = await runCli(["enum", "-k", base, "ENUM_BIG_HUGE", "enum_u32", "--json"]);
  assert.equal(json.code, 0);
  assert.match(json.stdout, /"value": 18364758544493064720,/);
  const parsed = JSON.parse(json.stdout);
  assert.deepEqual(parsed.results[1], {
    enums: [{
      name: "enum_u32",
      type_id: 5,
      kind: "ENUM",
      size: 4,
      signed: false,
      enumerators: [{ name: "ENUM_U32_MAX", value: 4294967295 }],
    }],
  });
  assert.deepEqual(
    { ...parsed.results[0], value: 0 },
    { enumerator: "ENUM_BIG_HUGE", value: 0, signed: false, enum: "enum_big", type_id: 6 },
  );
});

Deno.test("enum: split BTF over --base finds the base's enumerator first; unknown exits 1", async () => {
  const mod = await runCli([
    "enum",
    "-k",
    fixture("split_enums_mod.btf"),
    "--base",
    fixture("split_enums_base.btf"),
    "ENUM_SHARED",
  ]);
  assert.equal(mod.code, 0);
  assert.match(
    mod.stdout,
    /^ENUM_SHARED = 11 \(0xb\) in enum enum_first \(type id \d+, unsigned\)\n$/,
  );
  const unknown = await runCli(["enum", "-k", fixture("split_enums_base.btf"), "NOPE"]);
  assert.equal(unknown.code, 1);
  assert.equal(
    unknown.stderr,
    `ktstr-btf: ${fixture("split_enums_base.btf")}: btf: no enum or enumerator named 'NOPE'\n`,
  );
});

Deno.test("query commands read a cache key like kernel does", async () => {
  using dir = tempDir();
  Deno.mkdirSync(`${dir.path}/k1`);
  Deno.copyFileSync(fixture("shapes.btf"), `${dir.path}/k1/vmlinux`);
  const out = await runCli(["offset", "-k", "k1", "--cache-dir", dir.path, "nest.deep_field"]);
  assert.deepEqual(out, {
    code: 0,
    stdout: "nest.deep_field\n  offset 24 (0x18)  size 8  long\n  via nest.deep_field\n",
    stderr: "",
  });
  const help = spawnCli(["struct", "--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: ktstr-btf struct NAME\.\.\. \[options\]/);
});

Deno.test("struct reads an ELF vmlinux exactly as its raw .BTF", async () => {
  const raw = await runCli(["struct", "-k", SCHED_EXT_BTF, "scx_rq", "--json"]);
  const elf = await runCli(["struct", "-k", SCHED_EXT_VMLINUX, "scx_rq", "--json"]);
  const pinned = await runCli(["struct", "-k", PINNED_73_BTF, "scx_rq", "--json"]);
  assert.equal(raw.code, 0);
  assert.equal(elf.code, 0);
  const strip = (out: string) => JSON.parse(out).structs;
  assert.deepEqual(strip(elf.stdout), strip(raw.stdout));
  assert.equal(JSON.parse(elf.stdout).source.format, "elf");
  assert.equal(strip(pinned.stdout)[0].size, 672);
});

Deno.test("query commands read a vmlinuz and standard input like kernel does", async () => {
  const path = "rq.scx.local_dsq.nr";
  const fromImage = await runCli(["offset", "-k", SCHED_EXT_VMLINUZ, path, "--json"]);
  const fromRaw = await runCli(["offset", "-k", SCHED_EXT_BTF, path, "--json"]);
  const pinned = await runCli(["offset", "-k", PINNED_73_BTF, path, "--json"]);
  assert.equal(fromImage.code, 0, fromImage.stderr);
  assert.deepEqual(JSON.parse(fromImage.stdout).paths, JSON.parse(fromRaw.stdout).paths);
  assert.equal(JSON.parse(pinned.stdout).paths[0].offset, 2592);
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, "enum", "-k", "-", "ENUM_NEG"],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(Deno.readFileSync(fixture("split_enums_base.btf")));
  await writer.close();
  const out = await child.output();
  assert.equal(new TextDecoder().decode(out.stderr), "");
  assert.equal(
    new TextDecoder().decode(out.stdout),
    "ENUM_NEG = -5 (0xfffffffb) in enum enum_signed (type id 1, signed)\n",
  );
});

// deno-lint-ignore no-control-regex
const CONTROLS_BUT_TAB_NEWLINE = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
// deno-lint-ignore no-control-regex
const CONTROLS_BUT_NEWLINE = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

Deno.test("query commands escape control characters in BTF names: a name cannot drive the terminal", async () => {
  // Names are not checked to be C identifiers (docs/TESTING.md: What is validated): a hostile BTF
  // may name a struct, a member, a typedef or an enumerator with escapes and line breaks.
  const b = new BtfBuilder();
  const int = b.int("int\x1b[2J", 4);
  b.struct("evil\x1b]0;pwned\x07", 8, [["a\nb", int, 0], ["c", int, 32]]);
  // A path names identifiers only; its type may still be any name.
  b.struct("plain", 4, [["c", int, 0]]);
  b.raw("e\x1b[31m", Kind.ENUM, 1, 4, [b.str("E_\x9bX"), 7]);
  using dir = tempDir();
  const path = `${dir.path}/evil.btf`;
  Deno.writeFileSync(path, b.build());
  const outputs = [
    await runCli(["struct", "evil\x1b]0;pwned\x07", "-k", path]),
    await runCli(["offset", "plain.c", "-k", path]),
    await runCli(["enum", "e\x1b[31m", "-k", path]),
    await runCli(["enum", "E_\x9bX", "-k", path]),
  ];
  for (const out of outputs) {
    assert.equal(out.code, 0, out.stderr);
    assert.ok(!CONTROLS_BUT_TAB_NEWLINE.test(out.stdout), JSON.stringify(out.stdout));
  }
  const [struct, offset, enumerated, enumerator] = outputs.map((o) => o.stdout);
  assert.ok(struct.includes("struct evil\\x1b]0;pwned\\x07 {"), struct);
  assert.ok(struct.includes("int\\x1b[2J"), struct);
  assert.ok(struct.includes("a\\nb;"), struct);
  assert.ok(offset.includes("size 4  int\\x1b[2J"), offset);
  assert.ok(enumerated.startsWith("enum e\\x1b[31m (type id 4"), enumerated);
  assert.ok(enumerated.includes("\n  E_\\x9bX  7  0x7\n"), enumerated);
  assert.equal(enumerator, "E_\\x9bX = 7 (0x7) in enum e\\x1b[31m (type id 4, unsigned)\n");
  // --json: every such character is a \\u escape, and the names read back unchanged.
  const json = await runCli(["enum", "e\x1b[31m", "--json", "-k", path]);
  assert.equal(json.code, 0, json.stderr);
  assert.ok(!CONTROLS_BUT_NEWLINE.test(json.stdout), JSON.stringify(json.stdout));
  assert.ok(json.stdout.includes('"E_\\u009bX"'), json.stdout);
  const parsed = JSON.parse(json.stdout).results[0].enums[0];
  assert.equal(parsed.name, "e\x1b[31m");
  assert.equal(parsed.enumerators[0].name, "E_\x9bX");
});
