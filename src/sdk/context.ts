/** What every gateway step of one flow needs: the request data, where to send, how long to wait. */

import { NETWORK, OK } from "../protocol/codes";
import { joinUrl, type GatewayHosts } from "../protocol/hosts";
import type { CodeText } from "./errors";
import type { FlowData } from "./params";
import type { NumberAnswer } from "./responses";
import type { RequestOptions } from "./abort";
import type { Deps } from "./deps";
import type { Session } from "./session";
import type { CarrierResult, CustomPopupOptions, PageOptions } from "./types";

/** What an authLevel "5" flow handed out, for the `authGetToken` that follows it. */
export interface IssuedAccessToken {
  accessToken: string;
  maskPhone: string;
  userInformation: string;
}

/**
 * One call (`getTokenInfo` or `authGetToken`): the SDK's dependencies, the request data, where to
 * send, how long to wait, and what the integrator configured for the view.
 */
export interface StepContext extends Deps {
  data: FlowData;
  hosts: GatewayHosts;
  /** Per-request timeout in ms. */
  timeout: number;
  /** Its signal aborts every request when the call settles (endGetToken, cancel, outcome). */
  session: Session;
  /** Computed once per call: the gateways bind the token to these exact bytes. */
  userInformation: string;
  userAgent: string;
  /** getTokenInfo only: the view settings (`CustomControlsInit`, `authPageInit`, options). */
  popup?: { containerId: string; options: CustomPopupOptions };
  page?: PageOptions;
  layerCallback?: unknown;
  /** `SdkConfig.injectCss`: off when the integrator links style.css itself. */
  injectCss?: boolean;
  /** getTokenInfo only: an authLevel "5" flow handed out an accessToken, for a later `authGetToken`. */
  onAccessToken?(issued: IssuedAccessToken): void;
}

export const requestOptions = (ctx: StepContext, headers?: Record<string, string>): RequestOptions => ({
  headers,
  timeout: ctx.timeout,
  signal: ctx.session.signal,
});

/** The headers every `/h5/onekeylogin/*` request of the flow carries (wire-protocol.md §2–4). */
export const idHeaders = (d: FlowData): Record<string, string> => ({ appId: d.appId, interfaceVersion: d.version, traceId: d.traceId });

/** A path under the `/h5/onekeylogin/*` host. */
export const apiUrl = (ctx: StepContext, path: string): string => joinUrl(ctx.hosts.api, path);

/** POSTs JSON to a `/h5/onekeylogin/*` path with the id headers and `more` headers. */
export const postApi = (ctx: StepContext, path: string, body: unknown, more?: Record<string, string>): Promise<unknown> =>
  ctx.transport.postJson(apiUrl(ctx, path), body, requestOptions(ctx, { ...idHeaders(ctx.data), ...more }));

/** The transport failure entry of a carrier (a fresh object: it ends up in a payload). */
export const networkEntry = (): CarrierResult => ({ ...NETWORK });

/**
 * A carrier's number-fetch answer: the answer to show (it has an accessToken), else that
 * carrier's `{code, message}` entry; `noToken` is the entry of a 103000 without accessToken.
 */
export const fetched = (a: NumberAnswer | undefined, noToken: CodeText): NumberAnswer | CarrierResult =>
  !a ? networkEntry() : a.code !== OK ? { code: a.code, message: a.message } : a.accessToken ? a : { ...noToken };
