// What one session will negotiate in CCP: pppd 2.4.9's MPPE policy (ccp.c ccp_resetci) as data, with
// the per-session adjustments pppd makes once authentication is done (key material, MS-CHAPv1).
import type { MppeKeyMaterial } from '@switchyard/core';
import type { MppeStrength } from '@switchyard/crypto';

/** How stateful mode resynchronises after a loss (RFC 3078 §8.2); see `mppeStatefulResync` in config.ts. */
export type StatefulResync = 'linux' | 'rfc3078';

/** The appliance-wide MPPE settings, resolved from the config section (config.ts). */
export interface MppeSettings {
  /** False with `noccp`: CCP is not run at all and the driver Protocol-Rejects it. */
  readonly ccp: boolean;
  /** MPPE required (require-mppe*): without it the session ends ('mppe-refused'); IPCP waits for CCP. */
  readonly required: boolean;
  /** Key strengths we accept, strongest first; empty when MPPE is off. */
  readonly strengths: readonly MppeStrength[];
  /** pppd `mppe-stateful`: accept stateful mode when the peer insists. */
  readonly allowStateful: boolean;
  /** Ask for stateful mode ourselves (not a pppd option, which always asks for stateless); implies allowStateful. */
  readonly requestStateful: boolean;
  /** Stateful resynchronisation flavour: Linux ppp_mppe (default) or RFC 3078 §8.2 to the letter. */
  readonly statefulResync: StatefulResync;
}

/** The negotiable part, after the session-time checks. */
export interface MppePolicy {
  readonly required: boolean;
  readonly strengths: readonly MppeStrength[];
  readonly allowStateful: boolean;
  /** Our Configure-Request asks for stateful mode (only with allowStateful). */
  readonly requestStateful?: boolean;
}

/** MPPE off: every CCP option is rejected (pppd without require-mppe*, or with nomppe). */
export const MPPE_OFF: MppePolicy = { required: false, strengths: [], allowStateful: false };

export type PolicyOutcome =
  | { readonly ok: true; readonly policy: MppePolicy; readonly notice?: string }
  | { readonly ok: false; readonly reason: string };

/**
 * pppd ccp_resetci, at the start of each CCP negotiation: MPPE needs MS-CHAP key material; MS-CHAPv1
 * drops 40-bit ("MS-CHAP LM not supported": pppd only derives the NT-hash-based start key), and
 * nothing left to offer is a failure. `msChap` says whether LCP negotiated MS-CHAP v1 or v2 at all.
 */
export function sessionPolicy(
  settings: MppeSettings,
  keys: MppeKeyMaterial | undefined,
  msChap: boolean,
): PolicyOutcome {
  if (!settings.required) return { ok: true, policy: MPPE_OFF };
  if (keys === undefined) {
    // pppd's two messages: no MS-CHAP at all, or an auth back end (RADIUS) that gave no keys.
    return {
      ok: false,
      reason: msChap
        ? 'MPPE required, but keys are not available'
        : 'MPPE required, but MS-CHAP[v2] auth not performed.',
    };
  }
  let strengths = settings.strengths;
  let notice: string | undefined;
  if (keys.kind === 'mschapv1' && strengths.includes(40)) {
    strengths = strengths.filter((strength) => strength !== 40);
    notice = 'Disabling 40-bit MPPE; MS-CHAP LM not supported';
  }
  if (strengths.length === 0) {
    return { ok: false, reason: 'MPPE required, but both 40-bit and 128-bit disabled.' };
  }
  const allowStateful = settings.allowStateful || settings.requestStateful;
  const policy: MppePolicy = settings.requestStateful
    ? { required: true, strengths, allowStateful, requestStateful: true }
    : { required: true, strengths, allowStateful };
  return notice === undefined ? { ok: true, policy } : { ok: true, policy, notice };
}
