import {
  INPUT_CHUNK,
  OUTPUT_PIECE,
  PACKAGES,
  lazyImport
} from "./chunk-3VQ2QWYW.js";

// btf/image/codecs/bzip2.ts
function byteStream(input) {
  let pos = 0, start = 0, window = new Uint8Array(0);
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
    read(buf, offset, length) {
      for (let i = 0; i < length; i++) {
        const byte = readByte();
        if (byte < 0) return i;
        buf[offset + i] = byte;
      }
      return length;
    },
    seek(to) {
      pos = to;
      window = new Uint8Array(0);
    },
    eof: () => pos >= input.size
  };
}
var STOP = Symbol("stop");
var bunzip2 = async (input, sink) => {
  const { default: Bunzip } = await lazyImport(PACKAGES.bzip2);
  const piece = new Uint8Array(OUTPUT_PIECE);
  let used = 0;
  const output = {
    writeByte(byte) {
      piece[used++] = byte;
      if (used === OUTPUT_PIECE) {
        used = 0;
        if (!sink(piece)) throw STOP;
      }
    }
  };
  try {
    Bunzip.decode(byteStream(input), output, true);
  } catch (err) {
    if (err === STOP) return;
    throw err;
  }
  if (used > 0) sink(piece.subarray(0, used));
};
export {
  bunzip2
};
