/**
 * Decompresses a payload with the codec of its compression and collects the `.BTF` section
 * of the ELF inside (see {@link ElfBtfCollector}). Codecs are imported on first use only.
 * Errors are BtfErrors naming the compression: `zstd payload: <what is wrong>`.
 * @module
 */
import type { ByteSource } from "../elf.ts";
import { BtfError } from "../errors.ts";
import type { Codec } from "./codecs/stream.ts";
import type { Compression } from "./compression.ts";
import { type CollectedElf, ElfBtfCollector } from "./elf_btf.ts";

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

/**
 * Decompresses `payload` as `compression` and returns the `.BTF` section of the ELF inside
 * (and the whole ELF with `keepAll`). `exact` says the payload is the whole stream (a
 * bzImage's payload, a compressed file): then a checksummed stream is verified to its end,
 * and any decoder error is an error. Otherwise (a magic found by scanning, trailing bytes
 * unknown) decompression stops once the ELF's section headers are in. `size` is the
 * decompressed size a bzImage's trailer gives, when there is one; `at`, the payload's offset
 * in its file when a scan found it. Throws BtfError `<compression> payload[ at <at>]: ...`
 * for a corrupt or truncated payload, one that holds no ELF (NotElfError), or an ELF without
 * `.BTF` (NoBtfError).
 */
export async function btfFromPayload(
  payload: ByteSource,
  compression: Compression,
  exact: boolean,
  keepAll = false,
  size?: number,
  at?: number,
): Promise<CollectedElf> {
  const codec = await codecFor(compression);
  const verify = exact && CHECKSUMMED.has(compression);
  const attempt = async (all: boolean) => {
    const collector = new ElfBtfCollector(all);
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
