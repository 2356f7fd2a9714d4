// Builds LCP per session from the config: the LinkControlFactory the ppp driver uses (registered by the
// plugin on the server; built directly by the client application with client options).
import { randomBytes } from 'node:crypto';
import type { LinkControlFactory } from '@switchyard/ppp';
import { type LcpConfig, resolveLcpConfig } from './config.js';
import { Lcp } from './machine/lcp.js';

export interface LcpFactoryOptions {
  /** Magic-Number source; default crypto-random (RFC 1661 §6.4 asks for a good random source). */
  readonly random?: () => number;
}

const randomU32 = (): number => randomBytes(4).readUInt32BE(0);

export function createLcpFactory(
  config: Partial<LcpConfig> = {},
  options: LcpFactoryOptions = {},
): LinkControlFactory {
  const setup = { config: resolveLcpConfig(config), random: options.random ?? randomU32 };
  return { create: (context, authenticators, events) => new Lcp(context, authenticators, events, setup) };
}
