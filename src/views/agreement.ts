/**
 * The agreement line: a checkbox, then "我已阅读同意" (authLevel "1") or "请补充完整号码同意"
 * (authLevel "4"), the carrier's own agreement, the gateway's privacy links, the integrator's
 * `agreeArr`, "并授权", the business name and "使用此号码". Names are text; a link whose URL
 * fails the allow-list is shown as plain text.
 */

import type { Carrier } from "../protocol/hosts";
import type { ViewModel } from "./contract";
import type { AgreementLink } from "../sdk/types";
import { h, icon, img } from "./dom";
import { obj, textOption } from "./options";
import { safeUrl, setStyles } from "./sanitize";

/** Each name starts with "《" and the carrier's own name ("中国移动"…): the page's tip line reads it there. */
export const CARRIER_AGREEMENTS: Readonly<Record<Carrier, AgreementLink>> = {
  CM: { name: "《中国移动认证服务协议》", url: "https://wap.cmpassport.com/resources/html/contract.html" },
  CT: { name: "《中国电信天翼账号服务条款》", url: "https://e.189.cn/sdk/agreement/detail.do?hidetop=true" },
  CU: { name: "《中国联通认证服务协议》", url: "https://opencloud.wostore.cn/authz/resource/html/disclaimer.html?fromsdk=true" },
};

/** CSS by property name: validated values (undefined: not set). */
export type Styles = Record<string, string | undefined>;

/** What a view sets of its agreement line (the rest comes from the model). */
export interface AgreementOptions {
  id?: string;
  className?: string;
  /** The business name, when the view's options override `model.appName`. */
  appName?: string;
  agreeArr?: unknown;
  /** Each link's CSS. */
  link?: Styles;
  /** The check box's CSS (its colours: `--ydrz-check-off`, `--ydrz-check-on`). */
  box?: Styles;
  /** Images of the unticked and ticked box; they pass the image URL allow-list here. */
  uncheckUrl?: unknown;
  checkedUrl?: unknown;
}

let uid = 0;

/** At most this many links from each untrusted list. */
const MAX_LINKS = 10;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.slice(0, MAX_LINKS) : []);

/** The line, its checkbox `#checkboxId` first; `onChange` runs on each tick and untick. */
export function createAgreement(model: ViewModel, checkboxId: string, onChange: () => void, opts: AgreementOptions): HTMLElement {
  const textId = "ydrz-agree-text-" + ++uid;
  const checkbox = h("input", "ydrz-checkbox", { id: checkboxId, type: "checkbox", "aria-labelledby": textId });
  const box = h("span", "ydrz-check-box", { "aria-hidden": "true" }, [icon("check", "ydrz-check-icon")]);
  setStyles(box, opts.box);
  for (const [state, raw] of [["off", opts.uncheckUrl], ["on", opts.checkedUrl]]) {
    const url = safeUrl(raw as unknown, "image");
    if (url) {
      box.classList.add("ydrz-has-" + state + "-img");
      box.appendChild(img(url, "ydrz-check-img ydrz-check-img-" + state));
    }
  }

  const appName = h("span", "ydrz-app-name", 0, [opts.appName == null ? model.appName : opts.appName]);
  const text = h("span", "ydrz-agree-text", { id: textId });
  text.append(model.authLevel == "4" ? "请补充完整号码同意" : "我已阅读同意");
  for (const item of [CARRIER_AGREEMENTS[model.carrier] || CARRIER_AGREEMENTS.CM, ...list(model.privacyLinks), ...list(opts.agreeArr)]) {
    // Untrusted entries: only a name that is text and not blank makes one; its URL may fail.
    const link = obj(item);
    const name = textOption(link.name, "");
    if (!name.trim()) continue;
    const url = safeUrl(link.url, "link");
    const node = url
      ? h("a", "ydrz-agree-link", { href: url, target: "_blank", rel: "noopener noreferrer" }, [name])
      : h("span", "ydrz-agree-link ydrz-agree-link-plain", 0, [name]);
    setStyles(node, opts.link);
    text.appendChild(node);
  }
  text.append("并授权", appName, "使用此号码");

  const el = h("div", "ydrz-agreement" + (opts.className ? " " + opts.className : ""), { id: opts.id }, [
    h("label", "ydrz-check", { for: checkboxId }, [checkbox, box]),
    text,
  ]);
  checkbox.addEventListener("change", onChange);
  return el;
}
