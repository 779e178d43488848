/**
 * Entry of `dist/ydrz-jssdk.umd.js`, the drop-in for China Mobile's `jssdk-1.0.0.min.js`: the
 * UMD wrapper makes the default export the one global `YDRZAuthLogin`.
 *
 * `<script src="ydrz-jssdk.umd.js" data-cm-host="…" data-api-host="…" data-timeout="…">` points
 * it at another gateway (the emulator) without code; `YDRZAuthLogin.config()` does the same.
 */
import { createScriptLogin } from "./sdk/api";

// The original's methods and config(); the promise form `getToken` is the npm module's.
const YDRZAuthLogin = createScriptLogin();

const script =
  typeof document !== "undefined" ? (document.currentScript as HTMLScriptElement | null) : null;
const data = script && script.dataset;
// config() ignores what is absent or invalid (a non-URL host, any other data-* attribute: their
// values are strings, and injectCss takes a boolean); it reports an invalid timeout, so an absent
// one is not passed on.
if (data) {
  const timeout = data.timeout ? Number(data.timeout) : undefined;
  YDRZAuthLogin.config({ ...data, timeout });
}

export default YDRZAuthLogin;
