// btf/image/codecs/stream.ts
var INPUT_CHUNK = 1 << 20;
var OUTPUT_PIECE = 1 << 20;
function feed(out, sink) {
  for (let at = 0; at < out.length; at += OUTPUT_PIECE) {
    if (!sink(out.subarray(at, Math.min(out.length, at + OUTPUT_PIECE)))) return;
  }
}
function* inputChunks(input) {
  for (let at = 0; at < input.size; at += INPUT_CHUNK) {
    yield input.read(at, Math.min(INPUT_CHUNK, input.size - at));
  }
}
var PACKAGES = {
  lzma: "npm:@napi-rs/lzma@1.5.3",
  bzip2: "npm:seek-bzip@2.0.0",
  lz4: "npm:lz4js@0.2.0"
};
function lazyImport(specifier) {
  return import(specifier);
}

export {
  INPUT_CHUNK,
  OUTPUT_PIECE,
  feed,
  inputChunks,
  PACKAGES,
  lazyImport
};
