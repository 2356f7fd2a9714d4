// The client's PPP stack, assembled from the same factories the appliance registers: LCP, the
// authenticators we may prove ourselves with, CCP/MPPE and IPCP with usepeerdns, all in the client role.
// It also keeps hold of the session's CCP so the negotiated MPPE can be reported.
import { randomBytes } from 'node:crypto';
import type { Authenticator, PacketSink } from '@switchyard/core';
import { createChapMd5Authenticator } from '@switchyard/plugin-auth-chap-md5';
import { createMschapV1Authenticator } from '@switchyard/plugin-auth-mschapv1';
import { createMschapV2Authenticator } from '@switchyard/plugin-auth-mschapv2';
import { createPapAuthenticator, papSettings } from '@switchyard/plugin-auth-pap';
import { createIpcpFactory } from '@switchyard/plugin-ipcp';
import { createLcpFactory, type LcpConfig } from '@switchyard/plugin-lcp';
import {
  MPPE_OPTION_TYPE,
  MppeControlFactory,
  nativeKeySchedules,
  ccpTimers,
  mppeDirection,
  mppeSettings,
  type CcpControl,
  type MppeConfig,
  type MppeCounters,
  type MppeDirection,
} from '@switchyard/plugin-mppe';
import type { LinkControlFactory, NetworkControlFactory } from '@switchyard/ppp';
import type { AuthProtocol } from './machine/ppp-choices.js';

export interface PppStackSettings {
  readonly auth: readonly AuthProtocol[];
  readonly mppe: MppeConfig;
  readonly usepeerdns: boolean;
  readonly lcp: Partial<LcpConfig>;
}

/** The MPPE both directions use, as CCP agreed it (RFC 3078 §2). */
export interface MppeInfo {
  /** What we decrypt: the option we requested, as the server Acked it. */
  readonly receive: MppeDirection;
  /** What we encrypt: the server's request, as we Acked it. */
  readonly send: MppeDirection;
}

export interface PppStack {
  readonly linkControl: LinkControlFactory;
  /** CCP/MPPE for the session (its key schedules are the native ones). */
  readonly mppeFactory: MppeControlFactory;
  readonly networkControls: readonly NetworkControlFactory[];
  readonly authenticators: readonly Authenticator[];
  /** The MPPE in use, once CCP opened with it; undefined without MPPE. */
  mppe(): MppeInfo | undefined;
  /** This session's MPPE data-path counters; undefined until CCP exists. */
  mppeCounters(): MppeCounters | undefined;
}

const random = (length: number): Uint8Array => randomBytes(length);

const AUTHENTICATORS: Readonly<Record<AuthProtocol, () => Authenticator>> = {
  'mschap-v2': () => createMschapV2Authenticator({}, random),
  mschap: () => createMschapV1Authenticator({}, random),
  chap: () => createChapMd5Authenticator({}, random),
  pap: () => createPapAuthenticator(papSettings()),
};

interface SharedParts {
  readonly linkControl: LinkControlFactory;
  readonly authenticators: readonly Authenticator[];
}

/** Parts that hold no session state, by settings: the load generator opens thousands of sessions. */
const sharedParts = new Map<string, SharedParts>();
/** A handful of distinct settings in practice; a bound in case a caller varies them per session. */
const SHARED_LIMIT = 16;

/**
 * The LCP factory and the authenticators for `settings`, built once per distinct value: sessions then
 * also share LCP's resolved config, and with it its option specs and auth policy.
 */
function partsFor(settings: PppStackSettings): SharedParts {
  const key = JSON.stringify([settings.auth, settings.lcp]);
  let parts = sharedParts.get(key);
  if (parts === undefined) {
    parts = {
      linkControl: createLcpFactory(settings.lcp),
      authenticators: settings.auth.map((name) => AUTHENTICATORS[name]()),
    };
    if (sharedParts.size >= SHARED_LIMIT) sharedParts.clear();
    sharedParts.set(key, parts);
  }
  return parts;
}

/** One session's stack; `sink` receives IPCP's route (the session's IP side). */
export function buildPppStack(settings: PppStackSettings, sink: PacketSink): PppStack {
  const { linkControl, authenticators } = partsFor(settings);
  // MPPE on the native key schedules, as the appliance's plugin does (a missing addon throws clearly).
  const mppeFactory = new MppeControlFactory(
    mppeSettings(settings.mppe),
    ccpTimers(settings.mppe),
    nativeKeySchedules(),
  );
  let ccp: CcpControl | undefined;
  // The factory's own per-session object is what we need to read the agreement from later.
  const capturingCcp: NetworkControlFactory = {
    name: mppeFactory.name,
    create: (context, events) => (ccp = mppeFactory.create(context, events)),
  };
  return {
    linkControl,
    mppeFactory,
    networkControls: [capturingCcp, createIpcpFactory({ usepeerdns: settings.usepeerdns }, { sink })],
    authenticators,
    mppe: () => {
      if (ccp === undefined || !ccp.dataPath.running) return undefined;
      const { ours, peer } = ccp.automaton.negotiated();
      const value = (list: typeof ours) => list.find((o) => o.type === MPPE_OPTION_TYPE)?.value as number;
      const receive = mppeDirection(value(ours));
      const send = mppeDirection(value(peer));
      return receive && send ? { receive, send } : undefined;
    },
    mppeCounters: () => ccp && { ...ccp.counters },
  };
}

/** pppd's wording: `128-bit stateless`, or `128-bit stateless / 40-bit stateful` when they differ. */
export function formatMppe(info: MppeInfo | undefined): string {
  if (info === undefined) return 'none';
  const one = (d: MppeDirection) => `${d.strength}-bit ${d.stateless ? 'stateless' : 'stateful'}`;
  const [receive, send] = [one(info.receive), one(info.send)];
  return receive === send ? receive : `${receive} / ${send}`;
}
