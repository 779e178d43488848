/**
 * `userInformation` (wire-protocol.md §5): the browser fingerprint the gateway binds the token to.
 * The integrator's server passes it back unchanged to tokenValidate, so a flow computes it once
 * and sends the same bytes everywhere.
 */

import { base64Utf8, md5Hex } from "./crypto";

/** The window fields the fingerprint reads (a real `Window` fits; tests pass plain objects). */
export interface FingerprintWindow {
  readonly navigator: Navigator;
  readonly screen: Screen;
  readonly top?: unknown;
}

/**
 * The original reads `top`, which throws a SecurityError inside a cross-origin iframe. Use `top`
 * only when its navigator can actually be read.
 */
function readableTop(win: FingerprintWindow): FingerprintWindow {
  try {
    const top = win.top as FingerprintWindow | null | undefined;
    if (top && top !== win && typeof top.navigator.userAgent === "string" && top.screen) return top;
  } catch {
    // cross-origin top: fall back to our own window
  }
  return win;
}

/**
 * `String(navigator.plugins)` without calling the getter: Chromium's first read fetches the plugin
 * list from the browser process (10–17 ms at 4× CPU, the bulk of the work before the first
 * request). The native getter returns a PluginArray (WebIDL: non-nullable), and the string form of
 * one depends on its prototype chain only, so an object with that chain gives the same text.
 * Fakes, patched getters and anything unusual are read as they are.
 */
function pluginsText(win: FingerprintWindow, nav: Navigator): string {
  try {
    const w = win as unknown as { Navigator: { prototype: object }; PluginArray: { prototype: object } };
    const proto = w.Navigator.prototype;
    if (
      Object.getPrototypeOf(nav) === proto &&
      !Object.prototype.hasOwnProperty.call(nav, "plugins") &&
      /plugins\(\) \{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(Object.getOwnPropertyDescriptor(proto, "plugins")!.get))
    )
      return String(Object.create(w.PluginArray.prototype));
  } catch {
    // no such interfaces here: read it the plain way
  }
  return String(nav.plugins);
}

export function userInformation(win: FingerprintWindow): string {
  const w = readableTop(win);
  const nav = w.navigator as Navigator & { cpuClass?: unknown; availHeight?: unknown };
  const scr = w.screen;
  const platform = String(nav.platform);
  const ua = String(nav.userAgent);
  const fields: unknown[] = [
    platform,
    ua,
    nav.appVersion,
    nav.cookieEnabled,
    nav.cpuClass,
    nav.hardwareConcurrency,
    nav.language,
    pluginsText(w, nav),
    scr.availWidth,
    // The original reads navigator.availHeight (undefined everywhere); kept for the same shape.
    nav.availHeight,
    scr.colorDepth,
    new Date().getTimezoneOffset(),
  ];
  const digest = md5Hex(fields.map((v) => String(v)).join("@@"));
  return encodeURIComponent(base64Utf8(platform + "@@" + ua.slice(0, 100) + "@@" + digest));
}
