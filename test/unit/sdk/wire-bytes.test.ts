// The exact bytes of every request our SDK sends, through the real transport (fetch + JSONP in
// jsdom), against what the official SDK (v20211103) is measured to send: headers, body text, the
// Content-Type the browser derives, `encrypted` case, `mobilesystem`, the fingerprint's last
// field, which timestamps are fresh, and the authLevel-1 hash.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("../../../src/views/index", () => ({
  mountView: () => {
    throw new Error("real views are not used here");
  },
}));

import { createDecipheriv, createHash } from "node:crypto";
import { PATHS, PRODUCTION_HOSTS } from "../../../src/protocol/hosts";
import { formatTimestamp } from "../../../src/protocol/timestamp";
import { createAuthLogin } from "../../../src/sdk/api";
import { userInformation, type FingerprintWindow } from "../../../src/sdk/fingerprint";
import { mobileSystem } from "../../../src/sdk/reqdata";
import {
  callbackOk,
  cmFail,
  cmOk,
  DATA,
  fakeViews,
  phonescripOk,
  recorder,
  tokenOk,
} from "./fakes";

const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

/** One request as fetch received it, and the Content-Type a browser sends for it. */
interface Sent {
  url: string;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  contentType: string | null;
}

let answers: Record<string, unknown>;
const sent: Sent[] = [];

function fakeFetch(url: string, init: RequestInit): Promise<Response> {
  // What goes on the wire: fetch's own rules add the Content-Type for a string body.
  // (jsdom's AbortSignal is not Node's: left out of this copy.)
  const request = new Request(url, { ...init, signal: undefined });
  sent.push({
    url,
    path: new URL(url).pathname,
    method: init.method || "GET",
    headers: init.headers as Record<string, string>,
    body: init.body as string | undefined,
    contentType: request.headers.get("content-type"),
  });
  const answer = answers[new URL(url).pathname];
  if (answer === undefined) return Promise.reject(new TypeError("Failed to fetch"));
  return Promise.resolve(new Response(JSON.stringify(answer)));
}

const globals = window as unknown as Record<string, unknown>;

/** The request clock: 2026-03-04 05:06:07.089 local time, far from DATA.timestamp. */
const NOW = new Date(2026, 2, 4, 5, 6, 7, 89).getTime();

beforeEach(() => {
  sent.length = 0;
  globals.fetch = fakeFetch;
});
afterEach(() => {
  delete globals.fetch;
  document.head.innerHTML = "";
  document.documentElement.querySelectorAll("script").forEach((s) => s.remove());
});

function sdkUnderTest() {
  const views = fakeViews();
  const sdk = createAuthLogin({
    mountView: views.mountView,
    report: vi.fn(),
    now: () => NOW,
    random: () => 0.7,
  });
  return { sdk, views };
}

/** Waits until the flow has made `n` fetches. */
async function fetches(n: number) {
  await vi.waitFor(() => expect(sent.length).toBeGreaterThanOrEqual(n));
}

/** Answers the pending JSONP step by calling the global the gateway script would call. */
async function answerJsonp(name: string, value: unknown) {
  await vi.waitFor(() => expect(typeof globals[name]).toBe("function"));
  (globals[name] as (v: unknown) => void)(value);
}

const fingerprint = () => userInformation(window);

/** The headers of CTCallback / CUCallback: the ids, and the integrator's signed timestamp. */
const callbackHeaders = (authPageType: string) => ({
  appId: "300011",
  interfaceVersion: "2.0",
  traceId: "trace-1",
  businessType: "8",
  timestamp: DATA.timestamp,
  authPageType,
});

/** The plaintext JSON inside `reqdata`, decrypted with node:crypto as the gateway would. */
function decryptReqdata(encrypted: string, reqdata: string): string {
  const key = Buffer.from(md5(encrypted).slice(8, 24).toUpperCase(), "utf8");
  const iv = Buffer.from("0".repeat(16), "utf8");
  const decipher = createDecipheriv("aes-128-cbc", key, iv);
  const plain = [decipher.update(Buffer.from(reqdata, "hex")), decipher.final()];
  return Buffer.concat(plain).toString("utf8");
}

describe("CT and CU requests, byte for byte", () => {
  const runToCallbacks = async () => {
    answers = {
      [PATHS.preGetMobile]: cmFail(),
      [PATHS.ctPhonescrip]: phonescripOk("CT"),
      [PATHS.ctCallback]: { resultCode: "105003", desc: "电信网关取号失败" },
    };
    const { sdk } = sdkUnderTest();
    const rec = recorder();
    sdk.getTokenInfo({ data: DATA, ...rec.callbacks });
    await fetches(2);
    await answerJsonp("getTelecomPhone", { result: "0", data: "ct-opaque" });
    await fetches(3);
    return { sdk, rec };
  };

  it("step 1 is JSON text with no Content-Type of ours: the browser sends text/plain", async () => {
    const { sdk } = await runToCallbacks();
    const step1 = sent[1];
    expect(step1.path).toBe(PATHS.ctPhonescrip);
    expect(step1.method).toBe("POST");
    expect(step1.headers).toEqual({ appId: "300011", interfaceVersion: "2.0", traceId: "trace-1" });
    expect(step1.contentType).toBe("text/plain;charset=UTF-8");
    const body = step1.body!;
    expect(body).toMatch(
      /^\{"encrypted":"[0-9A-F]{16}","reqdata":"[0-9a-f]+","businessType":"8"\}$/,
    );
    // random() = 0.7 → the 12th of 0-9A-F, upper case.
    const { encrypted, reqdata } = JSON.parse(body) as { encrypted: string; reqdata: string };
    expect(encrypted).toBe("BBBBBBBBBBBBBBBB");
    // The plaintext, key order included; its timestamp is the integrator's, not the clock's.
    // jsdom's agent says "(linux)" in lower case, which the official rule does not count.
    const sign = md5("300011" + "2.0" + "trace-1" + DATA.timestamp);
    expect(decryptReqdata(encrypted, reqdata)).toBe(
      `{"ver":"1.0","appId":"300011","interfaceVersion":"2.0","expandParams":"",` +
        `"msgId":"trace-1","timestamp":"${DATA.timestamp}","mobilesystem":"3","sign":"${sign}"}`,
    );
    sdk.endGetToken();
  });

  it("CTCallback is JSON text with userInformation, headers with the signed timestamp", async () => {
    const { sdk } = await runToCallbacks();
    const step3 = sent[2];
    expect(step3.path).toBe(PATHS.ctCallback);
    expect(step3.headers).toEqual(callbackHeaders("0"));
    expect(step3.contentType).toBe("text/plain;charset=UTF-8");
    expect(step3.body).toBe(
      `{"data":"ct-opaque","ver":"1.0","userInformation":"${fingerprint()}"}`,
    );
    sdk.endGetToken();
  });

  it("CUCallback is JSON text without userInformation", async () => {
    answers = {
      [PATHS.preGetMobile]: cmFail(),
      [PATHS.ctPhonescrip]: { resultCode: "105003", desc: "电信网关取号失败" },
      [PATHS.cuPhonescrip]: phonescripOk("CU"),
      [PATHS.cuCallback]: callbackOk({ authLevel: "5" }),
    };
    const { sdk } = sdkUnderTest();
    const rec = recorder();
    sdk.getTokenInfo({ data: { ...DATA, authPageType: "3" }, ...rec.callbacks });
    await fetches(3);
    expect(sent[2].path).toBe(PATHS.cuPhonescrip);
    expect(sent[2].contentType).toBe("text/plain;charset=UTF-8");
    expect(sent[2].headers).toEqual({
      appId: "300011",
      interfaceVersion: "2.0",
      traceId: "trace-1",
    });
    await answerJsonp("getNewUnicomPhone", { result: "0", data: { cu: ["opaque", 1] } });
    await fetches(4);
    const step3 = sent[3];
    expect(step3.path).toBe(PATHS.cuCallback);
    expect(step3.body).toBe(`{"data":{"cu":["opaque",1]},"ver":"1.0"}`);
    expect(step3.contentType).toBe("text/plain;charset=UTF-8");
    expect(step3.headers).toEqual(callbackHeaders("3"));
    const { kind } = await rec.first;
    expect(kind).toBe("success");
  });

  it("sends authPageType 0 where the integrator gives none, as the official SDK does", async () => {
    const data: Partial<typeof DATA> = { ...DATA };
    delete data.authPageType;
    answers = { [PATHS.preGetMobile]: cmFail() };
    const { sdk } = sdkUnderTest();
    sdk.getTokenInfo({ data: data as typeof DATA });
    await fetches(1);
    expect(JSON.parse(sent[0].body!).authPageType).toBe("0");
    sdk.endGetToken();
  });
});

describe("CM pre-fetch, getPageOption and authGetToken, byte for byte", () => {
  it("the pre-fetch is JSON text in the documented order, without headers", async () => {
    answers = { [PATHS.preGetMobile]: cmFail() };
    const { sdk } = sdkUnderTest();
    sdk.getTokenInfo({ data: { ...DATA, expandParams: "a=1|b=2" } });
    await fetches(1);
    const cm = sent[0];
    expect(cm.url).toBe(PRODUCTION_HOSTS.cm + PATHS.preGetMobile);
    expect(cm.headers).toEqual({});
    expect(cm.contentType).toBe("text/plain;charset=UTF-8");
    expect(cm.body).toBe(
      `{"version":"2.0","timestamp":"${DATA.timestamp}","appId":"300011","businessType":"8",` +
        `"traceId":"trace-1","msgId":"trace-1","sign":"${DATA.sign}","authPageType":"0",` +
        `"userInformation":"${fingerprint()}","expandParams":"a=1|b=2"}`,
    );
    sdk.endGetToken();
  });

  it("getPageOption and authGetToken carry a fresh timestamp; authGetToken is application/json", async () => {
    answers = {
      [PATHS.preGetMobile]: cmOk({ authLevel: "4" }),
      [PATHS.pageOption]: { resultCode: "103000", data: { pageOption: {} } },
      [PATHS.authGetToken]: tokenOk,
    };
    const { sdk, views } = sdkUnderTest();
    const rec = recorder();
    sdk.getTokenInfo({ data: { ...DATA, authPageType: "1" }, ...rec.callbacks });
    await vi.waitFor(() => expect(views.mounted).toHaveLength(1));
    const fresh = formatTimestamp(new Date(NOW));
    expect(fresh).not.toBe(DATA.timestamp);
    const pageOption = sent.find((s) => s.path === PATHS.pageOption)!;
    expect(pageOption.method).toBe("GET");
    expect(pageOption.body).toBeUndefined();
    expect(pageOption.headers).toEqual({
      appId: "300011",
      interfaceVersion: "1.0",
      traceId: "trace-1",
      timestamp: fresh,
      businessType: "8",
    });
    views.last().handlers.submit("0000");
    const { kind } = await rec.first;
    expect(kind).toBe("success");
    const token = sent.find((s) => s.path === PATHS.authGetToken)!;
    expect(token.headers).toEqual({
      "Content-Type": "application/json",
      appId: "300011",
      interfaceVersion: "2.0",
      traceId: "trace-1",
      timestamp: fresh,
      businessType: "8",
    });
    expect(token.contentType).toBe("application/json");
    expect(token.body).toBe(
      `{"accessToken":"AT-CM","phone":"${md5("13800001234")}",` +
        `"userInformation":"${fingerprint()}","expandParams":""}`,
    );
  });

  it("authLevel 1 sends MD5 of the masked number with its * removed", async () => {
    answers = { [PATHS.preGetMobile]: cmOk({ authLevel: "1" }), [PATHS.authGetToken]: tokenOk };
    const { sdk, views } = sdkUnderTest();
    const rec = recorder();
    sdk.getTokenInfo({ data: DATA, ...rec.callbacks });
    await vi.waitFor(() => expect(views.mounted).toHaveLength(1));
    views.last().handlers.submit("");
    await rec.first;
    const token = sent.find((s) => s.path === PATHS.authGetToken)!;
    expect(JSON.parse(token.body!).phone).toBe(md5("1381234"));
  });
});

describe("mobilesystem, by the official rule", () => {
  it.each([
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36", "0"],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 7)", "0"],
    ["Dalvik/2.1.0 (Android 14)", "0"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15", "1"],
    ["Mozilla/5.0 (iPod touch; CPU iPhone OS 12_0 like Mac OS X)", "1"],
    ["Mozilla/5.0 (iPhone; U; CPU iPhone OS 4_3 like Mac OS X; en-us)", "1"],
    // iPadOS in desktop mode calls itself a Mac.
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15", "3"],
    // The official test is case-sensitive.
    ["mozilla/5.0 (linux; android 14)", "3"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "3"],
    ["", "3"],
  ])("%s → %s", (ua, expected) => {
    expect(mobileSystem(ua)).toBe(expected);
  });
});

describe("the fingerprint's last field", () => {
  const win = (): FingerprintWindow => ({
    navigator: {
      platform: "Linux armv8l",
      userAgent: "Mozilla/5.0 (Linux; Android 14)",
      appVersion: "5.0 (Linux; Android 14)",
      cookieEnabled: true,
      hardwareConcurrency: 8,
      language: "zh-CN",
    } as unknown as Navigator,
    screen: { availWidth: 390, colorDepth: 24 } as Screen,
  });

  it('is the text "undefined" whatever the time zone', () => {
    const spy = vi.spyOn(Date.prototype, "getTimezoneOffset");
    try {
      spy.mockReturnValue(-480);
      const east = userInformation(win());
      spy.mockReturnValue(300);
      const west = userInformation(win());
      expect(east).toBe(west);
      const digest = Buffer.from(decodeURIComponent(east), "base64").toString().split("@@")[2];
      const fields = ["Linux armv8l", "Mozilla/5.0 (Linux; Android 14)"];
      fields.push("5.0 (Linux; Android 14)", "true", "undefined", "8", "zh-CN", "undefined");
      fields.push("390", "undefined", "24", "undefined");
      expect(digest).toBe(md5(fields.join("@@")));
    } finally {
      spy.mockRestore();
    }
  });
});
