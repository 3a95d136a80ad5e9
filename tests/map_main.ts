/**
 * Child process of tests/map_test.ts: loads a BTF file the way the library does under the
 * permissions it was started with, and prints what happened as JSON: the type count,
 * whether FFI advice was available, whether the blob is a file mapping inside the table,
 * and the minor page faults of a second load of the same file.
 * Run: deno run [permissions] tests/map_main.ts PATH
 */
import { loadBtf } from "../load/file.ts";
import { pageAdvice } from "../load/map.ts";

const path = Deno.args[0];
/** Minor faults so far (-1 where /proc may not be read: Deno wants -A for it). */
function faults(): number {
  try {
    return Number(Deno.readTextFileSync("/proc/self/stat").split(") ")[1].split(" ")[7]);
  } catch {
    return -1;
  }
}
const first = loadBtf(path).types;
const before = faults();
const second = loadBtf(path).types;
const secondLoadFaults = faults() - before;
let mapped = false;
const ffi = Deno.permissions.querySync({ name: "ffi" }).state === "granted";
if (ffi) {
  const base = Deno.UnsafePointer.value(Deno.UnsafePointer.of(new Uint8Array(second.buffer)));
  const end = base + BigInt(second.buffer.byteLength);
  mapped = Deno.readTextFileSync("/proc/self/maps").split("\n").some((line) => {
    const [range, , , , , file] = line.split(/\s+/);
    const [from, to] = (range ?? "").split("-").map((h) => BigInt(`0x${h || 0}`));
    return file === path && from >= base && to <= end;
  });
}
console.log(JSON.stringify({
  count: first.count,
  same: second.count === first.count,
  advice: pageAdvice() !== null,
  mapped,
  secondLoadFaults,
}));
