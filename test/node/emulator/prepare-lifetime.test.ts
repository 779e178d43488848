// prepare's 5 minutes are the gateway's: the SDK (over loopback, on the emulator's clock) uses a
// prepared accessToken just before 5 minutes and the gateway still takes it; at 5 minutes the SDK
// fetches again, and the gateway refuses the old accessToken with 104007 (docs/emulator.md).
import { describe, expect, it, vi } from "vitest";
import { createAuthLogin } from "../../../src/sdk/api";
import type { RequestOptions, Transport } from "../../../src/sdk/transport";
import type { MountedView, ViewHandlers } from "../../../src/views/contract";
import type { RunningEmulator } from "../../../src/emulator/index";
import type { SuccessPayload } from "../../../src/sdk/types";
import { authGetToken, BROWSER, http, md5, newTrace, postJson, start, ts, until } from "./support";

// The sample registry's confirm-only app (authLevel 1: no digits to type).
const APP_ID = "300011000002";
const APP_KEY = "a26ee4d6e6386a199d2e4e51bcc7503f";
const FIVE_MINUTES = 5 * 60 * 1000;

/** The SDK's requests over loopback, with the Referer and Origin a demo page's browser sends. */
function loopback(answers: { path: string; body: unknown }[]): Transport {
  return async (url: string, options: RequestOptions) => {
    const text = typeof options.body === "string";
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = { ...BROWSER, ...options.headers };
    if (!text && body !== undefined) headers["Content-Type"] = "application/json";
    const reply = await http(url, {
      method: body === undefined ? "GET" : "POST",
      headers,
      body: text ? (options.body as string) : body,
    });
    answers.push({ path: new URL(url).pathname, body: reply.json });
    return reply.json;
  };
}

/** getTokenInfo data signed as the integrator's server signs it, at the emulator's time. */
function signed(emu: RunningEmulator) {
  const traceId = newTrace();
  const timestamp = ts(emu.state.now());
  const sign = md5(APP_ID + "8" + traceId + timestamp + traceId + "2.0" + APP_KEY);
  return { version: "2.0", appId: APP_ID, traceId, timestamp, sign, expandParams: "sim=cm" };
}

async function setupSdk() {
  const emu = await start();
  const answers: { path: string; body: any }[] = [];
  const views: ViewHandlers[] = [];
  const mountView = (_model: unknown, handlers: ViewHandlers): MountedView => {
    views.push(handlers);
    return { state: () => ({ digits: "", complete: true, agreed: true }), destroy() {} } as never;
  };
  const win = {
    navigator: { userAgent: "Mozilla/5.0 node", platform: "Linux x86_64" },
    screen: { availWidth: 390, colorDepth: 24 },
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  };
  const sdk = createAuthLogin({
    transport: loopback(answers),
    mountView: mountView,
    now: () => emu.state.now(),
    window: win as never,
    document: {} as never,
    report: vi.fn(),
  });
  sdk.config({ cmHost: emu.url, apiHost: emu.url, injectCss: false });
  const advance = (advanceMs: number) =>
    postJson(emu.url + "/__emulator/clock", { advanceMs }).then((r) => {
      expect(r.status).toBe(200);
    });
  const getTokenInfo = () =>
    new Promise<SuccessPayload>((resolve, reject) => {
      sdk.getTokenInfo({ data: signed(emu), success: resolve, error: reject });
    });
  const preFetches = () => answers.filter((a) => a.path === "/h5/httpsPreGetmobile");
  return { emu, sdk, answers, views, advance, getTokenInfo, preFetches };
}

describe("a prepared accessToken against the emulator's 5 minutes", () => {
  it("just before 5 minutes: getTokenInfo uses it and the gateway hands out the token", async () => {
    const t = await setupSdk();
    const prepared = await t.sdk.prepareAsync(signed(t.emu));
    expect(prepared).toMatchObject({ available: true, carrier: "CM", authLevel: "1" });
    await t.advance(FIVE_MINUTES - 2000);
    const token = t.getTokenInfo();
    await until(() => t.views.length === 1);
    expect(t.preFetches()).toHaveLength(1);
    t.views[0].submit("");
    expect(await token).toMatchObject({ code: "103000", token: expect.any(String) });
  });

  it("at 5 minutes: the gateway refuses it with 104007, and the SDK fetches again", async () => {
    const t = await setupSdk();
    expect(await t.sdk.prepareAsync(signed(t.emu))).toMatchObject({ available: true });
    const accessToken = t.preFetches()[0].body.body.accessToken as string;
    await t.advance(FIVE_MINUTES + 1000);
    const refused = await authGetToken(
      t.emu,
      newTrace(),
      { accessToken, phone: md5("1381234") },
      APP_ID,
    );
    expect(refused.json.resultCode).toBe("104007");
    // The SDK's own copy has expired too: a new pre-fetch, whose accessToken the gateway takes.
    const token = t.getTokenInfo();
    await until(() => t.views.length === 1);
    expect(t.preFetches()).toHaveLength(2);
    t.views[0].submit("");
    expect(await token).toMatchObject({ code: "103000" });
  });
});
