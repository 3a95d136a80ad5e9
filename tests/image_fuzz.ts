/**
 * Fuzzing of kernel images (the long run, tests/fuzz_main.ts `--images`): a small ELF with a
 * `.BTF` section compressed by each compressor as the kernel's build does (size trailer
 * included), behind a real x86 boot header, mutated by {@link imageMutant}, and given to the
 * image reader, which must answer with the `.BTF` or a BtfError, in bounded time.
 * @module
 */
import assert from "node:assert/strict";
import { memorySource } from "../btf/elf.ts";
import { BtfError } from "../btf/errors.ts";
import type { Codec } from "../btf/image/codecs/stream.ts";
import { btfFromImage } from "../btf/image/image.ts";
import { imageMutant, iterationRng, threadCpuMs } from "./fuzz.ts";
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
  const report: ImageFuzzReport = {
    iterations: 0,
    loaded: 0,
    rejected: {},
    failures: [],
    maxMs: 0,
  };
  for (let i = 0; i < iterations; i++) {
    const { name, payload } = payloads[i % payloads.length];
    const image = imageMutant(payload, iterationRng(seed, i));
    const t0 = performance.now(), cpu0 = threadCpuMs();
    try {
      if (await btfFromImage(memorySource(image)) !== null) report.loaded++;
    } catch (err) {
      if (err instanceof BtfError) {
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
