// The tun plugin's config section: the one TUN device every session's packets cross. Per-session MTUs
// live on each session's host route, so `mtu` here is only the device's ceiling.

export interface TunConfig {
  /** Interface name (at most 15 bytes). */
  readonly name: string;
  /** Device MTU in bytes; each session's route carries min(session MTU, this). */
  readonly mtu: number;
  /**
   * Packets the kernel holds for us while we are not reading (txqueuelen); default
   * DEFAULT_TX_QUEUE_LENGTH. The tun driver's own 500 is 6 ms at 80,000 packets/s, shorter than a V8
   * mark-compact pause (5–9 ms under load, measured), so bursts were dropped there.
   */
  readonly txQueueLength?: number;
  /** Our tunnel address (pptpd `localip`), assigned to the device as a /32. */
  readonly localAddress?: string;
  /** Network namespace to create the device in (tests). */
  readonly netns?: string;
}

/** 4096 packets: 50 ms at 80,000 packets/s, several GC pauses' worth, about 6 MB of 1500-byte packets. */
export const DEFAULT_TX_QUEUE_LENGTH = 4096;

export const tunConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    // Linux dev_valid_name(): 1..15 bytes, no '/', ':' or whitespace.
    name: { type: 'string', pattern: '^[^\\s/:]{1,15}$', default: 'sy-pptp0' },
    mtu: { type: 'integer', minimum: 68, maximum: 65535, default: 1500 },
    txQueueLength: { type: 'integer', minimum: 1, maximum: 1000000 },
    localAddress: { type: 'string', format: 'ipv4' },
    netns: { type: 'string', minLength: 1 },
  },
} as const;
