/*
 * The hot loops of the BTF type table, compiled to WebAssembly (see build.sh): walking the
 * type records, checking whether names are sorted, and building the name index. They run
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
  ERR_HEADER_PAST_END = -1, /* err[0] = type index */
  ERR_UNKNOWN_KIND = -2,    /* err[0] = type index, err[1] = kind */
  ERR_NAME_PAST_STRINGS = -3, /* err[0] = type index, err[1] = name offset */
  ERR_RECORD_PAST_END = -4, /* err[0] = type index, err[1] = kind */
};

#define KIND_ENUM 6u
#define KIND_ENUM64 19u

/*
 * Records the word index of every type record. shapes: 128 fixed-extra-word counts
 * (0xffffffff = unknown kind) then 128 per-element word counts. Returns the type count or
 * a negative error with details in err[0..1]; err[2] gets the number of enumerators (of
 * every ENUM and ENUM64), which sizes the enumerator index.
 */
int parse(u32 typeWord, u32 endWord, u32 offsetsWord, u32 nameLimit, u32 shapesWord,
          u32 errWord) {
  u32 *m = W(0u + typeWord) - typeWord; /* word-indexed view of memory */
  u32 *fixed = W(shapesWord), *perElem = W(shapesWord + 128), *err = W(errWord);
  u32 pos = typeWord, count = 0, enumerators = 0;
  while (pos < endWord) {
    if (endWord - pos < 3) { err[0] = count; return ERR_HEADER_PAST_END; }
    u32 name = m[pos], info = m[pos + 1], kind = (info >> 24) & 0x7f;
    u32 extra = fixed[kind];
    if (extra == 0xffffffffu) { err[0] = count; err[1] = kind; return ERR_UNKNOWN_KIND; }
    if (name >= nameLimit) { err[0] = count; err[1] = name; return ERR_NAME_PAST_STRINGS; }
    m[offsetsWord + count++] = pos;
    if (kind == KIND_ENUM || kind == KIND_ENUM64) enumerators += info & 0xffffff;
    u64 next = (u64)pos + 3 + extra + (u64)perElem[kind] * (info & 0xffffff);
    if (next > endWord) { err[0] = count - 1; err[1] = kind; return ERR_RECORD_PAST_END; }
    pos = (u32)next;
  }
  err[2] = enumerators;
  return (int)count;
}

static u32 mix(u32 a, u32 b, u32 c) {
  u32 h = (a ^ 0x9e3779b9u) * 0x85ebca6bu;
  h = ((h ^ (h >> 15)) ^ b) * 0xc2b2ae35u;
  h = ((h ^ (h >> 13)) ^ c) * 0x27d4eb2fu;
  return h ^ (h >> 16);
}

/* Up to 4 bytes of a name from s[0] as a little-endian word, stopping at the NUL. */
static u32 word_at(const u8 *s, u32 *done) {
  u32 w = 0;
  for (u32 i = 0; i < 4 && !*done; i++) {
    if (s[i] == 0) *done = 1;
    else w |= (u32)s[i] << (i * 8);
  }
  return w;
}

static u32 hash_name(const u8 *s) {
  u32 done = 0;
  u32 a = word_at(s, &done);
  u32 b = done ? 0 : word_at(s + 4, &done);
  u32 c = done ? 0 : word_at(s + 8, &done);
  return mix(a, b, c);
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
 * Builds the hash index in compressed-row form: buckets[0..mask+1] are start positions,
 * entries hold (hash, id) pairs grouped by bucket in id order. hashes[i] must already hold
 * the hash of every name that lives in the base's strings (offset < strBase).
 */
void build_index(u32 offsetsWord, u32 count, u32 strByte, u32 strBase, u32 bucketsWord,
                 u32 mask, u32 entriesWord, u32 hashesWord, u32 firstId) {
  u32 *m = W(0u + offsetsWord) - offsetsWord;
  u32 *buckets = W(bucketsWord), *hashes = W(hashesWord);
  for (u32 b = 0; b <= mask + 1; b++) buckets[b] = 0;
  for (u32 i = 0; i < count; i++) {
    u32 off = m[m[offsetsWord + i]];
    if (off == 0) continue;
    u32 h = off >= strBase ? hash_name(B(strByte + off - strBase)) : hashes[i];
    hashes[i] = h;
    buckets[(h & mask) + 1]++;
  }
  for (u32 b = 0; b <= mask; b++) buckets[b + 1] += buckets[b];
  for (u32 i = 0; i < count; i++) {
    if (m[m[offsetsWord + i]] == 0) continue;
    u32 h = hashes[i];
    u32 slot = entriesWord + 2 * buckets[h & mask]++;
    m[slot] = h;
    m[slot + 1] = firstId + i;
  }
  /* Filling advanced each start to the next bucket's start: shift them back. */
  for (u32 b = mask + 1; b > 0; b--) buckets[b] = buckets[b - 1];
  buckets[0] = 0;
}

/*
 * Builds the enumerator index, like build_index but over the enumerators of every ENUM and
 * ENUM64 (in type-id order, then declaration order): entries are (hash, id, element) triples
 * grouped by bucket. One walk over the type records, in file order as parse() walks them
 * (already validated; shapes as for parse), writes every enumerator's triple to the scratch
 * area (3 words each, after the entries), which is then counted and scattered. Enumerators
 * whose names live in a base's strings (offset < strBase) are left out (a split table's reader
 * searches its own enums directly instead), and so are names past the strings (nameLimit),
 * which only corrupt BTF has.
 */
void build_enum_index(u32 typeWord, u32 endWord, u32 shapesWord, u32 strByte, u32 strBase,
                      u32 nameLimit, u32 bucketsWord, u32 mask, u32 entriesWord,
                      u32 scratchWord, u32 firstId) {
  u32 *m = W(0u + typeWord) - typeWord;
  u32 *fixed = W(shapesWord), *perElem = W(shapesWord + 128);
  u32 *buckets = W(bucketsWord), *scratch = W(scratchWord);
  u32 n = 0;
  for (u32 rec = typeWord, i = 0; rec < endWord; i++) {
    u32 info = m[rec + 1], kind = (info >> 24) & 0x7f, vlen = info & 0xffffff;
    u32 next = rec + 3 + fixed[kind] + perElem[kind] * vlen;
    if (kind != KIND_ENUM && kind != KIND_ENUM64) {
      rec = next;
      continue;
    }
    u32 step = kind == KIND_ENUM ? 2 : 3;
    for (u32 e = 0; e < vlen; e++) {
      u32 off = m[rec + 3 + step * e];
      if (off == 0 || off < strBase || off >= nameLimit) continue;
      scratch[3 * n] = hash_name(B(strByte + off - strBase));
      scratch[3 * n + 1] = firstId + i;
      scratch[3 * n + 2] = e;
      n++;
    }
    rec = next;
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
