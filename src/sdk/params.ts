/**
 * Integrator input: which required field is missing (503 参数缺失 + `field`), and the request data
 * normalised to strings. Unknown fields (devInfo, setReturn, ...) are ignored.
 */

import { recordOf, text, type Json } from "./responses";

/** The request data a flow works with; every field a string. */
export interface FlowData {
  version: string;
  appId: string;
  sign: string;
  traceId: string;
  timestamp: string;
  expandParams: string;
  authPageType: string;
  businessType: string;
  isTest: string;
}

/** The fields of `FlowData`; the first five are required by `getTokenInfo`. */
export const FIELDS = [
  "version",
  "appId",
  "sign",
  "traceId",
  "timestamp",
  "expandParams",
  "authPageType",
  "businessType",
  "isTest",
];

/** The traceId to echo as `msgId`, even for rejected input. */
export const msgIdOf = (data: unknown): string => text(recordOf(data).traceId);

/** The first of `fields` that is absent or blank; "data" when `data` is not an object. */
export function missingField(data: unknown, fields: readonly string[]): string | undefined {
  if (!data || typeof data !== "object") return "data";
  const record = data as Record<string, unknown>;
  return fields.find((f) => !text(record[f]).trim());
}

/** Every field of the request data as a string, with the original's defaults. */
export function toFlowData(data: unknown): FlowData {
  const d = recordOf(data);
  const out: Record<string, string> = {};
  for (const f of FIELDS) out[f] = text(d[f]);
  out.businessType = out.businessType || "8";
  // The official SDK sends "0" (the standard page) when the integrator gives no authPageType.
  out.authPageType = out.authPageType || "0";
  return out as unknown as FlowData;
}

/** Deeper than any option table (a box inside a control inside a list): a cycle, or hostile. */
const OPTIONS_DEPTH = 8;

function copyOf(value: unknown, depth: number): unknown {
  if (!value || typeof value !== "object") return value;
  if (depth > OPTIONS_DEPTH) throw Error("nested too deep");
  const out: Record<string, unknown> = Array.isArray(value) ? ([] as unknown as Json) : {};
  for (const key of Object.keys(value)) {
    // A `__proto__` key (from JSON.parse) would set the copy's prototype rather than a field.
    if (key !== "__proto__") out[key] = copyOf((value as Json)[key], depth + 1);
  }
  return out;
}

/**
 * A plain copy of view options (objects and arrays copied, functions and other values as they
 * are), made once as a call starts: the views then read a tree that cannot throw or change
 * under them. Throws for an unreadable tree (a getter that throws, a hostile Proxy, a cycle);
 * the caller falls back to the views' defaults.
 */
export const copyOptions = (value: unknown): Json | undefined =>
  value ? recordOf(copyOf(value, 0)) : undefined;
