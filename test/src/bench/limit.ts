// Which side ended a throughput ramp. The appliance and the load side (load generator, LAN sink or
// flood, and the softirq work of their packets) are pinned to different CPUs, so the step that lost more
// than 2% says which one ran out: a row is only the appliance's figure when the appliance was saturated.
// Other processes on the machine show up as a CPU that is busy while the process pinned there is not.

/** Figures of the step that ended the ramp. */
export interface LimitInputs {
  /** The pace asked of the sender, and what it managed to send. */
  readonly targetPps: number;
  readonly offeredPps: number;
  readonly lossPercent: number;
  /** Percent of one core. */
  readonly applianceCpuPercent: number;
  readonly clientCpuPercent: number;
  /** Busy percent of each CPU (`cpu0`…), whoever used it. */
  readonly cpuBusyPercent: Readonly<Record<string, number>>;
}

export type Limit =
  'appliance CPU' | 'load side CPU' | 'appliance CPU shared with other processes' | 'not reached' | 'unclear';

/** Busy at or above this is saturated: 1-second samples of a saturated core read 90–100%. */
const SATURATED_PERCENT = 90;

/** A sender that offers less than this share of its pace could not keep it (upstream: the load generator). */
const PACE_KEPT = 0.9;

/**
 * Every saturated side, appliance first. 'not reached' when the last step kept its pace and lost no more
 * than the threshold (the ramp ran out of steps); a step that fell short of its pace ended the ramp too.
 */
export function limitOf(
  last: LimitInputs,
  cpus: { readonly appliance: string | undefined; readonly load: string | undefined },
  lossThresholdPercent: number,
): Limit[] {
  const paceKept = last.offeredPps >= PACE_KEPT * last.targetPps;
  if (paceKept && last.lossPercent <= lossThresholdPercent) return ['not reached'];
  const busy = (cpu: string | undefined) => (cpu === undefined ? 0 : (last.cpuBusyPercent[`cpu${cpu}`] ?? 0));
  const out: Limit[] = [];
  if (last.applianceCpuPercent >= SATURATED_PERCENT) out.push('appliance CPU');
  else if (busy(cpus.appliance) >= SATURATED_PERCENT) out.push('appliance CPU shared with other processes');
  if (busy(cpus.load) >= SATURATED_PERCENT) out.push('load side CPU');
  return out.length > 0 ? out : ['unclear'];
}
