// LCP Protocol-Field-Compression, type 7 (RFC 1661 §6.5): value-less. Requested and accepted unless
// pppd's `nopcomp`; a peer's Acked request lets us send 1-byte Protocol fields (never on LCP).
import type { OptionSpec } from '@switchyard/ppp';
import { flagOption } from './flag.js';

export const pfcOption = (enabled: boolean): OptionSpec<true> => flagOption(7, 'pcomp', enabled);
