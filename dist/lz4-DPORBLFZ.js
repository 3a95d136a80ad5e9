import {
  PACKAGES,
  lazyImport
} from "./chunk-3VQ2QWYW.js";
import {
  BtfError
} from "./chunk-PX3IRLHB.js";

// btf/image/codecs/lz4.ts
var LEGACY_MAGIC = 407642370;
var BLOCK_OUTPUT = 8 << 20;
var MAX_BLOCK = BLOCK_OUTPUT + BLOCK_OUTPUT / 255 + 16;
var unlz4 = async (input, sink) => {
  const lz4 = await lazyImport(PACKAGES.lz4);
  const out = new Uint8Array(BLOCK_OUTPUT);
  const word = (at) => new DataView(input.read(at, 4).slice().buffer).getUint32(0, true);
  for (let at = 0; at + 4 <= input.size; ) {
    const size = word(at);
    at += 4;
    if (size === LEGACY_MAGIC) continue;
    if (size > MAX_BLOCK) break;
    if (at + size > input.size) {
      throw new BtfError(`block of ${size} bytes at ${at - 4} runs past the payload's end`);
    }
    const end = lz4.decompressBlock(input.read(at, size), out, 0, size, 0);
    at += size;
    if (end < 0 || end > BLOCK_OUTPUT) throw new BtfError(`corrupt block at ${at - size - 4}`);
    if (!sink(out.subarray(0, end))) return;
  }
};
export {
  unlz4
};
