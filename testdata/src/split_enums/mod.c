// SPDX-License-Identifier: GPL-2.0
/*
 * Enumerator fixture, module half: split BTF over testdata/split_enums_base.btf. The base's
 * enums are included (SPLIT_MOD leaves out its variables and enum_first) so pahole keeps only
 * the module's own enum, whose ENUM_SHARED loses to the base's (type-id order).
 */
#define SPLIT_MOD
#include "base.c"

enum enum_mod { ENUM_SHARED = 22, ENUM_MOD_ONLY = -23 };

enum enum_mod g_mod;
