/** What every gateway step of one flow needs: the request data, where to send, how long to wait. */

import type { GatewayHosts } from "../protocol/hosts";
import { formatTimestamp } from "../protocol/timestamp";
import type { FlowData } from "./params";
import type { Random } from "./random";
import type { Transport } from "./transport";
import type { RequestOptions } from "./abort";

export interface StepContext {
  data: FlowData;
  hosts: GatewayHosts;
  transport: Transport;
  /** Per-request timeout in ms. */
  timeout: number;
  /** Aborted when the flow ends (endGetToken, cancel, settlement). */
  signal: AbortSignal;
  /** Computed once per flow: the gateways bind the token to these exact bytes. */
  userInformation: string;
  userAgent: string;
  now(): number;
  random: Random;
}

export function requestOptions(ctx: Pick<StepContext, "timeout" | "signal">, headers?: Record<string, string>): RequestOptions {
  return { headers, timeout: ctx.timeout, signal: ctx.signal };
}

/** The headers every `/h5/onekeylogin/*` request of the flow carries (wire-protocol.md §2–4). */
export function idHeaders(d: FlowData): Record<string, string> {
  return { appId: d.appId, interfaceVersion: d.version, traceId: d.traceId };
}

export function freshTimestamp(ctx: Pick<StepContext, "now">): string {
  return formatTimestamp(new Date(ctx.now()));
}
