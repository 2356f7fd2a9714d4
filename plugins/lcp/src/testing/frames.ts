// Builders for LCP frames a test peer sends (Windows-like peers, echo partners, a looped line).
import { type CpOption, type CpPacket, PppProtocol, encodeCpPacket, encodePppFrame } from '@switchyard/ppp';
import { hex } from '@switchyard/wire';

export const lcpFrame = (packet: CpPacket): Uint8Array =>
  encodePppFrame(PppProtocol.LCP, encodeCpPacket(packet));

export const option = (type: number, data: string): CpOption => ({ type, data: hex(data) });

export const configure = (code: 1 | 2 | 3 | 4, identifier: number, options: CpOption[]): Uint8Array =>
  lcpFrame({ kind: 'configure', code, identifier, options });

export const magicPacket = (
  code: 9 | 10 | 11 | 12 | 13,
  identifier: number,
  magic: number,
  data = '',
): Uint8Array => lcpFrame({ kind: 'magic', code, identifier, magicNumber: magic, data: hex(data) });
