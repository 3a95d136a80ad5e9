/*
 * Single-call decoders whose output buffer is their dictionary, so decoding needs the input,
 * the output and a small state, never a separate dictionary (how the kernel decompresses
 * itself): xz through xz-embedded (the Linux kernel's lib/xz, BCJ filters included) and
 * lzma ("lzma_alone") through the LZMA SDK's LzmaDecode. The caller lays out the memory:
 * the state comes from a bump heap in this module's data, the input and the output sit
 * above __heap_base, and the input may overlap the output's end (in-place decompression,
 * like the kernel's, with a safety margin chosen by the caller).
 */
#include <stddef.h>
#include <stdint.h>
#include "xz.h"
#include "LzmaDec.h"

/* LZMA probabilities at most: (1846 + (768 << (lc + lp))) * 2 bytes with lc + lp <= 12. */
#define HEAP_SIZE (7u << 20)
static unsigned char heap[HEAP_SIZE] __attribute__((aligned(16)));
static size_t heap_used;

void *glue_alloc(size_t size)
{
	size_t at = (heap_used + 15) & ~(size_t)15;
	if (size > HEAP_SIZE - at)
		return NULL;
	heap_used = at + size;
	return heap + at;
}

void *memcpy(void *dest, const void *src, size_t n)
{
	__builtin_memcpy(dest, src, n);
	return dest;
}

void *memmove(void *dest, const void *src, size_t n)
{
	__builtin_memmove(dest, src, n);
	return dest;
}

void *memset(void *dest, int c, size_t n)
{
	__builtin_memset(dest, c, n);
	return dest;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return x[i] - y[i];
	return 0;
}

/*
 * Decodes the xz stream in[0, in_size) into out[0, out_size). Returns the decompressed
 * length, or minus the xz_ret code (XZ_BUF_ERROR: the output is too small or the input
 * ends early; XZ_DATA_ERROR: corrupt; XZ_OPTIONS_ERROR: unsupported; ...).
 */
int32_t unxz(const uint8_t *in, size_t in_size, uint8_t *out, size_t out_size)
{
	heap_used = 0;
	xz_crc32_init();
	struct xz_dec *dec = xz_dec_init(XZ_SINGLE, 0);
	if (dec == NULL)
		return -XZ_MEM_ERROR;
	struct xz_buf b = {
		.in = in, .in_pos = 0, .in_size = in_size,
		.out = out, .out_pos = 0, .out_size = out_size,
	};
	enum xz_ret ret = xz_dec_run(dec, &b);
	return ret == XZ_STREAM_END ? (int32_t)b.out_pos : -(int32_t)ret;
}

static void *sz_alloc(void *p, size_t size)
{
	(void)p;
	return glue_alloc(size);
}

static void sz_free(void *p, void *address)
{
	(void)p;
	(void)address;
}

/* The output bytes unlzma wrote (also when it fails: a truncated stream's output so far). */
uint32_t lzma_out_len;

/*
 * Output decoded per LzmaDec_DecodeToDic call. Like LzmaDecode, but in steps: V8 runs a
 * WebAssembly function that is still running in the baseline code it entered with (there is
 * no on-stack replacement), so one call decoding 64 MB would never reach optimized code,
 * while repeated calls do (measured: 2.1 s against 1.3 s for the Debian 7.3 vmlinux).
 */
#define LZMA_STEP (1u << 20)

/*
 * Decodes the LZMA stream (its 5 property bytes at props, the data in[0, in_size)) into
 * out[0, out_size), the output being the dictionary: the stream must end there, with or
 * without its end mark. Returns the SRes: SZ_OK, SZ_ERROR_DATA (corrupt, or more data than
 * out_size), SZ_ERROR_UNSUPPORTED, SZ_ERROR_INPUT_EOF (truncated); see lzma_out_len.
 */
int32_t unlzma(const uint8_t *props, const uint8_t *in, size_t in_size, uint8_t *out,
	       size_t out_size)
{
	heap_used = 0;
	lzma_out_len = 0;
	ISzAlloc alloc = { sz_alloc, sz_free };
	CLzmaDec dec;
	ELzmaStatus status = LZMA_STATUS_NOT_SPECIFIED;
	SRes res;
	size_t used = 0;
	LzmaDec_Construct(&dec);
	res = LzmaDec_AllocateProbs(&dec, props, LZMA_PROPS_SIZE, &alloc);
	if (res != SZ_OK)
		return res;
	dec.dic = out;
	dec.dicBufSize = out_size;
	LzmaDec_Init(&dec);
	do {
		size_t limit = out_size - dec.dicPos > LZMA_STEP ? dec.dicPos + LZMA_STEP : out_size;
		SizeT in_len = in_size - used;
		res = LzmaDec_DecodeToDic(&dec, limit, in + used, &in_len,
					  limit == out_size ? LZMA_FINISH_END : LZMA_FINISH_ANY,
					  &status);
		used += in_len;
	} while (res == SZ_OK && dec.dicPos < out_size && status == LZMA_STATUS_NOT_FINISHED);
	lzma_out_len = (uint32_t)dec.dicPos;
	if (res == SZ_OK && status == LZMA_STATUS_NEEDS_MORE_INPUT)
		res = SZ_ERROR_INPUT_EOF;
	return res;
}
