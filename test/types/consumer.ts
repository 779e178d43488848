// A strict TypeScript consumer of the package (test/node/packaging/types.test.ts runs tsc on it):
// the README's examples compile, and the typos an integrator makes do not.
import {
  YDRZAuthLogin,
  YDRZError,
  isCodeError,
  isFetchFailure,
  isTokenSuccess,
  type PrepareResult,
  type TokenRequestData,
} from "ydrz-jssdk";
import "ydrz-jssdk/style.css";

declare function sendToServer(token: string, userInformation: string): void;
declare function showSmsLogin(): void;

// What the integrator's server hands the page (see the README's backend example).
declare const signed: Pick<TokenRequestData, "appId" | "sign" | "traceId" | "timestamp">;

const data: TokenRequestData = { version: "2.0", ...signed, authPageType: "1" };

// README: the callback form.
YDRZAuthLogin.getTokenInfo({
  data,
  success: (res) => {
    if (isTokenSuccess(res)) sendToServer(res.token, res.userInformation);
  },
  error: (res) => {
    if (isFetchFailure(res)) console.log(res.YDData.code, res.CTData.code, res.CUData.code);
    else if (res.code === "501") showSmsLogin();
    else console.log(res.code, res.message);
  },
});

// README: the promise form.
export async function login(): Promise<void> {
  const controller = new AbortController();
  try {
    const res = await YDRZAuthLogin.getToken(data, { signal: controller.signal });
    if (isTokenSuccess(res)) sendToServer(res.token, res.userInformation);
  } catch (e) {
    if (e instanceof YDRZError && isCodeError(e.payload)) console.log(e.code, e.payload.message);
  }
}

// README: the custom popup and the custom page.
YDRZAuthLogin.CustomControlsInit("ydrzCustomControls", {
  layerStyle: { width: "80%", bgColor: "#FFFFFF" },
  maskStyle: { ifShowMask: "true", opacity: 0.5 },
  customControlStyle: { ifShow: true, name: "短信验证码登录", url: "/sms-login" },
});
YDRZAuthLogin.authPageInit({ bgColor: "#FFFFFF", titleStyle: { name: "登录" } });
YDRZAuthLogin.config({ cmHost: "http://127.0.0.1:7009", apiHost: "http://127.0.0.1:7009" });
YDRZAuthLogin.config({ injectCss: false });

// The taxonomy's fields on the module's failures (and on getToken's YDRZError).
YDRZAuthLogin.getTokenInfo({
  data,
  error: (res) => {
    if (res.sms) showSmsLogin();
    else if (res.kind === "network" && res.retryable) console.log(res.stage, res.carrier);
  },
});
export async function loginWithKinds(): Promise<void> {
  try {
    await YDRZAuthLogin.getToken(data);
  } catch (e) {
    if (e instanceof YDRZError && e.kind === "cancelled") showSmsLogin();
  }
}

// The typos are compile errors.
// @ts-expect-error authPageType, not authPagetype
const typo1: TokenRequestData = { version: "2.0", ...signed, authPagetype: "1" };
// @ts-expect-error expandParams, not expandParam
const typo2: TokenRequestData = { version: "2.0", ...signed, expandParam: "" };
// @ts-expect-error isTest, not istest
const typo3: TokenRequestData = { version: "2.0", ...signed, istest: "0" };
// @ts-expect-error a page type that does not exist
const typo4: TokenRequestData = { version: "2.0", ...signed, authPageType: "4" };
// @ts-expect-error a flag is a boolean or "true" / "false" / "ture"
YDRZAuthLogin.CustomControlsInit("c", { maskStyle: { ifShowMask: "yes" } });
// @ts-expect-error the payload is a union: the token needs the guard
YDRZAuthLogin.getTokenInfo({ data, success: (res) => sendToServer(res.token, "") });
// @ts-expect-error under exactOptionalPropertyTypes an absent option is left out, not undefined
YDRZAuthLogin.config({ timeout: undefined });
// @ts-expect-error a kind that does not exist
YDRZAuthLogin.getTokenInfo({ data, error: (res) => res.kind === "canceled" });
// @ts-expect-error getToken is the npm module's only: the <script> build has no promise form
globalThis.YDRZAuthLogin.getToken(data);

export { typo1, typo2, typo3, typo4 };

// README: prepare ahead of the tap; `available` narrows the result.
declare function showOneTapButton(maskPhone: string | undefined): void;
void YDRZAuthLogin.prepareAsync(data).then((prepared: PrepareResult) => {
  if (prepared.available) showOneTapButton(prepared.maskPhone);
  else if (prepared.sms) showSmsLogin();
  else console.log(prepared.kind, prepared.retryable, prepared.code);
});
YDRZAuthLogin.prepare(data, {
  success: (res) => console.log(res.carrier, res.authLevel, res.expiresAt),
  error: (res) => console.log(res.kind, res.YDData?.code),
});
