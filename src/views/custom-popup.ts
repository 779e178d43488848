/**
 * authPageType "2": the custom popup of seed 003 §3.5. Without a mask it is drawn inside the
 * integrator's container and never submits by itself (the integrator calls
 * `authGetTokenByLayer`, the flow reads `state()`; `ready` fires when digits and tick are
 * complete). With `maskStyle.ifShowMask` it floats over the page as a modal dialog and submits
 * as soon as the digits are complete and the agreement ticked (authLevel "1": its button).
 */

import type { CustomPopupOptions } from "../sdk/types";
import type { MountedView, ViewHandlers, ViewModel } from "./contract";
import { createController, createErrorTip } from "./controller";
import { createCustomControl } from "./custom-control";
import { h, icon, imageOrIcon } from "./dom";
import { applyBox, readBox, type Box } from "./layout";
import { colour, flag, length, obj, opacity, textOption } from "./options";
import { safeUrl, setStyle } from "./sanitize";

/** Defaults of the original (views.md "Option semantics"). */
export const POPUP_DEFAULTS = {
  layer: { width: "80%", height: "240px", background: "#FFFFFF", borderRadius: "8px" } as Box,
  mask: { background: "#000000", opacity: "0.6" },
  /** The phone sits 86px from the top through the layer's top padding (styles/ydrz.css). */
  phone: { fontSize: "22px" },
  close: { top: "12px", right: "12px", width: "16px", height: "16px" },
  submit: { background: "#1B82EB", color: "#FFFFFF", width: "80%", height: "40px", borderRadius: "20px", fontSize: "16px" } as Box,
  submitText: "确认授权登录",
  customControl: { fontSize: "14px", color: "#1B82EB" } as Box,
} as const;

export function mountCustomPopup(model: ViewModel, handlers: ViewHandlers): MountedView {
  const options = obj(model.popupOptions) as CustomPopupOptions & Record<string, unknown>;
  const container = model.container && model.container.isConnected ? model.container : undefined;
  const withMask = model.kind === "custom-popup-mask" || !container;
  const entry = model.authLevel === "4";
  const ctl = createController(model, handlers, withMask ? (entry ? "auto" : "button") : "ready");
  const L = ctl.listeners;

  // Layer: `height` is a minimum so that a longer agreement at 320px never spills out.
  const layerRaw = obj(options.layerStyle);
  const layerBox = { ...POPUP_DEFAULTS.layer, ...readBox({ ...layerRaw, high: undefined, left: undefined }, "layerStyle") };
  const layer = h("div", { id: "YDRZ_Modal_two", className: "ydrz-layer-two" });
  setStyle(layer, "width", layerBox.width);
  setStyle(layer, "min-height", layerBox.height);
  setStyle(layer, "background-color", layerBox.background);
  setStyle(layer, "border-radius", layerBox.borderRadius);

  // Close button: the configured box is the icon; a 44px hit area is centred on it by CSS.
  const closeRaw = obj(options.closeBtnStyle);
  const cancelButtons: HTMLElement[] = [];
  if (flag(closeRaw.ifShowBtn, true)) {
    const close = h("button", {
      id: "YDRZ_Closebtn_two",
      className: "ydrz-close-btn ydrz-close-btn-two",
      attrs: { "aria-label": "关闭" },
    });
    const image = safeUrl(closeRaw.btnImage, "image");
    close.appendChild(imageOrIcon(image, "ydrz-close-img", "close"));
    // top/right may be negative (the icon hangs over the edge); width/height may not.
    (["top", "right", "width", "height"] as const).forEach((k, i) =>
      setStyle(close, k, length(closeRaw[k], "closeBtnStyle." + k, { negative: i < 2 }) || POPUP_DEFAULTS.close[k]),
    );
    cancelButtons.push(close);
    layer.appendChild(close);
  }

  const errorTip = createErrorTip();
  const digits = ctl.digits("ydrz-auth-phone-two", "customInput", "YDRZ_InputPhone_two");
  const phoneBox: Box = { fontSize: POPUP_DEFAULTS.phone.fontSize, ...readBox(options.phoneStyle, "phoneStyle") };
  applyBox(digits.el, phoneBox);
  layer.appendChild(digits.el);
  layer.appendChild(errorTip);

  let submit: HTMLElement | undefined;
  if (!entry) {
    const raw = obj(options.submitBtnStyle);
    submit = h("button", {
      id: "YDRZ_Submitbtn_two",
      className: "ydrz-submit-btn ydrz-submit-btn-two",
      text: textOption(raw.name, POPUP_DEFAULTS.submitText),
          });
    applyBox(submit, { ...POPUP_DEFAULTS.submit, ...readBox(raw, "submitBtnStyle") });
    layer.appendChild(submit);
  }

  const agreeRaw = obj(options.agreeStyle);
  const agreeBox = readBox({ ...agreeRaw, bgColor: undefined, width: undefined, height: undefined }, "agreeStyle");
  const agreement = ctl.agreement({
    id: "YDRZ_Agreement",
    agreeArr: agreeRaw.agreeArr,
    linkColor: colour(agreeRaw.hrefColor, "agreeStyle.hrefColor"),
  }, "_two");
  applyBox(agreement.el, agreeBox);
  if (agreeBox.textAlign) agreement.el.classList.add("ydrz-align-" + agreeBox.textAlign);
  layer.appendChild(agreement.el);

  const control = createCustomControl(options.customControlStyle, "customControlStyle", POPUP_DEFAULTS.customControl, L);
  if (control) layer.appendChild(control);

  const root = h("div", {
    id: "YDRZLayerTwo",
    className: "ydrz-root ydrz-layer-mark-two-wrap" + (withMask ? " ydrz-extra-css" : ""),
  });
  if (withMask) {
    const maskRaw = obj(options.maskStyle);
    const mask = h("div", { className: "ydrz-layer-mark", attrs: { "aria-hidden": "true" } });
    setStyle(mask, "background-color", colour(maskRaw.bgColor, "maskStyle.bgColor") || POPUP_DEFAULTS.mask.background);
    setStyle(mask, "opacity", opacity(maskRaw.opacity, "maskStyle.opacity") || POPUP_DEFAULTS.mask.opacity);
    root.appendChild(mask);
  }
  root.appendChild(layer);

  return ctl.mount({
    root,
    dialog: layer,
    label: "本机号码登录",
    modal: withMask,
    parent: withMask ? document.body : container!,
    overlayHost: withMask ? root : document.body,
    padTarget: withMask ? root : document.body,
    digits,
    agreement,
    submit,
    cancelButtons,
    errorTip,
  });
}
