/**
 * gzip and zstd through `node:zlib` (native zlib and libzstd inside Deno). The stream
 * object is only a holder: its handle's `writeSync` (the binding node:zlib's own sync
 * functions drive) decompresses each input piece into one reused output buffer, so no
 * output chunk is allocated and left for the garbage collector, and peak memory stays the
 * decoder's window plus what the sink keeps. Imported only when a payload needs it: any
 * `node:` import starts Deno's Node compatibility layer.
 * @module
 */
import type { ByteSource } from "../../elf.ts";
import { type Codec, inputChunks, lazyImport, type Sink } from "./stream.ts";

type Zlib = typeof import("node:zlib");

/** The output buffer, reused for every call. */
const OUTPUT_CHUNK = 1 << 16;

/** The parts of a node:zlib stream that its synchronous functions use. */
interface SyncStream {
  _handle: {
    writeSync(
      flush: number,
      input: Uint8Array,
      inOff: number,
      inLen: number,
      out: Uint8Array,
      outOff: number,
      outLen: number,
    ): void;
    onerror: (message: string, errno: number) => void;
  };
  /** After each write: [output bytes left free, input bytes left unread]. */
  _writeState: Uint32Array;
  _defaultFlushFlag: number;
  _finishFlushFlag: number;
  close(): void;
}

function run(stream: SyncStream, input: ByteSource, sink: Sink): void {
  const handle = stream._handle, state = stream._writeState;
  let failure: Error | undefined;
  handle.onerror = (message) => {
    failure = new Error(message);
  };
  const out = new Uint8Array(OUTPUT_CHUNK);
  let read = 0;
  try {
    for (const piece of inputChunks(input)) {
      read += piece.length;
      const flush = read === input.size ? stream._finishFlushFlag : stream._defaultFlushFlag;
      for (let inOff = 0;;) {
        handle.writeSync(flush, piece, inOff, piece.length - inOff, out, 0, out.length);
        if (failure) throw failure;
        const [freeOut, unread] = state;
        if (freeOut < out.length && !sink(out.subarray(0, out.length - freeOut))) return;
        inOff = piece.length - unread;
        if (freeOut !== 0) break; // the output had room: this piece is used up
      }
    }
  } finally {
    stream.close();
  }
}

/** gzip (kernel `vmlinuz.gz`, `.ko.gz`). */
export const gunzip: Codec = async (input, sink) => {
  const zlib = await lazyImport<Zlib>("node:zlib");
  run(zlib.createGunzip() as unknown as SyncStream, input, sink);
};

/** zstd (kernel `zstd22`, `.ko.zst`): windows up to 2^31 bytes (zstd -22 --ultra uses 2^27). */
export const unzstd: Codec = async (input, sink) => {
  const zlib = await lazyImport<Zlib>("node:zlib");
  const params = { [zlib.constants.ZSTD_d_windowLogMax]: 31 };
  run(zlib.createZstdDecompress({ params }) as unknown as SyncStream, input, sink);
};
