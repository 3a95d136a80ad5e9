/*
 * The part of the Linux kernel's headers that lib/lz4/lz4_decompress.c and
 * lib/lzo/lzo1x_decompress_safe.c use, for wasm32: little-endian, loads and stores of any
 * alignment, native 64-bit integers (CONFIG_64BIT only selects LZ4's 8-byte copies). The
 * other headers in this directory include this one; lz4.h is LZ4's interface.
 */
#ifndef KTSTR_LINUX_KERNEL_H
#define KTSTR_LINUX_KERNEL_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define __LITTLE_ENDIAN 1234
#define CONFIG_64BIT
#define CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS
#define BITS_PER_LONG 32

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#define min(x, y) ((x) < (y) ? (x) : (y))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define __always_inline inline __attribute__((__always_inline__))
#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON")
#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#define MODULE_LICENSE(license)
#define MODULE_DESCRIPTION(text)

static inline unsigned long __ffs(unsigned long word)
{
	return (unsigned long)__builtin_ctzl(word);
}

static inline unsigned long __fls(unsigned long word)
{
	return BITS_PER_LONG - 1 - (unsigned long)__builtin_clzl(word);
}

/* Unaligned access through a packed struct: one load or store of any alignment. */
#define get_unaligned(ptr) \
	({ \
		const struct { \
			__typeof__(*(ptr)) x; \
		} __attribute__((packed)) *ktstr_p_ = (const void *)(ptr); \
		ktstr_p_->x; \
	})
#define put_unaligned(val, ptr) \
	do { \
		struct { \
			__typeof__(*(ptr)) x; \
		} __attribute__((packed)) *ktstr_p_ = (void *)(ptr); \
		ktstr_p_->x = (val); \
	} while (0)

static inline u16 get_unaligned_le16(const void *p)
{
	const u8 *b = p;
	return (u16)(b[0] | (b[1] << 8));
}

static inline void put_unaligned_le16(u16 val, void *p)
{
	u8 *b = p;
	b[0] = (u8)val;
	b[1] = (u8)(val >> 8);
}

#endif
