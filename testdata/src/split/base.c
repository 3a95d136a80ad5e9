// SPDX-License-Identifier: GPL-2.0
/*
 * Split-BTF fixture, base half (think vmlinux). testdata/build.sh compiles it with gcc -g
 * and encodes it with pahole -J into testdata/split_base.btf. testdata/src/split/mod.c
 * includes this file with SPLIT_MOD defined to get the same type definitions (pahole then
 * finds them in the base and does not repeat them) without the base's variables.
 *
 * Besides being a base, this file gives shapes clang 14 cannot emit from testdata/src/shapes.c
 * (gcc + pahole do): ENUM64, CONST/VOLATILE qualified anonymous members, and a
 * '.data..percpu' DATASEC whose variable offsets are the real section offsets.
 */
struct list_node {
	struct list_node *next;
	struct list_node *prev;
};

struct base_obj {
	int id;
	long counter;
	struct list_node link;
	char tag[12];
};

/* Anonymous members behind qualifiers: CONST -> STRUCT and VOLATILE -> UNION in BTF. */
struct qual_anon {
	int qa_first;
	const struct {
		int qa_const_inner;
		long qa_const_wide;
	};
	volatile union {
		int qa_vol_int;
		long qa_vol_long;
	};
	int qa_last;
};

enum base_big {
	BASE_SMALL = 1,
	BASE_HUGE = 0xfedcba9876543210ULL,	/* needs ENUM64 */
};

struct base_stats {
	unsigned long hits;
	unsigned long misses;
	enum base_big kind;
};

/* `cookie` is only a typedef in the base; the module adds a struct of that name. */
typedef unsigned long cookie;

struct base_cookie_jar {
	cookie c;
	int n;
};

#ifndef SPLIT_MOD
struct base_cookie_jar base_jar;
struct base_obj base_objs[2];
struct qual_anon base_qual;
struct base_stats base_global_stats;

/* per-cpu variables: DATASEC '.data..percpu' with their offsets in the section */
__attribute__((section(".data..percpu"))) int base_pcpu_a = 1;
__attribute__((section(".data..percpu"))) struct base_stats base_pcpu_stats = { 1, 2, BASE_SMALL };
__attribute__((section(".data..percpu"))) long base_pcpu_b = 3;
#endif
