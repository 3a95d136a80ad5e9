/*
 * What xz-embedded (the Linux kernel's lib/xz) expects from its environment when built
 * outside the kernel (xz_private.h includes this file): single-call mode (the output buffer
 * is the dictionary) and multi-call mode with a dictionary allocated per stream, every BCJ
 * filter, and allocation from glue.c. CRC32 is verified by xz-embedded; streams with another
 * check are decoded with the check skipped (XZ_DEC_ANY_CHECK), and btf/image/codecs/lzma.ts
 * verifies CRC64 and SHA-256 itself (checks.c) against the check fields the index locates.
 */
#ifndef KTSTR_XZ_CONFIG_H
#define KTSTR_XZ_CONFIG_H

#define XZ_DEC_SINGLE
#define XZ_DEC_DYNALLOC
#define XZ_DEC_ANY_CHECK
#define XZ_DEC_X86
#define XZ_DEC_POWERPC
#define XZ_DEC_ARM
#define XZ_DEC_ARMTHUMB
#define XZ_DEC_ARM64
#define XZ_DEC_RISCV
#define XZ_DEC_SPARC

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "xz.h"

/* glue.c: the bump heap for small state, and memory grown for a dictionary (never freed). */
void *glue_alloc(size_t size);
void *glue_reserve(size_t size);
#define kmalloc(size, flags) glue_alloc(size)
#define kmalloc_obj(var) glue_alloc(sizeof(var))
#define kfree(ptr) ((void)(ptr))
#define vmalloc(size) glue_reserve(size)
#define vfree(ptr) ((void)(ptr))

#define memeq(a, b, size) (memcmp(a, b, size) == 0)
#define memzero(buf, size) memset(buf, 0, size)
#define min(x, y) ((x) < (y) ? (x) : (y))
#define min_t(type, x, y) min((type)(x), (type)(y))
#define fallthrough __attribute__((__fallthrough__))
#define __always_inline inline __attribute__((__always_inline__))

static inline uint32_t get_unaligned_le32(const uint8_t *buf)
{
	return (uint32_t)buf[0] | ((uint32_t)buf[1] << 8) | ((uint32_t)buf[2] << 16) |
	       ((uint32_t)buf[3] << 24);
}

static inline uint32_t get_unaligned_be32(const uint8_t *buf)
{
	return ((uint32_t)buf[0] << 24) | ((uint32_t)buf[1] << 16) | ((uint32_t)buf[2] << 8) |
	       (uint32_t)buf[3];
}

static inline void put_unaligned_le32(uint32_t val, uint8_t *buf)
{
	buf[0] = (uint8_t)val;
	buf[1] = (uint8_t)(val >> 8);
	buf[2] = (uint8_t)(val >> 16);
	buf[3] = (uint8_t)(val >> 24);
}

static inline void put_unaligned_be32(uint32_t val, uint8_t *buf)
{
	buf[0] = (uint8_t)(val >> 24);
	buf[1] = (uint8_t)(val >> 16);
	buf[2] = (uint8_t)(val >> 8);
	buf[3] = (uint8_t)val;
}

#define get_le32 get_unaligned_le32

#endif
