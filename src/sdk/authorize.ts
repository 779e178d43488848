/**
 * The authorization step of authLevel "1"/"4": choose and mount the view, then turn the user's
 * intent into the token request. The view only draws and collects; this module decides what a
 * submit, a cancel or an `authGetTokenByLayer` call leads to.
 */

import { SDK_CODES, SUCCESS_MESSAGES, OK } from "../protocol/codes";
import type { Carrier } from "../protocol/hosts";
import { completeMaskedPhone } from "../protocol/masked-phone";
import type { PageOption } from "../protocol/wire";
import type { MountedView, MountView, ViewKind, ViewModel } from "../views/contract";
import type { StepContext } from "./context";
import { codeError } from "./errors";
import { safeCall, type Report } from "./once";
import type { NumberAnswer } from "./responses";
import type { Callbacks, Session } from "./session";
import { requestToken } from "./token";
import type { CodeError, CustomPopupOptions, Flag, PageOptions } from "./types";

/** What the integrator configured before `getTokenInfo`. */
export interface ViewSettings {
  popup?: { containerId: string; options: CustomPopupOptions };
  page?: PageOptions;
  layerCallback?: unknown;
  /** `SdkConfig.injectCss`: off when the integrator links style.css itself. */
  injectCss: boolean;
}

/** The hooks `authGetTokenByLayer` needs from a custom popup without mask. */
export interface Layer {
  submit(callbacks: Callbacks): void;
}

export const DEFAULT_CONTAINER_ID = "ydrzCustomControls";

const isOn = (flag: Flag | undefined): boolean => flag === true || flag === "true" || flag === "ture";

export function viewKind(authPageType: string, popup: CustomPopupOptions | undefined): ViewKind {
  switch (authPageType) {
    case "1":
      return "standard-popup";
    case "2":
      return isOn(popup && popup.maskStyle && popup.maskStyle.ifShowMask) ? "custom-popup-mask" : "custom-popup";
    case "3":
      return "custom-page";
    default:
      return "standard-page";
  }
}

/** The element with the given id; the original always used `#ydrzCustomControls`, so try it too. */
export function findContainer(doc: Document | undefined, containerId: string | undefined): HTMLElement | undefined {
  if (!doc) return undefined;
  return (containerId && doc.getElementById(containerId)) || doc.getElementById(DEFAULT_CONTAINER_ID) || undefined;
}

export interface AuthorizeInput {
  session: Session;
  ctx: StepContext;
  answer: NumberAnswer & { authLevel: "1" | "4" };
  carrier: Carrier;
  pageOption?: PageOption;
  settings: ViewSettings;
  mountView: MountView;
  document: Document | undefined;
  report: Report;
}

/** Mounts the view; returns the layer hooks for a custom popup without mask. */
export function authorize(input: AuthorizeInput): Layer | undefined {
  const { session, ctx, answer, settings, report, pageOption } = input;
  const msgId = session.msgId;
  const popup = settings.popup || { containerId: undefined, options: undefined };
  const kind = viewKind(ctx.data.authPageType, popup.options);
  const container = kind === "custom-popup" ? findContainer(input.document, popup.containerId) : undefined;
  if (kind === "custom-popup" && !container) {
    session.fail(codeError(SDK_CODES.layerLoadFailed, msgId));
    return undefined;
  }
  const model: ViewModel = {
    kind,
    carrier: input.carrier,
    maskPhone: answer.maskPhone,
    authLevel: answer.authLevel,
    appName: (pageOption && pageOption.configBusinessName) || answer.appName,
    privacyLinks: answer.privacyLinks,
    pageOption,
    popupOptions: popup.options,
    pageOptions: settings.page,
    container,
    injectCss: settings.injectCss,
  };

  let inFlight = false;
  const guard = (what: string, fn: (view: MountedView) => void) => {
    const view = session.view;
    if (!view) return;
    try {
      fn(view);
    } catch (e) {
      report(`YDRZAuthLogin: view.${what} failed`, e);
    }
  };
  const fullPhone = (digits: string) =>
    answer.authLevel === "1" ? answer.maskPhone : completeMaskedPhone(answer.maskPhone, digits);

  /** Runs the token request; `onWrongDigits` decides who hears of a 104012. */
  const requestWith = (phone: string, onWrongDigits: (payload: CodeError) => void) =>
    tokenRequest(phone, onWrongDigits).catch((e) => {
      report("YDRZAuthLogin: the token step failed", e);
      session.fail(codeError(SDK_CODES.innerError, msgId));
    });
  const tokenRequest = async (phone: string, onWrongDigits: (payload: CodeError) => void) => {
    inFlight = true;
    guard("busy", (v) => v.busy(true));
    const outcome = await session.time("token", requestToken(ctx, { accessToken: answer.accessToken, fullPhone: phone }));
    inFlight = false;
    if (session.done) return;
    if (outcome.kind === "success") session.succeed({ ...outcome.payload, timing: session.timingSnapshot() });
    else if (outcome.kind === "error") session.fail(outcome.payload);
    else {
      // Only a view that stays needs its input back; a settled one is destroyed anyway.
      guard("busy", (v) => v.busy(false));
      guard("wrongDigits", (v) => v.wrongDigits());
      onWrongDigits(outcome.payload);
    }
  };

  const handlers = {
    submit(digits: string) {
      if (session.done || inFlight) return;
      const phone = fullPhone(typeof digits === "string" ? digits : "");
      if (phone === undefined) return guard("toast", (v) => v.toast(SDK_CODES.digitsIncomplete.message));
      void requestWith(phone, () => undefined);
    },
    cancel() {
      session.fail(codeError(SDK_CODES.cancelled, msgId));
    },
    ready() {
      if (!session.done) safeCall(settings.layerCallback, { code: OK, msgId, message: SUCCESS_MESSAGES.layerReady }, report, "layerCallback");
    },
  };

  try {
    session.view = input.mountView(model, handlers);
  } catch (e) {
    report("YDRZAuthLogin: mounting the view failed", e);
    session.fail(codeError(SDK_CODES.layerLoadFailed, msgId));
    return undefined;
  }
  if (kind !== "custom-popup") return undefined;

  session.notify({ code: OK, msgId, message: SUCCESS_MESSAGES.layerLoaded });
  return {
    submit(callbacks) {
      const refuse = (text: { code: string; message: string }) => safeCall(callbacks.error, codeError(text, msgId), report, "error");
      if (session.done) return refuse(SDK_CODES.layerNotInitialised);
      if (inFlight) return refuse(SDK_CODES.busy);
      let state;
      try {
        const view = session.view;
        state = view && view.state();
      } catch (e) {
        report("YDRZAuthLogin: view.state failed", e);
      }
      const phone = state && state.complete ? fullPhone(String(state.digits ?? "")) : undefined;
      if (phone === undefined) return refuse(SDK_CODES.digitsIncomplete);
      if (!(state && state.agreed)) return refuse(SDK_CODES.agreementUnticked);
      const release = session.routeFinalTo(callbacks);
      void requestWith(phone, (payload) => {
        // This authGetTokenByLayer call is over; the popup stays for another try.
        release();
        safeCall(callbacks.error, payload, report, "error");
      });
    },
  };
}
