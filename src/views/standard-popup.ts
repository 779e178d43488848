/**
 * authPageType "1": the standard popup, centred over a mask. Its few options come from the
 * gateway's `getPageOption` (untrusted; any of them may be missing or malformed).
 */

import type { MountedView, ViewHandlers, ViewModel } from "./contract";
import { createController, createErrorTip } from "./controller";
import { createDefinedButtons } from "./custom-control";
import { h, icon } from "./dom";
import { colour, obj, textOption } from "./options";
import { safeUrl, setStyle } from "./sanitize";

export const STANDARD_TEXTS = {
  title: "本机号码登录",
  submit: "本机号码登录",
} as const;

export const DEFAULT_BUTTON_COLOUR = "#1B82EB";

let uid = 0;

export function mountStandardPopup(model: ViewModel, handlers: ViewHandlers): MountedView {
  const option = obj(model.pageOption);
  const entry = model.authLevel === "4";
  const ctl = createController(model, handlers, "button");
  const L = ctl.listeners;
  const titleId = `ydrz-title-${++uid}`;

  const close = h("button", {
    id: "YDRZ_Closebtn",
    className: "ydrz-close-btn",
    attrs: { "aria-label": "关闭" },
  }, [icon("close")]);

  const title = h("h2", { id: titleId, className: "ydrz-title", text: textOption(option.pageTitle, STANDARD_TEXTS.title) });

  const errorTip = createErrorTip();
  const digits = ctl.digits(entry ? "ydrz-auth-phone" : "ydrz-maskphone", "inputVal");

  const submit = h("button", {
    id: "YDRZ_Submitbtn",
    className: "ydrz-submit-btn",
    text: textOption(option.agreeButtonText, STANDARD_TEXTS.submit),
      });
  setStyle(submit, "background-color", colour(option.agreeButtonColour, "pageOption.agreeButtonColour"));

  const checkedPic = safeUrl(option.agreeCheckPic, "image");
  const agreement = ctl.agreement({
    appName: textOption(option.configBusinessName, textOption(model.appName, "")),
    linkColor: colour(option.agreeTextColour, "pageOption.agreeTextColour"),
    look: checkedPic ? { checkedUrl: checkedPic } : undefined,
  });

  const modal = h("div", { id: "YDRZ_Modal", className: "ydrz-layer-wrap" }, [
    close,
    title,
    h("div", { className: "ydrz-phone-wrap" }, [digits.el]),
    errorTip,
    submit,
    agreement.el,
    createDefinedButtons(option.customControlsConf, L),
  ]);
  const root = h("div", { id: "YDRZLayer", className: "ydrz-root ydrz-layer-mark-wrap" }, [
    h("div", { className: "ydrz-layer-mark", attrs: { "aria-hidden": "true" } }),
    modal,
  ]);

  return ctl.mount({
    root,
    dialog: modal,
    titleId,
    label: STANDARD_TEXTS.title,
    modal: true,
    parent: document.body,
    overlayHost: root,
    padTarget: root,
    digits,
    agreement,
    submit,
    cancelButtons: [close],
    errorTip,
  });
}
