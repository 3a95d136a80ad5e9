// SPDX-License-Identifier: GPL-2.0
/*
 * Enumerator fixture, base half (btf/enums.ts). testdata/build.sh compiles it with gcc -g and
 * encodes it with pahole -J into testdata/split_enums_base.btf; mod.c is its split module
 * (testdata/split_enums_mod.btf). gcc + pahole write what clang 14 cannot: ENUM64 and the
 * signed kind_flag. The values below are the oracle: tests/enums_test.ts expects exactly them.
 */
enum enum_signed { ENUM_NEG = -5, ENUM_POS = 7 };			/* ENUM, signed */
enum { ENUM_ANON_A = 40, ENUM_ANON_B = 41 };				/* anonymous ENUM */
enum enum_u32 { ENUM_U32_MAX = 0xffffffffu };				/* ENUM, unsigned */
enum enum_big {								/* ENUM64, unsigned */
	ENUM_BIG_SMALL = 1,
	ENUM_BIG_2_40 = 0x10000000000ULL,				/* a safe integer */
	ENUM_BIG_HUGE = 0xfedcba9876543210ULL,				/* not one */
};
enum enum_sbig {							/* ENUM64, signed */
	ENUM_SBIG_NEG = -0x123456789LL,
	ENUM_SBIG_MIN = -0x7fffffffffffffffLL - 1,
};

#ifndef SPLIT_MOD
/* Defined in the base only: the module defines the same enumerator name again. */
enum enum_first { ENUM_SHARED = 11 };

enum enum_signed g_signed;
enum enum_u32 g_u32;
enum enum_big g_big;
enum enum_sbig g_sbig;
enum enum_first g_first;
int g_anon = ENUM_ANON_A;
typeof(ENUM_ANON_B) g_anon_typed;
#endif
