// LCP Address-and-Control-Field-Compression, type 8 (RFC 1661 §6.6): value-less. Requested and accepted
// unless pppd's `noaccomp`; a peer's Acked request lets us omit FF 03 (never on LCP).
import type { OptionSpec } from '@switchyard/ppp';
import { flagOption } from './flag.js';

export const acfcOption = (enabled: boolean): OptionSpec<true> => flagOption(8, 'accomp', enabled);
