/**
 * Our default text colours are chosen for a light background; on an integrator's dark one
 * (e.g. `layerStyle.bgColor: "#236"`) the view switches to light defaults. Colours the integrator
 * sets render as asked.
 */

/** Below this WCAG relative luminance white text contrasts more than black text does. */
const DARK_LUMINANCE = 0.179;

/** An sRGB channel (0–255) in linear light, as WCAG 2 computes relative luminance. */
function linear(channel: number): number {
  const v = channel / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/**
 * Whether a computed colour (`rgb(r, g, b)` or `rgba(r, g, b, a)`) is dark. A mostly
 * transparent one is not: what shows through is unknown.
 */
export function isDark(computed: string): boolean {
  const numbers = (computed.match(/[\d.]+/g) || []).map(Number);
  if (numbers.length < 3) return false;
  if (numbers.length > 3 && numbers[3] < 0.5) return false;
  const [r, g, b] = numbers.map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < DARK_LUMINANCE;
}
