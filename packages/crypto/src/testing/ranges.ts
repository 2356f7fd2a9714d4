// Ranges `rekeyAndUpdate(data, offset, length)` must refuse for a 10-byte array, before changing
// anything: past the end, negative, too long, fractional. Shared by the pure and the native schedule's
// tests, which must refuse the same ones.
export const INVALID_RANGES_OF_10: readonly (readonly [number, number | undefined])[] = [
  [11, undefined],
  [-1, undefined],
  [2, 9],
  [0.5, 1],
  [0, -1],
];
