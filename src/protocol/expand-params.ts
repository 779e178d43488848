/** `expandParams`: `name=value|name=value`. */

export function parseExpandParams(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== "string") return out;
  for (const pair of value.split("|")) {
    const eq = pair.indexOf("=");
    if (eq > 0) out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}
