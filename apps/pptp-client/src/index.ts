// @switchyard/pptp-client: a user-space PPTP client (the PNS side of RFC 2637) built from the
// appliance's own plugins: connect() for one session, runLoad() for many, and the CLI's pure parts.
export { connect } from './connect.js';
export { type ConnectOptions, DEFAULT_LCP } from './connect-options.js';
export { PptpClientSession, type ClientCounters, type SetupTimings } from './client-session.js';
export type { ClientSink, IpCounters } from './session-ip.js';
export { formatMppe, type MppeInfo } from './ppp-stack.js';
export {
  PppdExit,
  PptpClientError,
  clientEnd,
  formatEnd,
  type ClientEnd,
  type ClientEndCode,
  type SetupStage,
} from './machine/end.js';
export { AUTH_PROTOCOLS, MPPE_CHOICES, type AuthProtocol, type MppeChoice } from './machine/ppp-choices.js';
export { runLoad, type LoadOptions, type LoadProgress } from './load/run-load.js';
export {
  buildReport,
  formatReport,
  type LoadReport,
  type LoadPhase,
  type SessionRecord,
  type SessionTraffic,
  type TrafficSpec,
} from './machine/load-report.js';
export { parseCli, type CliCommand, type CliResult, type ConnectCli, type LoadCli } from './cli.js';
export { connectUsage, loadUsage } from './cli-usage.js';
export { run, version } from './run.js';
export {
  buildUdpPacket,
  readUdpPacket,
  MIN_PACKET_BYTES,
  type UdpPacketInfo,
  type UdpPacketSpec,
} from './codec/udp-packet.js';
