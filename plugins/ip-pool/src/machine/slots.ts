// pptpd's pairing of local and remote addresses (pptpd.c processIPStr, end): connection slot i gets
// local[i] and remote[i]; a single localip is shared by every slot; otherwise the shorter list decides
// how many slots there are. Pure.

export interface Slot {
  readonly local: string;
  readonly remote: string;
}

export interface SlotPlan {
  readonly slots: readonly Slot[];
  /** Remote addresses pptpd would never use, for lack of a local address to pair them with. */
  readonly unusedRemote: readonly string[];
  /** Local addresses beyond the last remote one. */
  readonly unusedLocal: readonly string[];
}

export function pairSlots(remote: readonly string[], local: readonly string[]): SlotPlan {
  const shared = local.length === 1 ? local[0] : undefined;
  const count = shared !== undefined ? remote.length : Math.min(remote.length, local.length);
  const slots: Slot[] = [];
  for (let i = 0; i < count; i++) {
    slots.push({ local: shared ?? local[i] ?? '', remote: remote[i] ?? '' });
  }
  return {
    slots,
    unusedRemote: remote.slice(count),
    unusedLocal: shared !== undefined ? [] : local.slice(count),
  };
}
