/**
 * The authorization step of authLevel "1"/"4": choose and mount the view, then turn the user's
 * intent into the token request. The view only draws and collects; this module decides what a
 * submit, a cancel or an `authGetTokenByLayer` call leads to.
 */

import {
  AGREEMENT_UNTICKED,
  BUSY,
  CANCELLED,
  DIGITS_INCOMPLETE,
  LAYER_LOAD_FAILED,
  OK,
  LAYER_LOADED,
  LAYER_READY,
} from "../protocol/codes";
import type { Carrier } from "../protocol/hosts";
import { completeMaskedPhone } from "../protocol/masked-phone";
import type { PageOption } from "../protocol/wire";
import type { ViewKind, ViewModel, ViewState } from "../views/contract";
import { flag } from "../views/options";
import type { StepContext } from "./context";
import { codeError, type CodeText } from "./errors";
import type { NumberAnswer } from "./responses";
import { safeCall, type Layer } from "./session";
import { requestToken } from "./token";
import type { CodeError } from "./types";

/** The view `data.authPageType` asks for (views.md). */
export function viewKind(ctx: StepContext): ViewKind {
  const type = ctx.data.authPageType;
  if (type === "1") return "standard-popup";
  if (type === "3") return "custom-page";
  if (type !== "2") return "standard-page";
  const options = ctx.popup && ctx.popup.options;
  const mask = options && options.maskStyle && options.maskStyle.ifShowMask;
  // Read as every boolean option of the views is (true, "true", "ture", any case).
  return flag(mask, false) ? "custom-popup-mask" : "custom-popup";
}

/**
 * The container of the custom popup without mask: the element with the given id; the original
 * always used `#ydrzCustomControls`, so try it too.
 */
function layerContainer(doc: Document | undefined, containerId: string | undefined) {
  if (!doc) return undefined;
  const given = containerId ? doc.getElementById(containerId) : null;
  return given || doc.getElementById("ydrzCustomControls") || undefined;
}

/** What the number fetch found: the answer with an accessToken, whose it is, the page texts. */
export interface FoundNumber {
  answer: NumberAnswer & { authLevel: "1" | "4" };
  carrier: Carrier;
  /** getPageOption's texts (standard popup only). */
  pageOption: PageOption | undefined;
}

/**
 * What the view shows of the found number and the gateway's texts; the integrator's options and
 * the container are authorize's to add (prepare's rehearsal draws without them).
 */
export function numberModel(ctx: StepContext, found: FoundNumber): ViewModel {
  const { answer, pageOption } = found;
  return {
    kind: viewKind(ctx),
    carrier: found.carrier,
    maskPhone: answer.maskPhone,
    authLevel: answer.authLevel,
    appName: (pageOption && pageOption.configBusinessName) || answer.appName,
    privacyLinks: answer.privacyLinks,
    pageOption,
    injectCss: ctx.injectCss,
  };
}

/** Mounts the view; returns the `authGetTokenByLayer` step for a custom popup without mask. */
export function authorize(ctx: StepContext, found: FoundNumber): Layer | undefined {
  const { answer } = found;
  const { session, report, popup } = ctx;
  const { msgId } = session;
  const options = popup && popup.options;
  const model = numberModel(ctx, found);
  const layerKind = model.kind === "custom-popup";
  const failWith = (t: CodeText) => {
    session.fail(codeError(t, msgId));
  };
  let container: HTMLElement | undefined;
  if (layerKind) {
    container = layerContainer(ctx.doc(), popup && popup.containerId);
    if (!container) {
      failWith(LAYER_LOAD_FAILED);
      return undefined;
    }
  }

  let inFlight = false;
  // authLevel "1": nothing is typed, and the official SDK hashes the masked number with its `*`
  // run replaced by those no digits ("1381234" for 138****1234); the gateway expects that.
  const fullPhone = (digits: string) =>
    answer.authLevel === "1"
      ? answer.maskPhone.replace(/\*+/g, "")
      : completeMaskedPhone(answer.maskPhone, digits);

  /** Runs the token request; `onWrongDigits` decides who hears of a 104012. */
  const requestWith = (phone: string, onWrongDigits: (payload: CodeError) => void) => {
    inFlight = true;
    session.view("busy", true);
    requestToken(ctx, answer.accessToken, phone)
      .then((wrong) => {
        inFlight = false;
        if (wrong && !session.done) {
          // Only a view that stays needs its input back; a settled one is destroyed anyway.
          session.view("busy", false);
          session.view("wrongDigits");
          onWrongDigits(wrong);
        }
      })
      .catch((e: unknown) => ctx.crash(e));
  };

  try {
    session.show(
      ctx.mountView(
        { ...model, popupOptions: options, pageOptions: ctx.page, container },
        {
          submit(digits) {
            if (session.done || inFlight) return;
            const phone = fullPhone(digits);
            if (phone === undefined) session.view("toast", DIGITS_INCOMPLETE.message);
            else requestWith(phone, () => undefined);
          },
          cancel: () => failWith(CANCELLED),
          ready() {
            if (session.done) return;
            const payload = { code: OK, msgId, message: LAYER_READY };
            safeCall(ctx, "layerCallback", payload, report);
          },
        },
      ),
    );
  } catch (e) {
    report("mountView", e);
    failWith(LAYER_LOAD_FAILED);
    return undefined;
  }
  if (!layerKind) return undefined;

  session.notify({ code: OK, msgId, message: LAYER_LOADED });
  return (callbacks) => {
    const refuse = (t: CodeText) => {
      safeCall(callbacks, "error", codeError(t, msgId), report);
    };
    // Only the running call's layer is reached (api.ts reads it from the active session, which
    // is cleared as it settles): no check for a settled session is needed here.
    if (inFlight) {
      refuse(BUSY);
      return;
    }
    const state = session.view("state") as ViewState | undefined;
    const phone = state && state.complete ? fullPhone(state.digits) : undefined;
    if (!state || phone === undefined) {
      refuse(DIGITS_INCOMPLETE);
      return;
    }
    if (!state.agreed) {
      refuse(AGREEMENT_UNTICKED);
      return;
    }
    const release = session.route(callbacks);
    requestWith(phone, (payload) => {
      // This authGetTokenByLayer call is over; the popup stays for another try.
      release();
      safeCall(callbacks, "error", payload, report);
    });
  };
}
