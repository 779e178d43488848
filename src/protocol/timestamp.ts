/** The 17-digit `yyyyMMddHHmmssSSS` timestamps of the protocol (local time, 24-hour clock). */

/** A number as exactly `width` digits, zero-padded on the left. */
function digits(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

export function formatTimestamp(date: Date = new Date()): string {
  return (
    digits(date.getFullYear(), 4) +
    digits(date.getMonth() + 1, 2) +
    digits(date.getDate(), 2) +
    digits(date.getHours(), 2) +
    digits(date.getMinutes(), 2) +
    digits(date.getSeconds(), 2) +
    digits(date.getMilliseconds(), 3)
  );
}

/** Parses a 17-digit timestamp as local time; `undefined` when it is not a real date. */
export function parseTimestamp(value: unknown): Date | undefined {
  if (typeof value !== "string" || !/^\d{17}$/.test(value)) return undefined;
  const field = (from: number, to: number) => Number(value.slice(from, to));
  const date = new Date(
    field(0, 4),
    field(4, 6) - 1,
    field(6, 8),
    field(8, 10),
    field(10, 12),
    field(12, 14),
    field(14, 17),
  );
  // Reject rollovers such as month 13 or 24:00 that Date would silently normalise.
  return formatTimestamp(date) === value ? date : undefined;
}
