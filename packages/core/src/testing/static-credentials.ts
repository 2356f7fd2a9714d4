// A credential store plugin for tests: users and secrets given inline (what chap-secrets would hold).
import { credentialStoreToken, type CredentialStore } from '../contracts/credential-store.js';
import { definePlugin, type Plugin } from '../plugin.js';

/** `{ vpn1: '123456' }` or `{ vpn1: { secret: '123456', addresses: ['10.0.0.201'] } }`. */
export type StaticUsers = Readonly<
  Record<string, string | { readonly secret: string; readonly addresses?: readonly string[] }>
>;

export function staticCredentialStore(users: StaticUsers): CredentialStore {
  return {
    name: 'static',
    lookup: async ({ user }) => {
      const entry = Object.hasOwn(users, user) ? users[user] : undefined;
      if (entry === undefined) return { kind: 'not-found' };
      const { secret, addresses = [] } = typeof entry === 'string' ? { secret: entry } : entry;
      return { kind: 'found', secret, addresses };
    },
  };
}

export function staticCredentialsPlugin(users: StaticUsers, id = 'static-credentials'): Plugin<never> {
  return definePlugin({
    id,
    provides: [credentialStoreToken],
    register: (container) =>
      container.register(credentialStoreToken, { useValue: staticCredentialStore(users) }),
  }) as Plugin<never>;
}
