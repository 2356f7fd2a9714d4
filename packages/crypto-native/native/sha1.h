/* SHA-1 (FIPS 180-4 §6.1) of one message of at most SY_SHA1_SHORT_MAX bytes: all an MPPE key change
 * (RFC 3078 §7.3) hashes, 96 or 112 bytes, so two blocks at most and no streaming state. */
#ifndef SY_SHA1_H
#define SY_SHA1_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The longest message whose padding (0x80 and the 8-byte length) still fits two 64-byte blocks. */
#define SY_SHA1_SHORT_MAX 119

/* Writes SHA-1(data[0..length)) into digest[0..20). length <= SY_SHA1_SHORT_MAX (the caller checks). */
void sy_sha1_short(const uint8_t *data, size_t length, uint8_t digest[20]);

/* 1 when the compressions run on the CPU's SHA extensions (x86-64 SHA-NI), 0 on the portable C. */
int sy_sha1_uses_cpu_extensions(void);
/* Tests: 1 forces the portable C so both paths can be checked on one machine; 0 restores the choice. */
void sy_sha1_force_portable(int portable);

#ifdef __cplusplus
}
#endif

#endif
