/**
 * xz and lzma (LZMA1, "lzma_alone"). When the decompressed size is known (xz: its index;
 * lzma: its header, or the bzImage's size trailer), the single-call decoders of
 * {@link unxzInPlace} and {@link unlzmaInPlace} decode in place, the output being the
 * dictionary: memory is the output plus a margin. Otherwise (an xz stream with a CRC64 or
 * SHA-256 check, padding or several streams; an lzma stream of unknown size) the one-shot
 * decoder of `@napi-rs/lzma` (native, lzma-rust2) runs, which holds the input, the output
 * and its dictionary.
 * @module
 */
import type { ByteSource } from "../../elf.ts";
import { unlzmaInPlace, unxzInPlace } from "./in_place.ts";
import { lzmaHeaderSize, MAX_SINGLE_CALL, xzIndexSize } from "./sizes.ts";
import { type Codec, feed, lazyImport, PACKAGES } from "./stream.ts";

/** The part of `@napi-rs/lzma` used here. */
interface Lzma {
  xz: { decompressSync(input: Uint8Array): Uint8Array };
  lzma: { decompressSync(input: Uint8Array): Uint8Array };
}

async function napi(): Promise<Lzma> {
  return await lazyImport<Lzma>(PACKAGES.lzma);
}

function whole(input: ByteSource): Uint8Array {
  return input.read(0, input.size);
}

/** xz (kernel `xzkern`: BCJ x86 + LZMA2, CRC32; `.ko.xz`). */
export const unxz: Codec = async (input, sink) => {
  const size = xzIndexSize(input);
  if (size !== null) return unxzInPlace(input, size, sink);
  feed((await napi()).xz.decompressSync(whole(input)), sink);
};

/** lzma (kernel `lzma -9`, whose header leaves the size unknown: the trailer gives it). */
export const unlzma: Codec = async (input, sink, trailer) => {
  const size = lzmaHeaderSize(input) ??
    (trailer !== undefined && trailer <= MAX_SINGLE_CALL ? trailer : null);
  if (size !== null) return unlzmaInPlace(input, size, sink);
  feed((await napi()).lzma.decompressSync(whole(input)), sink);
};
