/**
 * Fault injection per endpoint, for SDK tests and benchmarks: the gateway misbehaving in the ways
 * networks and servers do.
 */
import { ENDPOINT_IDS, type EndpointId } from "./types";

export type FaultKind =
  /** Never answer: the request hangs until the client gives up or the emulator closes. */
  | "timeout"
  /** Answer with an HTTP 5xx status (default 503). */
  | "http5xx"
  /** Answer 200 with a truncated JSON (or, for the JSONP gateways, a broken script). */
  | "malformedJson"
  /** Answer normally-shaped with this result code (e.g. force 104012 on authGetToken). */
  | "code";

export interface Fault {
  /** Added before the answer (or before the other fault), in real milliseconds. */
  latencyMs?: number;
  kind?: FaultKind;
  /** For http5xx: 500-599. */
  status?: number;
  /** For `code`: the resultCode (JSONP gateways: the `result`) and its description. */
  code?: string;
  desc?: string;
  /** Apply to this many requests, then disappear; absent = until cleared. */
  times?: number;
}

/** `*` applies to every protocol endpoint that has no fault of its own. */
export type FaultTarget = EndpointId | "*";

export class FaultError extends Error {
  override name = "FaultError";
}

const KINDS: readonly FaultKind[] = ["timeout", "http5xx", "malformedJson", "code"];

export function parseFault(raw: unknown): { endpoint: FaultTarget; fault: Fault } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new FaultError("a fault must be an object");
  const o = raw as Record<string, unknown>;
  const endpoint = o.endpoint;
  if (endpoint !== "*" && !ENDPOINT_IDS.includes(endpoint as EndpointId)) {
    throw new FaultError(`fault.endpoint must be "*" or one of ${ENDPOINT_IDS.join(", ")}`);
  }
  const fault: Fault = {};
  if (o.latencyMs !== undefined) {
    if (typeof o.latencyMs !== "number" || !(o.latencyMs >= 0) || o.latencyMs > 600_000)
      throw new FaultError("fault.latencyMs must be a number 0..600000");
    fault.latencyMs = o.latencyMs;
  }
  if (o.kind !== undefined) {
    if (!KINDS.includes(o.kind as FaultKind))
      throw new FaultError(`fault.kind must be one of ${KINDS.join(", ")}`);
    fault.kind = o.kind as FaultKind;
  }
  if (o.status !== undefined) {
    if (
      typeof o.status !== "number" ||
      !Number.isInteger(o.status) ||
      o.status < 500 ||
      o.status > 599
    )
      throw new FaultError("fault.status must be an integer 500..599");
    fault.status = o.status;
  }
  if (o.code !== undefined) {
    if (typeof o.code !== "string" || o.code === "")
      throw new FaultError("fault.code must be a non-empty string");
    fault.code = o.code;
  }
  if (o.desc !== undefined) {
    if (typeof o.desc !== "string") throw new FaultError("fault.desc must be a string");
    fault.desc = o.desc;
  }
  if (fault.kind === "code" && fault.code === undefined)
    throw new FaultError('fault.kind "code" needs fault.code');
  if (o.times !== undefined) {
    if (typeof o.times !== "number" || !Number.isInteger(o.times) || o.times < 1)
      throw new FaultError("fault.times must be a positive integer");
    fault.times = o.times;
  }
  if (fault.kind === undefined && fault.latencyMs === undefined)
    throw new FaultError("a fault needs a kind or a latencyMs");
  return { endpoint: endpoint as FaultTarget, fault };
}

export class FaultStore {
  private faults = new Map<FaultTarget, Fault>();

  set(endpoint: FaultTarget, fault: Fault): void {
    this.faults.set(endpoint, { ...fault });
  }

  clear(endpoint?: FaultTarget): void {
    if (endpoint === undefined) this.faults.clear();
    else this.faults.delete(endpoint);
  }

  list(): Partial<Record<FaultTarget, Fault>> {
    return Object.fromEntries(this.faults);
  }

  /** The fault for this request, counting it against `times`. */
  take(endpoint: EndpointId): Fault | undefined {
    // A fault set for this endpoint wins over one set for every endpoint ("*").
    let key: FaultTarget;
    if (this.faults.has(endpoint)) key = endpoint;
    else if (this.faults.has("*")) key = "*";
    else return undefined;
    const fault = this.faults.get(key)!;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults.delete(key);
    }
    return { ...fault };
  }
}
