/**
 * authPageType "2": the custom popup. Without a mask it is drawn inside the
 * integrator's container and never submits by itself (the integrator calls
 * `authGetTokenByLayer`, the flow reads `state()`; `ready` fires when digits and tick are
 * complete). With `maskStyle.ifShowMask` it floats over the page as a modal dialog and submits
 * as soon as the digits are complete and the agreement ticked (authLevel "1": its button).
 * Defaults are the original's (views.md "Option semantics").
 */

import type { MountedView, ViewHandlers, ViewModel } from "./contract";
import { createController, type SubmitMode } from "./controller";
import { createCustomControl } from "./custom-control";
import { classNames, h, iconButton, mask } from "./dom";
import { applyBox, applyGroup, readBox } from "./layout";
import { colour, flag, obj, textOption } from "./options";
import { setStyle } from "./sanitize";

/**
 * Without a mask the integrator asks for the token (`ready`); with one, typing the digits is the
 * request (`auto`), and a number that is only shown needs its button.
 */
function submitMode(withMask: boolean, entry: boolean): SubmitMode {
  if (!withMask) return "ready";
  return entry ? "auto" : "button";
}

export function mountCustomPopup(model: ViewModel, handlers: ViewHandlers): MountedView {
  const o = obj(model.popupOptions);
  const container = model.container && model.container.isConnected ? model.container : undefined;
  const withMask = model.kind === "custom-popup-mask" || !container;
  const entry = model.authLevel === "4";
  const ctl = createController(model, handlers, submitMode(withMask, entry));

  // Layer: `height` is a minimum so that a longer agreement at 320px never spills out.
  const layer = h("div", "ydrz-layer-two", { id: "YDRZ_Modal_two" });
  const { height, ...look } = readBox(o.layerStyle, "layerStyle", {
    width: "80%",
    height: 240,
    bgColor: "#fff",
    borderRadius: 8,
  });
  setStyle(layer, "min-height", height);
  applyBox(layer, look, true);

  // Close button: the configured box is the icon (top/right may be negative: it hangs over the
  // edge); a 44px hit area is centred on it by CSS.
  const closeRaw = obj(o.closeBtnStyle);
  const cancelButtons: HTMLElement[] = [];
  if (flag(closeRaw.ifShowBtn, true)) {
    const close = iconButton({
      id: "YDRZ_Closebtn_two",
      className: "ydrz-close-btn ydrz-close-btn-two",
      label: "关闭",
      icon: "close",
      imageUrl: closeRaw.btnImage,
      imageClass: "ydrz-close-img",
    });
    applyGroup(close, {
      raw: closeRaw,
      field: "closeBtnStyle",
      defaults: { top: 12, right: 12, width: 16, height: 16 },
      lookOnly: true,
    });
    layer.append(close);
    cancelButtons.push(close);
  }

  // The phone sits 86px from the top through the layer's top padding (styles/ydrz.css).
  const digits = ctl.digits("ydrz-auth-phone-two", "customInput", "YDRZ_InputPhone_two");
  applyGroup(digits.el, { raw: o.phoneStyle, field: "phoneStyle", defaults: { fontSize: 22 } });
  layer.append(digits.el, ctl.tip);

  if (!entry) {
    const raw = obj(o.submitBtnStyle);
    const submit = ctl.submit({
      text: textOption(raw.name, "确认授权登录"),
      idSuffix: "_two",
      className: "ydrz-submit-btn-two",
    });
    applyGroup(submit, {
      raw,
      field: "submitBtnStyle",
      defaults: {
        bgColor: "#1B82EB",
        fontColor: "#fff",
        width: "80%",
        height: 40,
        borderRadius: 20,
        fontSize: 16,
      },
    });
    layer.append(submit);
  }

  const agreeRaw = obj(o.agreeStyle);
  const agreement = ctl.agreement(
    {
      id: "YDRZ_Agreement",
      agreeArr: agreeRaw.agreeArr,
      link: { fontColor: colour(agreeRaw.hrefColor, "agreeStyle.hrefColor") },
    },
    "_two",
  );
  const align = applyGroup(agreement, { raw: agreeRaw, field: "agreeStyle" }).textAlign;
  if (align) agreement.classList.add("ydrz-align-" + align);
  layer.append(agreement);

  const control = createCustomControl(o.customControlStyle, ctl.listeners);
  if (control) layer.append(control);

  const rootClass = classNames(
    "ydrz-root ydrz-layer-mark-two-wrap",
    withMask ? "ydrz-extra-css" : undefined,
  );
  const root = h("div", rootClass, { id: "YDRZLayerTwo" });
  if (withMask) {
    const backdrop = mask();
    root.appendChild(backdrop);
    applyGroup(backdrop, {
      raw: o.maskStyle,
      field: "maskStyle",
      defaults: { bgColor: "#000", opacity: 0.6 },
      lookOnly: true,
    });
  }
  root.append(layer);

  return ctl.mount({
    root,
    dialog: layer,
    cancelButtons,
    container: withMask ? undefined : container,
  });
}
