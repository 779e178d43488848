/** The 17-digit `yyyyMMddHHmmssSSS` timestamps of the protocol (local time, 24-hour clock). */

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function formatTimestamp(date: Date = new Date()): string {
  return (
    pad(date.getFullYear(), 4) +
    pad(date.getMonth() + 1, 2) +
    pad(date.getDate(), 2) +
    pad(date.getHours(), 2) +
    pad(date.getMinutes(), 2) +
    pad(date.getSeconds(), 2) +
    pad(date.getMilliseconds(), 3)
  );
}

/** Parses a 17-digit timestamp as local time; `undefined` when it is not a real date. */
export function parseTimestamp(value: unknown): Date | undefined {
  if (typeof value !== "string" || !/^\d{17}$/.test(value)) return undefined;
  const n = (from: number, to: number) => Number(value.slice(from, to));
  const date = new Date(n(0, 4), n(4, 6) - 1, n(6, 8), n(8, 10), n(10, 12), n(12, 14), n(14, 17));
  // Reject rollovers such as month 13 or 24:00 that Date would silently normalise.
  return formatTimestamp(date) === value ? date : undefined;
}
