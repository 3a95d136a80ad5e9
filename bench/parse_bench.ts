/**
 * deno bench: reading, parsing and indexing the host BTF (the pinned Debian 7.3.4 BTF where
 * the host has none), and resolving the offset groups. Run: deno task bench
 */
import { BtfTypes, loadBtf } from "../mod.ts";
import { TableArena } from "../btf/arena.ts";
import { parseHeader } from "../btf/header.ts";
import { swapByteOrder } from "../btf/swap.ts";
import { pageAdvice } from "../load/map.ts";
import { GROUP_NAMES, resolveNamedGroup, resolveOffsets } from "../resolvers/mod.ts";
import { resolvePooled } from "../workers/fanout.ts";
import { WorkerPool } from "../workers/pool.ts";
import { kernelConstants } from "../resolvers/constants.ts";

const HOST_BTF = (() => {
  try {
    return Deno.statSync("/sys/kernel/btf/vmlinux").isFile ? "/sys/kernel/btf/vmlinux" : "";
  } catch {
    return "";
  }
})() || new URL("../testdata/.cache/debian-7.3.4+deb13-amd64.btf", import.meta.url).pathname;
const bytes = Deno.readFileSync(HOST_BTF);
// A regular file (read, not mapped), removed when the process ends.
const HOST_COPY = Deno.makeTempFileSync({ suffix: ".btf" });
Deno.writeFileSync(HOST_COPY, bytes);
globalThis.addEventListener("unload", () => Deno.removeSync(HOST_COPY));
const types = BtfTypes.build(bytes);

// "index": the indexes a report builds (type names, enumerators; buildIndexes), not the
// FUNC names' index, which no lookup of ours needs.
Deno.bench("read + parse + index host BTF", { group: "load", baseline: true }, () => {
  loadBtf(HOST_BTF).types.buildIndexes();
});

Deno.bench(
  "read + parse host BTF (no index: what struct and offset need)",
  { group: "load" },
  () => {
    loadBtf(HOST_BTF);
  },
);

Deno.bench("parse + index host BTF (bytes in memory)", { group: "load" }, () => {
  BtfTypes.build(bytes).buildIndexes();
});

// The batch driver's way: each table's memory is recycled for the next (no fresh page).
const arena = new TableArena(pageAdvice() ?? undefined);
Deno.bench(
  "read + parse + index a copy of the host BTF, recycled memory",
  { group: "load" },
  () => {
    const { types } = loadBtf(HOST_COPY, undefined, arena);
    types.buildIndexes();
    arena.release(types);
  },
);
Deno.bench("read + parse + index a copy of the host BTF, fresh memory", { group: "load" }, () => {
  loadBtf(HOST_COPY).types.buildIndexes();
});

// The same kernel big-endian (as an s390x kernel's BTF is): swapped once when the table is
// built (btf/swap.ts); the difference from the little-endian parse is the swap's cost.
const bigEndian = bytes.slice();
swapByteOrder(bigEndian, parseHeader(bigEndian));
Deno.bench(
  "parse host BTF, little-endian (bytes in memory)",
  { group: "endian", baseline: true },
  () => {
    BtfTypes.build(bytes);
  },
);
Deno.bench("parse host BTF, big-endian (bytes in memory, swapped)", { group: "endian" }, () => {
  BtfTypes.build(bigEndian);
});

Deno.bench("resolve all groups inline", { group: "resolve", baseline: true }, () => {
  resolveOffsets(types);
});

// Cold: a fresh view of the same table has no per-table memo (struct ids, event path, enums),
// so each iteration resolves as a new kernel would.
Deno.bench("resolve all groups cold (fresh table view)", { group: "cold", baseline: true }, () => {
  resolveOffsets(BtfTypes.attach(types.buffer));
});

Deno.bench("resolve all groups + constants cold (fresh table view)", { group: "cold" }, () => {
  const fresh = BtfTypes.attach(types.buffer);
  resolveOffsets(fresh);
  kernelConstants(fresh);
});

for (const name of GROUP_NAMES) {
  Deno.bench(`resolve ${name}`, { group: "resolve" }, () => {
    resolveNamedGroup(types, name);
  });
}

// Inline vs pool for one kernel's groups. The pools are started once, outside the timing,
// so this measures the fan-out itself (start-up cost is what bench/compare.sh shows).
const pools = [1, 2].map((n) => WorkerPool.start(n));
for (const [i, pool] of pools.entries()) {
  Deno.bench(
    `resolve all groups, pool of ${i + 1} + main thread`,
    { group: "resolve" },
    async () => {
      await resolvePooled(pool, types, GROUP_NAMES);
    },
  );
  Deno.bench(`resolve all groups, pool of ${i + 1} only`, { group: "resolve" }, async () => {
    await resolvePooled(pool, types, GROUP_NAMES, { mainThread: false });
  });
}
globalThis.addEventListener("unload", () => pools.forEach((p) => p.close()));
