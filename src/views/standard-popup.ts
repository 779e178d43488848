/**
 * authPageType "1": the standard popup, centred over a mask. Its few options come from the
 * gateway's `getPageOption` (untrusted; any of them may be missing or malformed).
 */

import type { MountedView, ViewHandlers, ViewModel } from "./contract";
import { createController } from "./controller";
import { createDefinedButtons } from "./custom-control";
import { h, iconButton, mask, TITLE, uid } from "./dom";
import { colour, obj, textOption } from "./options";
import { setStyle } from "./sanitize";

export function mountStandardPopup(model: ViewModel, handlers: ViewHandlers): MountedView {
  const o = obj(model.pageOption);
  const ctl = createController(model, handlers, "button");
  const titleId = uid("ydrz-title-");
  const close = iconButton({
    id: "YDRZ_Closebtn",
    className: "ydrz-close-btn",
    label: "关闭",
    icon: "close",
  });
  const submit = ctl.submit({ text: textOption(o.agreeButtonText, TITLE) });
  setStyle(submit, "background-color", colour(o.agreeButtonColour, "pageOption.agreeButtonColour"));

  const phoneClass = model.authLevel === "4" ? "ydrz-auth-phone" : "ydrz-maskphone";
  const digits = ctl.digits(phoneClass, "inputVal");
  const modal = h("div", "ydrz-layer-wrap", { id: "YDRZ_Modal" }, [
    close,
    h("h2", "ydrz-title", { id: titleId }, [textOption(o.pageTitle, TITLE)]),
    h("div", "ydrz-phone-wrap", {}, [digits.el]),
    ctl.tip,
    submit,
    ctl.agreement({
      appName: textOption(o.configBusinessName, model.appName),
      link: { fontColor: colour(o.agreeTextColour, "pageOption.agreeTextColour") },
      checkedUrl: o.agreeCheckPic,
    }),
    createDefinedButtons(o.customControlsConf, ctl.listeners),
  ]);

  return ctl.mount({
    root: h("div", "ydrz-root ydrz-layer-mark-wrap", { id: "YDRZLayer" }, [mask(), modal]),
    dialog: modal,
    cancelButtons: [close],
    titleId,
  });
}
