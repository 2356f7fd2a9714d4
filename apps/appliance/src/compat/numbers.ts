// Numbers the way the C readers see them: pppd's int_option/number_option (strtoul, base 0 or 16,
// options.c) and pptpd's atoi (pptpd.c). Pure; a reading says what C would make of the text.

export type NumberReading =
  | { readonly ok: true; readonly value: number; readonly warning?: string }
  | { readonly ok: false; readonly reason: string };

const base0 = /^[ \t\n\r\f\v]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/;
const base16 = /^[ \t\n\r\f\v]*([+-]?)(?:0[xX])?([0-9a-fA-F]+)/;

/**
 * pppd's int_option: strtoul(text, &end, 0) cast to int. Hex (`0x10`) and octal (`010` = 8) are
 * accepted as C does; trailing characters are ignored by pppd, which we report as a warning.
 */
export function pppdInt(text: string): NumberReading {
  const match = base0.exec(text);
  if (!match) return { ok: false, reason: `'${text}' is not a number` };
  const [whole, sign = '', digits = ''] = match;
  const magnitude =
    digits.startsWith('0x') || digits.startsWith('0X') ? parseInt(digits, 16) : octalOrDecimal(digits);
  // strtoul negates in unsigned arithmetic; the (int) cast then gives back the negative number.
  const value = toInt32(sign === '-' ? -magnitude : magnitude);
  const warnings: string[] = [];
  if (/^0[0-7]+$/.test(digits)) warnings.push(`pppd reads '${digits}' as octal (${value})`);
  if (whole.length < text.length) {
    warnings.push(`pppd reads '${text}' as ${value} and ignores '${text.slice(whole.length)}'`);
  }
  return warnings.length > 0 ? { ok: true, value, warning: warnings.join('; ') } : { ok: true, value };
}

/** pppd's number_option with base 16 (asyncmap): an unsigned 32-bit mask, `0x` prefix optional. */
export function pppdHex32(text: string): NumberReading {
  const match = base16.exec(text);
  if (!match) return { ok: false, reason: `'${text}' is not a hexadecimal number` };
  const [whole, sign = '', digits = ''] = match;
  const magnitude = digits.length > 8 ? 0xffffffff : parseInt(digits, 16); // strtoul saturates
  const value = (sign === '-' ? -magnitude : magnitude) >>> 0;
  return whole.length < text.length
    ? { ok: true, value, warning: `pppd ignores '${text.slice(whole.length)}' after the number` }
    : { ok: true, value };
}

/** pptpd's atoi: leading blanks, an optional sign, decimal digits; anything else reads as 0. */
export function pptpdAtoi(text: string): NumberReading {
  const match = /^[ \t]*([+-]?\d+)/.exec(text);
  if (!match) return { ok: false, reason: `'${text}' is not a number (pptpd's atoi would read 0)` };
  const value = toInt32(Number(match[1]));
  return match[0].length < text.length
    ? { ok: true, value, warning: `pptpd reads '${text}' as ${value}` }
    : { ok: true, value };
}

function octalOrDecimal(digits: string): number {
  return digits.length > 1 && digits.startsWith('0') ? parseInt(digits, 8) : Number(digits);
}

function toInt32(value: number): number {
  // Beyond 2^53 only the saturated ULONG_MAX is plausible, which the (int) cast turns into -1.
  return Number.isSafeInteger(value) ? value | 0 : -1;
}
