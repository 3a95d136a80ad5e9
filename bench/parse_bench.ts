/**
 * deno bench: reading, parsing and indexing the host BTF, and resolving the offset groups.
 * Run: deno task bench
 */
import { BtfTypes, loadBtf } from "../mod.ts";
import { GROUP_NAMES, resolveNamedGroup, resolveOffsets } from "../resolvers/mod.ts";

const HOST_BTF = "/sys/kernel/btf/vmlinux";
const bytes = Deno.readFileSync(HOST_BTF);
const types = BtfTypes.build(bytes);

Deno.bench("read + parse + index host BTF", { group: "load", baseline: true }, () => {
  loadBtf(HOST_BTF);
});

Deno.bench("parse + index host BTF (bytes in memory)", { group: "load" }, () => {
  BtfTypes.build(bytes);
});

Deno.bench("resolve all groups inline", { group: "resolve", baseline: true }, () => {
  resolveOffsets(types);
});

for (const name of GROUP_NAMES) {
  Deno.bench(`resolve ${name}`, { group: "resolve" }, () => {
    resolveNamedGroup(types, name);
  });
}
