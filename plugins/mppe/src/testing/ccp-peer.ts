// A scripted CCP peer for negotiation tests: it injects CCP packets into a FakePppContext as if they came
// from the other end (Windows' odd first request, duplicate Naks, Rejects…) and reads back what the
// context sent, as pppd-style trace text.
import {
  PppProtocol,
  decodeCpPacket,
  decodePppFrame,
  encodeCpPacket,
  formatCpPacket,
  type CpOption,
  type CpPacket,
} from '@switchyard/ppp';
import { encodeMppeBits } from '../codec/mppe-option.js';
import { ccpSpec } from '../machine/ccp-spec.js';
import { MPPE_OFF } from '../machine/policy.js';
import type { FakePppContext } from './fake-ppp-context.js';

/** The CCP spec, for formatting only. */
const FORMAT_SPEC = ccpSpec({
  policy: () => MPPE_OFF,
  refused: () => undefined,
  resetRequested: () => undefined,
  resetAcked: () => undefined,
});

/** Option 18 with `bits`. */
export const mppeOption = (bits: number): CpOption => ({ type: 18, data: encodeMppeBits(bits) });

/** pppd's trace text of a CCP packet: `CCP ConfReq id=0x1 <mppe +H -M +S -L -D -C>`. */
export const formatCcp = (packet: CpPacket): string => formatCpPacket(FORMAT_SPEC, packet);

export class ScriptedCcpPeer {
  private read = 0;

  constructor(readonly context: FakePppContext) {}

  /** Delivers a Configure-Request/-Ack/-Nak/-Reject from the peer. */
  configure(code: 1 | 2 | 3 | 4, identifier: number, options: readonly CpOption[]): void {
    this.packet({ kind: 'configure', code, identifier, options });
  }

  /** Delivers any CCP packet from the peer. */
  packet(packet: CpPacket): void {
    this.context.receiveFrame(this.context.link.frame(PppProtocol.CCP, encodeCpPacket(packet)));
  }

  /** The CCP packets the context sent since the last call, decoded. */
  takePackets(): CpPacket[] {
    const out: CpPacket[] = [];
    for (const bytes of this.context.wire.slice(this.read)) {
      const frame = decodePppFrame(bytes);
      if (!frame.ok || frame.value.protocol !== PppProtocol.CCP) continue;
      const packet = decodeCpPacket(frame.value.payload, PppProtocol.CCP);
      if (packet.ok) out.push(packet.value);
    }
    this.read = this.context.wire.length;
    return out;
  }

  /** The same, as trace text. */
  take(): string[] {
    return this.takePackets().map(formatCcp);
  }
}
