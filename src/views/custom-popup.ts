/**
 * authPageType "2": the custom popup of seed 003 §3.5. Without a mask it is drawn inside the
 * integrator's container and never submits by itself (the integrator calls
 * `authGetTokenByLayer`, the flow reads `state()`; `ready` fires when digits and tick are
 * complete). With `maskStyle.ifShowMask` it floats over the page as a modal dialog and submits
 * as soon as the digits are complete and the agreement ticked (authLevel "1": its button).
 * Defaults are the original's (views.md "Option semantics").
 */

import type { MountedView, ViewHandlers, ViewModel } from "./contract";
import { createController } from "./controller";
import { createCustomControl } from "./custom-control";
import { h, iconButton, mask } from "./dom";
import { applyBox, option, readBox } from "./layout";
import { colour, flag, obj, opacity, signed, textOption } from "./options";
import { setStyle } from "./sanitize";

export function mountCustomPopup(model: ViewModel, handlers: ViewHandlers): MountedView {
  const o = obj(model.popupOptions);
  const container = model.container && model.container.isConnected ? model.container : undefined;
  const withMask = model.kind == "custom-popup-mask" || !container;
  const entry = model.authLevel == "4";
  const ctl = createController(model, handlers, withMask ? (entry ? "auto" : "button") : "ready");

  // Layer: `height` is a minimum so that a longer agreement at 320px never spills out.
  const layerBox = readBox(o.layerStyle, "layerStyle", { width: "80%", height: 240, bgColor: "#fff", borderRadius: 8 }, ["high", "left"]);
  const layer = h("div", "ydrz-layer-two", { id: "YDRZ_Modal_two" });
  setStyle(layer, "width", layerBox.width);
  setStyle(layer, "min-height", layerBox.height);
  setStyle(layer, "background-color", layerBox.bgColor);
  setStyle(layer, "border-radius", layerBox.borderRadius);

  // Close button: the configured box is the icon; a 44px hit area is centred on it by CSS.
  const closeRaw = obj(o.closeBtnStyle);
  const cancelButtons: HTMLElement[] = [];
  if (flag(closeRaw.ifShowBtn, true)) {
    const close = iconButton("YDRZ_Closebtn_two", "ydrz-close-btn ydrz-close-btn-two", "关闭", "close", closeRaw.btnImage, "ydrz-close-img");
    // top/right may be negative (the icon hangs over the edge); width/height may not.
    ["top", "right", "width", "height"].forEach((k, i) =>
      setStyle(close, k, i < 2 ? option(closeRaw, "closeBtnStyle", k, 12, signed) : option(closeRaw, "closeBtnStyle", k, 16)),
    );
    cancelButtons.push(close);
    layer.append(close);
  }

  // The phone sits 86px from the top through the layer's top padding (styles/ydrz.css).
  const digits = ctl.digits("ydrz-auth-phone-two", "customInput", "YDRZ_InputPhone_two");
  applyBox(digits.el, readBox(o.phoneStyle, "phoneStyle", { fontSize: 22 }));
  layer.append(digits.el, ctl.tip);

  if (!entry) {
    const raw = obj(o.submitBtnStyle);
    const submit = ctl.submit(textOption(raw.name, "确认授权登录"), "_two", " ydrz-submit-btn-two");
    applyBox(submit, readBox(raw, "submitBtnStyle", { bgColor: "#1B82EB", fontColor: "#fff", width: "80%", height: 40, borderRadius: 20, fontSize: 16 }));
    layer.append(submit);
  }

  const agreeRaw = obj(o.agreeStyle);
  const agreeBox = readBox(agreeRaw, "agreeStyle", {}, ["width", "height", "bgColor"]);
  const agreement = ctl.agreement({ id: "YDRZ_Agreement", agreeArr: agreeRaw.agreeArr, link: { color: colour(agreeRaw.hrefColor, "agreeStyle.hrefColor") } }, "_two");
  applyBox(agreement, agreeBox);
  if (agreeBox.textAlign) agreement.classList.add("ydrz-align-" + agreeBox.textAlign);
  layer.append(agreement);

  const control = createCustomControl(o.customControlStyle, ctl.listeners);
  if (control) layer.append(control);

  const root = h("div", "ydrz-root ydrz-layer-mark-two-wrap" + (withMask ? " ydrz-extra-css" : ""), { id: "YDRZLayerTwo" });
  if (withMask) {
    const maskRaw = obj(o.maskStyle);
    const back = mask();
    setStyle(back, "background-color", option(maskRaw, "maskStyle", "bgColor", "#000", colour));
    setStyle(back, "opacity", option(maskRaw, "maskStyle", "opacity", 0.6, opacity));
    root.append(back);
  }
  root.append(layer);

  return ctl.mount(root, layer, cancelButtons, undefined, withMask ? undefined : container);
}
