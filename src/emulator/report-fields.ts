/**
 * What a log report says (docs/protocol.md "Log reports"): who sent it and a one-line summary.
 * Both read an untrusted body, so every field is looked at for its type first.
 */
type Json = Record<string, unknown>;

/** The fields of a flow report (`operType` "onekeylogin") that the summary names. */
const FLOW_FIELDS = ["clientType", "CM_resultCode", "CT_resultCode", "CU_resultCode"] as const;

/** The longest value the summary quotes of any one field. */
const MAX_VALUE = 120;

function objectAt(source: Json, key: string): Json {
  const value = source[key];
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  return isObject ? (value as Json) : {};
}

function textAt(source: Json, key: string): string | undefined {
  const value = source[key];
  if (typeof value !== "string" || value === "") return undefined;
  return value.slice(0, MAX_VALUE);
}

/** Who sent a report: its header's `appid`, and the flow's traceId (or the bare msgid). */
export function reportIdentity(body: Json): { appId?: string; traceId?: string } {
  const header = objectAt(body, "header");
  const log = objectAt(objectAt(body, "body"), "log");
  const who: { appId?: string; traceId?: string } = {};
  const appId = textAt(header, "appid") ?? textAt(log, "appId") ?? textAt(log, "appid");
  const traceId = textAt(log, "traceid") ?? textAt(header, "msgid") ?? textAt(log, "msgid");
  if (appId) who.appId = appId;
  if (traceId) who.traceId = traceId;
  return who;
}

/** One line naming the kind of report and what it says, for the record's `desc`. */
export function summarizeReport(body: Json): string {
  const log = objectAt(objectAt(body, "body"), "log");
  if (textAt(log, "operType") === "onekeylogin") {
    const parts = FLOW_FIELDS.map((field) => `${field}=${textAt(log, field) ?? ""}`);
    return `flow report: ${parts.join(" ")}`;
  }
  const netType = textAt(log, "netType") ?? "";
  return `getConnection report: netType=${netType} UA=${textAt(log, "UA") ?? ""}`;
}
