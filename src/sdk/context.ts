/** What every gateway step of one call needs: the request data, where to send, how long to wait. */

import { joinUrl, type Carrier, type GatewayHosts } from "../protocol/hosts";
import type { ResolvedDeps } from "./deps";
import type { FlowData } from "./params";
import type { PageOption } from "../protocol/wire";
import type { NumberAnswer } from "./responses";
import type { Session } from "./session";
import type { RequestOptions } from "./transport";
import type { CustomPopupOptions, PageOptions } from "./types";

/** What an authLevel "5" flow handed out, for the `authGetToken` that follows it. */
export interface IssuedAccessToken {
  accessToken: string;
  maskPhone: string;
  userInformation: string;
}

/** A number fetch that handed out an accessToken for the hosted page, and whose it is. */
export interface HostedFound {
  answer: NumberAnswer;
  carrier: Carrier;
}

/**
 * One call (`getTokenInfo` or `authGetToken`): the SDK's dependencies, the request data, where to
 * send, how long to wait, and what the integrator configured for the view.
 */
export interface StepContext extends ResolvedDeps {
  data: FlowData;
  hosts: GatewayHosts;
  /** Per-request timeout in ms. */
  timeout: number;
  /** Its signal aborts every request when the call settles (endGetToken, cancel, outcome). */
  session: Session;
  /** Ends the call with 103005 after a bug of ours (reported). */
  crash(error: unknown): void;
  /** Computed once per call: the gateways bind the token to these exact bytes. */
  userInformation: string;
  /** getTokenInfo only: the view settings (`CustomControlsInit`, `authPageInit`, options). */
  popup?: { containerId: string; options: CustomPopupOptions };
  page?: PageOptions;
  layerCallback?: unknown;
  /** `SdkConfig.injectCss`: off when the integrator links style.css itself. */
  injectCss?: boolean;
  /**
   * npm module only: a step that takes the found number over before the flow goes on with it
   * (true: taken). The hosted page (`config({hostedPage: true})`, hosted-page.ts) opens the
   * gateway's page for authPageType "0"/"3"; `prepare` (prepare.ts) keeps the number, with
   * getPageOption's request, for a later getTokenInfo.
   */
  onNumber?(
    ctx: StepContext,
    found: HostedFound,
    pageOption: Promise<PageOption | undefined> | undefined,
  ): boolean;
  /** getTokenInfo only: an authLevel "5" flow handed out an accessToken (for `authGetToken`). */
  onAccessToken?(issued: IssuedAccessToken): void;
}

/** What one request of the call sends; its timeout and abort signal are the call's. */
export type CallRequest = Pick<RequestOptions, "body" | "headers" | "jsonp">;

/** One request of the call: the configured timeout, aborted as the call settles. */
export function send(ctx: StepContext, url: string, request: CallRequest = {}): Promise<unknown> {
  return ctx.transport(url, { ...request, timeout: ctx.timeout, signal: ctx.session.signal });
}

/**
 * A `/h5/onekeylogin/*` request with the id headers every one of them carries
 * (docs/protocol.md); `request.headers` add to them.
 */
export function sendApi(
  ctx: StepContext,
  path: string,
  request: CallRequest = {},
): Promise<unknown> {
  const d = ctx.data;
  const headers = {
    appId: d.appId,
    interfaceVersion: d.version,
    traceId: d.traceId,
    ...request.headers,
  };
  return send(ctx, joinUrl(ctx.hosts.api, path), { ...request, headers });
}
