/* SHA-1 of short messages for the MPPE key change. Our own rather than OpenSSL's: libssl-dev is not
 * guaranteed on the build host, and at 96-112 bytes OpenSSL's per-call set-up would cost as much as the
 * two compressions. On x86-64 CPUs with the SHA extensions (Intel since Ice Lake / Goldmont, AMD since
 * Zen) the compressions run on them: measured 523 → ~70 ns per 112-byte digest here, a third of what
 * a stateless key change used to cost. Elsewhere the portable C below runs. */
#include "sha1.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SY_SHA1_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static inline uint32_t rol(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }

static inline uint32_t load_be32(const uint8_t *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static void compress_portable(uint32_t h[5], const uint8_t *blocks, size_t count) {
  for (; count > 0; count--, blocks += 64) {
    uint32_t w[80];
    for (int t = 0; t < 16; t++) w[t] = load_be32(blocks + 4 * t);
    for (int t = 16; t < 80; t++) w[t] = rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
#define SY_STEP(f, k)                                  \
  do {                                                 \
    uint32_t next = rol(a, 5) + (f) + e + (k) + w[t]; \
    e = d;                                             \
    d = c;                                             \
    c = rol(b, 30);                                    \
    b = a;                                             \
    a = next;                                          \
  } while (0)
    int t = 0;
    for (; t < 20; t++) SY_STEP((b & c) | (~b & d), 0x5a827999u);
    for (; t < 40; t++) SY_STEP(b ^ c ^ d, 0x6ed9eba1u);
    for (; t < 60; t++) SY_STEP((b & c) | (b & d) | (c & d), 0x8f1bbcdcu);
    for (; t < 80; t++) SY_STEP(b ^ c ^ d, 0xca62c1d6u);
#undef SY_STEP
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
}

#ifdef SY_SHA1_X86
/* Four rounds with the SHA extensions. `e_next`/`e_other` alternate between calls; `func` is the round
 * function of rounds 0-19, 20-39, 40-59, 60-79; the message schedule runs three groups ahead. */
#define SY_NI_ROUNDS(e_next, e_other, cur, next, prev, far, func) \
  do {                                                          \
    e_next = _mm_sha1nexte_epu32(e_next, cur);                  \
    e_other = abcd;                                             \
    next = _mm_sha1msg2_epu32(next, cur);                       \
    abcd = _mm_sha1rnds4_epu32(abcd, e_next, func);             \
    prev = _mm_sha1msg1_epu32(prev, cur);                       \
    far = _mm_xor_si128(far, cur);                              \
  } while (0)

__attribute__((target("sha,ssse3,sse4.1"))) static void compress_ni(uint32_t h[5], const uint8_t *blocks,
                                                                       size_t count) {
  const __m128i mask = _mm_set_epi64x(0x0001020304050607LL, 0x08090a0b0c0d0e0fLL);
  __m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)h), 0x1b);
  __m128i e0 = _mm_set_epi32((int)h[4], 0, 0, 0);
  for (; count > 0; count--, blocks += 64) {
    const __m128i abcd_save = abcd, e0_save = e0;
    __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)blocks), mask);
    __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16)), mask);
    __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 32)), mask);
    __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 48)), mask);
    __m128i e1;
    /* Rounds 0-15: the first four message words need no schedule yet. */
    e0 = _mm_add_epi32(e0, m0);
    e1 = abcd;
    abcd = _mm_sha1rnds4_epu32(abcd, e0, 0);
    e1 = _mm_sha1nexte_epu32(e1, m1);
    e0 = abcd;
    abcd = _mm_sha1rnds4_epu32(abcd, e1, 0);
    m0 = _mm_sha1msg1_epu32(m0, m1);
    e0 = _mm_sha1nexte_epu32(e0, m2);
    e1 = abcd;
    abcd = _mm_sha1rnds4_epu32(abcd, e0, 0);
    m1 = _mm_sha1msg1_epu32(m1, m2);
    m0 = _mm_xor_si128(m0, m2);
    e1 = _mm_sha1nexte_epu32(e1, m3);
    e0 = abcd;
    m0 = _mm_sha1msg2_epu32(m0, m3);
    abcd = _mm_sha1rnds4_epu32(abcd, e1, 0);
    m2 = _mm_sha1msg1_epu32(m2, m3);
    m1 = _mm_xor_si128(m1, m3);
    /* Rounds 16-79. The last groups also schedule words nobody reads: cheaper than special cases. */
    SY_NI_ROUNDS(e0, e1, m0, m1, m3, m2, 0);
    SY_NI_ROUNDS(e1, e0, m1, m2, m0, m3, 1);
    SY_NI_ROUNDS(e0, e1, m2, m3, m1, m0, 1);
    SY_NI_ROUNDS(e1, e0, m3, m0, m2, m1, 1);
    SY_NI_ROUNDS(e0, e1, m0, m1, m3, m2, 1);
    SY_NI_ROUNDS(e1, e0, m1, m2, m0, m3, 1);
    SY_NI_ROUNDS(e0, e1, m2, m3, m1, m0, 2);
    SY_NI_ROUNDS(e1, e0, m3, m0, m2, m1, 2);
    SY_NI_ROUNDS(e0, e1, m0, m1, m3, m2, 2);
    SY_NI_ROUNDS(e1, e0, m1, m2, m0, m3, 2);
    SY_NI_ROUNDS(e0, e1, m2, m3, m1, m0, 2);
    SY_NI_ROUNDS(e1, e0, m3, m0, m2, m1, 3);
    SY_NI_ROUNDS(e0, e1, m0, m1, m3, m2, 3);
    SY_NI_ROUNDS(e1, e0, m1, m2, m0, m3, 3);
    SY_NI_ROUNDS(e0, e1, m2, m3, m1, m0, 3);
    SY_NI_ROUNDS(e1, e0, m3, m0, m2, m1, 3);
    e0 = _mm_sha1nexte_epu32(e0, e0_save);
    abcd = _mm_add_epi32(abcd, abcd_save);
  }
  _mm_storeu_si128((__m128i *)h, _mm_shuffle_epi32(abcd, 0x1b));
  h[4] = (uint32_t)_mm_extract_epi32(e0, 3);
}

/* CPUID leaf 7 EBX bit 29 (SHA), leaf 1 ECX bits 9 (SSSE3) and 19 (SSE4.1). */
static int cpu_has_sha(void) {
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 9)) || !(c & (1u << 19))) return 0;
  if (__get_cpuid_max(0, 0) < 7) return 0;
  __cpuid_count(7, 0, a, b, c, d);
  return (b & (1u << 29)) != 0;
}
#endif

typedef void (*compress_fn)(uint32_t h[5], const uint8_t *blocks, size_t count);

static compress_fn pick(void) {
#ifdef SY_SHA1_X86
  if (cpu_has_sha()) return compress_ni;
#endif
  return compress_portable;
}

/* Chosen once, at load (sy_sha1_init) — or on first use, where no load hook ran. */
static compress_fn compress;

int sy_sha1_uses_cpu_extensions(void) {
  if (compress == NULL) compress = pick();
  return compress != compress_portable;
}

void sy_sha1_force_portable(int portable) { compress = portable ? compress_portable : pick(); }

void sy_sha1_short(const uint8_t *data, size_t length, uint8_t digest[20]) {
  if (compress == NULL) compress = pick();
  uint8_t blocks[128];
  size_t end = length + 9 <= 64 ? 64 : 128;
  memset(blocks, 0, end);
  memcpy(blocks, data, length);
  blocks[length] = 0x80;
  /* The length in bits, big-endian, in the last bytes; it fits 16 bits at this size. */
  uint32_t bits = (uint32_t)length * 8;
  blocks[end - 2] = (uint8_t)(bits >> 8);
  blocks[end - 1] = (uint8_t)bits;
  uint32_t h[5] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u};
  compress(h, blocks, end / 64);
  for (int i = 0; i < 5; i++) {
    digest[4 * i] = (uint8_t)(h[i] >> 24);
    digest[4 * i + 1] = (uint8_t)(h[i] >> 16);
    digest[4 * i + 2] = (uint8_t)(h[i] >> 8);
    digest[4 * i + 3] = (uint8_t)h[i];
  }
}
