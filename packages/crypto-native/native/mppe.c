/* MPPE key changes and RC4 in C (see mppe.h). Stateless MPPE runs a key change (SHA-1 of ≤112 bytes,
 * an RC4 key schedule, 16 bytes of keystream, a second key schedule) before every packet, and then RC4
 * over ~1400 bytes: this file is the appliance's hottest code. Every table index is masked to 0-255, so
 * even a state corrupted from JavaScript never reads or writes outside it. */
#include "mppe.h"

#include <string.h>

#include "sha1.h"

int sy_mppe_strength_valid(unsigned strength) { return strength == 40 || strength == 56 || strength == 128; }

unsigned sy_mppe_key_length(unsigned strength) { return strength == 128 ? 16 : 8; }

int sy_mppe_state_valid(const sy_mppe_state *state, int compact) {
  unsigned kl = state->key_length;
  /* A compact state has no second table: one that claims to use it was corrupted. */
  if (compact && ((state->live & 1) != 0 || state->next_ready != 0)) return 0;
  return (kl == 8 || kl == 16) && sy_mppe_strength_valid(state->strength) &&
         sy_mppe_key_length(state->strength) == kl;
}

static uint32_t *live_table(sy_mppe_state *state) { return state->tables[state->live & 1]; }
static uint32_t *other_table(sy_mppe_state *state) { return state->tables[(state->live & 1) ^ 1]; }
static uint8_t *session_key(sy_mppe_state *state) { return state->sha_input + state->key_length + 40; }

static void identity(uint32_t *s) {
  for (uint32_t n = 0; n < 256; n++) s[n] = n;
}

/* One step of the RC4 key schedule; MPPE keys are 8 or 16 bytes, so `mask` instead of a modulo. */
#define SY_KSA_STEP(t, tj, n, key, mask)              \
  do {                                                \
    uint32_t x_ = (t)[n];                             \
    (tj) = ((tj) + x_ + (key)[(n) & (mask)]) & 0xff;  \
    (t)[n] = (t)[tj];                                 \
    (t)[tj] = x_;                                     \
  } while (0)

/* One step of the RC4 keystream: the next byte into `out`. */
#define SY_PRGA_STEP(s, i, j, out)    \
  do {                                \
    (i) = ((i) + 1) & 0xff;           \
    uint32_t si_ = (s)[i];            \
    (j) = ((j) + si_) & 0xff;         \
    uint32_t sj_ = (s)[j];            \
    (s)[i] = sj_;                     \
    (s)[j] = si_;                     \
    (out) = (s)[(si_ + sj_) & 0xff];  \
  } while (0)

static void rc4_set_key(uint32_t *s, const uint8_t *key, unsigned key_length) {
  identity(s);
  unsigned mask = key_length - 1;
  uint32_t j = 0;
  for (unsigned n = 0; n < 256; n++) SY_KSA_STEP(s, j, n, key, mask);
}

static void key_live_table(sy_mppe_state *state, const uint8_t *key) {
  rc4_set_key(live_table(state), key, state->key_length);
  state->table_stale = 0;
  state->i = 0;
  state->j = 0;
}

void sy_mppe_crypt(sy_mppe_state *state, const uint8_t *in, uint8_t *out, size_t length) {
  uint32_t *s = live_table(state);
  uint32_t i = state->i, j = state->j;
  for (size_t n = 0; n < length; n++) {
    uint32_t k;
    SY_PRGA_STEP(s, i, j, k);
    out[n] = (uint8_t)(in[n] ^ k);
  }
  state->i = (uint8_t)i;
  state->j = (uint8_t)j;
}

/* RFC 3078 §7.3: 40-bit keys start D1 26 9E, 56-bit keys D1. */
static void reduce(uint8_t *key, unsigned strength) {
  if (strength == 128) return;
  key[0] = 0xd1;
  if (strength == 40) {
    key[1] = 0x26;
    key[2] = 0x9e;
  }
}

void sy_mppe_prepare_table(sy_mppe_state *state) {
  if (state->table_stale) key_live_table(state, session_key(state));
}

void sy_mppe_init(sy_mppe_state *state, const uint8_t *start_key, unsigned strength) {
  unsigned kl = sy_mppe_key_length(strength);
  /* Only the header: the tables are written whole (keyed) before they are first read. */
  memset(state, 0, SY_MPPE_HEADER_BYTES);
  state->key_length = (uint8_t)kl;
  state->strength = (uint8_t)strength;
  uint8_t *in = state->sha_input;
  memcpy(in, start_key, kl);
  memset(in + kl, 0x00, 40);
  memcpy(in + kl + 40, start_key, kl);
  memset(in + 2 * kl + 40, 0xf2, 40);
  uint8_t digest[20];
  sy_sha1_short(in, 2 * kl + 80, digest);
  uint8_t *key = session_key(state);
  memcpy(key, digest, kl);
  reduce(key, strength);
  state->table_stale = 1;
}

/* The key changes themselves, on the live table, without re-keying it for data at the end. A prepared
 * next change (see mppe.h) serves the first one: its table becomes the live one. Returns 1 when the
 * live table is already keyed with the final key (the prepared change was the only one). */
static int change_keys(sy_mppe_state *state, uint32_t times) {
  unsigned kl = state->key_length;
  uint8_t *key = session_key(state);
  if (state->next_ready) {
    state->next_ready = 0;
    memcpy(key, state->next_key, kl);
    state->live ^= 1;
    state->i = 0;
    state->j = 0;
    if (--times == 0) return 1;
  }
  uint32_t *s = live_table(state);
  uint8_t digest[20];
  for (uint32_t n = 0; n < times; n++) {
    sy_sha1_short(state->sha_input, 2 * kl + 80, digest);
    /* SessionKey = RC4(Interim, Interim), straight into the SHA input for the next change. */
    rc4_set_key(s, digest, kl);
    uint32_t i = 0, j = 0;
    for (unsigned q = 0; q < kl; q++) {
      uint32_t k;
      SY_PRGA_STEP(s, i, j, k);
      key[q] = (uint8_t)(digest[q] ^ k);
    }
    reduce(key, state->strength);
  }
  return 0;
}

void sy_mppe_rekey(sy_mppe_state *state, uint32_t times) {
  if (times == 0) return;
  if (!change_keys(state, times)) key_live_table(state, session_key(state));
}

void sy_mppe_reset_cipher(sy_mppe_state *state) { key_live_table(state, session_key(state)); }

/* RC4 from `in` to `out` on the live table while the other table takes the next key change: the key
 * schedule with the interim key, its first key_length keystream bytes (the next session key), and the
 * key schedule with that key, each step beside a step of the data's keystream (see mppe.h for why).
 * Byte by byte in order, like sy_mppe_crypt, so `out` may be `in`. */
static void crypt_preparing_next(sy_mppe_state *state, const uint8_t *in, uint8_t *out, size_t length) {
  unsigned kl = state->key_length, mask = kl - 1;
  uint32_t *s = live_table(state), *t = other_table(state);
  uint32_t i = state->i, j = state->j;
  uint8_t interim[20];
  sy_sha1_short(state->sha_input, 2 * kl + 80, interim);
  size_t n = 0;
  uint32_t tj = 0;
  identity(t);
  unsigned step = 0;
  for (; step < 256 && n < length; step++, n++) {
    uint32_t k;
    SY_PRGA_STEP(s, i, j, k);
    out[n] = (uint8_t)(in[n] ^ k);
    SY_KSA_STEP(t, tj, step, interim, mask);
  }
  for (; step < 256; step++) SY_KSA_STEP(t, tj, step, interim, mask);
  uint8_t *next = state->next_key;
  uint32_t ti = 0;
  tj = 0;
  for (unsigned q = 0; q < kl; q++) {
    uint32_t k;
    SY_PRGA_STEP(t, ti, tj, k);
    next[q] = (uint8_t)(interim[q] ^ k);
  }
  reduce(next, state->strength);
  identity(t);
  tj = 0;
  for (step = 0; step < 256 && n < length; step++, n++) {
    uint32_t k;
    SY_PRGA_STEP(s, i, j, k);
    out[n] = (uint8_t)(in[n] ^ k);
    SY_KSA_STEP(t, tj, step, next, mask);
  }
  for (; step < 256; step++) SY_KSA_STEP(t, tj, step, next, mask);
  for (; n < length; n++) {
    uint32_t k;
    SY_PRGA_STEP(s, i, j, k);
    out[n] = (uint8_t)(in[n] ^ k);
  }
  state->i = (uint8_t)i;
  state->j = (uint8_t)j;
  state->next_ready = 1;
}

void sy_mppe_rekey_and_crypt(sy_mppe_state *state, int compact, uint32_t times, const uint8_t *in, uint8_t *out,
                             size_t length) {
  if (times == 0 || compact) {
    sy_mppe_rekey(state, times);
    sy_mppe_crypt(state, in, out, length);
    return;
  }
  sy_mppe_rekey(state, times);
  crypt_preparing_next(state, in, out, length);
}
