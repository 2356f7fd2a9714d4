// LCP Callback, type 13 (RFC 1570 §2.3; Microsoft's operation 6 = CBCP). Windows asks for it; pppd,
// built without CBCP, Configure-Rejects it (anchors §5.3, §6 #13). Decoded only so traces read
// `<callback CBCP>` as pppd prints them; never requested, always Rejected.
import type { OptionSpec } from '@switchyard/ppp';
import { REJECT, trailingHex } from './fields.js';

export interface CallbackValue {
  readonly operation: number;
  readonly message: Uint8Array;
}

/** Microsoft Callback Control Protocol. */
export const CBCP_OPERATION = 6;

export const callbackOption: OptionSpec<CallbackValue> = {
  type: 13,
  name: 'callback',
  decode: (data) =>
    data.length >= 1 ? { operation: data[0] as number, message: data.subarray(1) } : undefined,
  encode: (value) => new Uint8Array([value.operation, ...value.message]),
  format: ({ operation, message }) =>
    `<callback ${operation === CBCP_OPERATION ? 'CBCP' : `0x${operation.toString(16)}`}${trailingHex(message)}>`,
  desired: () => undefined,
  judge: () => REJECT,
};
