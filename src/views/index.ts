/**
 * `mountView`: the one entry the flow uses (contract.ts). Picks the view for `model.kind`,
 * injects the CSS once, and makes sure that nothing in the options or the gateway data can make
 * it throw: a view that fails to build is built again from
 * defaults (the options are the only untrusted input that shapes the DOM).
 */

import type { MountedView, MountView, ViewHandlers, ViewModel } from "./contract";
import { mountCustomPopup } from "./custom-popup";
import { mountPage } from "./page";
import { mountStandardPopup } from "./standard-popup";
import { primeScrollLock } from "./scroll-lock";
import { injectStyles } from "./styles";

export type { MountView, MountedView, ViewHandlers, ViewModel, ViewState, ViewKind } from "./contract";

function build(model: ViewModel, handlers: ViewHandlers): MountedView {
  switch (model.kind) {
    case "standard-popup":
      return mountStandardPopup(model, handlers);
    case "custom-popup":
    case "custom-popup-mask":
      return mountCustomPopup(model, handlers);
    case "custom-page":
    default:
      return mountPage(model, handlers);
  }
}

function clean(model: ViewModel): ViewModel {
  return {
    ...model,
    maskPhone: typeof model.maskPhone === "string" ? model.maskPhone : "",
    authLevel: model.authLevel === "4" ? "4" : "1",
    appName: typeof model.appName === "string" ? model.appName : "",
    carrier: model.carrier === "CT" || model.carrier === "CU" ? model.carrier : "CM",
    privacyLinks: Array.isArray(model.privacyLinks) ? model.privacyLinks : [],
  };
}

/** Removes whatever a failed attempt left behind, so that the fallback starts clean. */
function removeLeftovers(): void {
  document.querySelectorAll("#YDRZLayer,#YDRZLayerTwo,#YDRZPage").forEach((n) => n.remove());
}

export const mountView: MountView = (model, handlers) => {
  const m = clean(model);
  try {
    primeScrollLock(document);
    injectStyles(document, m.injectCss !== false);
  } catch {
    /* painting without our CSS is still usable */
  }
  try {
    return build(m, handlers);
  } catch (error) {
    if (typeof console !== "undefined") console.error("[ydrz-jssdk] view options rejected, using defaults", error);
    removeLeftovers();
    // Same view, built-in defaults: the flow's expectations (e.g. no auto-submit without a mask)
    // depend on the kind, so the kind stays.
    const fallback: ViewModel = {
      ...m,
      pageOption: undefined,
      popupOptions: undefined,
      pageOptions: undefined,
    };
    return build(fallback, handlers);
  }
};
