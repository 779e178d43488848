/**
 * Masked numbers such as `138****1234`: how many digits they hide, the completed number, and
 * masking one.
 */

/** At most this many characters make a masked number (longer ones are not phone numbers). */
export const MASK_MAX = 40;

/** A masked number cut round its hidden part: `138`, 4 (for `****`), `1234`. */
export interface MaskParts {
  /** What comes before the first `*`. */
  prefix: string;
  /** How many `*` follow it in a row (0 when there is none). */
  hidden: number;
  /** The rest after that run. */
  suffix: string;
}

/**
 * One run of at most eight `*` (the gateways hide four), or none, with no other `*` around it.
 */
const ONE_RUN = /^([^*]*)(\*{0,8})([^*]*)$/;

/**
 * The one rule for the hidden digits: the views draw a cell for each, and completeMaskedPhone
 * wants exactly that many. Undefined for a mask nobody could complete: longer than MASK_MAX, more
 * than eight hidden digits, or a second run of `*`.
 */
export function splitMask(masked: string): MaskParts | undefined {
  const parts = masked.length <= MASK_MAX ? ONE_RUN.exec(masked) : null;
  if (parts) return { prefix: parts[1], hidden: parts[2].length, suffix: parts[3] };
}

/**
 * Replaces the run of `*` with the typed digits. Returns `undefined` when the mask is unusable
 * (splitMask), or the digits do not fill the run exactly or are not all ASCII digits.
 */
export function completeMaskedPhone(maskPhone: string, digits: string): string | undefined {
  const parts = splitMask(maskPhone);
  if (parts && digits.length === parts.hidden && /^\d*$/.test(digits))
    return parts.prefix + digits + parts.suffix;
}

/** Masks the middle four digits of an 11-digit number the way the gateways do. */
export function maskPhone(phone: string): string {
  return phone.length === 11
    ? phone.slice(0, 3) + "****" + phone.slice(7)
    : phone.replace(/\d(?=\d{4})/g, "*");
}

/**
 * What a client may hash as `phone` at authLevel 1, where nothing is typed: the masked number as
 * shown, and the forms the official SDK produces by putting its (empty or never set) typed digits
 * in place of every run of `*` — `1381234` and `138undefined1234` for `138****1234`.
 */
export function confirmedNumberForms(maskPhone: string): string[] {
  return [maskPhone, maskPhone.replace(/\*+/g, ""), maskPhone.replace(/\*+/g, "undefined")];
}
