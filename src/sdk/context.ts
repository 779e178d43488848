/** What every gateway step of one call needs: the request data, where to send, how long to wait. */

import { joinUrl, type GatewayHosts } from "../protocol/hosts";
import type { ResolvedDeps } from "./deps";
import type { FlowData } from "./params";
import type { Session } from "./session";
import type { CustomPopupOptions, PageOptions } from "./types";

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
  /** getTokenInfo only: an authLevel "5" flow handed out an accessToken, for a later `authGetToken`. */
  onAccessToken?(issued: IssuedAccessToken): void;
}

/** One request of the call: the configured timeout, aborted as the call settles. */
export const send = (
  ctx: StepContext,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
  jsonp?: string,
): Promise<unknown> =>
  ctx.transport(url, { body, headers, timeout: ctx.timeout, signal: ctx.session.signal, jsonp });

/** A `/h5/onekeylogin/*` request with the id headers every one of them carries (wire-protocol.md §2–4). */
export const sendApi = (
  ctx: StepContext,
  path: string,
  body: unknown,
  more?: Record<string, string>,
): Promise<unknown> => {
  const d = ctx.data;
  return send(ctx, joinUrl(ctx.hosts.api, path), body, {
    appId: d.appId,
    interfaceVersion: d.version,
    traceId: d.traceId,
    ...more,
  });
};
