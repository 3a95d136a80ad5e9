/*
 * LZ4's decompression interface as lib/lz4/lz4_decompress.c defines it (in place of the
 * kernel's include/linux/lz4.h, which also covers compression): the history window and the
 * streaming decoder's state, and the functions glue.c calls.
 */
#ifndef KTSTR_LINUX_LZ4_H
#define KTSTR_LINUX_LZ4_H
#include <stddef.h>
#include <stdint.h>

#define LZ4_DISTANCE_MAX 65535

typedef struct {
	const uint8_t *externalDict;
	size_t extDictSize;
	const uint8_t *prefixEnd;
	size_t prefixSize;
} LZ4_streamDecode_t_internal;

typedef union {
	unsigned long long table[4];
	LZ4_streamDecode_t_internal internal_donotuse;
} LZ4_streamDecode_t;

int LZ4_decompress_safe(const char *source, char *dest, int compressedSize,
			int maxDecompressedSize);
int LZ4_decompress_safe_partial(const char *source, char *dest, int compressedSize,
				int targetOutputSize, int maxDecompressedSize);
int LZ4_decompress_fast(const char *source, char *dest, int originalSize);
int LZ4_setStreamDecode(LZ4_streamDecode_t *LZ4_streamDecode, const char *dictionary,
			int dictSize);
int LZ4_decompress_safe_continue(LZ4_streamDecode_t *LZ4_streamDecode, const char *source,
				 char *dest, int compressedSize, int maxDecompressedSize);
int LZ4_decompress_fast_continue(LZ4_streamDecode_t *LZ4_streamDecode, const char *source,
				 char *dest, int originalSize);
int LZ4_decompress_safe_usingDict(const char *source, char *dest, int compressedSize,
				  int maxDecompressedSize, const char *dictStart, int dictSize);
int LZ4_decompress_fast_usingDict(const char *source, char *dest, int originalSize,
				  const char *dictStart, int dictSize);

#endif
