/**
 * `userInformation` (docs/protocol.md): the browser fingerprint the gateway binds the token to.
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

export function userInformation(win: FingerprintWindow): string {
  // The original reads `top`, which throws a SecurityError inside a cross-origin iframe: use it
  // only when its navigator can actually be read.
  let w = win;
  try {
    const top = win.top as FingerprintWindow;
    if (typeof top.navigator.userAgent === "string" && top.screen) w = top;
  } catch {
    // no top, or a cross-origin one: our own window
  }
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
    // `String(navigator.plugins)` is "[object PluginArray]" wherever the property exists (WebIDL:
    // the getter returns a PluginArray, never null). The getter itself is not called: Chromium's
    // first read asks the browser process for the list (10–17 ms at 4× CPU, most of the work
    // before the first request), for a text that cannot differ.
    "plugins" in nav ? "[object PluginArray]" : undefined,
    scr.availWidth,
    // The original reads navigator.availHeight (undefined everywhere); kept for the same shape.
    nav.availHeight,
    scr.colorDepth,
    // The official SDK reads `Date.getTimezoneOffset`, a property the constructor does not have,
    // so its last field is always the text "undefined"; the gateway expects those bytes.
    undefined,
  ];
  const digest = md5Hex(fields.map(String).join("@@"));
  return encodeURIComponent(base64Utf8(platform + "@@" + ua.slice(0, 100) + "@@" + digest));
}
