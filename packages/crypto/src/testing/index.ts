// @switchyard/crypto/testing: published MS-CHAP/MPPE test vectors and byte helpers for tests.
export { hex, toHex, ascii, SeededBytes } from './bytes.js';
export {
  rfc2759Example,
  desKeyExample,
  rfc2433Example,
  rfc3079V2Example,
  rfc3079V1Example,
  mppeFrameExample,
} from './vectors.js';
