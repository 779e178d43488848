/**
 * `mountView`: the one entry the flow uses (contract.ts). Picks the view for `model.kind`,
 * injects the CSS once, and makes sure that nothing in the options or the gateway data can make
 * it throw: a view that fails to build is built again from defaults (the options are the only
 * untrusted input that shapes the DOM).
 */

import type { MountedView, MountView, ViewHandlers, ViewModel } from "./contract";

/** For `prepare`: the stylesheet injected ahead of the first view (once per document). */
export { injectStyles } from "./styles";
import { mountCustomPopup } from "./custom-popup";
import { mountPage } from "./page";
import { mountStandardPopup } from "./standard-popup";
import { textOption } from "./options";
import { primeScrollLock } from "./scroll-lock";
import { injectStyles } from "./styles";

export type {
  MountView,
  MountedView,
  ViewHandlers,
  ViewModel,
  ViewState,
  ViewKind,
} from "./contract";

/** Builds the view of `model.kind`; both pages (standard and custom) are one module. */
function build(model: ViewModel, handlers: ViewHandlers): MountedView {
  if (model.kind === "standard-popup") return mountStandardPopup(model, handlers);
  if (model.kind === "custom-popup" || model.kind === "custom-popup-mask") {
    return mountCustomPopup(model, handlers);
  }
  return mountPage(model, handlers);
}

/** Removes whatever a failed build left behind. */
function clear(): void {
  for (const node of document.querySelectorAll("#YDRZLayer,#YDRZLayerTwo,#YDRZPage")) {
    node.remove();
  }
}

export const mountView: MountView = (model, handlers) => {
  // What the views read as given (a string, a carrier key); the rest they check where they use it.
  const m: ViewModel = {
    ...model,
    maskPhone: typeof model.maskPhone === "string" ? model.maskPhone : "",
    // The business name is display text: at most 200 characters, as every text option.
    appName: textOption(model.appName, ""),
    carrier: model.carrier === "CT" || model.carrier === "CU" ? model.carrier : "CM",
  };
  try {
    primeScrollLock(document);
    injectStyles(document, m.injectCss);
  } catch {
    /* painting without our CSS is still usable */
  }
  try {
    return build(m, handlers);
  } catch (error) {
    console.error("YDRZAuthLogin: view options rejected, using defaults", error);
    // The fallback starts clean.
    clear();
    // Same view, built-in defaults: the flow's expectations (e.g. no auto-submit without a mask)
    // depend on the kind, so the kind stays.
    return build(
      { ...m, pageOption: undefined, popupOptions: undefined, pageOptions: undefined },
      handlers,
    );
  }
};

/**
 * `prepare`'s pre-draw: the view the next getTokenInfo will show, drawn once and removed in the
 * same task (nothing paints in between), so that compiling the view code, parsing the stylesheet
 * and the first layout of its Chinese text (font fallback, shaping) are done before the tap.
 * The flow passes gateway data only: the integrator's options are read by the real view alone
 * (no warning twice, no getter run twice).
 */
export function rehearseView(model: ViewModel): void {
  try {
    const view = mountView({ ...model, rehearsal: true }, { submit() {}, cancel() {} });
    // The first layout is the largest of those costs.
    document.body.getBoundingClientRect();
    view.destroy();
  } catch {
    clear();
  }
}
