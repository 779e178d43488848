/**
 * The custom control (`customControlStyle`) and the gateway's custom buttons
 * (`customControlsConf`): link-buttons to the integrator's fallback, e.g. SMS login.
 * An `onClick` callback runs first; it may call `preventDefault()` to stay in a SPA.
 */

import { h, safeCall, type Listeners } from "./dom";
import { applyGroup } from "./layout";
import { flag, obj, textOption } from "./options";
import { safeUrl } from "./sanitize";

/** One link-button (`linkButton`). */
interface LinkButtonOptions {
  className: string;
  /** Its text. */
  name: string;
  /** Where it leads (untrusted: it passes the link allow-list). */
  url: unknown;
  /** The integrator's click callback, if it is a function. */
  onClick?: unknown;
}

/** At most this many of the gateway's custom buttons are shown. */
const DEFINED_BUTTONS_MAX = 3;

/** A link when the URL passes the allow-list, else a plain button. */
function linkButton(options: LinkButtonOptions, listeners: Listeners): HTMLElement {
  const href = safeUrl(options.url);
  const el = h(href ? "a" : "button", options.className, { href }, [options.name]);
  if (typeof options.onClick === "function") {
    // An integrator's function: its result is of no interest, its error is logged.
    const onClick = options.onClick as (event: Event) => unknown;
    listeners.on(el, "click", (event) => {
      safeCall(() => {
        onClick(event);
      });
    });
  }
  return el;
}

/**
 * `customControlStyle` of the custom popup and the custom page (both views: 14px, #1B82EB);
 * undefined when `ifShow` is not set.
 */
export function createCustomControl(raw: unknown, listeners: Listeners): HTMLElement | undefined {
  const o = obj(raw);
  if (!flag(o.ifShow, false)) return undefined;
  const name = textOption(o.name, "其他登录方式");
  const el = linkButton(
    { className: "ydrz-custom-control", name, url: o.url, onClick: o.onClick },
    listeners,
  );
  applyGroup(el, {
    raw: o,
    field: "customControlStyle",
    defaults: { fontSize: 14, fontColor: "#1B82EB" },
  });
  return el;
}

/** `customControlsConf`: a JSON string or, defensively, an array or one object. */
function parseDefinedButtons(value: unknown): unknown[] | undefined {
  let list = value;
  if (typeof value === "string") {
    try {
      list = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return Array.isArray(list) ? (list as unknown[]) : [list];
}

/**
 * `customControlsConf` of the standard popup: at most 3 buttons; undefined when none is shown.
 */
export function createDefinedButtons(
  value: unknown,
  listeners: Listeners,
): HTMLElement | undefined {
  const list = parseDefinedButtons(value);
  if (!list) return undefined;
  const wrap = h("div", "ydrz-defined");
  list.slice(0, DEFINED_BUTTONS_MAX).forEach((raw, i) => {
    const item = obj(raw);
    const name = textOption(item.name || item.text, "");
    if (!name || !flag(item.ifShow, true)) return;
    const url = item.url || item.href;
    const button = linkButton({ className: "ydrz-defined-btn", name, url }, listeners);
    wrap.appendChild(button);
    applyGroup(button, { raw: item, field: `customControlsConf[${i}]`, lookOnly: true });
  });
  return wrap.firstChild ? wrap : undefined;
}
