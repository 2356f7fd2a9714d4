/* MPPE key changes and RC4 in C (see mppe.h). Stateless MPPE runs a key change (SHA-1 of ≤112 bytes,
 * an RC4 key schedule, 16 bytes of keystream, a second key schedule) before every packet, and then RC4
 * over ~1400 bytes: this file is the appliance's hottest code. */
#include "mppe.h"

#include <string.h>

#include "sha1.h"

int sy_mppe_strength_valid(unsigned strength) { return strength == 40 || strength == 56 || strength == 128; }

unsigned sy_mppe_key_length(unsigned strength) { return strength == 128 ? 16 : 8; }

int sy_mppe_state_valid(const sy_mppe_state *state) {
  unsigned kl = state->key_length;
  return (kl == 8 || kl == 16) && sy_mppe_strength_valid(state->strength) &&
         sy_mppe_key_length(state->strength) == kl;
}

/* RC4 key schedule; MPPE keys are 8 or 16 bytes, so a mask instead of a modulo. */
static void rc4_set_key(sy_mppe_state *state, const uint8_t *key, unsigned key_length) {
  uint32_t *s = state->s;
  for (uint32_t n = 0; n < 256; n++) s[n] = n;
  unsigned mask = key_length - 1;
  uint32_t j = 0;
  for (unsigned n = 0; n < 256; n++) {
    uint32_t t = s[n];
    j = (j + t + key[n & mask]) & 0xff;
    s[n] = s[j];
    s[j] = t;
  }
  state->i = 0;
  state->j = 0;
}

void sy_mppe_crypt(sy_mppe_state *state, const uint8_t *in, uint8_t *out, size_t length) {
  uint32_t *s = state->s;
  uint32_t i = state->i, j = state->j;
  for (size_t n = 0; n < length; n++) {
    i = (i + 1) & 0xff;
    uint32_t si = s[i];
    j = (j + si) & 0xff;
    uint32_t sj = s[j];
    s[i] = sj;
    s[j] = si;
    out[n] = (uint8_t)(in[n] ^ s[(si + sj) & 0xff]);
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

static uint8_t *session_key(sy_mppe_state *state) { return state->sha_input + state->key_length + 40; }

void sy_mppe_init(sy_mppe_state *state, const uint8_t *start_key, unsigned strength) {
  unsigned kl = sy_mppe_key_length(strength);
  memset(state, 0, sizeof *state);
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
  rc4_set_key(state, key, kl);
}

void sy_mppe_rekey(sy_mppe_state *state, uint32_t times) {
  if (times == 0) return;
  unsigned kl = state->key_length;
  uint8_t *key = session_key(state);
  uint8_t digest[20];
  for (uint32_t n = 0; n < times; n++) {
    sy_sha1_short(state->sha_input, 2 * kl + 80, digest);
    /* SessionKey = RC4(Interim, Interim), straight into the SHA input for the next change. */
    rc4_set_key(state, digest, kl);
    sy_mppe_crypt(state, digest, key, kl);
    reduce(key, state->strength);
  }
  rc4_set_key(state, key, kl);
}

void sy_mppe_reset_cipher(sy_mppe_state *state) { rc4_set_key(state, session_key(state), state->key_length); }
