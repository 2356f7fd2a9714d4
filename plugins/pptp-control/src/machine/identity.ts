// What each side says about itself in Start-Control-Connection-Request/-Reply (RFC 2637 §2.1, §2.2).
//
// Our PAC answers framing 3 (async|sync) and bearer 3 (analog|digital) where pptpd sends 0 and 0
// (pptpdefs.h: "we don't actually have any physical serial i/f's"). The RFC defines these as what "the
// sender can provide" to the calls it places: a PPTP tunnel carries PPP frames without media framing,
// so it can honour any framing or bearer type an Outgoing-Call-Request asks for (pptp-linux and Windows
// ask for 3/3), while 0 would tell a PNS that checks capabilities that we can place no call at all.
// Clients in the field ignore the values, so 3/3 is as safe as pptpd's 0/0 and states the truth.
// Maximum Channels is the PAC's total session capacity (RFC 2637 §2.1), so it defaults to the Call ID
// allocator's capacity (the appliance-wide `connections` limit) rather than pptpd's 1-per-process.
// Host name "local" is what pptpd and pptp-linux send; the I/O layer should pass os.hostname().
import { BearerCapability, FramingCapability } from '../codec/constants.js';

export interface PacIdentity {
  readonly framingCapabilities: number;
  readonly bearerCapabilities: number;
  readonly maximumChannels: number;
  readonly firmwareRevision: number;
  readonly hostName: string;
  readonly vendorString: string;
}

/** The PNS side sends the same fields; RFC 2637 §2.1 says Maximum Channels SHOULD be 0 from a PNS. */
export type PnsIdentity = PacIdentity;

const ANY_FRAMING = FramingCapability.Asynchronous | FramingCapability.Synchronous;
const ANY_BEARER = BearerCapability.Analog | BearerCapability.Digital;

export const DEFAULT_PAC_IDENTITY: PacIdentity = {
  framingCapabilities: ANY_FRAMING,
  bearerCapabilities: ANY_BEARER,
  maximumChannels: 0xffff,
  firmwareRevision: 1,
  hostName: 'local',
  vendorString: 'Switchyard',
};

export const DEFAULT_PNS_IDENTITY: PnsIdentity = {
  framingCapabilities: ANY_FRAMING,
  bearerCapabilities: ANY_BEARER,
  maximumChannels: 0,
  firmwareRevision: 1,
  hostName: 'local',
  vendorString: 'Switchyard',
};

/** pptpd 1.4.0's SCCRP fields (captures: pptpd-reference-*.txt frame 8), for byte-compatible replies. */
export const PPTPD_PAC_IDENTITY: PacIdentity = {
  framingCapabilities: 0,
  bearerCapabilities: 0,
  maximumChannels: 1,
  firmwareRevision: 1,
  hostName: 'local',
  vendorString: 'linux',
};
