/*
 * The hot loops of the BTF type table, compiled to WebAssembly (see build.sh): walking the
 * type records and checking them as the kernel's verifier does, checking whether names are
 * sorted, and building the name index and the enumerator index. They run
 * over the table's shared memory, whose layout btf/table.ts decides; every argument is a
 * word (4-byte) or byte index into that memory. No stack, no static data, no imports but
 * the memory, so the module is safe to instantiate on any table.
 *
 * The name hash must equal hashNameAt() in btf/table.ts: the first 12 bytes of the name,
 * zero after its NUL, as three little-endian words, mixed.
 */
typedef unsigned int u32;
typedef unsigned long long u64;
typedef unsigned char u8;

#define W(word) ((u32 *)(__SIZE_TYPE__)((word) * 4u))
#define B(byte) ((u8 *)(__SIZE_TYPE__)(byte))

enum {
  ERR_HEADER_PAST_END = -1,   /* err[0] = type index */
  ERR_UNKNOWN_KIND = -2,      /* err[0] = type index, err[1] = kind */
  ERR_NAME_PAST_STRINGS = -3, /* err[0] = type index, err[1] = name offset */
  ERR_RECORD_PAST_END = -4,   /* err[0] = type index, err[1] = kind */
  /* The kernel verifier's per-kind rules; err[0] = type index, err[1] = element index. */
  ERR_INFO_BITS = -5,
  ERR_VLEN = -6,
  ERR_KIND_FLAG = -7,
  ERR_SIZE = -8,
  ERR_NAME_REQUIRED = -9,
  ERR_NAME_FORBIDDEN = -10,
  ERR_ELEM_NAME = -11,
  ERR_MEMBER_OFFSET = -12,
  ERR_INT_DATA = -13,
  ERR_LINKAGE = -14,
  ERR_DATASEC_VAR = -15,
  ERR_COMPONENT = -16,
};

enum {
  INT = 1, PTR, ARRAY, STRUCT, UNION, ENUM, FWD, TYPEDEF, VOLATILE, CONST, RESTRICT, FUNC,
  FUNC_PROTO, VAR, DATASEC, FLOAT, DECL_TAG, TYPE_TAG, ENUM64,
};

/* Info bits no known kind uses (16..23: vlen is 16 bits; 29..30: kind is 5 bits). */
#define INFO_RESERVED 0x60ff0000u
#define FAIL(code, elem) do { err[0] = idx; err[1] = (elem); return (code); } while (0)
/* Bytes covered up to bit offset b (rounded up). */
#define BYTES(b) (((b) >> 3) + (((b) & 7) != 0))
#define REF(t) do { u32 t_ = (t); if (t_ > maxRef) { maxRef = t_; maxRefAt = idx; } } while (0)

/*
 * The kernel's meta checks (kernel/bpf/btf.c, *_check_meta) of the known record at word
 * `pos`, type index `idx`: reserved info bits, vlen, kind_flag, size, which kinds must or
 * must not be named, element names inside the strings, member offsets inside the struct
 * (union members at 0), INT encodings, linkages, DATASEC variables inside the section. The
 * highest type id referenced goes to *maxRef (checked against the count by the caller).
 * Returns 0 or a negative error with err[0..1] set. The slow path of parse(), kept out of
 * it: a smaller parse() costs V8 less to compile to its optimized tier (~60 page faults).
 */
static __attribute__((noinline)) int check(u32 *m, u32 pos, u32 idx, u32 nameLimit, u32 *err,
                                            u32 *maxRefOut, u32 *maxRefAtOut) {
  u32 name = m[pos], info = m[pos + 1], sz = m[pos + 2], *x = m + pos + 3;
  u32 kind = (info >> 24) & 0x1f, vlen = info & 0xffff, kflag = info >> 31;
  u32 maxRef = *maxRefOut, maxRefAt = *maxRefAtOut;
  if (info & INFO_RESERVED) FAIL(ERR_INFO_BITS, 0);
  switch (kind) {
  case INT: {
    if (vlen) FAIL(ERR_VLEN, 0);
    if (kflag) FAIL(ERR_KIND_FLAG, 0);
    if (sz == 0 || sz > 16 || (sz & (sz - 1))) FAIL(ERR_SIZE, 0);
    u32 d = x[0], bits = d & 0xff, off = (d >> 16) & 0xff, enc = (d >> 24) & 0xf;
    if ((d & 0xf000ff00u) || bits > 128 || off + bits > sz * 8 || (enc & (enc - 1)) || enc > 4)
      FAIL(ERR_INT_DATA, 0);
    break;
  }
  case PTR: case VOLATILE: case CONST: case RESTRICT:
    if (vlen) FAIL(ERR_VLEN, 0);
    if (kflag) FAIL(ERR_KIND_FLAG, 0);
    if (name) FAIL(ERR_NAME_FORBIDDEN, 0);
    REF(sz);
    break;
  case TYPEDEF:
    if (vlen) FAIL(ERR_VLEN, 0);
    if (kflag) FAIL(ERR_KIND_FLAG, 0);
    if (!name) FAIL(ERR_NAME_REQUIRED, 0);
    REF(sz);
    break;
  case TYPE_TAG:
    if (vlen) FAIL(ERR_VLEN, 0);
    if (!name) FAIL(ERR_NAME_REQUIRED, 0);
    REF(sz);
    break;
  case ARRAY:
    if (vlen) FAIL(ERR_VLEN, 0);
    if (kflag) FAIL(ERR_KIND_FLAG, 0);
    if (name) FAIL(ERR_NAME_FORBIDDEN, 0);
    if (sz) FAIL(ERR_SIZE, 0);
    REF(x[0]);
    REF(x[1]);
    break;
  case STRUCT: case UNION: {
    /* The hot loop: maxima only, no branch per member; the first bad member is looked
       for only when a maximum says there is one. */
    u32 mask = kflag ? 0xffffffu : 0xffffffffu, maxName = 0, maxType = 0, maxBit = 0, anyBit = 0;
    for (u32 i = 0; i < vlen; i++) {
      u32 n = x[3 * i], t = x[3 * i + 1], b = x[3 * i + 2] & mask;
      maxName = n > maxName ? n : maxName;
      maxType = t > maxType ? t : maxType;
      maxBit = b > maxBit ? b : maxBit;
      anyBit |= b;
    }
    if (maxName >= nameLimit || (kind == UNION ? anyBit != 0 : BYTES(maxBit) > sz)) {
      for (u32 i = 0; i < vlen; i++, x += 3) {
        if (x[0] >= nameLimit) FAIL(ERR_ELEM_NAME, i);
        u32 bit = x[2] & mask;
        if (kind == UNION ? bit != 0 : BYTES(bit) > sz) FAIL(ERR_MEMBER_OFFSET, i);
      }
    }
    REF(maxType);
    break;
  }
  case ENUM: case ENUM64: {
    u32 step = kind == ENUM ? 2 : 3, maxName = 0;
    if (sz == 0 || sz > 8 || (sz & (sz - 1))) FAIL(ERR_SIZE, 0);
    for (u32 i = 0; i < vlen; i++) maxName = x[step * i] > maxName ? x[step * i] : maxName;
    if (maxName >= nameLimit) {
      for (u32 i = 0; i < vlen; i++, x += step)
        if (x[0] >= nameLimit) FAIL(ERR_ELEM_NAME, i);
    }
    break;
  }
  case FWD:
    if (vlen) FAIL(ERR_VLEN, 0);
    if (!name) FAIL(ERR_NAME_REQUIRED, 0);
    if (sz) FAIL(ERR_SIZE, 0);
    break;
  case FUNC:
    if (kflag) FAIL(ERR_KIND_FLAG, 0);
    if (vlen > 2) FAIL(ERR_LINKAGE, 0);
    if (!name) FAIL(ERR_NAME_REQUIRED, 0);
    REF(sz);
    break;
  case FUNC_PROTO:
    if (kflag) FAIL(ERR_KIND_FLAG, 0);
    if (name) FAIL(ERR_NAME_FORBIDDEN, 0);
    REF(sz);
    {
      u32 maxName = 0, maxType = 0;
      for (u32 i = 0; i < vlen; i++) {
        maxName = x[2 * i] > maxName ? x[2 * i] : maxName;
        maxType = x[2 * i + 1] > maxType ? x[2 * i + 1] : maxType;
      }
      if (maxName >= nameLimit) {
        for (u32 i = 0; i < vlen; i++, x += 2)
          if (x[0] >= nameLimit) FAIL(ERR_ELEM_NAME, i);
      }
      REF(maxType);
    }
    break;
  case VAR:
    if (vlen) FAIL(ERR_VLEN, 0);
    if (kflag) FAIL(ERR_KIND_FLAG, 0);
    if (!name) FAIL(ERR_NAME_REQUIRED, 0);
    if (x[0] > 2) FAIL(ERR_LINKAGE, 0);
    REF(sz);
    break;
  case DATASEC:
    if (kflag) FAIL(ERR_KIND_FLAG, 0);
    if (!name) FAIL(ERR_NAME_REQUIRED, 0);
    /* Size 0: a compiled object's section, sized by libbpf at load time (the kernel only
       ever sees it sized); its variables' offsets are not known yet either. */
    for (u32 i = 0; i < vlen; i++, x += 3) {
      REF(x[0]);
      if (sz && (u64)x[1] + x[2] > sz) FAIL(ERR_DATASEC_VAR, i);
    }
    break;
  case FLOAT:
    if (vlen) FAIL(ERR_VLEN, 0);
    if (kflag) FAIL(ERR_KIND_FLAG, 0);
    if (sz != 2 && sz != 4 && sz != 8 && sz != 12 && sz != 16) FAIL(ERR_SIZE, 0);
    break;
  case DECL_TAG:
    if (vlen) FAIL(ERR_VLEN, 0);
    if (!name) FAIL(ERR_NAME_REQUIRED, 0);
    if ((int)x[0] < -1) FAIL(ERR_COMPONENT, 0);
    REF(sz);
    break;
  }
  *maxRefOut = maxRef;
  *maxRefAtOut = maxRefAt;
  return 0;
}

/* Bits of a kind's rule word (btf/table.ts writes them): the fast path of parse(). */
#define R_SLOW 1u        /* always run check() (rare kinds with rules of their own) */
#define R_KF0 2u         /* kind_flag must be 0 */
#define R_NAME_REQ 4u    /* must be named */
#define R_NAME_FORB 8u   /* must be anonymous */
#define R_REF2 16u       /* word 2 is a type id */
#define R_SIZE 32u       /* the size must be one of the mask bits 12..28 (sizes 0..16) */
#define R_ELEMS 64u      /* vlen elements of perElem words, each starting with a name */
#define R_ELEM_REF 128u  /* an element's word 1 is a type id */
#define R_STRUCT 256u    /* members lie within the size */
#define R_UNION 512u     /* members at bit 0 */
#define R_VLEN0 1024u    /* vlen must be 0 */
#define R_VLEN2 2048u    /* vlen (a linkage) at most 2 */

/*
 * Records the word index of every type record and checks it. shapes: 128 fixed-extra-word
 * counts (0xffffffff = unknown kind), 128 per-element word counts, then a rule word per
 * kind 0..31 (R_*). The common kinds are checked by their rule without a branch per rule;
 * a record that breaks one, and the rare kinds, go to check(), which names the defect.
 * It also lists, by index, the named types but the FUNCs (from listsWord), the FUNCs (from
 * listsWord + cap) and the ENUMs and ENUM64s (from listsWord + 2 * cap; cap is at least the
 * type count): what the name indexes, the enumerator index and a scan walk, so none of them
 * walks every record again.
 * Returns the type count, with the highest type id referenced in err[2], the index of the
 * type referencing it in err[3], the number of enumerators (of every ENUM and ENUM64,
 * which sizes the enumerator index) in err[4], and the lengths of the three lists in
 * err[5..7]; or a negative error with details in err[0..1].
 */
int parse(u32 typeWord, u32 endWord, u32 offsetsWord, u32 nameLimit, u32 shapesWord,
          u32 errWord, u32 listsWord, u32 cap) {
  u32 *m = W(0u + typeWord) - typeWord; /* word-indexed view of memory */
  u32 *fixed = W(shapesWord), *perElem = W(shapesWord + 128), *rules = W(shapesWord + 256);
  u32 *err = W(errWord);
  u32 pos = typeWord, count = 0, maxRef = 0, maxRefAt = 0, enumerators = 0;
  u32 *named = W(listsWord), *funcs = W(listsWord + cap), *enums = W(listsWord + 2 * cap);
  u32 nNamed = 0, nFuncs = 0, nEnums = 0;
  while (pos < endWord) {
    if (endWord - pos < 3) { err[0] = count; return ERR_HEADER_PAST_END; }
    u32 name = m[pos], info = m[pos + 1], kind = (info >> 24) & 0x7f;
    u32 extra = fixed[kind];
    if (extra == 0xffffffffu) { err[0] = count; err[1] = kind; return ERR_UNKNOWN_KIND; }
    if (name >= nameLimit) { err[0] = count; err[1] = name; return ERR_NAME_PAST_STRINGS; }
    m[offsetsWord + count] = pos;
    if (kind == FUNC) funcs[nFuncs++] = count;
    else if (name) named[nNamed++] = count;
    if (kind == ENUM || kind == ENUM64) {
      enumerators += info & 0xffffff;
      enums[nEnums++] = count;
    }
    count++;
    u64 next = (u64)pos + 3 + extra + (u64)perElem[kind] * (info & 0xffffff);
    if (next > endWord) { err[0] = count - 1; err[1] = kind; return ERR_RECORD_PAST_END; }
    if (kind <= ENUM64) {
      u32 rule = rules[kind], idx = count - 1, sz = m[pos + 2], vlen = info & 0xffff;
      u32 viol = rule & R_SLOW;
      viol |= (info & INFO_RESERVED) != 0;
      viol |= (rule & R_VLEN0) && vlen;
      viol |= (rule & R_VLEN2) && vlen > 2;
      viol |= (rule & R_KF0) && (info >> 31);
      viol |= (rule & R_NAME_REQ) && !name;
      viol |= (rule & R_NAME_FORB) && name;
      viol |= (rule & R_SIZE) && (sz > 16 || !((rule >> (12 + sz)) & 1));
      u32 ref = (rule & R_REF2) ? sz : 0;
      if (rule & R_ELEMS) {
        /* Maxima only: one compare per rule after the loop, none per element. */
        const u32 *x = m + pos + 3;
        u32 typeMask = (rule & R_ELEM_REF) ? 0xffffffffu : 0;
        u32 maxName = 0, maxType = 0, maxBit = 0;
        if (perElem[kind] == 3) {
          u32 bitMask = !(rule & (R_STRUCT | R_UNION)) ? 0 : (info >> 31) ? 0xffffffu : 0xffffffffu;
          for (u32 i = 0; i < 3 * vlen; i += 3) {
            u32 n = x[i], t = x[i + 1] & typeMask, b = x[i + 2] & bitMask;
            maxName = n > maxName ? n : maxName;
            maxType = t > maxType ? t : maxType;
            maxBit = b > maxBit ? b : maxBit;
          }
        } else {
          for (u32 i = 0; i < 2 * vlen; i += 2) {
            u32 n = x[i], t = x[i + 1] & typeMask;
            maxName = n > maxName ? n : maxName;
            maxType = t > maxType ? t : maxType;
          }
        }
        viol |= maxName >= nameLimit;
        viol |= (rule & R_STRUCT) && BYTES(maxBit) > sz;
        viol |= (rule & R_UNION) && maxBit;
        ref = maxType > ref ? maxType : ref;
      }
      if (viol) {
        int bad = check(m, pos, idx, nameLimit, err, &maxRef, &maxRefAt);
        if (bad) return bad;
      } else if (ref > maxRef) {
        maxRef = ref;
        maxRefAt = idx;
      }
    }
    pos = (u32)next;
  }
  err[2] = maxRef;
  err[3] = maxRefAt;
  err[4] = enumerators;
  err[5] = nNamed;
  err[6] = nFuncs;
  err[7] = nEnums;
  return (int)count;
}

static u32 mix(u32 a, u32 b, u32 c) {
  u32 h = (a ^ 0x9e3779b9u) * 0x85ebca6bu;
  h = ((h ^ (h >> 15)) ^ b) * 0xc2b2ae35u;
  h = ((h ^ (h >> 13)) ^ c) * 0x27d4eb2fu;
  return h ^ (h >> 16);
}

/* An unaligned little-endian word (wasm loads need no alignment). */
static u32 load32(const u8 *s) {
  u32 w;
  __builtin_memcpy(&w, s, 4);
  return w;
}

/* High bit of each zero byte of w (the lowest one exact; higher ones may be spurious). */
static u32 zero_bytes(u32 w) { return (w - 0x01010101u) & ~w & 0x80808080u; }

/* The bytes of w before its first zero byte (z = zero_bytes(w), non-zero). */
static u32 before_nul(u32 w, u32 z) {
  u32 bits = (u32)__builtin_ctz(z) - 7;
  return bits == 0 ? 0 : w & (0xffffffffu >> (32 - bits));
}

/*
 * The first 12 bytes of the name at s, zero after its NUL, as three words, mixed: a word
 * at a time (reading up to 11 bytes past a short name is harmless: the table's memory
 * continues after the strings, and those bytes are masked off).
 */
static u32 hash_name(const u8 *s) {
  u32 a = load32(s), z = zero_bytes(a);
  if (z) return mix(before_nul(a, z), 0, 0);
  u32 b = load32(s + 4);
  z = zero_bytes(b);
  if (z) return mix(a, before_nul(b, z), 0);
  u32 c = load32(s + 8);
  z = zero_bytes(c);
  return mix(a, b, z ? before_nul(c, z) : c);
}

static int compare(const u8 *a, const u8 *b) {
  for (;; a++, b++) {
    if (*a != *b) return (int)*a - (int)*b;
    if (!*a) return 0;
  }
}

/*
 * If every named type comes after every anonymous one, all names are this table's own
 * (offset >= strBase), and they are in strcmp order, returns the index of the first named
 * type (count when none is named); otherwise -1.
 */
int sorted_from(u32 offsetsWord, u32 count, u32 strByte, u32 strBase) {
  u32 *m = W(0u + offsetsWord) - offsetsWord;
  u32 first = count, prev = 0;
  for (u32 i = 0; i < count; i++) {
    u32 off = m[m[offsetsWord + i]];
    if (off == 0) {
      if (first != count) return -1;
      continue;
    }
    if (off < strBase) return -1;
    if (first == count) first = i;
    else if (compare(B(strByte + prev - strBase), B(strByte + off - strBase)) > 0) return -1;
    prev = off;
  }
  return (int)first;
}

/*
 * The types of a list (indices, as parse() lists them) whose name equals the NUL-terminated
 * query at queryByte, found without a name index (a table's first lookups, before an index
 * is worth building): writes the index of each to out while fewer than max are written, and
 * returns how many there are. Only for a table without a base: every name is its own.
 */
u32 find_named(u32 listWord, u32 len, u32 offsetsWord, u32 strByte, u32 queryByte, u32 outWord,
               u32 max) {
  u32 *m = W(0u + offsetsWord) - offsetsWord, *list = W(listWord), *out = W(outWord);
  const u8 *q = B(queryByte);
  u32 n = 0;
  for (u32 k = 0; k < len; k++) {
    const u8 *s = B(strByte + m[m[offsetsWord + list[k]]]);
    if (*s != *q || compare(s, q) != 0) continue;
    if (n < max) out[n] = list[k];
    n++;
  }
  return n;
}

/*
 * Builds a name index over a list of types (indices, as parse() lists them; every one named)
 * in compressed-row form: buckets[0..mask+1] are start positions, entries hold (hash, id)
 * pairs grouped by bucket in id order. A table has two: one of the FUNCs and one of every
 * other named type, since a vmlinux names four FUNCs for every other type and lookups of
 * types need not hash them. hashes[i] must already hold the hash of every name that lives
 * in the base's strings (offset < strBase).
 */
void build_index(u32 listWord, u32 len, u32 offsetsWord, u32 strByte, u32 strBase,
                 u32 bucketsWord, u32 mask, u32 entriesWord, u32 hashesWord, u32 firstId) {
  u32 *m = W(0u + offsetsWord) - offsetsWord, *list = W(listWord);
  u32 *buckets = W(bucketsWord), *hashes = W(hashesWord);
  for (u32 b = 0; b <= mask + 1; b++) buckets[b] = 0;
  for (u32 k = 0; k < len; k++) {
    u32 i = list[k], off = m[m[offsetsWord + i]];
    u32 h = off >= strBase ? hash_name(B(strByte + off - strBase)) : hashes[i];
    hashes[i] = h;
    buckets[(h & mask) + 1]++;
  }
  for (u32 b = 0; b <= mask; b++) buckets[b + 1] += buckets[b];
  for (u32 k = 0; k < len; k++) {
    u32 i = list[k], h = hashes[i];
    u32 slot = entriesWord + 2 * buckets[h & mask]++;
    m[slot] = h;
    m[slot + 1] = firstId + i;
  }
  /* Filling advanced each start to the next bucket's start: shift them back. */
  for (u32 b = mask + 1; b > 0; b--) buckets[b] = buckets[b - 1];
  buckets[0] = 0;
}

/*
 * Builds the enumerator index, like build_index but over the enumerators of the ENUMs and
 * ENUM64s parse() listed (in type-id order, then declaration order): entries are (hash, id,
 * element) triples grouped by bucket. Every enumerator's triple goes to the scratch area (3
 * words each, after the entries) first, which is then counted and scattered. Only a table
 * without a base has this index (a split table's reader searches its own enums directly), so
 * every name offset is into this blob's strings; names past them (nameLimit), which only
 * corrupt BTF has, are left out.
 */
void build_enum_index(u32 listWord, u32 len, u32 offsetsWord, u32 strByte, u32 nameLimit,
                      u32 bucketsWord, u32 mask, u32 entriesWord, u32 scratchWord,
                      u32 firstId) {
  u32 *m = W(0u + offsetsWord) - offsetsWord, *list = W(listWord);
  u32 *buckets = W(bucketsWord), *scratch = W(scratchWord);
  u32 n = 0;
  for (u32 k = 0; k < len; k++) {
    u32 i = list[k], rec = m[offsetsWord + i], info = m[rec + 1], vlen = info & 0xffffff;
    u32 step = ((info >> 24) & 0x7f) == ENUM ? 2 : 3;
    for (u32 e = 0; e < vlen; e++) {
      u32 off = m[rec + 3 + step * e];
      if (off == 0 || off >= nameLimit) continue;
      scratch[3 * n] = hash_name(B(strByte + off));
      scratch[3 * n + 1] = firstId + i;
      scratch[3 * n + 2] = e;
      n++;
    }
  }
  for (u32 b = 0; b <= mask + 1; b++) buckets[b] = 0;
  for (u32 k = 0; k < n; k++) buckets[(scratch[3 * k] & mask) + 1]++;
  for (u32 b = 0; b <= mask; b++) buckets[b + 1] += buckets[b];
  for (u32 k = 0; k < n; k++) {
    u32 slot = entriesWord + 3 * buckets[scratch[3 * k] & mask]++;
    m[slot] = scratch[3 * k];
    m[slot + 1] = scratch[3 * k + 1];
    m[slot + 2] = scratch[3 * k + 2];
  }
  for (u32 b = mask + 1; b > 0; b--) buckets[b] = buckets[b - 1];
  buckets[0] = 0;
}
