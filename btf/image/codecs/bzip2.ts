/**
 * bzip2 through `seek-bzip`, whose decoder writes one byte at a time to an output object:
 * the bytes are gathered in 1 MiB pieces for the sink, and decoding stops (by a private
 * signal thrown through the decoder) once the sink has enough.
 * @module
 */
import { type Codec, lazyImport } from "./stream.ts";

/** The part of seek-bzip used here (it ships no types). */
interface SeekBzip {
  default: {
    decode(
      input: Uint8Array,
      output: { writeByte(byte: number): void },
      multistream: boolean,
    ): void;
  };
}

const PIECE = 1 << 20;
const STOP = Symbol("stop");

/** bzip2 (kernel `bzip2 -9`). */
export const bunzip2: Codec = async (input, sink) => {
  const { default: Bunzip } = await lazyImport<SeekBzip>("seek-bzip");
  const piece = new Uint8Array(PIECE);
  let used = 0;
  const output = {
    writeByte(byte: number) {
      piece[used++] = byte;
      if (used === PIECE) {
        used = 0;
        if (!sink(piece)) throw STOP;
      }
    },
  };
  try {
    Bunzip.decode(input.read(0, input.size), output, true);
  } catch (err) {
    if (err === STOP) return;
    throw err;
  }
  if (used > 0) sink(piece.subarray(0, used));
};
