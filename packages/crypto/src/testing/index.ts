// @switchyard/crypto/testing: published MS-CHAP/MPPE test vectors, byte helpers for tests, and the timing
// loop the benchmarks share.
export { hex, toHex, ascii, SeededBytes } from './bytes.js';
export {
  rfc2759Example,
  desKeyExample,
  rfc2433Example,
  rfc3079V2Example,
  rfc3079V1Example,
  mppeFrameExample,
} from './vectors.js';
export { INVALID_RANGES_OF_10 } from './ranges.js';
export { measure, type MeasureOptions, type Measurement } from '../bench/measure.js';
