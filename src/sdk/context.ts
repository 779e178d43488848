/** What every gateway step of one flow needs: the request data, where to send, how long to wait. */

import { OK, SDK_CODES } from "../protocol/codes";
import { joinUrl, type GatewayHosts } from "../protocol/hosts";
import type { CodeText } from "./errors";
import type { FlowData } from "./params";
import type { Random } from "./random";
import type { NumberAnswer } from "./responses";
import type { Transport } from "./transport";
import type { RequestOptions } from "./abort";
import type { CarrierResult } from "./types";

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

export const requestOptions = (ctx: Pick<StepContext, "timeout" | "signal">, headers?: Record<string, string>): RequestOptions => ({
  headers,
  timeout: ctx.timeout,
  signal: ctx.signal,
});

/** The headers every `/h5/onekeylogin/*` request of the flow carries (wire-protocol.md §2–4). */
export const idHeaders = (d: FlowData): Record<string, string> => ({ appId: d.appId, interfaceVersion: d.version, traceId: d.traceId });

/** A path under the `/h5/onekeylogin/*` host. */
export const apiUrl = (ctx: Pick<StepContext, "hosts">, path: string): string => joinUrl(ctx.hosts.api, path);

/** The transport failure entry of a carrier (a fresh object: it ends up in a payload). */
export const networkEntry = (): CarrierResult => ({ ...SDK_CODES.network });

/**
 * A carrier's number-fetch answer: the answer to show (it has an accessToken), else that
 * carrier's `{code, message}` entry; `noToken` is the entry of a 103000 without accessToken.
 */
export const fetched = (a: NumberAnswer | undefined, noToken: CodeText): NumberAnswer | CarrierResult =>
  !a ? networkEntry() : a.code !== OK ? { code: a.code, message: a.message } : a.accessToken ? a : { ...noToken };
