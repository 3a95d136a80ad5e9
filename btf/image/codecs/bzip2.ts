/**
 * bzip2 through `seek-bzip`, whose decoder reads and writes one byte at a time through
 * stream objects: the input is read in {@link INPUT_CHUNK} pieces (never held whole), the
 * output gathered in 1 MiB pieces for the sink, and decoding stops (by a private signal
 * thrown through the decoder) once the sink has enough.
 * @module
 */
import type { ByteSource } from "../../elf.ts";
import { type Codec, INPUT_CHUNK, lazyImport, OUTPUT_PIECE, PACKAGES } from "./stream.ts";

/** The part of seek-bzip used here (it ships no types). */
interface SeekBzip {
  default: {
    decode(
      input: ByteStream,
      output: { writeByte(byte: number): void },
      multistream: boolean,
    ): void;
  };
}

/** seek-bzip's input stream protocol. */
interface ByteStream {
  readByte(): number;
  read(buf: Uint8Array, offset: number, length: number): number;
  seek(pos: number): void;
  eof(): boolean;
}

/** `input` as seek-bzip's input stream, read one {@link INPUT_CHUNK} window at a time. */
function byteStream(input: ByteSource): ByteStream {
  let pos = 0, start = 0, window: Uint8Array = new Uint8Array(0);
  const readByte = () => {
    if (pos - start >= window.length) {
      if (pos >= input.size) return -1;
      start = pos;
      window = input.read(pos, Math.min(INPUT_CHUNK, input.size - pos));
    }
    return window[pos++ - start];
  };
  return {
    readByte,
    read(buf: Uint8Array, offset: number, length: number) {
      for (let i = 0; i < length; i++) {
        const byte = readByte();
        if (byte < 0) return i;
        buf[offset + i] = byte;
      }
      return length;
    },
    seek(to: number) {
      pos = to;
      window = new Uint8Array(0);
    },
    eof: () => pos >= input.size,
  };
}

const STOP = Symbol("stop");

/** bzip2 (kernel `bzip2 -9`). */
export const bunzip2: Codec = async (input, sink) => {
  const { default: Bunzip } = await lazyImport<SeekBzip>(PACKAGES.bzip2);
  const piece = new Uint8Array(OUTPUT_PIECE);
  let used = 0;
  const output = {
    writeByte(byte: number) {
      piece[used++] = byte;
      if (used === OUTPUT_PIECE) {
        used = 0;
        if (!sink(piece)) throw STOP;
      }
    },
  };
  try {
    Bunzip.decode(byteStream(input), output, true);
  } catch (err) {
    if (err === STOP) return;
    throw err;
  }
  if (used > 0) sink(piece.subarray(0, used));
};
