// The gre plugin's config section: raw-socket sizing and the sequencing knobs of machine/call-sequencer.
import type { GreSequencerConfig } from './machine/call-sequencer.js';

export interface GreConfig {
  /** SO_RCVBUF for the raw GRE socket; a large buffer is what keeps bursts from being dropped. */
  readonly receiveBufferBytes: number;
  readonly sendWindow: GreSequencerConfig['sendWindow'];
  readonly reorderCapacity: number;
  readonly reorderTimeoutMs: number;
  readonly ackDelayMs: number;
}

export const greConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    receiveBufferBytes: { type: 'integer', minimum: 65536, maximum: 1073741824, default: 16777216 },
    sendWindow: { enum: ['ignore', 'enforce'], default: 'ignore' },
    reorderCapacity: { type: 'integer', minimum: 0, maximum: 4096, default: 64 },
    reorderTimeoutMs: { type: 'integer', minimum: 0, maximum: 5000, default: 50 },
    ackDelayMs: { type: 'integer', minimum: 0, maximum: 5000, default: 50 },
  },
} as const;
