/**
 * wasm/codecs.wasm: its exports (see wasm/glue.c and wasm/checks.c) and a fresh instance
 * of it. The module is compiled on first use from the base64 in wasm/codecs_wasm.ts.
 * @module
 */
import { instantiate, type WasmExports } from "./instance.ts";
import { CODECS_WASM_BASE64 } from "./wasm/codecs_wasm.ts";

/** codecs.wasm's exports. Pointers are byte addresses in `memory`. */
export interface CodecsExports extends WasmExports {
  /** Addresses of the C globals `in_used` and `out_len` (read them with u32). */
  in_used: WebAssembly.Global;
  out_len: WebAssembly.Global;
  unxz(input: number, inSize: number, output: number, outSize: number): number;
  xz_init(): number;
  xz_reset(): void;
  xz_run(input: number, inSize: number, output: number, outSize: number): number;
  unlzma(props: number, input: number, inSize: number, output: number, outSize: number): number;
  lzma_init(props: number): number;
  lzma_run(input: number, inSize: number): number;
  lzma_out_at: WebAssembly.Global;
  lzma_status: WebAssembly.Global;
  bz_init(): number;
  bz_run(input: number, inSize: number, output: number, outSize: number): number;
  unlz4_block(input: number, inSize: number, output: number, outSize: number): number;
  crc64(input: number, size: number, crc: bigint): bigint;
  sha256_init(state: number): void;
  sha256_update(state: number, input: number, size: number): void;
  sha256_final(state: number, digest: number): void;
}

/** A fresh instance of codecs.wasm (its memory is freed with it). */
export function codecs(): CodecsExports {
  return instantiate<CodecsExports>("codecs", () => CODECS_WASM_BASE64);
}
