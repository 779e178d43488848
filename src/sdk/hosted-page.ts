/**
 * Hosted-page mode (npm module only, `config({hostedPage: true})`): for authPageType "0" and "3"
 * the gateway's own authorization page, `authPageUrl` of the number fetch, opens in a full-screen
 * iframe the way the official SDK opens it, instead of our in-page view. Some carriers require
 * their own page. The page collects the digits, requests the token itself and posts the outcome
 * back; the call then ends as an in-page view's would: one callback, the iframe and the listener
 * gone on every end (outcome, endGetToken, abort).
 *
 * The protocol between the SDK and the page (docs/protocol.md, "Hosted page"):
 * - the iframe's address is `authPageUrl?traceId=…&accessToken=…&maskPhone=…&authLevel=…&
 *   authName=…&userInformation=…&appId=…&expandParams=…&isTest=…&oper=…&from=…&authPageType=…&
 *   v=20211103`, in this order, values as they are (the official SDK does not encode them);
 * - on each `load` the SDK posts to the page's origin: for type "3" the `authPageInit` options
 *   (as JSON data), otherwise the gateway's customerPrivacyConfig text when it is a JSON object;
 * - the page posts `{code: "103000", message, token, userInformation, msgId}` on success, any
 *   other code (501 on cancel) on failure. Only messages from the iframe's own window and origin
 *   count; the first one with a code ends the call.
 */

import { INNER_ERROR, LAYER_LOAD_FAILED, MISSING_PARAM, OK } from "../protocol/codes";
import {
  HOSTED_PAGE_QUERY,
  HOSTED_PAGE_VERSION,
  type HostedPageQuery,
} from "../protocol/hosted-page";
import type { HostedFound, StepContext } from "./context";
import { viewKind } from "./authorize";
import { codeError } from "./errors";
import { readString, recordOf, text, type Json } from "./responses";

/** Full screen above the page, as the official SDK styles its iframe. */
const FRAME_STYLE =
  "width:100%;height:100%;border:0;position:fixed;top:0;left:0;right:0;bottom:0;" +
  "z-index:2147483647;background:#fff";

/**
 * A query value as the official SDK writes it, raw (`*` of the masked number, the already
 * percent-encoded userInformation), except `&` and `#`: no value may add or cut off a field.
 */
const queryValue = (value: string) => value.replace(/[&#]/g, encodeURIComponent);

/**
 * The iframe's address, or undefined when `authPageUrl` is not an absolute web address (a
 * `javascript:` URL from a hostile gateway must never reach an iframe).
 */
export function hostedPageUrl(ctx: StepContext, found: HostedFound): string | undefined {
  const { answer, carrier } = found;
  const base = readString(answer.fields.authPageUrl);
  if (!/^https?:\/\/[^#]+$/i.test(base)) return undefined;
  const d = ctx.data;
  const win = ctx.win();
  const values: HostedPageQuery = {
    traceId: d.traceId,
    accessToken: answer.accessToken,
    maskPhone: answer.maskPhone,
    authLevel: answer.authLevel,
    authName: answer.appName,
    userInformation: ctx.userInformation,
    appId: d.appId,
    expandParams: d.expandParams,
    isTest: d.isTest,
    oper: carrier,
    from: win ? win.location.origin : "",
    authPageType: d.authPageType,
    v: HOSTED_PAGE_VERSION,
  };
  const query = HOSTED_PAGE_QUERY.map((name) => name + "=" + queryValue(values[name])).join("&");
  return base + (base.includes("?") ? "&" : "?") + query;
}

/** A string that parses to a JSON object (or array), the only privacy config the page takes. */
function jsonObjectText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the SDK posts into the page on load: type "3" the `authPageInit` options as plain JSON
 * data (callbacks such as `onClick` cannot cross windows), otherwise the privacy config text.
 */
function loadMessage(ctx: StepContext, found: HostedFound): unknown {
  if (ctx.data.authPageType === "3") return JSON.parse(JSON.stringify(ctx.page || {})) as unknown;
  return jsonObjectText(found.answer.fields.customerPrivacyConfig);
}

/**
 * The page's outcome as the integrator's callbacks receive it: a token success like the in-page
 * views' (a success without a token is our 103005), or the page's code and text.
 */
function settleWith(ctx: StepContext, data: Json, code: string): void {
  const { session } = ctx;
  const { msgId } = session;
  const message = readString(data.message);
  if (code !== OK) {
    session.fail({ code, message, msgId });
    return;
  }
  const token = readString(data.token);
  if (!token) {
    session.fail(codeError(INNER_ERROR, msgId));
    return;
  }
  // The page sent the token request, so its userInformation is the one the token is bound to.
  const userInformation = readString(data.userInformation) || ctx.userInformation;
  session.succeed({ code: OK, message, token, userInformation, msgId, timing: session.timing() });
}

/**
 * Opens the hosted page for a number with an accessToken, for authPageType "0" and "3" (and the
 * other values that mean the standard page); the call ends from its message. False, doing
 * nothing, for the popups ("1", "2"), which have no hosted form, and for authLevel "5".
 */
export function openHostedPage(ctx: StepContext, found: HostedFound): boolean {
  const kind = viewKind(ctx);
  // authLevel "5" has no page of any kind: the flow hands the accessToken to the integrator.
  if (found.answer.authLevel === "5") return false;
  if (kind !== "standard-page" && kind !== "custom-page") return false;
  const { session, report } = ctx;
  const { msgId, signal } = session;
  // A call that has already ended opens nothing (its abort, which cleans up, has fired).
  if (signal.aborted) return true;
  const win = ctx.win();
  const doc = ctx.doc();
  const src = hostedPageUrl(ctx, found);
  if (!src) {
    session.fail(codeError(MISSING_PARAM, msgId, "authPageUrl"));
    return true;
  }
  if (!win || !doc || !doc.body) {
    session.fail(codeError(LAYER_LOAD_FAILED, msgId));
    return true;
  }
  const origin = new URL(src).origin;
  const frame = doc.createElement("iframe");
  frame.id = "auth";
  // Screen readers announce a frame by its title.
  frame.title = "本机号码一键登录";
  frame.style.cssText = FRAME_STYLE;

  const onLoad = () => {
    try {
      const message = loadMessage(ctx, found);
      if (message !== undefined) frame.contentWindow!.postMessage(message, origin);
    } catch (e) {
      // Options that JSON cannot copy: the page draws its defaults.
      report("hosted page message", e);
    }
  };
  const onMessage = (event: MessageEvent) => {
    // Only the iframe's own window at the page's origin speaks for the page.
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    const data = recordOf(event.data);
    // Messages of the carrier's own scripts (Unicom's) and ones without a code are not results.
    const code = text(data.code);
    if (data.UC_MSG_Method || !code) return;
    settleWith(ctx, data, code);
  };
  const cleanUp = () => {
    win.removeEventListener("message", onMessage);
    frame.remove();
  };
  signal.addEventListener("abort", cleanUp);
  win.addEventListener("message", onMessage);
  frame.addEventListener("load", onLoad);
  frame.src = src;
  doc.body.appendChild(frame);
  return true;
}
