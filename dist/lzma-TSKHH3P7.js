import {
  OUTPUT_PIECE,
  PACKAGES,
  lazyImport
} from "./chunk-J4EJYO6W.js";

// btf/image/codecs/lzma.ts
function feed(out, sink) {
  for (let at = 0; at < out.length; at += OUTPUT_PIECE) {
    if (!sink(out.subarray(at, Math.min(out.length, at + OUTPUT_PIECE)))) return;
  }
}
var unxz = async (input, sink) => {
  const { xz } = await lazyImport(PACKAGES.lzma);
  feed(xz.decompressSync(input.read(0, input.size)), sink);
};
var unlzma = async (input, sink) => {
  const { lzma } = await lazyImport(PACKAGES.lzma);
  feed(lzma.decompressSync(input.read(0, input.size)), sink);
};
export {
  unlzma,
  unxz
};
