// SPDX-License-Identifier: GPL-2.0
/*
 * Split-BTF fixture: a module with its own small `struct rq` (and `struct cgroup`), encoded by
 * pahole -J --btf_base over the 7.3 era fixture (testdata/era_7_3.o, named in base.txt) into
 * testdata/split_rq_mod.btf. Every group must still resolve the scheduler's structs from the
 * base: find_struct takes the first STRUCT in type-id order, and the base's ids come first.
 */
struct rq {
	int mod_rq_id;
	struct rq *next;
};

struct cgroup {
	long mod_cgroup_weight;
};

struct rq mod_rqs[2];
struct cgroup mod_cgroup;
