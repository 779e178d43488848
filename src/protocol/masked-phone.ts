/** Masked numbers such as `138****1234`: how many digits are hidden, and the completed number. */

const MASK_RUN = /\*+/;

export function hiddenDigitCount(maskPhone: string): number {
  const run = MASK_RUN.exec(maskPhone);
  return run ? run[0].length : 0;
}

/**
 * Replaces the run of `*` with the typed digits. Returns `undefined` when the digits do not fill
 * the run exactly or are not all ASCII digits.
 */
export function completeMaskedPhone(maskPhone: string, digits: string): string | undefined {
  const hidden = hiddenDigitCount(maskPhone);
  if (digits.length !== hidden || !/^\d*$/.test(digits)) return undefined;
  return hidden === 0 ? maskPhone : maskPhone.replace(MASK_RUN, digits);
}

/** Masks the middle four digits of an 11-digit number the way the gateways do. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? phone.slice(0, 3) + "****" + phone.slice(7) : phone.replace(/\d(?=\d{4})/g, "*");
}
