// One-line traces of GRE packets in the style of the pptpd/pppd debug logs:
// `[GRE call=56429 seq=1 ack=2 len=24]`, `[GRE call=0 ack=4]` for an acknowledgment-only packet.
import { checkGrePacket, greAck, greCallId, grePayloadLength, greSeq } from './gre-packet.js';

export function formatGrePacket(bytes: Uint8Array): string {
  const malformed = checkGrePacket(bytes);
  if (malformed !== undefined) return `[GRE malformed ${malformed} (${bytes.length} bytes)]`;
  const seq = greSeq(bytes);
  const ack = greAck(bytes);
  let text = `[GRE call=${greCallId(bytes)}`;
  if (seq >= 0) text += ` seq=${seq}`;
  if (ack >= 0) text += ` ack=${ack}`;
  if (seq >= 0) text += ` len=${grePayloadLength(bytes)}`;
  return `${text}]`;
}
