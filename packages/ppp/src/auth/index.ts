// @switchyard/ppp/auth: the PPP authentication protocols' wire formats (CHAP RFC 1994, PAP RFC 1334,
// the MS-CHAP sub-formats of RFC 2433/2759), their pppd-style traces, and the CHAP exchange machines
// that the auth-chap-md5, auth-mschapv1 and auth-mschapv2 plugins fill with a digest. Pure.

// codecs
export {
  ChapCode,
  CHAP_HEADER_LENGTH,
  type ChapPacket,
  type ChapValuePacket,
  type ChapStatusPacket,
  type ChapUnknownPacket,
  decodeChapPacket,
  encodeChapPacket,
  chapValuePacket,
  chapStatusPacket,
} from './chap-packet.js';
export {
  PapCode,
  PAP_HEADER_LENGTH,
  type PapPacket,
  type PapRequestPacket,
  type PapReplyPacket,
  type PapUnknownPacket,
  decodePapPacket,
  encodePapPacket,
  papReplyPacket,
} from './pap-packet.js';
export {
  MSCHAP_RESPONSE_LENGTH,
  MSCHAPV1_CHALLENGE_LENGTH,
  MSCHAPV2_CHALLENGE_LENGTH,
  type MschapV1ResponseValue,
  type MschapV2ResponseValue,
  decodeMschapV1Response,
  encodeMschapV1Response,
  decodeMschapV2Response,
  encodeMschapV2Response,
} from './mschap-value.js';
export {
  MschapError,
  type MschapFailure,
  formatMschapFailure,
  parseMschapFailure,
  formatMschapV2Success,
  mschapV2SuccessMessage,
} from './mschap-message.js';
export { formatChapPacket, formatPapPacket, formatChapBytes, formatPapBytes } from './format.js';

// CHAP exchange machines
export {
  type ChapDigest,
  type ChapAnswer,
  type ChapVerdict,
  type ChapVerifyInput,
  type ChapRespondInput,
  type ChapSettings,
  type RandomSource,
  CHAP_DEFAULTS,
} from './chap-digest.js';
export {
  type ChapConfig,
  type MschapConfig,
  chapConfigSchema,
  mschapConfigSchema,
  chapSettings,
} from './chap-config.js';
export { chapAuthenticatorExchange } from './chap-authenticator.js';
export { chapPeerExchange } from './chap-peer.js';
export { chapAuthenticator, type ChapAuthenticatorSpec } from './chap-authenticator-factory.js';
export {
  utf8,
  fromUtf8,
  stripDomain,
  quoteName,
  safeLookup,
  sameBytes,
  traceSent,
  traceReceived,
  traceMalformed,
} from './exchange-support.js';
