// The MPPE policy pppd 2.4.9 ends up with (ccp.c ccp_resetci and the option bit mask): MPPE is either
// required or off, with the strengths left in the mask; stateless is always asked for and stateful
// only tolerated. Keys come from MS-CHAP/MS-CHAPv2, so the auth policy must be able to yield them.
import type { AuthPolicy, AuthProtocol } from './auth-policy.js';
import type { Findings, Source } from './findings.js';
import type { PppdOptions } from './pppd/state.js';

export interface MppePolicy {
  /** pppd has no "MPPE if the peer wants it": when required, IP waits for CCP (auth.c start_networks). */
  readonly required: boolean;
  /** Key lengths we accept, weakest first. pppd has no 56-bit MPPE. */
  readonly strengths: readonly (40 | 128)[];
  /** `mppe-stateful`: stateless is requested, stateful accepted if the peer insists. Never required. */
  readonly statefulAllowed: boolean;
}

export function computeMppePolicy(options: PppdOptions): MppePolicy {
  const strengths = options.ccp.enabled ? options.ccp.mppe : [];
  return { required: strengths.length > 0, strengths, statefulAllowed: !options.ccp.refuseMppeStateful };
}

const requireOptions = ['require-mppe', 'require-mppe-40', 'require-mppe-128'];

export function checkMppePolicy(
  policy: MppePolicy,
  auth: AuthPolicy,
  options: PppdOptions,
  file: Source,
  out: Findings,
): void {
  const origin = (name: string) => options.origin.get(name);
  const requiredAt = requireOptions.map(origin).find((at) => at !== undefined);
  const what = requireOptions.find((name) => origin(name) !== undefined) ?? 'require-mppe';
  if (options.ccp.mppe.length > 0 && !options.ccp.enabled) {
    // With CCP off, ccp_gotoptions.mppe is never set and pppd brings IP up unencrypted.
    out.problem(
      origin('noccp') ?? file,
      'noccp',
      true,
      `CCP is off, so the MPPE that ${what} requires can never be negotiated`,
    );
    return;
  }
  if (!policy.required) {
    const emptied = ['nomppe-40', 'nomppe-128'].some((name) => origin(name) !== undefined);
    if (requiredAt && emptied && origin('nomppe') === undefined) {
      out.problem(
        requiredAt,
        what,
        true,
        'MPPE is required, but nomppe-40/nomppe-128 forbid every strength: pppd would run unencrypted',
      );
    }
    return;
  }
  const at = requiredAt ?? file;
  const keyed: readonly AuthProtocol[] = auth.protocols.filter((p) => p === 'mschap' || p === 'mschap-v2');
  if (keyed.length === 0) {
    const why = auth.required
      ? `the peer is only asked for ${auth.protocols.join(', ')}`
      : 'peers are not authenticated';
    out.problem(
      at,
      what,
      true,
      `MPPE keys come from MS-CHAP or MS-CHAPv2, but ${why}: every call would fail after authentication`,
    );
    return;
  }
  const keyless = auth.protocols.filter((p) => !keyed.includes(p));
  if (keyless.length > 0) {
    out.note(
      at,
      what,
      `peers that authenticate with ${keyless.join(' or ')} get no MPPE keys and are disconnected (pppd: "MPPE required, but MS-CHAP[v2] auth not performed")`,
    );
  }
}
