// Median / min / max of repeated measurements. Non-finite samples are dropped; an empty series
// summarises to null so that callers print "n/a" instead of a made-up number.

export function summarize(samples) {
  const xs = samples
    .filter((x) => typeof x === "number" && Number.isFinite(x))
    .sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { median, min: xs[0], max: xs[xs.length - 1], n: xs.length };
}

/** The q-quantile (0..1) of a sorted array, nearest-rank. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** Milliseconds with one decimal. */
export const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");

/** "median (min–max)" of a summary, formatted by `fmt`. */
export function range(summary, fmt = ms) {
  if (!summary) return "n/a";
  if (summary.n === 1 || summary.min === summary.max) return fmt(summary.median);
  return `${fmt(summary.median)} (${fmt(summary.min)}–${fmt(summary.max)})`;
}

export const kb = (n) => (n === null || n === undefined ? "n/a" : (n / 1024).toFixed(2) + " KB");

export const pct = (x) => (Number.isFinite(x) ? (x * 100).toFixed(1) + "%" : "n/a");

/** A value that could not be measured, with the reason. Printed as `n/a (reason)`. */
export const na = (reason) => ({ na: String(reason).replace(/\s+/g, " ").slice(0, 160) });

export const isNa = (v) => v !== null && typeof v === "object" && "na" in v;
