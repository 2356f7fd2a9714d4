// A value-less boolean LCP option (PFC, ACFC; RFC 1661 §6.5–6.6): any data makes it undecodable, and a
// Nak is impossible (§5.3), so the peer's request is either Acked or, when disabled, Rejected.
import type { OptionSpec } from '@switchyard/ppp';
import { ACK, REJECT } from './fields.js';

export function flagOption(type: number, name: string, enabled: boolean): OptionSpec<true> {
  return {
    type,
    name,
    decode: (data) => (data.length === 0 ? true : undefined),
    encode: () => new Uint8Array(0),
    format: () => `<${name}>`,
    desired: () => (enabled ? true : undefined),
    judge: () => (enabled ? ACK : REJECT),
  };
}
