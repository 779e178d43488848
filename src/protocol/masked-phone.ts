/** Masked numbers such as `138****1234`: the completed number, and masking one. */

/**
 * Replaces the run of `*` with the typed digits. Returns `undefined` when the digits do not fill
 * the run exactly or are not all ASCII digits.
 */
export function completeMaskedPhone(maskPhone: string, digits: string): string | undefined {
  // The first run of `*` (none: "", which only "" fills); as a string it first occurs right there.
  const run = (/\*+/.exec(maskPhone) || [""])[0];
  if (digits.length === run.length && /^\d*$/.test(digits)) return maskPhone.replace(run, digits);
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
