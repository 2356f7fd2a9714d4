// A tiny clear-text Authenticator for driver tests (PAP's protocol number and shape, RFC 1334 §2):
// the peer sends user and secret, the authenticator checks them against the credential stores.
import type { AuthExchange, AuthExchangeContext, Authenticator } from '@switchyard/core';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (value: string) => new TextEncoder().encode(value);

export function fakeAuthenticator(): Authenticator & { readonly exchanges: number } {
  let exchanges = 0;
  return {
    name: 'pap',
    protocol: 0xc023,
    lcpData: new Uint8Array(0),
    strength: 10,
    get exchanges() {
      return exchanges;
    },
    authenticate: (context: AuthExchangeContext): AuthExchange => {
      exchanges++;
      let stopped = false;
      let decided = false;
      return {
        start: () => undefined,
        stop: () => (stopped = true),
        receive: (packet) => {
          if (stopped || packet[0] !== 1) return;
          const [user = '', secret = ''] = text(packet.subarray(1)).split('\0');
          void context.lookup({ user, server: context.localName }).then((answer) => {
            if (stopped) return;
            const ok = answer.kind === 'found' && answer.secret === secret;
            context.send(Uint8Array.of(ok ? 2 : 3));
            const result =
              ok && answer.kind === 'found'
                ? ({ ok: true, user, addresses: answer.addresses } as const)
                : ({ ok: false, user, code: 'wrong-secret', reason: 'bad secret' } as const);
            // A request after the first outcome is a re-authentication (as a CHAP rechallenge's).
            if (decided) context.rechecked(result);
            else context.done(result);
            decided = true;
          });
        },
      };
    },
    prove: (context, credentials): AuthExchange => ({
      start: () => context.send(Uint8Array.of(1, ...bytes(`${credentials.user}\0${credentials.secret}`))),
      stop: () => undefined,
      receive: (packet) =>
        context.done(
          packet[0] === 2
            ? { ok: true, user: credentials.user }
            : { ok: false, code: 'rejected', reason: 'rejected by peer' },
        ),
    }),
  };
}
