// tokenValidate: the RSA sign (verified with the registered public key), userInformation byte for
// byte, expiry and single use, each code; the server helper client against the emulator.
import { createCipheriv, createDecipheriv, createSign, generateKeyPairSync } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { decryptMsisdn, tokenValidate } from "../../../src/server/index";
import type { RunningEmulator } from "../../../src/emulator/index";
import {
  APP_ID,
  APP_KEY,
  authGetToken,
  fetchNumber,
  http,
  md5,
  start,
  ts,
  USER_INFO,
} from "./support";

const keys = generateKeyPairSync("rsa", {
  modulusLength: 1024,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});
const other = generateKeyPairSync("rsa", {
  modulusLength: 1024,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});

async function withKey(options: Parameters<typeof start>[0] = {}) {
  const emu = await start(options);
  emu.state.registry.patch(APP_ID, { rsaPublicKey: keys.publicKey });
  return emu;
}

async function token(emu: RunningEmulator, userInformation = USER_INFO) {
  const { traceId, body } = await fetchNumber(emu);
  const r = await authGetToken(emu, traceId, {
    accessToken: body.accessToken,
    phone: md5("13800001234"),
    userInformation,
    expandParams: "from=token",
  });
  return r.json.data.token as string;
}

/** The request built by hand: sign = SHA256withRSA(appId + traceId + timestamp + token + version), upper hex. */
function validate(
  emu: RunningEmulator,
  o: {
    token: string;
    userInformation?: string;
    key?: string;
    sign?: string;
    headers?: Record<string, string>;
    contentType?: string;
    body?: object;
  },
) {
  const h = {
    interfaceVersion: "1.0",
    appId: APP_ID,
    traceId: "srv" + Math.random().toString(36).slice(2),
    timestamp: ts(),
    businessType: "8",
    ...o.headers,
  };
  const sign =
    o.sign ??
    createSign("RSA-SHA256")
      .update(h.appId + h.traceId + h.timestamp + o.token + h.interfaceVersion, "utf8")
      .sign(o.key ?? keys.privateKey)
      .toString("hex")
      .toUpperCase();
  const body = o.body ?? { token: o.token, userInformation: o.userInformation ?? USER_INFO, sign };
  return http(emu.url + "/h5/onekeylogin/tokenValidate", {
    method: "POST",
    headers: { "Content-Type": o.contentType ?? "application/json;charset=utf-8", ...h },
    body: JSON.stringify(body),
  });
}

describe("tokenValidate", () => {
  it("verifies the RSA sign and returns msisdn AES-128-ECB(appKey[0..16]) and the masked number", async () => {
    const emu = await withKey();
    const t = await token(emu);
    const r = await validate(emu, { token: t });
    expect(r.json).toMatchObject({
      resultCode: "103000",
      data: { securityPhone: "138****1234", expandParams: "from=token" },
    });
    const d = createDecipheriv("aes-128-ecb", Buffer.from(APP_KEY.slice(0, 16)), null);
    expect(
      Buffer.concat([d.update(Buffer.from(r.json.data.msisdn, "base64")), d.final()]).toString(),
    ).toBe("13800001234");
    const rec = emu.state.records.list({ endpoint: "tokenValidate" }).at(-1)!;
    expect(rec).toMatchObject({ resultCode: "103000", billable: true, maskPhone: "138****1234" });
  });

  it("pads a short appKey with 0 for the msisdn key", async () => {
    const emu = await withKey();
    emu.state.registry.patch(APP_ID, { appKey: "short" });
    const t = await token(emu).catch(() => "");
    expect(t).toBe(""); // the sample body is signed with the old appKey: re-sign below
    const { preGet, preGetBody } = await import("./support");
    const b = preGetBody({ appKey: "short" });
    const fetched = (await preGet(emu, b)).json.body;
    const tok = (
      await authGetToken(emu, b.traceId, {
        accessToken: fetched.accessToken,
        phone: md5("13800001234"),
      })
    ).json.data.token;
    const r = await validate(emu, { token: tok });
    const enc = createCipheriv("aes-128-ecb", Buffer.from("short00000000000"), null);
    expect(r.json.data.msisdn).toBe(
      Buffer.concat([enc.update("13800001234"), enc.final()]).toString("base64"),
    );
  });

  it("104013 for a sign made with another key; 103005 for a sign that is not hex", async () => {
    const emu = await withKey();
    const t = await token(emu);
    const bad = await validate(emu, { token: t, key: other.privateKey });
    expect(bad.json.resultCode).toBe("104013");
    expect((await validate(emu, { token: t, sign: "not-hex!" })).json.resultCode).toBe("103005");
    // A sign over other fields (here: a different version) fails as well.
    const wrongFields = createSign("RSA-SHA256").update("x").sign(keys.privateKey).toString("hex");
    expect((await validate(emu, { token: t, sign: wrongFields })).json.resultCode).toBe("104013");
    // The token was not consumed by the failures.
    expect((await validate(emu, { token: t })).json.resultCode).toBe("103000");
  });

  it("fails a URL-decoded userInformation with a message that says so, then accepts the exact one", async () => {
    const emu = await withKey();
    expect(USER_INFO).toMatch(/%3D/);
    const t = await token(emu);
    const decoded = await validate(emu, {
      token: t,
      userInformation: decodeURIComponent(USER_INFO),
    });
    expect(decoded.json.resultCode).toBe("104008");
    expect(decoded.json.desc).toContain("URL-decoded");
    const different = await validate(emu, { token: t, userInformation: USER_INFO + "x" });
    expect(different.json.resultCode).toBe("104008");
    expect(different.json.desc).not.toContain("URL-decoded");
    expect((await validate(emu, { token: t })).json.resultCode).toBe("103000");
  });

  it("is single use and expires after 2 minutes (injected clock)", async () => {
    let now = Date.now();
    const emu = await withKey({ now: () => now });
    const t1 = await token(emu);
    expect(
      (await validate(emu, { token: t1, headers: { timestamp: ts(now) } })).json.resultCode,
    ).toBe("103000");
    const used = await validate(emu, { token: t1 });
    expect(used.json).toMatchObject({ resultCode: "104007" });
    expect(used.json.desc).toContain("single use");
    const t2 = await token(emu);
    now += 2 * 60_000 - 1;
    const t3 = await token(emu);
    now += 1;
    const expired = await validate(emu, { token: t2 });
    expect(expired.json.resultCode).toBe("104007");
    expect(expired.json.desc).toContain("expired");
    expect((await validate(emu, { token: t3 })).json.resultCode).toBe("103000");
  });

  it("refuses a stale or future timestamp with 105112 (±5 min on the emulator's clock) without spending the token", async () => {
    let now = Date.now();
    const emu = await withKey({ now: () => now });
    const t = await token(emu);
    const yearOld = await validate(emu, {
      token: t,
      headers: { timestamp: ts(now - 365 * 24 * 3_600_000) },
    });
    expect(yearOld.json.resultCode).toBe("105112");
    expect(yearOld.json.desc).toMatch(/^时间戳非法: timestamp is -31536000 s off/);
    const late = await validate(emu, {
      token: t,
      headers: { timestamp: ts(now - 5 * 60_000 - 1) },
    });
    expect(late.json.resultCode).toBe("105112");
    const ahead = await validate(emu, {
      token: t,
      headers: { timestamp: ts(now + 5 * 60_000 + 1) },
    });
    expect(ahead.json.resultCode).toBe("105112");
    expect(emu.state.records.list({ resultCode: "105112" })).toHaveLength(3);
    // The window is the emulator's clock, not the wall clock: moved 1 minute on, a timestamp 4
    // minutes behind the new time still passes, and the token was not spent by the refusals.
    now += 60_000;
    const edge = await validate(emu, { token: t, headers: { timestamp: ts(now - 4 * 60_000) } });
    expect(edge.json.resultCode).toBe("103000");
  });

  it("a step of the system clock does not age tokens: lifetimes run on the steady clock", async () => {
    const realNow = Date.now.bind(Date);
    let stepMs = 0;
    const wallClock = vi.spyOn(Date, "now").mockImplementation(() => realNow() + stepMs);
    try {
      const emu = await withKey();
      const t = await token(emu);
      // The machine's clock is corrected 3 minutes forward (NTP on a freshly booted CI machine):
      // the token is still milliseconds old; the request's timestamp is inside the window.
      stepMs = 3 * 60_000;
      const r = await validate(emu, { token: t, headers: { timestamp: ts(realNow() + 60_000) } });
      expect(r.json.resultCode).toBe("103000");
      // A reset re-reads the wall clock: nothing alive spans it.
      emu.state.reset();
      expect(Math.abs(emu.state.now() - Date.now())).toBeLessThan(1_000);
    } finally {
      wallClock.mockRestore();
    }
  });

  it("checks in order: 103005 content type, 103005 JSON, 103002, 104000, 104014, 104017, 104003/104004, 104010, 104008 other app", async () => {
    const emu = await withKey();
    const t = await token(emu);
    expect((await validate(emu, { token: t, contentType: "text/plain" })).json.resultCode).toBe(
      "103005",
    );
    const notJson = await http(emu.url + "/h5/onekeylogin/tokenValidate", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "token=1",
    });
    expect(notJson).toMatchObject({ status: 400, json: { resultCode: "103005" } });
    expect((await validate(emu, { token: "" })).json.resultCode).toBe("103002");
    expect((await validate(emu, { token: t, headers: { traceId: "" } })).json.resultCode).toBe(
      "103002",
    );
    expect((await validate(emu, { token: t, headers: { appId: "404" } })).json.resultCode).toBe(
      "104000",
    );
    expect(
      (await validate(emu, { token: t, headers: { businessType: "3" } })).json.resultCode,
    ).toBe("104014");
    emu.state.registry.patch(APP_ID, { ipAllowList: ["10.0.0.1"] });
    const ip = await validate(emu, { token: t });
    expect(ip.json.resultCode).toBe("104017");
    expect(ip.json.desc).toContain("127.0.0.1");
    emu.state.registry.patch(APP_ID, { ipAllowList: [], entitlement: "unsubscribed" });
    expect((await validate(emu, { token: t })).json.resultCode).toBe("104003");
    emu.state.registry.patch(APP_ID, { entitlement: "expired" });
    expect((await validate(emu, { token: t })).json.resultCode).toBe("104004");
    emu.state.registry.patch(APP_ID, { entitlement: "active", rsaPublicKey: null });
    expect((await validate(emu, { token: t })).json.resultCode).toBe("104010");
    emu.state.registry.patch(APP_ID, { rsaPublicKey: keys.publicKey });
    // The token belongs to APP_ID; app 2 (same key registered) cannot redeem it.
    emu.state.registry.patch("300011000002", { rsaPublicKey: keys.publicKey });
    expect(
      (await validate(emu, { token: t, headers: { appId: "300011000002" } })).json.resultCode,
    ).toBe("104008");
    expect((await validate(emu, { token: "STsidnone" })).json.resultCode).toBe("104007");
    expect((await validate(emu, { token: t })).json.resultCode).toBe("103000");
  });

  it("accepts a public key registered as bare Base64", async () => {
    const emu = await start();
    emu.state.registry.patch(APP_ID, {
      rsaPublicKey: keys.publicKey.replace(/-----[^-]+-----|\s/g, ""),
    });
    const t = await token(emu);
    expect((await validate(emu, { token: t })).json.resultCode).toBe("103000");
  });
});

describe("the server helper against the emulator", () => {
  it("tokenValidate() + decryptMsisdn() recover the number", async () => {
    const emu = await withKey();
    const t = await token(emu);
    const res = await tokenValidate({
      apiHost: emu.url,
      appId: APP_ID,
      token: t,
      userInformation: USER_INFO,
      privateKeyPem: keys.privateKey,
    });
    expect(res.resultCode).toBe("103000");
    expect(decryptMsisdn(res.data!.msisdn!, APP_KEY)).toBe("13800001234");
  });
});
