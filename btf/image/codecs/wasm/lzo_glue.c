/*
 * The entry points of lzo.wasm: one LZO1X block through the Linux kernel's
 * lzo1x_decompress_safe (GPL-2.0-only, like this module as a whole), and the checksums lzop
 * stores. The lzop container itself is read by btf/image/codecs/lzo.ts. The caller lays out
 * the memory: it takes regions from reserve(), which grows the memory.
 */
#include <stddef.h>
#include <stdint.h>
#include <linux/lzo.h>

#define PAGE 65536u

/* For the caller: the address of size fresh bytes, or 0 when the memory cannot grow. */
uintptr_t reserve(size_t size)
{
	size_t pages = (size >> 16) + ((size & (PAGE - 1)) != 0);
	size_t old = __builtin_wasm_memory_grow(0, pages);
	return old == (size_t)-1 ? 0 : old * PAGE;
}

void *memcpy(void *dest, const void *src, size_t n)
{
	__builtin_memcpy(dest, src, n);
	return dest;
}

void *memset(void *dest, int c, size_t n)
{
	__builtin_memset(dest, c, n);
	return dest;
}

/*
 * Decodes the LZO1X block in[0, in_size) into out[0, out_size). Returns the decompressed
 * length, or the negative LZO_E_* code (LZO_E_INPUT_OVERRUN: the block ends early;
 * LZO_E_OUTPUT_OVERRUN: it decodes to more than out_size bytes; LZO_E_LOOKBEHIND_OVERRUN:
 * it refers to data before its start; LZO_E_INPUT_NOT_CONSUMED: it ends before its last
 * byte; LZO_E_ERROR: corrupt).
 */
int32_t unlzo_block(const uint8_t *in, size_t in_size, uint8_t *out, size_t out_size)
{
	size_t len = out_size;
	int ret = lzo1x_decompress_safe(in, in_size, out, &len);
	return ret == LZO_E_OK ? (int32_t)len : ret;
}

/* Adler-32 of buf[0, size) continuing from adler (1 to start), as lzop computes it. */
uint32_t adler32(uint32_t adler, const uint8_t *buf, size_t size)
{
	uint32_t a = adler & 0xffff, b = adler >> 16;
	while (size > 0) {
		/* 5552: the most bytes before b can overflow 32 bits. */
		size_t n = size < 5552 ? size : 5552;
		size -= n;
		while (n-- > 0) {
			a += *buf++;
			b += a;
		}
		a %= 65521;
		b %= 65521;
	}
	return (b << 16) | a;
}

static uint32_t crc32_table[256];

/* CRC-32 (IEEE 802.3, as zlib and lzop compute it) of buf[0, size), continuing from crc. */
uint32_t crc32(uint32_t crc, const uint8_t *buf, size_t size)
{
	if (crc32_table[1] == 0) {
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t r = i;
			for (int k = 0; k < 8; k++)
				r = (r >> 1) ^ (0xedb88320u & -(r & 1));
			crc32_table[i] = r;
		}
	}
	crc = ~crc;
	while (size-- > 0)
		crc = crc32_table[(crc ^ *buf++) & 0xff] ^ (crc >> 8);
	return ~crc;
}
