/**
 * bzip2 through libbzip2 1.0.8 (the reference decoder, in wasm/codecs.wasm): the input is
 * read in `INPUT_CHUNK` pieces and the output handed on in {@link OUTPUT_PIECE} pieces,
 * so memory is those and the decoder's state (3.6 MB for `-9`'s 900 kB blocks). Each
 * block's CRC and each stream's combined CRC are verified. A file may hold several streams
 * one after the other (`cat a.bz2 b.bz2`, `pbzip2`), as `bzip2 -d` accepts; anything else
 * after a stream is an error.
 * @module
 */
import { codecs } from "./codecs.ts";
import { decoding, InputWindow, Output, reserve, u32, view } from "./instance.ts";
import { type Codec, OUTPUT_PIECE } from "./stream.ts";

const BZ_OK = 0, BZ_STREAM_END = 4;

const BZ_ERRORS: Record<number, string> = {
  [-3]: "out of memory",
  [-4]: "corrupt data (a CRC or the block structure)",
  [-5]: "not a bzip2 stream (bad magic)",
};

/** bzip2 (kernel `bzip2 -9`; `.bz2` files of one or more streams). */
export const bunzip2: Codec = (input, sink) =>
  decoding("libbzip2", () => {
    const ex = codecs();
    const window = new InputWindow(ex, input);
    const out = reserve(ex, OUTPUT_PIECE);
    const output = new Output(sink, "libbzip2");
    let ret = ex.bz_init();
    for (;;) {
      if (ret !== BZ_OK) throw new Error(`libbzip2: ${BZ_ERRORS[ret] ?? `error ${ret}`}`);
      window.fill();
      ret = ex.bz_run(window.pointer, window.length, out, OUTPUT_PIECE);
      const used = u32(ex, ex.in_used), produced = u32(ex, ex.out_len);
      window.consume(used);
      if (!output.push(view(ex, out, produced))) return;
      if (ret === BZ_STREAM_END) {
        const at = window.offset;
        if (at === input.size) return;
        const magic = input.read(at, Math.min(3, input.size - at));
        if (String.fromCharCode(...magic) !== "BZh") {
          throw new Error(
            `libbzip2: ${input.size - at} bytes after the stream are not another stream`,
          );
        }
        ret = ex.bz_init();
      } else if (ret === BZ_OK && used === 0 && produced === 0 && window.exhausted) {
        throw new Error("libbzip2: the data ends early (truncated)");
      }
    }
  });
