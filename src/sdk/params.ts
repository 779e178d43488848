/**
 * Integrator input: which required field is missing (503 参数缺失 + `field`), and the request data
 * normalised to strings. Unknown fields (devInfo, setReturn, ...) are ignored.
 */

import { asRecord, recordOf, text } from "./responses";

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

/** The traceId to echo as `msgId`, even for rejected input. */
export function msgIdOf(data: unknown): string {
  return text(recordOf(data).traceId);
}

export type Checked<T> = { ok: true; data: T } | { ok: false; field: string };

/** The first of `fields` that is absent or blank, else undefined. */
export function missingField(data: Record<string, unknown>, fields: readonly string[]): string | undefined {
  return fields.find((f) => text(data[f]).trim() === "");
}

const REQUIRED = ["version", "appId", "sign", "traceId", "timestamp"] as const;

/** Every field of the request data as a string, with the original's default businessType. */
export function toFlowData(d: Record<string, unknown>): FlowData {
  return {
    version: text(d.version),
    appId: text(d.appId),
    sign: text(d.sign),
    traceId: text(d.traceId),
    timestamp: text(d.timestamp),
    expandParams: text(d.expandParams),
    authPageType: text(d.authPageType),
    businessType: text(d.businessType) || "8",
    isTest: text(d.isTest),
  };
}

export function readFlowData(value: unknown): Checked<FlowData> {
  const d = asRecord(value);
  const field = d ? missingField(d, REQUIRED) : "data";
  return field ? { ok: false, field } : { ok: true, data: toFlowData(d!) };
}
