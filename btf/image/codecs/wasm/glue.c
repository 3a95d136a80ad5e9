/*
 * The entry points of codecs.wasm: xz (xz-embedded, the Linux kernel's lib/xz, BCJ filters
 * included), lzma ("lzma_alone", the LZMA SDK's LzmaDec), bzip2 (libbzip2) and LZ4 blocks
 * (the kernel's lib/lz4). The caller (btf/image/codecs/) lays out the memory: it takes
 * regions from reserve(), which grows the memory, reads the input into them and hands the
 * output on as views. Small state comes from a bump heap in this module's data, reset by
 * each decoder's start; one instance runs one decode at a time.
 *
 * Two styles. Single call (unxz, unlzma): the output buffer is the dictionary, so decoding
 * needs the input, the output and a small state, never a separate dictionary (how the kernel
 * decompresses itself); the input may overlap the output's end (in-place decompression, with
 * a safety margin chosen by the caller). Stepwise (xz_run, lzma_run, bz_run, unlz4_block):
 * each call takes the next input piece and fills an output piece, for streams whose size
 * nothing records, or that hold several streams, or whose output the caller stops early.
 * Results beyond the return value are left in the exported globals in_used and out_len.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "xz.h"
#include "LzmaDec.h"
#include "bzlib.h"
#include <linux/lz4.h>

/* LZMA probabilities at most: (1846 + (768 << (lc + lp))) * 2 bytes with lc + lp <= 12. */
#define HEAP_SIZE (7u << 20)
static unsigned char heap[HEAP_SIZE] __attribute__((aligned(16)));
static size_t heap_used;

#define PAGE 65536u

void *glue_alloc(size_t size)
{
	size_t at = (heap_used + 15) & ~(size_t)15;
	if (size > HEAP_SIZE - at)
		return NULL;
	heap_used = at + size;
	return heap + at;
}

/* size bytes (whole pages) added at the memory's end, or NULL when it cannot grow. */
void *glue_reserve(size_t size)
{
	size_t pages = (size >> 16) + ((size & (PAGE - 1)) != 0);
	size_t old = __builtin_wasm_memory_grow(0, pages);
	return old == (size_t)-1 ? NULL : (void *)(old * PAGE);
}

/* For the caller: the address of size fresh bytes, or 0 when the memory cannot grow. */
uintptr_t reserve(size_t size)
{
	return (uintptr_t)glue_reserve(size);
}

void *malloc(size_t size)
{
	return glue_alloc(size);
}

void free(void *ptr)
{
	(void)ptr;
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

/* The input bytes the last step consumed. */
uint32_t in_used;
/* The output bytes the last call wrote (unlzma: also when it fails, the output so far). */
uint32_t out_len;

/*
 * Decodes the xz stream in[0, in_size) into out[0, out_size) in a single call. Returns the
 * decompressed length, or minus the xz_ret code (XZ_BUF_ERROR: the output is too small or
 * the input ends early; XZ_DATA_ERROR: corrupt; XZ_OPTIONS_ERROR: unsupported; ...). The
 * check must be none or CRC32 (another is XZ_UNSUPPORTED_CHECK).
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

/* The largest LZMA2 dictionary a stepwise xz decode allocates (xz -9 uses 64 MiB). */
#define XZ_DICT_MAX (1u << 30)

static struct xz_dec *xz_step;

/* Starts a stepwise xz decode. Returns 0, or -XZ_MEM_ERROR. */
int32_t xz_init(void)
{
	heap_used = 0;
	xz_crc32_init();
	xz_step = xz_dec_init(XZ_DYNALLOC, XZ_DICT_MAX);
	return xz_step == NULL ? -XZ_MEM_ERROR : 0;
}

/* Prepares the stepwise decoder for the next stream of a file (its dictionary is kept). */
void xz_reset(void)
{
	xz_dec_reset(xz_step);
}

/*
 * Decodes in[0, in_size) into out[0, out_size) as far as they go (in_used, out_len).
 * Returns the xz_ret code: XZ_OK (more input or output space needed), XZ_STREAM_END (at the
 * stream's end: in_used is where it ends), XZ_UNSUPPORTED_CHECK (once per stream whose check
 * is neither none nor CRC32: call again, its check is skipped), or an error (XZ_BUF_ERROR
 * on the second call in a row that makes no progress).
 */
int32_t xz_run(const uint8_t *in, size_t in_size, uint8_t *out, size_t out_size)
{
	struct xz_buf b = {
		.in = in, .in_pos = 0, .in_size = in_size,
		.out = out, .out_pos = 0, .out_size = out_size,
	};
	enum xz_ret ret = xz_dec_run(xz_step, &b);
	in_used = (uint32_t)b.in_pos;
	out_len = (uint32_t)b.out_pos;
	return ret;
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

static ISzAlloc lzma_alloc = { sz_alloc, sz_free };

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
 * out_size), SZ_ERROR_UNSUPPORTED, SZ_ERROR_INPUT_EOF (truncated); see out_len.
 */
int32_t unlzma(const uint8_t *props, const uint8_t *in, size_t in_size, uint8_t *out,
	       size_t out_size)
{
	heap_used = 0;
	out_len = 0;
	CLzmaDec dec;
	ELzmaStatus status = LZMA_STATUS_NOT_SPECIFIED;
	SRes res;
	size_t used = 0;
	LzmaDec_Construct(&dec);
	res = LzmaDec_AllocateProbs(&dec, props, LZMA_PROPS_SIZE, &lzma_alloc);
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
	out_len = (uint32_t)dec.dicPos;
	if (res == SZ_OK && status == LZMA_STATUS_NEEDS_MORE_INPUT)
		res = SZ_ERROR_INPUT_EOF;
	return res;
}

/* The largest dictionary a stepwise lzma decode allocates (lzma -9 uses 64 MiB). */
#define LZMA_DICT_MAX (1u << 30)

static CLzmaDec lzma_step;
/* Where the last lzma_run's output starts (out_len bytes), and its ELzmaStatus. */
uintptr_t lzma_out_at;
uint32_t lzma_status;

/*
 * Starts a stepwise decode of the LZMA stream whose 5 property bytes are at props, into a
 * circular dictionary of the size they name, taken from reserve(). Returns the SRes:
 * SZ_ERROR_UNSUPPORTED for bad properties, SZ_ERROR_MEM for a dictionary over 1 GiB or
 * memory that cannot grow.
 */
int32_t lzma_init(const uint8_t *props)
{
	heap_used = 0;
	LzmaDec_Construct(&lzma_step);
	SRes res = LzmaDec_AllocateProbs(&lzma_step, props, LZMA_PROPS_SIZE, &lzma_alloc);
	if (res != SZ_OK)
		return res;
	/* LzmaProps_Decode raised it to at least 4 KiB. */
	size_t size = lzma_step.prop.dicSize;
	if (size > LZMA_DICT_MAX || (lzma_step.dic = glue_reserve(size)) == NULL)
		return SZ_ERROR_MEM;
	lzma_step.dicBufSize = size;
	LzmaDec_Init(&lzma_step);
	return SZ_OK;
}

/*
 * Decodes in[0, in_size) into the dictionary, at most LZMA_STEP bytes, and reports the new
 * output: out_len bytes at lzma_out_at (in_used, lzma_status). Returns the SRes; the stream
 * ends when lzma_status is LZMA_STATUS_FINISHED_WITH_MARK (its size being unknown, it must
 * have the end mark); LZMA_STATUS_NEEDS_MORE_INPUT asks for the next input piece.
 */
int32_t lzma_run(const uint8_t *in, size_t in_size)
{
	CLzmaDec *p = &lzma_step;
	if (p->dicPos == p->dicBufSize)
		p->dicPos = 0;
	size_t start = p->dicPos;
	size_t limit = p->dicBufSize - start > LZMA_STEP ? start + LZMA_STEP : p->dicBufSize;
	SizeT in_len = in_size;
	ELzmaStatus status = LZMA_STATUS_NOT_SPECIFIED;
	SRes res = LzmaDec_DecodeToDic(p, limit, in, &in_len, LZMA_FINISH_ANY, &status);
	in_used = (uint32_t)in_len;
	lzma_out_at = (uintptr_t)(p->dic + start);
	out_len = (uint32_t)(p->dicPos - start);
	lzma_status = status;
	return res;
}

/* libbzip2's internal consistency check failed (never on corrupt input): trap. */
void bz_internal_error(int errcode)
{
	(void)errcode;
	__builtin_trap();
}

static void *bz_alloc(void *opaque, int items, int size)
{
	(void)opaque;
	return glue_alloc((size_t)items * (size_t)size);
}

static void bz_free(void *opaque, void *address)
{
	(void)opaque;
	(void)address;
}

static bz_stream bz_step;

/* Starts decoding a bzip2 stream (each stream of a file anew). Returns BZ_OK or an error. */
int32_t bz_init(void)
{
	heap_used = 0;
	memset(&bz_step, 0, sizeof(bz_step));
	bz_step.bzalloc = bz_alloc;
	bz_step.bzfree = bz_free;
	return BZ2_bzDecompressInit(&bz_step, 0, 0);
}

/*
 * Decodes in[0, in_size) into out[0, out_size) as far as they go (in_used, out_len).
 * Returns BZ_OK (more input or output space needed), BZ_STREAM_END (at the stream's end,
 * its CRCs verified: in_used is where it ends), or an error: BZ_DATA_ERROR (corrupt: a
 * block's or the stream's CRC, or its structure), BZ_DATA_ERROR_MAGIC (not bzip2),
 * BZ_MEM_ERROR.
 */
int32_t bz_run(const uint8_t *in, size_t in_size, uint8_t *out, size_t out_size)
{
	bz_step.next_in = (char *)in;
	bz_step.avail_in = (unsigned int)in_size;
	bz_step.next_out = (char *)out;
	bz_step.avail_out = (unsigned int)out_size;
	int ret = BZ2_bzDecompress(&bz_step);
	in_used = (uint32_t)(in_size - bz_step.avail_in);
	out_len = (uint32_t)(out_size - bz_step.avail_out);
	return ret;
}

/*
 * Decodes the LZ4 block in[0, in_size) into out[0, out_size) (LZ4_decompress_safe: never
 * reads or writes outside them). Returns the decompressed length, or a negative number when
 * the block is corrupt or decodes to more than out_size bytes.
 */
int32_t unlz4_block(const uint8_t *in, size_t in_size, uint8_t *out, size_t out_size)
{
	return LZ4_decompress_safe((const char *)in, (char *)out, (int)in_size, (int)out_size);
}
