/**
 * What the WebAssembly decoders (wasm/codecs.wasm, wasm/lzo.wasm) share on the JavaScript
 * side: each module compiled once, a fresh instance per decode (its memory is freed with
 * it), regions of its memory taken from its `reserve` export, input read piece by piece into
 * such a region, output handed to the sink as views of the memory, and a WebAssembly trap
 * (or memory that cannot grow) turned into a one-line Error.
 * @module
 */
import { fromBase64 } from "../../base64.ts";
import type { ByteSource } from "../../elf.ts";
import { INPUT_CHUNK, type Sink } from "./stream.ts";

/** The exports every module has (see glue.c and lzo_glue.c). */
export interface WasmExports {
  memory: WebAssembly.Memory;
  /** Grows the memory by `size` bytes (whole pages); their address, or 0 when it cannot. */
  reserve(size: number): number;
}

const compiled = new Map<string, WebAssembly.Module>();

/** A fresh instance of the module `name`, whose bytes `base64` holds. */
export function instantiate<T extends WasmExports>(name: string, base64: () => string): T {
  let module = compiled.get(name);
  if (module === undefined) {
    module = new WebAssembly.Module(fromBase64(base64()));
    compiled.set(name, module);
  }
  return new WebAssembly.Instance(module).exports as unknown as T;
}

/** `size` bytes of `ex`'s memory for the caller; throws when the memory cannot grow. */
export function reserve(ex: WasmExports, size: number): number {
  const at = ex.reserve(size) >>> 0;
  if (at === 0) throw new Error(`out of memory (${size} more bytes of WebAssembly memory)`);
  return at;
}

/** A view of `length` bytes at `at` in `ex`'s memory (valid until the memory grows). */
export function view(ex: WasmExports, at: number, length: number): Uint8Array {
  return new Uint8Array(ex.memory.buffer, at, length);
}

/** The unsigned 32-bit C global whose address the export `global` holds. */
export function u32(ex: WasmExports, global: WebAssembly.Global): number {
  return new DataView(ex.memory.buffer).getUint32(global.value as number, true);
}

/**
 * Runs `decode`, turning what WebAssembly throws (a trap: "memory access out of bounds",
 * "unreachable"; a memory that cannot grow) into an Error of one line naming `decoder`.
 */
export function guarded<T>(decoder: string, decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      throw new Error(`${decoder}: WebAssembly trap (${err.message.split("\n")[0]})`);
    }
    if (err instanceof RangeError && /memory/i.test(err.message)) {
      throw new Error(`${decoder}: out of memory (${err.message.split("\n")[0]})`);
    }
    throw err;
  }
}

/**
 * A codec's result: the promise of {@link guarded}(decoder, decode), settled once `decode`
 * (synchronous: the decoders run to their end in one go) has returned or thrown.
 */
export function decoding(decoder: string, decode: () => void): Promise<void> {
  try {
    guarded(decoder, decode);
    return Promise.resolve();
  } catch (err) {
    return Promise.reject(err);
  }
}

/** Output larger than this is refused (a vmlinux is tens of MB; a corrupt stream may not stop). */
export const MAX_OUTPUT = 1 << 30;

/**
 * Hands decoded pieces to a sink and counts them; throws once they pass {@link MAX_OUTPUT}
 * (a stream whose size nothing records could otherwise expand without end).
 */
export class Output {
  /** Decompressed bytes handed on so far. */
  total = 0;
  readonly #sink: Sink;
  readonly #decoder: string;

  constructor(sink: Sink, decoder: string) {
    this.#sink = sink;
    this.#decoder = decoder;
  }

  /** Hands `chunk` on (when not empty); returns false once the sink has enough. */
  push(chunk: Uint8Array): boolean {
    if (chunk.length === 0) return true;
    this.total += chunk.length;
    if (this.total > MAX_OUTPUT) {
      throw new Error(`${this.#decoder}: more than ${MAX_OUTPUT} bytes of output`);
    }
    return this.#sink(chunk);
  }
}

/**
 * The input read into a reserved window of the instance's memory, one piece at a time: the
 * decoder is given the unread part of the window, says how much it used, and the next piece
 * is read once the window is used up.
 */
export class InputWindow {
  /** The window's address. */
  readonly at: number;
  readonly #ex: WasmExports;
  readonly #input: ByteSource;
  readonly #capacity: number;
  /** The input offset of the window's first byte, its bytes, and those used. */
  #start: number;
  #filled = 0;
  #used = 0;

  constructor(ex: WasmExports, input: ByteSource, from = 0, capacity = INPUT_CHUNK) {
    this.#ex = ex;
    this.#input = input;
    this.#capacity = Math.max(1, Math.min(capacity, input.size - from));
    this.at = reserve(ex, this.#capacity);
    this.#start = from;
  }

  /** Reads the next piece when the window holds no unread bytes (and input is left). */
  fill(): void {
    if (this.#used === this.#filled && this.#start + this.#filled < this.#input.size) {
      this.#start += this.#filled;
      this.#filled = Math.min(this.#capacity, this.#input.size - this.#start);
      this.#used = 0;
      this.#input.readInto(this.#start, view(this.#ex, this.at, this.#filled));
    }
  }

  /** Where the unread bytes start in memory. */
  get pointer(): number {
    return this.at + this.#used;
  }

  /** How many unread bytes the window holds. */
  get length(): number {
    return this.#filled - this.#used;
  }

  /** Marks `count` bytes as used by the decoder. */
  consume(count: number): void {
    this.#used += count;
  }

  /** The input offset of the next unread byte. */
  get offset(): number {
    return this.#start + this.#used;
  }

  /** Whether every input byte has been used. */
  get exhausted(): boolean {
    return this.offset >= this.#input.size;
  }

  /** Continues reading at input offset `offset` (at or after {@link offset}). */
  seek(offset: number): void {
    if (offset <= this.#start + this.#filled) this.#used = offset - this.#start;
    else {
      this.#start = offset;
      this.#filled = this.#used = 0;
    }
  }
}
