/**
 * Fuzzing of kernel images (the long run, tests/fuzz_main.ts `--images`): a small ELF with a
 * `.BTF` section compressed by each compressor as the kernel's build does (size trailer
 * included), behind a real x86 boot header, mutated by {@link imageMutant}; and the synthetic
 * flat images ({@link syntheticImage}: arm64 and riscv64 `Image`s, uncompressed and gzip'd,
 * EFI zboot wrappers, an s390-like image), mutated by {@link flatMutant}. Each goes to the
 * image reader, then its BTF to the table build, which must answer with a table or a
 * one-line BtfError, in bounded time.
 * @module
 */
import assert from "node:assert/strict";
import { gzipSync, zstdCompressSync } from "node:zlib";
import { memorySource } from "../btf/elf.ts";
import { BtfError } from "../btf/errors.ts";
import type { Codec } from "../btf/image/codecs/stream.ts";
import { btfFromImage } from "../btf/image/image.ts";
import { buildTypes } from "../btf/split.ts";
import { imageMutant, iterationRng, type Rng, threadCpuMs } from "./fuzz.ts";
import { fixture } from "./helpers.ts";

/** The ELF every payload holds (a C fixture with `.BTF`). */
export const IMAGE_ELF = fixture("era_7_1.o");

/** The compressors and command lines testdata/repack-bzimage.sh uses for the kernel. */
const COMPRESSORS: Record<string, string[]> = {
  gzip: ["gzip", "-1", "-n", "-c"],
  zstd: ["zstd", "-1", "-q", "-c"],
  xz: ["xz", "--check=crc32", "--x86", "--lzma2=preset=1", "-c"],
  lzma: ["xz", "--format=lzma", "--lzma1=preset=0,dict=16MiB", "-c"],
  bzip2: ["bzip2", "-1", "-c"],
  lzo: ["lzop", "-1", "-c"],
  lz4: ["lz4", "-l", "-1", "-c"],
};

/** `elf` compressed by `argv` from a pipe, as the kernel's build compresses vmlinux. */
export function compressWith(argv: string[], elf = IMAGE_ELF): Uint8Array {
  const out = new Deno.Command("bash", {
    args: ["-c", 'cat "$1" | "${@:2}"', "sh", elf, ...argv],
    stdout: "piped",
  }).outputSync();
  if (!out.success) throw new Error(`${argv.join(" ")} failed`);
  return out.stdout;
}

/** `bytes` compressed by `argv` from a pipe (see {@link compressWith}). */
export function compressBytes(bytes: Uint8Array, argv: string[]): Uint8Array {
  const dir = Deno.makeTempDirSync();
  try {
    Deno.writeFileSync(`${dir}/in`, bytes);
    return compressWith(argv, `${dir}/in`);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

/** `length` bytes no compressor shrinks (a linear congruential generator's high bytes). */
export function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** `parts` one after the other. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Everything `codec` outputs for `bytes`, joined. */
export async function decoded(codec: Codec, bytes: Uint8Array, size?: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await codec(memorySource(bytes), (chunk) => (parts.push(chunk.slice()), true), size);
  return concat(...parts);
}

/** The message of the Error `codec` throws for `bytes` (fails when it throws none, or a trap). */
export async function codecError(codec: Codec, bytes: Uint8Array, size?: number): Promise<string> {
  try {
    await codec(memorySource(bytes), () => true, size);
  } catch (err) {
    assert.ok(err instanceof Error && !(err instanceof WebAssembly.RuntimeError), String(err));
    return err.message;
  }
  throw new Error("no error");
}

/** `payload` followed by the kernel's 4-byte little-endian decompressed size. */
export function withTrailer(payload: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(payload.length + 4);
  out.set(payload);
  new DataView(out.buffer).setUint32(payload.length, size, true);
  return out;
}

/**
 * One payload per compressor, each with the size trailer the kernel's build appends (all but
 * gzip, whose own footer holds the size).
 */
export function imagePayloads(): { name: string; payload: Uint8Array }[] {
  const size = Deno.statSync(IMAGE_ELF).size;
  return Object.entries(COMPRESSORS).map(([name, argv]) => {
    const compressed = compressWith(argv);
    return { name, payload: name === "gzip" ? compressed : withTrailer(compressed, size) };
  });
}

/**
 * Forms the kernel's build does not make that take the stepwise decoders: an xz stream with
 * SHA-256 checks (verified by codecs.wasm's checks.c) and lzma whose trailer is over the
 * single-call limit (a circular dictionary).
 */
export function stepwisePayloads(): { name: string; payload: Uint8Array }[] {
  const size = Deno.statSync(IMAGE_ELF).size;
  return [
    { name: "xz-sha256", payload: withTrailer(compressWith(["xz", "--check=sha256", "-c"]), size) },
    { name: "lzma-stepwise", payload: withTrailer(compressWith(COMPRESSORS.lzma), 0xffffffff) },
  ];
}

// ---- Synthetic flat images ----------------------------------------------------------------

/** The BTF the synthetic flat images carry (the 7.3 era fixture), little-endian. */
export const FLAT_BTF = fixture("era_7_3.btf");
/** The same types compiled for bpfeb: the big-endian BTF of the s390-like image. */
export const FLAT_BTF_BE = fixture("era_7_3_be.btf");

/** What {@link syntheticImage} builds. */
export interface SyntheticImageOptions {
  /** The Image header: arm64 (`ARM\x64`) or riscv64 (`RISCV`, `RSC\x05`); none: no header. */
  arch?: "arm64" | "riscv64" | "none";
  /** The BTF blob to place (default: {@link FLAT_BTF}'s bytes). */
  btf?: Uint8Array;
  /** Where it goes (default 0x8000, a page boundary). */
  btfAt?: number;
  /** Extra blobs to place at given offsets (a second, smaller BTF, say). */
  extra?: [number, Uint8Array][];
}

const u32le = (b: Uint8Array, at: number, v: number) =>
  new DataView(b.buffer, b.byteOffset).setUint32(at, v, true);

/**
 * An Image-like flat kernel: an EFI stub's `MZ` and PE header (Machine 0xaa64 or 0x5064)
 * with the arm64 or riscv Image header, then junk that holds false candidates (a bare
 * `9f eb 01 00`, a header whose sizes fit but whose first record is kind 25 with no layout,
 * a big-endian `eb 9f 01 00`, a copy of the real header over junk), then the real BTF at a
 * page boundary, then more junk.
 */
export function syntheticImage(opts: SyntheticImageOptions = {}): Uint8Array {
  const btf = opts.btf ?? Deno.readFileSync(FLAT_BTF);
  const at = opts.btfAt ?? 0x8000;
  const size = Math.ceil((at + btf.length + 0x1800) / 4096) * 4096;
  const image = noise(size, 7);
  image.fill(0, 0, 0x100);
  const arch = opts.arch ?? "arm64";
  if (arch !== "none") {
    image.set([0x4d, 0x5a], 0); // "MZ"
    u32le(image, 0x10, size); // image_size (low word)
    u32le(image, 0x3c, 0x40); // PE header offset
    image.set([0x50, 0x45, 0, 0], 0x40); // "PE\0\0"
    if (arch === "arm64") {
      image.set([0x41, 0x52, 0x4d, 0x64], 0x38); // "ARM\x64"
      image.set([0x64, 0xaa], 0x44);
    } else {
      image.set(new TextEncoder().encode("RISCV\0\0\0RSC\x05"), 0x30);
      image.set([0x64, 0x50], 0x44);
    }
  }
  // False candidates.
  image.set([0x9f, 0xeb, 1, 0], 0x1234);
  const plausible = new Uint8Array(40);
  plausible.set([0x9f, 0xeb, 1, 0]);
  for (const [i, v] of [[4, 24], [8, 0], [12, 12], [16, 12], [20, 4]]) u32le(plausible, i, v);
  u32le(plausible, 24 + 4, 25 << 24); // kind 25, no layout to size it
  image.set(plausible, 0x2000);
  image.set([0xeb, 0x9f, 1, 0], 0x3001);
  image.set(btf.subarray(0, 24), 0x4000);
  image.set(btf, at);
  for (const [where, blob] of opts.extra ?? []) image.set(blob, where);
  return image;
}

/** `flat` gzip'd: a bare compressed flat Image (`Image.gz`). */
export function gzipImage(flat: Uint8Array): Uint8Array {
  return gzipSync(flat);
}

/** The name Makefile.zboot writes at 24 for each compression. */
const ZBOOT_TYPES: Record<string, string> = {
  gzip: "gzip",
  zstd: "zstd22",
  xz: "xzkern",
  lzma: "lzma",
  lz4: "lz4",
  lzo: "lzo",
  bzip2: "bzip2",
};

/** `flat` compressed as the kernel's build does (`compression` one of {@link ZBOOT_TYPES}). */
export function compressFlat(flat: Uint8Array, compression: string): Uint8Array {
  if (compression === "gzip") return gzipSync(flat);
  if (compression === "zstd") return zstdCompressSync(flat);
  return compressBytes(flat, COMPRESSORS[compression]);
}

/**
 * An EFI zboot image (zboot-header.S) of `flat` compressed as `compression`: `MZ`, `zimg`,
 * the payload's offset (0x1000) and size, the compression's name at 24, a PE header (arm64),
 * the payload, and (all but gzip) the decompressed size after it. `type` overrides the name.
 */
export function syntheticZboot(flat: Uint8Array, compression: string, type?: string): Uint8Array {
  const payload = compressFlat(flat, compression);
  const trailer = compression === "gzip" ? 0 : 4;
  const image = new Uint8Array(0x1000 + payload.length + trailer + 512);
  image.set([0x4d, 0x5a, 0, 0, 0x7a, 0x69, 0x6d, 0x67]); // "MZ\0\0zimg"
  u32le(image, 8, 0x1000);
  u32le(image, 12, payload.length);
  image.set(new TextEncoder().encode(type ?? ZBOOT_TYPES[compression]), 24);
  image.set([0xcd, 0x23, 0x82, 0x81], 0x38); // LINUX_PE_MAGIC
  u32le(image, 0x3c, 0x40);
  image.set([0x50, 0x45, 0, 0, 0x64, 0xaa], 0x40); // "PE\0\0", arm64
  image.set(payload, 0x1000);
  if (trailer) u32le(image, 0x1000 + payload.length, flat.length);
  return image;
}

/** Where {@link syntheticS390} puts its payload (8-byte aligned, past the decompressor). */
export const S390_PAYLOAD_AT = 0x14000;

/**
 * An s390-like image (arch/s390/boot): the IPL PSW and channel commands, `S390EP` at
 * 0x10008, a "decompressor" of junk with false zstd magics (unaligned at 0x12345, aligned
 * at 0x13000 over junk) and a false aligned gzip magic, then at {@link S390_PAYLOAD_AT} the
 * zstd of a flat binary holding the big-endian BTF at a page boundary, its size trailer, zero
 * padding and the secure-boot trailer (`zIPL`). With `compressed` false, the flat binary
 * itself lies there (CONFIG_KERNEL_UNCOMPRESSED).
 */
export function syntheticS390(compressed = true): Uint8Array {
  const flat = syntheticImage({ arch: "none", btf: Deno.readFileSync(FLAT_BTF_BE) });
  const payload = compressed ? zstdCompressSync(flat) : flat;
  const end = Math.ceil((S390_PAYLOAD_AT + payload.length + 4 + 32) / 4096) * 4096;
  const image = new Uint8Array(end);
  image.set([0, 8, 0, 0, 0x80, 0, 0x02, 0]);
  image.set([2, 0, 0, 0x18, 0x60, 0, 0, 0x50, 2, 0, 0, 0x68, 0x60, 0, 0, 0x50], 8);
  image.fill(0x40, 24, 80);
  image.set(noise(S390_PAYLOAD_AT - 0x10010, 3), 0x10010);
  image.set([0xa7, 0xf4, 0, 0x0c, 0, 0, 0, 0, 0x53, 0x33, 0x39, 0x30, 0x45, 0x50, 0, 1], 0x10000);
  image.set([0x28, 0xb5, 0x2f, 0xfd], 0x12345);
  image.set([0x28, 0xb5, 0x2f, 0xfd], 0x13000);
  image.set([0x1f, 0x8b, 0x08], 0x13800);
  image.set(payload, S390_PAYLOAD_AT);
  if (compressed) u32le(image, S390_PAYLOAD_AT + payload.length, flat.length);
  image.set([0, 0, 0, 0x20, 0x7a, 0x49, 0x50, 0x4c], end - 8); // the zIPL trailer's last quad
  return image;
}

/** A synthetic flat image to mutate, and the 32-bit fields worth edge values. */
export interface FlatFuzzImage {
  /** What it is. */
  name: string;
  /** The image. */
  image: Uint8Array;
  /** Offsets of little- or big-endian 32-bit fields (headers' sizes and offsets). */
  fields: number[];
}

/** The synthetic flat images the image fuzz mutates (see {@link flatMutant}). */
export function flatFuzzImages(): FlatFuzzImage[] {
  const btfFields = (at: number) => [at + 4, at + 8, at + 12, at + 16, at + 20, at + 28];
  const arm64 = syntheticImage();
  return [
    { name: "arm64 Image", image: arm64, fields: [0x3c, ...btfFields(0x8000)] },
    {
      name: "riscv64 Image",
      image: syntheticImage({ arch: "riscv64", btfAt: 0x8768 }),
      fields: btfFields(0x8768),
    },
    { name: "Image.gz", image: gzipImage(arm64), fields: [4, 8] },
    { name: "zboot gzip", image: syntheticZboot(arm64, "gzip"), fields: [8, 12, 0x3c] },
    { name: "zboot zstd", image: syntheticZboot(arm64, "zstd"), fields: [8, 12] },
    { name: "zboot lzma", image: syntheticZboot(arm64, "lzma"), fields: [8, 12] },
    { name: "s390", image: syntheticS390(), fields: [S390_PAYLOAD_AT + 4, S390_PAYLOAD_AT + 8] },
    {
      name: "s390 uncompressed",
      image: syntheticS390(false),
      fields: btfFields(S390_PAYLOAD_AT + 0x8000),
    },
  ];
}

const EDGE_U32 = [0, 1, 4, 24, 32, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff];

/**
 * A mutant of a synthetic flat image: 1 to 4 of random bit flips, edge values in its header
 * fields (either byte order), a byte flip inside its BTF header, or a cut.
 */
export function flatMutant(entry: FlatFuzzImage, r: Rng): Uint8Array {
  const image = entry.image.slice();
  const v = new DataView(image.buffer);
  for (let n = 1 + r.below(4); n > 0; n--) {
    const which = r.below(4);
    if (which === 0) image[r.below(image.length)] ^= 1 << r.below(8);
    else if (which === 1 || which === 2) {
      const at = r.pick(entry.fields);
      if (at + 4 <= image.length) v.setUint32(at, r.pick(EDGE_U32), r.oneIn(2));
    } else return image.subarray(0, r.below(image.length));
  }
  return image;
}

/** What a run of image mutants found. */
export interface ImageFuzzReport {
  /** Mutants run. */
  iterations: number;
  /** Mutants whose `.BTF` was found. */
  loaded: number;
  /** Mutants rejected with a BtfError, by the error (numbers as N, without its detail). */
  rejected: Record<string, number>;
  /** One line per mutant that threw anything else or ran over the time limit in CPU time. */
  failures: string[];
  /** The longest mutant (CPU ms when its clock time was over the limit, else clock ms). */
  maxMs: number;
}

/** Runs image mutants `0 .. iterations-1` of `seed` over every payload, stepwise ones too. */
export async function runImageFuzz(
  seed: number,
  iterations: number,
  timeLimitMs: number,
): Promise<ImageFuzzReport> {
  const payloads = [...imagePayloads(), ...stepwisePayloads()];
  const flats = flatFuzzImages();
  const report: ImageFuzzReport = {
    iterations: 0,
    loaded: 0,
    rejected: {},
    failures: [],
    maxMs: 0,
  };
  for (let i = 0; i < iterations; i++) {
    // Every compression's bzImage, then every synthetic flat image, in turn.
    const k = i % (payloads.length + flats.length);
    const flat = k >= payloads.length ? flats[k - payloads.length] : undefined;
    const name = flat?.name ?? payloads[k].name;
    const image = flat !== undefined
      ? flatMutant(flat, iterationRng(seed, i))
      : imageMutant(payloads[k].payload, iterationRng(seed, i));
    const t0 = performance.now(), cpu0 = threadCpuMs();
    try {
      const found = await btfFromImage(memorySource(image));
      if (found !== null) {
        // The loader builds the table next: it too must answer with a BtfError at worst.
        const { btf } = found;
        buildTypes(btf.length, btf, (dest) => dest.set(btf), (at) => btf[at]);
        report.loaded++;
      }
    } catch (err) {
      if (err instanceof BtfError && err.message.includes("\n")) {
        report.failures.push(`${name} mutant ${i}: a message of several lines`);
      } else if (err instanceof BtfError) {
        const kind = err.message.replace(/\b\d+\b/g, "N").replace(/ \(.*/, "").slice(0, 72);
        report.rejected[kind] = (report.rejected[kind] ?? 0) + 1;
      } else report.failures.push(`${name} mutant ${i}: ${String(err).split("\n")[0]}`);
    }
    let ms = performance.now() - t0;
    // Over the limit by the clock on a busy machine: its CPU time decides.
    if (ms > timeLimitMs) ms = Number.isNaN(cpu0) ? ms : threadCpuMs() - cpu0;
    if (ms > timeLimitMs) report.failures.push(`${name} mutant ${i}: ${ms.toFixed(0)} ms`);
    report.maxMs = Math.max(report.maxMs, ms);
    report.iterations++;
  }
  return report;
}
