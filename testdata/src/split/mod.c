// SPDX-License-Identifier: GPL-2.0
/*
 * Split-BTF fixture, module half (think a .ko). testdata/build.sh compiles it with gcc -g and
 * encodes it with pahole -J --btf_base (the base object) into testdata/split_mod.btf, whose
 * type ids continue after split_base.btf's and whose names may live in either string table.
 * The base's types are included (SPLIT_MOD leaves out the base's variables) so the module's
 * structs embed and point to the very same types; pahole keeps only the new ones.
 */
#define SPLIT_MOD
#include "base.c"

struct mod_inner {
	long mi_x;
	int mi_y;
};

struct mod_dev {
	char name[20];
	struct base_obj obj;		/* a base struct, embedded */
	struct list_node *head;		/* a pointer to a base struct */
	long counter;			/* a member name that is already in the base's strings */
	struct mod_inner inner;		/* the module's own struct */
	struct base_stats *stats;
	union {
		int mod_anon_a;
		struct {
			short mod_anon_pad;
			int mod_anon_deep;
		};
	};
	unsigned int mod_flags;
};

/* A struct named like the base's typedef `cookie` (tags and typedefs do not clash in C). */
struct cookie {
	int crumbs;
	cookie value;			/* the base's typedef */
};

/* `list_node` again, as a typedef of the base's struct: a name in both tables. */
typedef struct list_node list_node;

struct mod_holder {
	list_node node;
	struct cookie ck;
};

struct mod_dev mod_devices[4];
struct mod_inner mod_inner_global;
struct mod_holder mod_holder_global;

/* The module's own per-cpu variables: a second '.data..percpu' DATASEC, in the split part. */
__attribute__((section(".data..percpu"))) long mod_pcpu_counter = 1;
__attribute__((section(".data..percpu"))) struct mod_inner mod_pcpu_inner = { 2, 3 };
