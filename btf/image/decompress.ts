/**
 * Decompresses a payload with the codec of its compression and collects its BTF: the
 * `.BTF` section of the ELF inside (see {@link ElfBtfCollector}), or, when the payload is no
 * ELF (a flat arm64/riscv `Image`, the flat binary of an s390 image), the blob the candidate
 * scan finds in the stream (see {@link BtfScanner}). Codecs are imported on first use only.
 * Errors are BtfErrors naming the compression: `zstd payload: <what is wrong>`.
 * @module
 */
import type { ByteSource } from "../elf.ts";
import { BtfError, BUILT_WITHOUT_BTF, NoBtfError } from "../errors.ts";
import { elfArch } from "./arch.ts";
import { BtfScanner } from "./btf_scan.ts";
import type { Codec } from "./codecs/stream.ts";
import type { Compression } from "./compression.ts";
import { type CollectedElf, ElfBtfCollector, NotElfError } from "./elf_btf.ts";
import { FLAT_HEADER_BYTES, flatImageHeader } from "./flat.ts";

/**
 * The codecs' directory: beside this module in the sources. The bundled CLI (`dist/`,
 * gen/bundle.ts) carries none of the codecs: it imports them from the sources it was built
 * from (`btf/image/codecs/` beside `dist/`), so their code, the decoders' 61 KB of
 * WebAssembly among it, is loaded by an image's run only. A codec throws nothing a caller
 * tells by its class: {@link btfFromPayload} wraps whatever it throws.
 */
function codecsDir(): URL {
  const here = import.meta.url, dist = here.lastIndexOf("/dist/");
  return here.endsWith(".ts") || dist < 0
    ? new URL("./codecs/", here)
    : new URL("btf/image/codecs/", here.slice(0, dist + 1));
}

/** A codec module, by a computed specifier (a bundler leaves it out). */
function codecModule<T>(file: string): Promise<T> {
  return import(new URL(file, codecsDir()).href);
}

type Zlib = typeof import("./codecs/zlib.ts");
type Lzma = typeof import("./codecs/lzma.ts");

/** Loads the codec of `compression`. */
async function codecFor(compression: Compression): Promise<Codec> {
  switch (compression) {
    case "gzip":
      return (await codecModule<Zlib>("zlib.ts")).gunzip;
    case "zstd":
      return (await codecModule<Zlib>("zlib.ts")).unzstd;
    case "xz":
      return (await codecModule<Lzma>("lzma.ts")).unxz;
    case "lzma":
      return (await codecModule<Lzma>("lzma.ts")).unlzma;
    case "bzip2":
      return (await codecModule<typeof import("./codecs/bzip2.ts")>("bzip2.ts")).bunzip2;
    case "lz4":
      return (await codecModule<typeof import("./codecs/lz4.ts")>("lz4.ts")).unlz4;
    case "lzo":
      return (await codecModule<typeof import("./codecs/lzo.ts")>("lzo.ts")).unlzo;
  }
}

/** One line from whatever a codec threw. */
function reason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0].replace(/^Error: /, "");
}

/** A ByteSource over `length` bytes of `src` starting at `offset`. */
export function sliceSource(src: ByteSource, offset: number, length: number): ByteSource {
  return {
    size: length,
    read: (at, n) => src.read(offset + at, n),
    readInto: (at, dest) => src.readInto(offset + at, dest),
  };
}

/**
 * Compressions whose stream ends with a checksum of the data (gzip's CRC32, xz's check,
 * zstd's content checksum, bzip2's stream CRC): an exact payload is decompressed to its end
 * so the checksum is verified, because a corrupt block before `.BTF` can still leave an ELF
 * that parses. lz4 (legacy frames) and lzma carry none, and lzop checks each block as it is
 * decoded (its Adler-32): they stop at the section headers.
 */
const CHECKSUMMED = new Set<Compression>(["gzip", "xz", "zstd", "bzip2"]);

/** The BTF a payload holds, and what its decompressed head says. */
export interface PayloadBtf extends CollectedElf {
  /**
   * Where the blob starts in the decompressed stream when the payload is a flat binary (no
   * ELF): found by the candidate scan, in either byte order. Absent for an ELF's `.BTF`.
   */
  flatOffset?: number;
  /** The architecture the decompressed head names (ELF e_machine, arm64/riscv Image header). */
  arch?: string;
}

/**
 * Routes a decompressed stream by its first bytes: an ELF to an {@link ElfBtfCollector},
 * anything else to a {@link BtfScanner}. Keeps the first {@link FLAT_HEADER_BYTES} (for the
 * architecture and the error messages) and nothing else of its own.
 */
class PayloadCollector {
  readonly #keepAll: boolean;
  readonly #head = new Uint8Array(FLAT_HEADER_BYTES);
  #headFilled = 0;
  #pending: Uint8Array[] = [];
  #elf: ElfBtfCollector | null = null;
  #flat: BtfScanner | null = null;
  #received = 0;

  constructor(keepAll: boolean) {
    this.#keepAll = keepAll;
  }

  /** Decompressed bytes taken (an ELF's: up to its section header table, as its collector counts). */
  get received(): number {
    return this.#elf?.received ?? this.#received;
  }

  /** Nothing more is needed (an ELF's section headers are in, or a flat binary's BTF found). */
  get complete(): boolean {
    return this.#elf?.complete ?? this.#flat?.found ?? false;
  }

  push(chunk: Uint8Array): boolean {
    this.#received += chunk.length;
    const n = Math.min(chunk.length, FLAT_HEADER_BYTES - this.#headFilled);
    this.#head.set(chunk.subarray(0, n), this.#headFilled);
    this.#headFilled += n;
    if (this.#elf === null && this.#flat === null) {
      if (this.#headFilled < 4) {
        this.#pending.push(chunk.slice());
        return true;
      }
      const pending = this.#pending;
      this.#pending = [];
      if (this.#isElf()) this.#elf = new ElfBtfCollector(this.#keepAll);
      else this.#flat = new BtfScanner();
      for (const p of pending) this.#forward(p);
    }
    return this.#forward(chunk);
  }

  #isElf(): boolean {
    const h = this.#head;
    return h[0] === 0x7f && h[1] === 0x45 && h[2] === 0x4c && h[3] === 0x46;
  }

  #forward(chunk: Uint8Array): boolean {
    return this.#elf !== null ? this.#elf.push(chunk) : this.#flat!.push(chunk);
  }

  /** What {@link ElfBtfCollector.finish} says, or the flat binary's BTF; throws as they do. */
  finish(): PayloadBtf | null {
    const head = this.#head.subarray(0, this.#headFilled);
    if (this.#elf === null && this.#flat === null) {
      // Fewer than 4 bytes: whatever they are, the ELF collector names them.
      const elf = new ElfBtfCollector();
      for (const p of this.#pending) elf.push(p);
      return elf.finish();
    }
    if (this.#elf !== null) {
      const got = this.#elf.finish();
      const arch = elfArch(head);
      return got === null || arch === undefined ? got : { ...got, arch };
    }
    const found = this.#flat!.finish();
    const image = flatImageHeader(head);
    if (found === null) {
      if (image !== null) {
        throw new NoBtfError(
          `decompressed ${image.kind} holds no valid BTF: ${BUILT_WITHOUT_BTF}`,
        );
      }
      const start = Array.from(head.subarray(0, 4), (b) => b.toString(16).padStart(2, "0"));
      throw new NotElfError(
        `decompresses to neither an ELF file nor a flat kernel with BTF (starts ${
          start.join(" ")
        })`,
      );
    }
    const result: PayloadBtf = { btf: found.bytes, flatOffset: found.offset };
    if (image?.arch !== undefined) result.arch = image.arch;
    return result;
  }
}

/**
 * Decompresses `payload` as `compression` and returns its BTF: the `.BTF` section of the ELF
 * inside (and the whole ELF with `keepAll`), or the blob a flat binary holds (`flatOffset`
 * set). `exact` says the payload is the whole stream (a bzImage's payload, a compressed
 * file): then a checksummed stream is verified to its end, and any decoder error is an
 * error. Otherwise (a magic found by scanning, trailing bytes unknown) decompression stops
 * once the ELF's section headers are in, or at the stream's end or first error once a flat
 * binary's BTF is found (at once on the page-aligned fast path). `size` is the decompressed
 * size a bzImage's trailer gives, when there is one; `at`, the payload's offset in its file
 * when a scan found it. Throws BtfError `<compression> payload[ at <at>]: ...` for a corrupt
 * or truncated payload, one that holds neither an ELF nor a flat kernel with BTF
 * (NotElfError), or an ELF or flat Image without BTF (NoBtfError).
 */
export async function btfFromPayload(
  payload: ByteSource,
  compression: Compression,
  exact: boolean,
  keepAll = false,
  size?: number,
  at?: number,
): Promise<PayloadBtf> {
  const codec = await codecFor(compression);
  const verify = exact && CHECKSUMMED.has(compression);
  const attempt = async (all: boolean) => {
    const collector = new PayloadCollector(all);
    let failure: unknown;
    try {
      await codec(payload, (chunk) => collector.push(chunk) || verify, size);
    } catch (err) {
      failure = err;
    }
    if (failure !== undefined && (verify || !collector.complete)) {
      throw new BtfError(
        `corrupt or truncated after ${collector.received} decompressed bytes (${reason(failure)})`,
      );
    }
    return collector.finish();
  };
  try {
    return await attempt(keepAll) ?? await attempt(true) ??
      fail("the ELF's .BTF section was not found");
  } catch (err) {
    if (err instanceof BtfError) {
      throw err.prefixed(`${compression} payload${at === undefined ? "" : ` at ${at}`}`);
    }
    throw err;
  }
}

function fail(message: string): never {
  throw new BtfError(message);
}
