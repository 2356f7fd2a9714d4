// The PAP Authenticator: LCP option `03 04 c0 23` (RFC 1334 §2.1, no algorithm data), both roles.
import type { Authenticator } from '@switchyard/core';
import { papAuthenticatorExchange } from './pap-authenticator.js';
import { papPeerExchange } from './pap-peer.js';
import type { PapSettings } from './pap-settings.js';

/** PPP Protocol number of PAP (RFC 1334 §2). */
const PAP = 0xc023;

export function createPapAuthenticator(settings: PapSettings): Authenticator {
  return {
    name: 'pap',
    protocol: PAP,
    lcpData: new Uint8Array(0),
    // The weakest: the password crosses the link in clear, and no MPPE keys result.
    strength: 10,
    authenticate: (context) => papAuthenticatorExchange(settings, context),
    prove: (context, credentials) => papPeerExchange(settings, context, credentials),
  };
}
