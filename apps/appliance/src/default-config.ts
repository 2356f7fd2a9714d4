// The configuration used when no file is given: safe on a fresh machine (no well-known password, no
// users at all until chap-secrets has some), logging at info.
export const defaultConfig = {
  core: { log: { level: 'info', format: 'text' } },
} as const;
