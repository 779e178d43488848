/**
 * The agreement line: a checkbox, then "我已阅读同意" (authLevel "1") or "请补充完整号码同意"
 * (authLevel "4"), the carrier's own agreement, the gateway's privacy links, the integrator's
 * `agreeArr`, "并授权", the business name and "使用此号码". Names are text; a link whose URL
 * fails the allow-list is shown as plain text.
 */

import type { Carrier } from "../protocol/hosts";
import type { ViewModel } from "./contract";
import type { AgreementLink } from "../sdk/types";
import { h, icon, img, uid } from "./dom";
import { applyBox, type Box } from "./layout";
import { obj, textOption } from "./options";
import { safeUrl } from "./sanitize";

/** Each name starts with "《" and the carrier's own name ("中国移动"…): the page's tip line reads it there. */
export const CARRIER_AGREEMENTS: Readonly<Record<Carrier, AgreementLink>> = {
  CM: {
    name: "《中国移动认证服务协议》",
    url: "https://wap.cmpassport.com/resources/html/contract.html",
  },
  CT: {
    name: "《中国电信天翼账号服务条款》",
    url: "https://e.189.cn/sdk/agreement/detail.do?hidetop=true",
  },
  CU: {
    name: "《中国联通认证服务协议》",
    url: "https://opencloud.wostore.cn/authz/resource/html/disclaimer.html?fromsdk=true",
  },
};

/** What a view sets of its agreement line (the rest comes from the model). */
export interface AgreementOptions {
  id?: string;
  className?: string;
  /** The business name, when the view's options override `model.appName`. */
  appName?: string;
  agreeArr?: unknown;
  /** Each link's look (an option box: fontColor, fontSize, fontFamily). */
  link?: Box;
  /** The check box's look (width, height, uncheckColor, checkedColor). */
  box?: Box;
  /** Images of the unticked and ticked box; they pass the image URL allow-list here. */
  uncheckUrl?: unknown;
  checkedUrl?: unknown;
}

/** The line, its checkbox `#checkboxId` first; `onChange` runs on each tick and untick. */
export function createAgreement(
  model: ViewModel,
  checkboxId: string,
  onChange: () => void,
  opts: AgreementOptions,
): HTMLElement {
  const textId = uid("ydrz-agree-text-");
  const checkbox = h("input", "ydrz-checkbox", {
    id: checkboxId,
    type: "checkbox",
    "aria-labelledby": textId,
  });
  const box = h("span", "ydrz-check-box", { "aria-hidden": "true" }, [
    icon("check", "ydrz-check-icon"),
  ]);
  applyBox(box, opts.box || {}, true);
  [opts.uncheckUrl, opts.checkedUrl].forEach((raw, on) => {
    const url = safeUrl(raw, "image");
    const state = on ? "on" : "off";
    if (url) {
      box.classList.add("ydrz-has-" + state + "-img");
      box.append(img(url, "ydrz-check-img ydrz-check-img-" + state));
    }
  });

  const text = h("span", "ydrz-agree-text", { id: textId }, [
    model.authLevel == "4" ? "请补充完整号码同意" : "我已阅读同意",
  ]);
  // Untrusted lists: at most 10 entries each; only a name that is text and not blank makes a
  // link, and its URL may fail (plain text then).
  for (const item of [
    CARRIER_AGREEMENTS[model.carrier],
    ...[model.privacyLinks, opts.agreeArr].flatMap((l) => (Array.isArray(l) ? l.slice(0, 10) : [])),
  ]) {
    const name = textOption(obj(item).name, "");
    const url = safeUrl(obj(item).url);
    if (name.trim()) {
      const link = url
        ? h("a", "ydrz-agree-link", { href: url, target: "_blank", rel: "noopener noreferrer" }, [
            name,
          ])
        : h("span", "ydrz-agree-link ydrz-agree-link-plain", 0, [name]);
      text.append(link);
      applyBox(link, opts.link || {}, true);
    }
  }
  text.append(
    "并授权",
    h("span", "ydrz-app-name", 0, [opts.appName == null ? model.appName : opts.appName]),
    "使用此号码",
  );

  checkbox.addEventListener("change", onChange);
  return h(
    "div",
    "ydrz-agreement" + (opts.className ? " " + opts.className : ""),
    { id: opts.id },
    [h("label", "ydrz-check", { for: checkboxId }, [checkbox, box]), text],
  );
}
