/* One direction's MPPE key schedule and RC4 state (RFC 3078 §5, §7.3), the C twin of
 * @switchyard/crypto's MppeKeySchedule. The state lives in memory the JavaScript object owns (a
 * Uint8Array of SY_MPPE_STATE_BYTES): no native allocation, nothing to free, and the session key can be
 * read without a call into the addon.
 *
 * Two RC4 tables: the live one, and one where sy_mppe_rekey_and_crypt prepares the NEXT key change
 * (stateless MPPE's next packet always needs exactly one) while it encrypts this packet. RC4 is bound by
 * the latency of its loop, not by the CPU's width, so the two key schedules of a key change run almost
 * free beside the packet's keystream: measured 3,560 → 2,880 ns for 1400 bytes plus a key change. The
 * next change then only swaps tables. Table words are 32-bit: byte tables measured 474 MB/s here against
 * 565 MB/s for words (what OpenSSL's RC4_INT does on x86-64 too).
 *
 * The second table comes last so that a state may end before it (SY_MPPE_COMPACT_STATE_BYTES): an idle
 * or stateful direction never prepares a next key change, and 10,000 idle sessions would otherwise
 * carry 20 MB of tables they never touch. The owner grows the state to SY_MPPE_STATE_BYTES before its
 * first stateless packet; a compact state just runs without the look-ahead.
 *
 * Before its first data a state may even end before the first table (SY_MPPE_HEADER_BYTES): the live
 * table right after init is RC4 keyed with the session key, nothing else, so init only marks it stale
 * and the first call that uses it keys it (sy_mppe_prepare_table). An idle session's two directions
 * then hold 2 × 136 bytes instead of 2 × 1,160. */
#ifndef SY_MPPE_H
#define SY_MPPE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* StartKey ‖ SHApad1 (40 × 0x00) ‖ SessionKey ‖ SHApad2 (40 × 0xF2) for 16-byte keys. */
#define SY_MPPE_SHA_INPUT_MAX (2 * 16 + 80)

typedef struct {
  uint8_t i, j;            /* RC4 indices of the live table */
  uint8_t key_length;      /* 8 (40/56-bit) or 16 (128-bit); 0 = not initialised */
  uint8_t strength;        /* 40, 56 or 128 */
  uint8_t live;            /* which table is live (only its low bit is read) */
  uint8_t next_ready;      /* 1: next_key and the other table hold the next key change, keyed */
  uint8_t table_stale;     /* 1: the live table is still to be keyed with the session key (see above) */
  uint8_t reserved;
  uint8_t next_key[16];
  /* The SHA-1 input of every key change, kept whole so a change hashes it in place; the current
   * session key is the slice at key_length + 40. */
  uint8_t sha_input[SY_MPPE_SHA_INPUT_MAX];
  /* RC4 permutations, one byte value per word: the live one and the next; a compact state has only
   * tables[0] (then `live` stays 0). */
  uint32_t tables[2][256];
} sy_mppe_state;

#define SY_MPPE_STATE_BYTES sizeof(sy_mppe_state)
#define SY_MPPE_COMPACT_STATE_BYTES (offsetof(sy_mppe_state, tables) + 256 * sizeof(uint32_t))
#define SY_MPPE_HEADER_BYTES offsetof(sy_mppe_state, tables)
#define SY_MPPE_SESSION_KEY_OFFSET(key_length) (offsetof(sy_mppe_state, sha_input) + (key_length) + 40)
#define SY_MPPE_KEY_LENGTH_OFFSET offsetof(sy_mppe_state, key_length)

/* 1 when the strength is one MPPE defines (40, 56, 128). */
int sy_mppe_strength_valid(unsigned strength);
/* 8 or 16. */
unsigned sy_mppe_key_length(unsigned strength);

/* The initial session key (GetNewKeyFromSHA(StartKey, StartKey), reduced, no RC4 step: RFC 3079 §3.5);
 * RC4 is to be keyed with it (the live table is left stale, so the state may be just the header).
 * start_key holds at least sy_mppe_key_length(strength) bytes (caller checks). */
void sy_mppe_init(sy_mppe_state *state, const uint8_t *start_key, unsigned strength);
/* Keys a stale live table; every call below needs it keyed, so the caller runs this first. */
void sy_mppe_prepare_table(sy_mppe_state *state);
/* `times` key changes (RFC 3078 §7.3), then RC4 re-keyed with the result; 0 changes nothing. */
void sy_mppe_rekey(sy_mppe_state *state, uint32_t times);
/* RC4 re-keyed with the current session key (RFC 3078 §8.2). */
void sy_mppe_reset_cipher(sy_mppe_state *state);
/* XORs length keystream bytes into out; out may be in (same address). Byte by byte, in order, so a
 * partial overlap gives what the TypeScript loop gives. */
void sy_mppe_crypt(sy_mppe_state *state, const uint8_t *in, uint8_t *out, size_t length);
/* `times` key changes, then RC4 from `in` to `out` (out may be in, as for sy_mppe_crypt); with
 * times >= 1 (stateless) and a full state (`compact` 0) the next key change is prepared on the other
 * table meanwhile. The same bytes and state as rekey + crypt. A receiver passes its ciphertext as `in`
 * and its plaintext buffer as `out`, so it needs no copy of the ciphertext to decrypt in place. */
void sy_mppe_rekey_and_crypt(sy_mppe_state *state, int compact, uint32_t times, const uint8_t *in, uint8_t *out,
                             size_t length);
/* 1 when the state was initialised by sy_mppe_init and its bytes still make sense; `compact` 1 for a
 * state of SY_MPPE_COMPACT_STATE_BYTES (no second table). */
int sy_mppe_state_valid(const sy_mppe_state *state, int compact);

#ifdef __cplusplus
}
#endif

#endif
