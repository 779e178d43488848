/** The 17-digit `yyyyMMddHHmmssSSS` timestamps of the protocol (local time, 24-hour clock). */

export function formatTimestamp(date: Date = new Date()): string {
  return [
    date.getFullYear(),
    date.getMonth() + 1,
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds(),
  ]
    .map((n, i) => String(n).padStart(i ? (i > 5 ? 3 : 2) : 4, "0"))
    .join("");
}

/** Parses a 17-digit timestamp as local time; `undefined` when it is not a real date. */
export function parseTimestamp(value: unknown): Date | undefined {
  if (typeof value !== "string" || !/^\d{17}$/.test(value)) return undefined;
  const n = (from: number, to: number) => Number(value.slice(from, to));
  const date = new Date(n(0, 4), n(4, 6) - 1, n(6, 8), n(8, 10), n(10, 12), n(12, 14), n(14, 17));
  // Reject rollovers such as month 13 or 24:00 that Date would silently normalise.
  return formatTimestamp(date) === value ? date : undefined;
}
