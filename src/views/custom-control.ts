/**
 * The custom control (`customControlStyle`) and the gateway's custom buttons
 * (`customControlsConf`): link-buttons to the integrator's fallback, e.g. SMS login.
 * An `onClick` callback runs first; it may call `preventDefault()` to stay in a SPA.
 */

import type { CustomControlStyle } from "../sdk/types";
import { h, Listeners, safeCall } from "./dom";
import { applyBox, applyLook, readBox, type Box } from "./layout";
import { flag, obj, textOption } from "./options";
import { safeUrl } from "./sanitize";

export function createLinkButton(
  name: string,
  url: unknown,
  onClick: unknown,
  listeners: Listeners,
  className = "ydrz-custom-control",
): HTMLElement {
  const href = safeUrl(url, "link");
  const el = href
    ? h("a", { className, text: name, attrs: { href } })
    : h("button", { className, text: name });
  if (typeof onClick === "function") {
    listeners.on<MouseEvent>(el, "click", (event) => safeCall(() => (onClick as (e: MouseEvent) => void)(event)));
  }
  return el;
}

/** `customControlStyle` of §3.5.3/§3.6.2; undefined when `ifShow` is not set. */
export function createCustomControl(raw: unknown, field: string, defaults: Box, listeners: Listeners): HTMLElement | undefined {
  const o = obj(raw) as CustomControlStyle & Record<string, unknown>;
  if (!flag(o.ifShow, false)) return undefined;
  const el = createLinkButton(textOption(o.name, "其他登录方式"), o.url, o.onClick, listeners);
  applyBox(el, { ...defaults, ...readBox(o, field) });
  return el;
}

/** `customControlsConf` of the standard popup: a JSON string (or, defensively, an array/object). */
export function parseCustomControlsConf(value: unknown): Record<string, unknown>[] {
  let parsed: unknown = value;
  if (typeof value === "string") {
    if (value.trim() === "") return [];
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === "object" ? [parsed] : [];
  return list
    .slice(0, 3)
    .map((item) => obj(item))
    .filter((o) => Object.keys(o).length > 0 && flag(o.ifShow, true));
}

export function createDefinedButtons(value: unknown, listeners: Listeners): HTMLElement | undefined {
  const items = parseCustomControlsConf(value);
  if (items.length === 0) return undefined;
  const wrap = h("div", { className: "ydrz-defined" });
  items.forEach((item, i) => {
    const name = textOption(item.name || item.text, "");
    if (name === "") return;
    const el = createLinkButton(name, item.url || item.href, undefined, listeners, "ydrz-defined-btn");
    applyLook(el, readBox(item, `customControlsConf[${i}]`));
    wrap.appendChild(el);
  });
  return wrap.childNodes.length ? wrap : undefined;
}
