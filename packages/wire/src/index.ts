// @switchyard/wire: byte readers/writers and the Decoded<T> result shared by every codec.
export { ByteReader } from './byte-reader.js';
export { ByteWriter } from './byte-writer.js';
export { type Decoded, type DecodeError, ok, fail } from './decoded.js';
export { hex, toHex, hexExcerpt } from './hex.js';
export { encodeAscii, decodeAsciiz } from './ascii.js';
