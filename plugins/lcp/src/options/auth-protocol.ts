// LCP Authentication-Protocol, type 3 (RFC 1661 §6.2; RFC 1994 §3 for CHAP's algorithm octet). pppd's
// policy (lcp.c, auth.c): the authenticator asks for one protocol, the strongest it allows; a Nak
// suggesting another allowed protocol switches to it, any other Nak moves to the next weaker one, and
// when none is left the option is dropped. The peer side Acks a protocol it may use, Naks with its
// strongest allowed one otherwise, and Rejects when it may use none.
import { PppProtocol, type OptionSpec, type Verdict } from '@switchyard/ppp';
import { REJECT, readU16, trailingHex } from './fields.js';

/** The option value: the protocol and the bytes after it (CHAP: the algorithm, 0x81 for MS-CHAPv2). */
export interface AuthValue {
  readonly protocol: number;
  readonly data: Uint8Array;
}

/** One authentication protocol we may ask for or agree to, e.g. { name: 'mschap-v2', 0xc223, [0x81] }. */
export interface AuthChoice extends AuthValue {
  readonly name: string;
}

export interface AuthPolicy {
  /** What we ask the peer to authenticate with, strongest first (empty: we do not ask). */
  readonly request: readonly AuthChoice[];
  /** What we agree to authenticate ourselves with, strongest first (empty: we Reject the option). */
  readonly accept: readonly AuthChoice[];
}

export const authValueEquals = (a: AuthValue, b: AuthValue): boolean =>
  a.protocol === b.protocol && a.data.length === b.data.length && a.data.every((x, i) => x === b.data[i]);

const CHAP_ALGORITHMS: Readonly<Record<number, string>> = { 5: ' MD5', 0x80: ' MS', 0x81: ' MS-v2' };

/** pppd lcp_printpkt: `<auth chap MS-v2>`, `<auth pap>`, `<auth eap>`, `<auth 0xc027>`. */
export function formatAuth({ protocol, data }: AuthValue): string {
  if (protocol === PppProtocol.PAP) return `<auth pap${trailingHex(data)}>`;
  if (protocol === PppProtocol.EAP) return `<auth eap${trailingHex(data)}>`;
  if (protocol === PppProtocol.CHAP) {
    const algorithm = data[0] === undefined ? undefined : CHAP_ALGORITHMS[data[0]];
    return algorithm === undefined
      ? `<auth chap${trailingHex(data)}>`
      : `<auth chap${algorithm}${trailingHex(data.subarray(1))}>`;
  }
  return `<auth 0x${protocol.toString(16)}${trailingHex(data)}>`;
}

const find = (list: readonly AuthChoice[], value: AuthValue) =>
  list.find((choice) => authValueEquals(choice, value));
const plain = (choice: AuthChoice | undefined): AuthValue | undefined =>
  choice && { protocol: choice.protocol, data: choice.data };

/** Every session holds one: a class, so its hooks are shared methods, not six closures each. */
class AuthProtocolOption implements OptionSpec<AuthValue> {
  readonly type = 3;
  readonly name = 'auth';
  /** Created by the first Nak: most peers Ack at once. */
  private dropped: Set<AuthChoice> | undefined;

  constructor(private readonly policy: AuthPolicy) {}

  decode(data: Uint8Array): AuthValue | undefined {
    return data.length >= 2 ? { protocol: readU16(data), data: data.subarray(2) } : undefined;
  }

  encode({ protocol, data }: AuthValue): Uint8Array {
    return new Uint8Array([protocol >> 8, protocol & 0xff, ...data]);
  }

  format(value: AuthValue): string {
    return formatAuth(value);
  }

  // A new negotiation starts again from the strongest (pppd lcp_resetci copies the wanted options).
  desired(): AuthValue | undefined {
    this.dropped = undefined;
    return plain(this.policy.request[0]);
  }

  judge(peer: AuthValue): Verdict<AuthValue> {
    if (find(this.policy.accept, peer)) return { verdict: 'ack' };
    const strongest = plain(this.policy.accept[0]);
    return strongest ? { verdict: 'nak', suggest: strongest } : REJECT;
  }

  onNak(suggested: AuthValue, ours: AuthValue | undefined): AuthValue | undefined {
    if (ours === undefined) return undefined; // pppd: a Nak asking us to authenticate is ignored
    const { request } = this.policy;
    const current = find(request, ours);
    const gone = (this.dropped ??= new Set());
    if (current) gone.add(current);
    const wanted = find(request, suggested);
    if (wanted && !gone.has(wanted)) return plain(wanted);
    return plain(request.find((choice) => !gone.has(choice)));
  }
}

export function authProtocolOption(policy: AuthPolicy): OptionSpec<AuthValue> {
  return new AuthProtocolOption(policy);
}
