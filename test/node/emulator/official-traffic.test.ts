// The traffic of China Mobile's official H5 SDK, replayed request by request over loopback
// (docs/protocol.md): production paths with their doubled slashes, the official headers and
// bodies, the authLevel-1 hash, the CT and CU JSONP flows. Every answer must be one that lets
// the official SDK finish.
import { describe, expect, it } from "vitest";
import { loadRegistryFile, parseRegistry, sampleRegistryPath } from "../../../src/emulator/index";
import {
  integratorData,
  OFFICIAL_PATHS,
  officialAuthGetToken,
  officialCallback,
  officialPageOption,
  officialPhonescrip,
  officialPreGet,
  runGatewayScript,
  TEXT_PLAIN,
  type IntegratorData,
} from "./official-client";
import { APP_ID, APP_KEY, DEMO, http, md5, start, ts } from "./support";

const CONFIRM_APP = { appId: "300011000002", appKey: "a26ee4d6e6386a199d2e4e51bcc7503f" };

type Emulator = Awaited<ReturnType<typeof start>>;

function dataFor(emu: Emulator, sim: string, app = { appId: APP_ID, appKey: APP_KEY }) {
  return integratorData({ ...app, timestamp: ts(emu.state.now()), sim });
}

describe("paths as the production SDK writes them", () => {
  it("reaches every route with one, two or three leading slashes", async () => {
    const emu = await start();
    for (const prefix of ["/", "//", "///"]) {
      const d = dataFor(emu, "cm");
      const path = prefix + OFFICIAL_PATHS.preGetMobile.replace(/^\/+/, "");
      const r = await officialPreGet(emu, d, path);
      expect(r.status, path).toBe(200);
      expect(r.json.body.resultCode, path).toBe("103000");
    }
    const d = dataFor(emu, "cm");
    const options = await officialPageOption(emu, d);
    expect(options.status).toBe(200);
    expect(options.json.resultCode).toBe("103000");
  });

  it("still 404s a path that is not an endpoint, and never treats //h5 as a host", async () => {
    const emu = await start();
    const r = await http(emu.url + "//h5/nope");
    expect(r.status).toBe(404);
    expect(r.json.error.message).toContain("/h5/nope");
  });
});

describe("China Mobile subscriber, authLevel 4", () => {
  it("pre-fetch (text/plain) → getPageOption → authGetToken (//h5) → token", async () => {
    const emu = await start();
    const d = dataFor(emu, "cm");
    const pre = await officialPreGet(emu, d, OFFICIAL_PATHS.preGetMobile);
    expect(pre.status).toBe(200);
    const body = pre.json.body;
    expect(body).toMatchObject({ resultCode: "103000", maskPhone: "138****1234", authLevel: "4" });
    expect(body.authPageUrl).toBe(emu.url + "/h5/onekeylogin/authPage");
    // The official SDK uses it only as a string that parses to an object.
    expect(typeof body.customerPrivacyConfig).toBe("string");
    expect(JSON.parse(body.customerPrivacyConfig)).toEqual({
      "《演示应用用户协议》": `${DEMO}/agreement.html`,
    });
    const options = await officialPageOption(emu, d);
    expect(options.json.data.pageOption.pageTitle).toBe("本机号码登录");
    const token = await officialAuthGetToken(emu, d, {
      accessToken: body.accessToken,
      phone: md5("13800001234"),
    });
    expect(token.status).toBe(200);
    expect(token.json).toMatchObject({ resultCode: "103000" });
    expect(token.json.data.token).toMatch(/^STsid/);
  });
});

describe("authLevel 1: nothing typed", () => {
  async function confirmFetch(emu: Emulator): Promise<{ d: IntegratorData; accessToken: string }> {
    const d = dataFor(emu, "cm", CONFIRM_APP);
    const pre = await officialPreGet(emu, d, OFFICIAL_PATHS.preGetMobile);
    expect(pre.json.body).toMatchObject({ resultCode: "103000", authLevel: "1" });
    return { d, accessToken: pre.json.body.accessToken };
  }

  it.each([
    ["the mask with its * removed", "1381234"],
    ["the mask with undefined for its digits", "138undefined1234"],
    ["the mask as shown", "138****1234"],
    ["the full number", "13800001234"],
  ])("accepts MD5 of %s", async (_what, hashed) => {
    const emu = await start();
    const { d, accessToken } = await confirmFetch(emu);
    const r = await officialAuthGetToken(emu, d, { accessToken, phone: md5(hashed) });
    expect(r.json.resultCode).toBe("103000");
    expect(r.json.data.token).toMatch(/^STsid/);
  });

  it("answers 104012 for another hash but never counts it toward the lock", async () => {
    const emu = await start();
    const { d, accessToken } = await confirmFetch(emu);
    for (let i = 0; i < 4; i++) {
      const r = await officialAuthGetToken(emu, d, { accessToken, phone: md5("13899999999") });
      expect(r.json.resultCode).toBe("104012");
    }
    expect(emu.state.tokens.lockState("13800001234")).toEqual({
      consecutiveWrong: 0,
      locked: false,
    });
    const right = await officialAuthGetToken(emu, d, { accessToken, phone: md5("1381234") });
    expect(right.json.resultCode).toBe("103000");
  });
});

/** Step 2 as the page runs it: GET the step-1 `data` URL exactly, run it as a script. */
async function gatewayStep(url: string, globalName: string) {
  expect(url.startsWith("http://127.0.0.1:")).toBe(true);
  const r = await http(url);
  expect(r.status).toBe(200);
  expect(String(r.headers["content-type"])).toContain("javascript");
  return runGatewayScript(r.text, globalName);
}

/** What differs between the Telecom and the Unicom steps of the official SDK. */
const CARRIER_STEPS = {
  CT: {
    step1: OFFICIAL_PATHS.ctPhonescrip,
    callback: OFFICIAL_PATHS.ctCallback,
    globalName: "getTelecomPhone",
    withUserInformation: true,
  },
  CU: {
    step1: OFFICIAL_PATHS.cuPhonescrip,
    callback: OFFICIAL_PATHS.cuCallback,
    globalName: "getNewUnicomPhone",
    withUserInformation: false,
  },
} as const;

/** Steps 1–3 of a carrier that identifies the subscriber; returns the step-3 answer. */
async function identifiedBy(emu: Emulator, d: IntegratorData, carrier: "CT" | "CU") {
  const steps = CARRIER_STEPS[carrier];
  const s1 = await officialPhonescrip(emu, d, steps.step1);
  expect(s1.status).toBe(200);
  expect(s1.json.resultCode).toBe("103000");
  const s2 = await gatewayStep(s1.json.data, steps.globalName);
  expect(s2.result).toBe("0");
  const s3 = await officialCallback(emu, d, {
    path: steps.callback,
    data: s2.data,
    withUserInformation: steps.withUserInformation,
  });
  expect(s3.status).toBe(200);
  expect(s3.json.accessToken).not.toBe("");
  expect(typeof s3.json.customerPrivacyConfig).toBe("string");
  return s3.json;
}

async function expectToken(emu: Emulator, d: IntegratorData, accessToken: string, phone: string) {
  const token = await officialAuthGetToken(emu, d, { accessToken, phone: md5(phone) });
  expect(token.json.resultCode).toBe("103000");
  expect(token.json.data.token).toMatch(/^STsid/);
}

describe("Telecom subscriber", () => {
  it("CM refuses → CT step 1 → gateway result 0 → CTCallback → token", async () => {
    const emu = await start();
    const d = dataFor(emu, "ct");
    const pre = await officialPreGet(emu, d, OFFICIAL_PATHS.preGetMobile);
    expect(pre.json.body).toMatchObject({ resultCode: "105002", msisdnOwner: "CT" });
    const ct = await identifiedBy(emu, d, "CT");
    expect(ct).toMatchObject({ resultCode: "103000", maskPhone: "189****5678", oper: "CT" });
    await expectToken(emu, d, ct.accessToken, "18900005678");
  });
});

describe("Unicom subscriber", () => {
  it("CM refuses → Telecom's gateway refuses at step 2 → CU steps 1–3 → token", async () => {
    const emu = await start();
    const d = dataFor(emu, "cu");
    const pre = await officialPreGet(emu, d, OFFICIAL_PATHS.preGetMobile);
    expect(pre.json.body).toMatchObject({ resultCode: "105002", msisdnOwner: "CU" });

    // Telecom: step 1 succeeds (it cannot tell yet), its gateway refuses: the SDK moves to CU.
    const ct1 = await officialPhonescrip(emu, d, OFFICIAL_PATHS.ctPhonescrip);
    expect(ct1.json.resultCode).toBe("103000");
    const ct2 = await gatewayStep(ct1.json.data, "getTelecomPhone");
    expect(ct2.result).toBe("105003");
    expect(String(ct2.data)).toMatch(/^电信网关取号失败/);

    const cu = await identifiedBy(emu, d, "CU");
    expect(cu).toMatchObject({ resultCode: "103000", maskPhone: "186****4321", oper: "CU" });
    await expectToken(emu, d, cu.accessToken, "18600004321");
  });

  it("a refusing Unicom gateway answers code, msg and result (what the official SDK reads)", async () => {
    const emu = await start();
    const d = dataFor(emu, "ct");
    await officialPreGet(emu, d, OFFICIAL_PATHS.preGetMobile);
    const cu1 = await officialPhonescrip(emu, d, OFFICIAL_PATHS.cuPhonescrip);
    const cu2 = await gatewayStep(cu1.json.data, "getNewUnicomPhone");
    expect(cu2.result).toBe("105001");
    expect(cu2.code).toBe("105001");
    expect(String(cu2.msg)).toMatch(/^联通网关取号失败/);
    const record = emu.state.records.list({ traceId: d.traceId, endpoint: "cuGateway" });
    expect(record.map((r) => r.resultCode)).toEqual(["105001"]);
  });
});

describe("log reports", () => {
  it("records the getConnection report and the flow report, text/plain, answered 200", async () => {
    const emu = await start();
    const traceId = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    const header = { sign: md5("x"), msgid: traceId, version: "2.0", appid: APP_ID };
    const connection = {
      header: { ...header, systemtime: ts() },
      body: { log: { UA: "Mozilla/5.0 test", appId: APP_ID, msgid: traceId, netType: "unknown" } },
    };
    const flow = {
      header: { ...header, systemtime: ts(), operType: "onekeylogin" },
      body: {
        log: {
          operType: "onekeylogin",
          traceid: traceId,
          appScene: "0",
          appid: APP_ID,
          networkType: "unknown",
          clientType: "android",
          CM_resultCode: "105002",
          CT_resultCode: "103000",
          CU_resultCode: "",
          version: "2",
        },
      },
    };
    for (const report of [connection, flow]) {
      const r = await http(emu.url + OFFICIAL_PATHS.logReport, {
        method: "POST",
        headers: { "Content-Type": TEXT_PLAIN, Origin: DEMO },
        body: JSON.stringify(report),
      });
      expect(r.status).toBe(200);
      expect(r.headers["access-control-allow-origin"]).toBe(DEMO);
    }
    const listed = await http(`${emu.url}/__emulator/records?endpoint=logReport`);
    const records = listed.json.records as { appId: string; traceId: string; desc: string }[];
    expect(records.map((r) => [r.appId, r.traceId])).toEqual([
      [APP_ID, traceId],
      [APP_ID, traceId],
    ]);
    expect(records[0].desc).toBe("getConnection report: netType=unknown UA=Mozilla/5.0 test");
    expect(records[1].desc).toBe(
      "flow report: clientType=android CM_resultCode=105002 CT_resultCode=103000 CU_resultCode=",
    );
  });

  it("answers a body that is not JSON with 400 and keeps serving", async () => {
    const emu = await start();
    const r = await http(emu.url + OFFICIAL_PATHS.logReport, { method: "POST", body: "{" });
    expect(r.status).toBe(400);
    expect(r.json.resultCode).toBe("130010");
    expect((await http(emu.url + "/__emulator/health")).status).toBe(200);
  });
});

describe("the popup's images", () => {
  it.each([
    ["closeIcon.png", 32, 32],
    ["del.png", 48, 32],
    ["loading.png", 48, 48],
  ])("serves %s as a PNG of %ix%i", async (name, width, height) => {
    const emu = await start();
    const path = `/h5/js/jssdk_auth/image/${name}`;
    const response = await fetch(emu.url + path);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect(bytes.readUInt32BE(16)).toBe(width);
    expect(bytes.readUInt32BE(20)).toBe(height);
    expect((await http(emu.url + "/" + path, { method: "HEAD" })).status).toBe(200);
    expect((await http(emu.url + path, { method: "POST", body: "" })).status).toBe(405);
  });

  it("404s an image the popup does not use", async () => {
    const emu = await start();
    expect((await http(emu.url + "/h5/js/jssdk_auth/image/logo.png")).status).toBe(404);
  });
});

describe("the hosted page", () => {
  const query = (d: IntegratorData, accessToken: string) =>
    [
      `traceId=${d.traceId}`,
      `accessToken=${accessToken}`,
      "maskPhone=138****1234",
      "authLevel=4",
      "authName=%E6%BC%94%E7%A4%BA",
      "userInformation=abc%3D",
      `appId=${d.appId}`,
      "expandParams=undefined",
      "isTest=undefined",
      "oper=CM",
      `from=${DEMO}`,
      "authPageType=0",
      "v=20211103",
    ].join("&");

  it("is served at authPageUrl with any query, as HTML under a strict CSP", async () => {
    const emu = await start();
    const d = dataFor(emu, "cm");
    const pre = await officialPreGet(emu, d, OFFICIAL_PATHS.preGetMobile);
    const r = await http(`${pre.json.body.authPageUrl}?${query(d, pre.json.body.accessToken)}`);
    expect(r.status).toBe(200);
    expect(String(r.headers["content-type"])).toBe("text/html; charset=utf-8");
    expect(r.text).toContain('<html lang="zh-CN">');
    expect(r.text).toContain("本机号码一键登录");
    const csp = String(r.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+={0,2}'/);
    expect(csp).toContain("connect-src 'self'");
    expect(r.headers["referrer-policy"]).toBe("same-origin");
    expect(r.headers["x-frame-options"]).toBeUndefined();
  });

  it("its token call passes the Referer/Origin checks; a foreign page's does not", async () => {
    const emu = await start();
    const d = dataFor(emu, "cm");
    const pre = await officialPreGet(emu, d, OFFICIAL_PATHS.preGetMobile);
    const accessToken = pre.json.body.accessToken;
    const foreign = { Referer: "http://127.0.0.1:9/h5/onekeylogin/authPage", Origin: emu.url };
    const refused = await officialAuthGetToken(emu, d, { accessToken, phone: md5("x") }, foreign);
    expect(refused.json.resultCode).toBe("104005");
    for (const origin of [emu.url, "https://www.cmpassport.com"]) {
      const page = {
        Referer: `${origin}/h5/onekeylogin/authPage?${query(d, "x")}`,
        Origin: origin,
      };
      const r = await officialAuthGetToken(emu, d, { accessToken, phone: md5("0") }, page);
      // Past the Referer/Origin checks: the digits are judged (wrong on purpose here).
      expect(r.json.resultCode, origin).toBe("104012");
    }
  });
});

describe("the lock after three wrong entries", () => {
  async function lockNumber(emu: Emulator): Promise<void> {
    for (let i = 0; i < 3; i++) {
      const d = dataFor(emu, "cm");
      const pre = await officialPreGet(emu, d, OFFICIAL_PATHS.preGetMobile);
      const phone = md5("13899999999");
      const r = await officialAuthGetToken(emu, d, {
        accessToken: pre.json.body.accessToken,
        phone,
      });
      expect(r.json.resultCode).toBe("104012");
    }
  }

  async function tryRightDigits(emu: Emulator): Promise<string> {
    const d = dataFor(emu, "cm");
    const pre = await officialPreGet(emu, d, OFFICIAL_PATHS.preGetMobile);
    const phone = md5("13800001234");
    const r = await officialAuthGetToken(emu, d, { accessToken: pre.json.body.accessToken, phone });
    return r.json.resultCode;
  }

  const HOUR = 60 * 60_000;

  it("lasts 24 hours by default; the clock API moves past it", async () => {
    const emu = await start();
    await lockNumber(emu);
    expect(await tryRightDigits(emu)).toBe("104009");
    await http(emu.url + "/__emulator/clock", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ advanceMs: 23 * HOUR }),
    });
    expect(await tryRightDigits(emu)).toBe("104009");
    await http(emu.url + "/__emulator/clock", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ advanceMs: HOUR + 1 }),
    });
    expect(await tryRightDigits(emu)).toBe("103000");
  });

  it("takes its length from the registry's lockHours", async () => {
    const sample = loadRegistryFile(sampleRegistryPath());
    expect(sample.lockHours).toBe(24);
    const emu = await start({ registry: { ...sample, lockHours: 2 } });
    expect(emu.state.limits.lockMs).toBe(2 * HOUR);
    await lockNumber(emu);
    emu.state.advanceClock(2 * HOUR - 1000);
    expect(await tryRightDigits(emu)).toBe("104009");
    emu.state.advanceClock(1001);
    expect(await tryRightDigits(emu)).toBe("103000");
    for (const bad of [0, -1, "24", Number.NaN]) {
      expect(() => parseRegistry({ apps: [], lockHours: bad })).toThrow(/lockHours/);
    }
  });
});
