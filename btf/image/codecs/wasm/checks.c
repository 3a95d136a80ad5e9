/*
 * The xz integrity checks xz-embedded does not verify: CRC64 (ECMA-182, reflected, as xz
 * computes it) and SHA-256 (FIPS 180-4), over output that the caller passes in pieces.
 * Written for this project (MIT); the tests check both against the fields `xz` writes.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static uint64_t crc64_table[4][256];

static void crc64_init(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint64_t r = i;
		for (int k = 0; k < 8; k++)
			r = (r >> 1) ^ (0xc96c5795d7870f42ull & -(r & 1));
		crc64_table[0][i] = r;
	}
	for (uint32_t i = 0; i < 256; i++)
		for (int t = 1; t < 4; t++)
			crc64_table[t][i] = (crc64_table[t - 1][i] >> 8) ^
					    crc64_table[0][crc64_table[t - 1][i] & 0xff];
}

/* The CRC64 of buf[0, size) continuing from crc (0 to start). Slicing by 4. */
uint64_t crc64(const uint8_t *buf, size_t size, uint64_t crc)
{
	if (crc64_table[0][1] == 0)
		crc64_init();
	crc = ~crc;
	for (; size >= 4; size -= 4, buf += 4) {
		uint32_t w = (uint32_t)crc ^ ((uint32_t)buf[0] | ((uint32_t)buf[1] << 8) |
					      ((uint32_t)buf[2] << 16) | ((uint32_t)buf[3] << 24));
		crc = (crc >> 32) ^ crc64_table[3][w & 0xff] ^ crc64_table[2][(w >> 8) & 0xff] ^
		      crc64_table[1][(w >> 16) & 0xff] ^ crc64_table[0][w >> 24];
	}
	while (size-- > 0)
		crc = crc64_table[0][(crc ^ *buf++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

/* A SHA-256 computation: the caller reserves sizeof(struct sha256) = 112 bytes for it. */
struct sha256 {
	uint32_t h[8];
	uint64_t length;
	uint8_t block[64];
	uint32_t used;
};

_Static_assert(sizeof(struct sha256) <= 112, "struct sha256 grew");

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
	0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
	0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
	0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
	0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
	0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
	0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
	0xc67178f2,
};

static inline uint32_t ror(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static void sha256_block(uint32_t h[8], const uint8_t *p)
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = ((uint32_t)p[4 * i] << 24) | ((uint32_t)p[4 * i + 1] << 16) |
		       ((uint32_t)p[4 * i + 2] << 8) | (uint32_t)p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] +
			      w[i];
		uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
		k = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
	h[5] += f;
	h[6] += g;
	h[7] += k;
}

void sha256_init(struct sha256 *s)
{
	static const uint32_t h0[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
					0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	memcpy(s->h, h0, sizeof(h0));
	s->length = 0;
	s->used = 0;
}

void sha256_update(struct sha256 *s, const uint8_t *buf, size_t size)
{
	s->length += size;
	if (s->used > 0) {
		size_t take = 64 - s->used < size ? 64 - s->used : size;
		memcpy(s->block + s->used, buf, take);
		s->used += (uint32_t)take;
		buf += take;
		size -= take;
		if (s->used < 64)
			return;
		sha256_block(s->h, s->block);
		s->used = 0;
	}
	for (; size >= 64; size -= 64, buf += 64)
		sha256_block(s->h, buf);
	memcpy(s->block, buf, size);
	s->used = (uint32_t)size;
}

/* Writes the 32-byte digest to out. */
void sha256_final(struct sha256 *s, uint8_t *out)
{
	uint64_t bits = s->length * 8;
	s->block[s->used++] = 0x80;
	if (s->used > 56) {
		memset(s->block + s->used, 0, 64 - s->used);
		sha256_block(s->h, s->block);
		s->used = 0;
	}
	memset(s->block + s->used, 0, 56 - s->used);
	for (int i = 0; i < 8; i++)
		s->block[56 + i] = (uint8_t)(bits >> (56 - 8 * i));
	sha256_block(s->h, s->block);
	for (int i = 0; i < 8; i++) {
		out[4 * i] = (uint8_t)(s->h[i] >> 24);
		out[4 * i + 1] = (uint8_t)(s->h[i] >> 16);
		out[4 * i + 2] = (uint8_t)(s->h[i] >> 8);
		out[4 * i + 3] = (uint8_t)s->h[i];
	}
}
