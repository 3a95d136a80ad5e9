/**
 * The s390 kernel image (arch/s390/boot/: `bzImage`, installed as `vmlinuz`): the IPL
 * header (a PSW and two channel commands in the first 24 bytes, head.S), the entry point
 * table `S390EP` at 0x10008 (s390 kernel ABI), the decompressor, then the compressed kernel,
 * a flat binary (`objcopy -O binary` of vmlinux) whose BTF is big-endian.
 *
 * Where the payload starts: the boot linker script (arch/s390/boot/vmlinux.lds.S) places
 * `.vmlinux.bin.compressed` at `_compressed_start`, 8-byte aligned, after the decompressor's
 * own sections, and the decompressor finds it by that link-time symbol only (no header field
 * records it, and what lies between the decompressor's `.bss`, `.vmlinux.info`, its symbol
 * table and relocations changes between kernel versions). So the payload is looked for the
 * way that layout allows: every 8-byte aligned offset past the decompressor's start (0x10000)
 * where a compression's magic occurs, in file order. The caller decompresses each until one
 * decodes to a flat binary with a valid BTF (see btf_scan.ts); magics in the decompressor's
 * code (Debian's 7.2 has four zstd ones, none aligned) fail to decode or hold no BTF.
 * Pure: reads only through the ByteSource it is given.
 * @module
 */
import type { ByteSource } from "../elf.ts";
import { type Candidate, compressionAt, MAGICS } from "./compression.ts";

/** How many leading bytes {@link isS390Head} needs. */
export const S390_HEAD_BYTES = 24;

/** Offset of the entry point table's `S390EP` (head.S: `.org EP_OFFSET`). */
export const S390_EP_OFFSET = 0x10008;

/** Where the decompressor starts (head.S: `.org 0x10000`, `startup`). */
export const S390_STARTUP = 0x10000;

/** The two channel commands at 8..23 that load the rest of the IPL program (head.S). */
const IPL_CCWS = [0x02, 0, 0, 0x18, 0x60, 0, 0, 0x50, 0x02, 0, 0, 0x68, 0x60, 0, 0, 0x50];

/** "S390EP" */
const EP_STRING = [0x53, 0x33, 0x39, 0x30, 0x45, 0x50];

/** Whether `head` starts with the s390 IPL header: the PSW `00080000 80xxxxxx`, then the CCWs. */
export function isS390Head(head: Uint8Array): boolean {
  if (head.length < S390_HEAD_BYTES) return false;
  if (head[0] !== 0 || head[1] !== 0x08 || head[2] !== 0 || head[3] !== 0 || head[4] !== 0x80) {
    return false;
  }
  return IPL_CCWS.every((b, i) => head[8 + i] === b);
}

/** Whether `src` is an s390 kernel image: the IPL header and `S390EP` at 0x10008. */
export function isS390Image(src: ByteSource): boolean {
  if (src.size < S390_EP_OFFSET + EP_STRING.length) return false;
  if (!isS390Head(src.read(0, S390_HEAD_BYTES))) return false;
  const ep = src.read(S390_EP_OFFSET, EP_STRING.length);
  return EP_STRING.every((b, i) => ep[i] === b);
}

const CHUNK = 1 << 20;
const LONGEST_MAGIC = Math.max(...MAGICS.map((m) => m.magic.length));
/** The magics' first bytes: most offsets are passed over by one lookup. */
const FIRST = new Uint8Array(256);
for (const { magic } of MAGICS) FIRST[magic[0]] = 1;

/**
 * Every 8-byte aligned offset past {@link S390_STARTUP} where a compression's magic occurs,
 * in file order, at most `limit`, found as they are asked for: the file is read in 1 MiB
 * pieces only as far as the caller goes (the payload follows the decompressor, ~1 MB in).
 */
export function* s390PayloadCandidates(src: ByteSource, limit = 32): Generator<Candidate> {
  let found = 0;
  for (let at = S390_STARTUP; at < src.size && found < limit; at += CHUNK) {
    const bytes = src.read(at, Math.min(CHUNK + LONGEST_MAGIC, src.size - at));
    for (let i = 0; i < CHUNK && i < bytes.length && found < limit; i += 8) {
      if (FIRST[bytes[i]] === 0) continue;
      const compression = compressionAt(bytes, i);
      if (compression === null) continue;
      found++;
      yield { compression, offset: at + i };
    }
  }
}
