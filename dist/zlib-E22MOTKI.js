import {
  inputChunks,
  lazyImport
} from "./chunk-3VQ2QWYW.js";

// btf/image/codecs/zlib.ts
var OUTPUT_CHUNK = 1 << 16;
function run(stream, input, sink) {
  const handle = stream._handle, state = stream._writeState;
  let failure;
  handle.onerror = (message) => {
    failure = new Error(message);
  };
  const out = new Uint8Array(OUTPUT_CHUNK);
  let read = 0;
  try {
    for (const piece of inputChunks(input)) {
      read += piece.length;
      const flush = read === input.size ? stream._finishFlushFlag : stream._defaultFlushFlag;
      for (let inOff = 0; ; ) {
        handle.writeSync(flush, piece, inOff, piece.length - inOff, out, 0, out.length);
        if (failure) throw failure;
        const [freeOut, unread] = state;
        if (freeOut < out.length && !sink(out.subarray(0, out.length - freeOut))) return;
        inOff = piece.length - unread;
        if (freeOut !== 0) break;
      }
    }
  } finally {
    stream.close();
  }
}
var gunzip = async (input, sink) => {
  const zlib = await lazyImport("node:zlib");
  run(zlib.createGunzip(), input, sink);
};
var unzstd = async (input, sink) => {
  const zlib = await lazyImport("node:zlib");
  const params = {
    [zlib.constants.ZSTD_d_windowLogMax]: 31
  };
  run(zlib.createZstdDecompress({
    params
  }), input, sink);
};
export {
  gunzip,
  unzstd
};
