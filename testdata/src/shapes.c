// SPDX-License-Identifier: GPL-2.0
/*
 * BTF fixture: every BTF shape the lookup primitives meet in a kernel,
 * in one small file. tests/queries_test.ts reads testdata/shapes.btf (and shapes.o) and
 * compares against testdata/shapes.offsets.json, the host compiler's offsetof/sizeof.
 *
 * testdata/build.sh compiles this with clang -g -O2 -target bpf (BTF) and, because it
 * mentions ORACLE_MAIN, with host gcc -DORACLE_MAIN, whose stdout becomes
 * testdata/shapes.offsets.json.
 *
 * What clang 14 does NOT emit from this file (the tests get these shapes elsewhere):
 *   - ENUM64: clang 14 writes a 64-bit enum as an 8-byte ENUM with truncated values
 *     (ENUM64 comes from pahole via testdata/src/split/base.c);
 *   - DATASEC offsets of non-static variables: in a relocatable .o they are 0 (libbpf fills
 *     them in at load time). The per-cpu variables below are static, so clang writes their
 *     real section offsets; pahole writes them for globals too (split/base.c);
 *   - qualifiers or typedefs on anonymous members: clang strips them (gcc + pahole keep
 *     CONST/VOLATILE, see split/base.c; TYPEDEF is built synthetically in the test);
 *   - TYPE_TAG on a pointer first met as a struct member: clang 14 drops the tag there, so
 *     read_user() meets user_target_ptr in a prototype first and the tag is kept.
 * Every type is reached from a global variable or a global function so that clang emits it;
 * a struct only ever seen through a pointer is emitted as a FWD by clang, so each struct
 * reached through pointers also has a global of its own.
 */
#ifdef __clang__
#define __user __attribute__((btf_type_tag("user")))
#else
#define __user
#endif
#define __percpu_var __attribute__((section(".data..percpu")))

/* ---- anonymous members -------------------------------------------------------------- */

/* deep_field is reachable only through two anonymous levels (union, then struct). */
struct nest {
	long head;
	unsigned int misaligned_a : 3;	/* bit 64: a bitfield, but byte-aligned (offset 8) */
	unsigned int misaligned_b : 5;	/* bit offset 67: skipped unless asked for */
	union {
		int u_first;
		struct {
			int pre;
			long deep_field;
		};
	};
	union {				/* the first anonymous union has no `later`: search goes on */
		struct {
			char c0;
			int later;
		};
		long wide_alias;
	};
	union {				/* four anonymous levels */
		struct {
			union {
				struct {
					short s0;
					int deepest;
				};
			};
		};
	};
	int tail;
	/* Same name twice: the first (in member order, anonymous descent included) wins. */
	struct {
		int dup_field;
	};
	int dup_field_direct;
};

/* The kernel's bpf_array.value shape (DECLARE_FLEX_ARRAY inside an aligned anonymous union). */
struct map_like {
	long a;
	int b;
};
struct array_aux_like {
	int refs;
};
struct array_like {
	struct map_like map;
	unsigned int elem_size;
	struct array_aux_like *aux;
	unsigned int index_mask;
	union {
		struct {
			struct {
			} __empty_value;
			char value[];
		} __attribute__((aligned(8)));
		struct {
			struct {
			} __empty_ptrs;
			void *ptrs[];
		} __attribute__((aligned(8)));
	};
};

/* ---- bitfields (the struct gets kind_flag=1) ----------------------------------------- */

struct bits {
	unsigned int flag_a : 1;	/* bit 0 */
	unsigned int flag_b : 3;	/* bit 1 */
	unsigned int odd_bits : 5;	/* bit 4: "non-byte-aligned offset (4 bits)" */
	unsigned int mid : 7;		/* bit 9 */
	unsigned int byte_bits : 8;	/* bit 16: a bitfield that happens to be byte-aligned */
	unsigned char after;		/* plain byte member after the bitfields */
	long long wide;
	unsigned long late_bits : 13;	/* bit 128 */
	unsigned long late_odd : 11;	/* bit 141 */
	int end;
};

/* ---- type chains ------------------------------------------------------------------- */

struct target {
	int t0;
	long t1;
};
struct other_target {
	char o0;
	struct target inner;
};
typedef struct target target_t;
typedef const target_t ctarget_t;
typedef volatile ctarget_t vctarget_t;
typedef struct target __user *user_target_ptr;	/* TYPEDEF -> PTR -> TYPE_TAG -> STRUCT */

/* A chain of typedefs: chain_19 reaches the struct in 19 steps, chain_20 in 20. */
typedef struct target chain_1;
typedef chain_1 chain_2;
typedef chain_2 chain_3;
typedef chain_3 chain_4;
typedef chain_4 chain_5;
typedef chain_5 chain_6;
typedef chain_6 chain_7;
typedef chain_7 chain_8;
typedef chain_8 chain_9;
typedef chain_9 chain_10;
typedef chain_10 chain_11;
typedef chain_11 chain_12;
typedef chain_12 chain_13;
typedef chain_13 chain_14;
typedef chain_14 chain_15;
typedef chain_15 chain_16;
typedef chain_16 chain_17;
typedef chain_17 chain_18;
typedef chain_18 chain_19;
typedef chain_19 chain_20;
typedef chain_20 chain_21;
typedef chain_21 chain_22;
typedef chain_22 chain_23;
typedef chain_23 chain_24;
typedef chain_24 chain_25;

struct never_defined;		/* struct-flavour FWD */
union never_defined_u;		/* union-flavour FWD */

union only_union {		/* exists only as a union */
	int ou_a;
	long ou_b;
};
typedef struct {		/* only_typedef exists only as a typedef (of an anonymous struct) */
	int ot_a;
	long ot_b;
} only_typedef;

enum shape_enum64 {
	SHAPE_SMALL = 1,
	SHAPE_BIG = 0x123456789ULL,
};

struct chains {
	struct target *ptr;			/* PTR -> STRUCT */
	struct target **ptr_ptr;		/* PTR -> PTR -> STRUCT */
	vctarget_t *qual_ptr;			/* PTR -> TYPEDEF -> VOLATILE -> TYPEDEF -> CONST ... */
	struct target *restrict restrict_ptr;	/* RESTRICT -> PTR -> STRUCT */
	const volatile struct other_target *cv_ptr;
	user_target_ptr tagged;			/* TYPEDEF -> PTR -> TYPE_TAG -> STRUCT */
	union only_union *union_ptr;		/* PTR -> UNION */
	only_typedef *anon_typedef_ptr;		/* PTR -> TYPEDEF -> anonymous STRUCT */
	struct never_defined *fwd_struct;	/* PTR -> FWD (struct) */
	union never_defined_u *fwd_union;	/* PTR -> FWD (union) */
	struct target arr[3];			/* ARRAY of structs */
	int plain_int;				/* INT */
	void *void_ptr;				/* PTR -> void */
	struct target direct;			/* STRUCT */
	chain_19 chained_19;			/* 19 TYPEDEFs, then the struct */
	chain_20 chained_20;			/* 20 TYPEDEFs: too long */
	chain_25 *chained_25_ptr;		/* PTR + 25 TYPEDEFs */
	double real;				/* FLOAT */
	float single;				/* FLOAT */
	enum shape_enum64 big_enum;		/* ENUM (ENUM64 with a newer clang) */
	void (*callback)(struct target *);	/* PTR -> FUNC_PROTO */
};

/* ---- one name, several kinds ------------------------------------------------------- */
/*
 * `twin` is a VAR, a union, a typedef and two different structs. C forbids most of these in
 * one scope, so the union, typedef and second struct live in block scopes, reached through
 * static locals (which clang emits as VARs). clang numbers the types of functions first (in
 * definition order), then the initialized globals and static locals in definition order,
 * then tentative definitions, so the ids are: VAR twin < union twin < typedef twin <
 * struct twin (file scope, g_twin) < struct twin (block scope).
 * `target` is both a FUNC (emitted first) and a struct.
 */
int target(int x)
{
	return x * 2;
}

long twin = 7;

/* `lonely` exists only as a FUNC (not a struct). */
int lonely(int x)
{
	return x + 1;
}

/* A tagged pointer in a prototype: clang 14 emits TYPE_TAG here (not for struct members). */
int read_user(user_target_ptr p)
{
	return p != 0;
}

void *twin_union_holder(void)
{
	union twin {
		int u;
		long v;
	};
	static union twin held_union;
	return &held_union;
}

void *twin_typedef_holder(void)
{
	typedef struct {
		int td;
	} twin;
	static twin held_typedef;
	return &held_typedef;
}

struct twin {
	int file_scope_twin;
	long tw;
};
struct twin g_twin = { 1, 2 };

void *twin_struct_holder(void)
{
	struct twin {
		char block_scope_twin;
		int other;
	};
	static struct twin held_struct;
	return &held_struct;
}

/* ---- globals: every type above reachable ------------------------------------------- */

struct nest g_nest;
struct array_like g_array;
struct array_aux_like g_array_aux;
struct bits g_bits;
struct target g_target;
struct other_target g_other_target;
struct chains g_chains;
union only_union g_only_union;
only_typedef g_only_typedef;
struct target __user *g_user_ptr;	/* a global tagged pointer (same PTR -> TYPE_TAG) */
user_target_ptr g_user_typedef;
enum shape_enum64 g_enum = SHAPE_BIG;

/*
 * per-cpu style variables: DATASEC '.data..percpu'. They are static so that their offsets
 * in the section are written into the .o's BTF (a global's offset is left 0 for libbpf).
 */
static __percpu_var int pcpu_first = 1;
static __percpu_var long pcpu_second = 2;
static __percpu_var struct target pcpu_third = { 3, 4 };
static __percpu_var char pcpu_fourth = 5;

void *percpu_addr(int which)
{
	switch (which) {
	case 0:
		return &pcpu_first;
	case 1:
		return &pcpu_second;
	case 2:
		return &pcpu_third;
	default:
		return &pcpu_fourth;
	}
}

int use_chains(struct chains *c, struct nest *n, struct bits *b)
{
	return c->plain_int + n->tail + b->end;
}

#ifdef ORACLE_MAIN
#include <stdio.h>
#include <stddef.h>

static int oracle_first = 1;

static void oracle_put(const char *key, unsigned long value)
{
	printf("%s\n  \"%s\": %lu", oracle_first ? "{" : ",", key, value);
	oracle_first = 0;
}

#define OFF(s, m) oracle_put(#s "." #m, offsetof(struct s, m))
#define SIZE(s) oracle_put("sizeof." #s, sizeof(struct s))

int main(void)
{
	OFF(nest, head);
	OFF(nest, u_first);
	OFF(nest, pre);
	OFF(nest, deep_field);
	OFF(nest, later);
	OFF(nest, wide_alias);
	OFF(nest, c0);
	OFF(nest, deepest);
	OFF(nest, s0);
	OFF(nest, tail);
	OFF(nest, dup_field);
	OFF(nest, dup_field_direct);
	SIZE(nest);

	OFF(array_like, map);
	OFF(array_like, elem_size);
	OFF(array_like, aux);
	OFF(array_like, index_mask);
	OFF(array_like, value);
	OFF(array_like, ptrs);
	OFF(array_like, __empty_value);
	SIZE(array_like);
	SIZE(map_like);

	OFF(bits, after);
	OFF(bits, wide);
	OFF(bits, end);
	SIZE(bits);

	OFF(target, t0);
	OFF(target, t1);
	SIZE(target);
	OFF(other_target, o0);
	OFF(other_target, inner);
	SIZE(other_target);

	OFF(chains, ptr);
	OFF(chains, ptr_ptr);
	OFF(chains, qual_ptr);
	OFF(chains, restrict_ptr);
	OFF(chains, cv_ptr);
	OFF(chains, tagged);
	OFF(chains, union_ptr);
	OFF(chains, anon_typedef_ptr);
	OFF(chains, fwd_struct);
	OFF(chains, fwd_union);
	OFF(chains, arr);
	OFF(chains, plain_int);
	OFF(chains, void_ptr);
	OFF(chains, direct);
	OFF(chains, chained_19);
	OFF(chains, chained_20);
	OFF(chains, chained_25_ptr);
	OFF(chains, real);
	OFF(chains, single);
	OFF(chains, big_enum);
	OFF(chains, callback);
	SIZE(chains);

	oracle_put("only_union.ou_b", offsetof(union only_union, ou_b));
	oracle_put("sizeof.only_union", sizeof(union only_union));
	oracle_put("only_typedef.ot_b", offsetof(only_typedef, ot_b));
	oracle_put("sizeof.only_typedef", sizeof(only_typedef));

	OFF(twin, file_scope_twin);
	OFF(twin, tw);
	SIZE(twin);
	printf("\n}\n");
	return 0;
}
#endif
