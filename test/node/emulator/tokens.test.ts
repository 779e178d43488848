// authGetToken and the token lifecycle: expiry (injected clock), single use, the lock after three
// wrong entries, the 30-unused-tokens limit.
import { describe, expect, it } from "vitest";
import {
  authGetToken,
  DEMO,
  fetchNumber,
  md5,
  newTrace,
  postJson,
  start,
  tokenHeaders,
  USER_INFO,
} from "./support";

const FULL = "13800001234";

describe("authGetToken", () => {
  it("returns a token for MD5 of the full number", async () => {
    const emu = await start();
    const { traceId, body } = await fetchNumber(emu);
    const r = await authGetToken(emu, traceId, { accessToken: body.accessToken, phone: md5(FULL) });
    expect(r.json).toMatchObject({ resultCode: "103000", desc: "token获取成功" });
    expect(r.json.data.token).toMatch(/^STsid[0-9a-f]{64}$/);
  });

  it("accepts the masked number as shown for authLevel 1, not for 4", async () => {
    const emu = await start();
    const l1 = emu.state.registry.get("300011000002")!;
    const one = await fetchNumber(emu, "cm", l1.appId, l1.appKey);
    expect(one.body.authLevel).toBe("1");
    const r1 = await authGetToken(
      emu,
      one.traceId,
      { accessToken: one.body.accessToken, phone: md5("138****1234") },
      l1.appId,
    );
    expect(r1.json.resultCode).toBe("103000");
    const four = await fetchNumber(emu);
    const r4 = await authGetToken(emu, four.traceId, {
      accessToken: four.body.accessToken,
      phone: md5("138****1234"),
    });
    expect(r4.json.resultCode).toBe("104012");
  });

  it("checks in order: 103002, 104011, 104000, 104001, 104003, 104004, 104005, 104006, 104007, 104008", async () => {
    const emu = await start();
    const { traceId, body } = await fetchNumber(emu);
    const url = emu.url + "/h5/onekeylogin/authGetToken";
    const ok = {
      accessToken: body.accessToken,
      phone: md5(FULL),
      userInformation: USER_INFO,
      expandParams: "",
    };
    const h = tokenHeaders(traceId);
    const c = async (b: object, headers: Record<string, string> = h) =>
      (await postJson(url, b, headers)).json.resultCode;
    expect(await c({ ...ok, accessToken: "" })).toBe("103002");
    expect(await c(ok, { ...h, traceId: "" })).toBe("103002");
    expect(await c({ ...ok, phone: "" })).toBe("104011");
    expect(await c(ok, { ...h, appId: "nope" })).toBe("104000");
    expect(await c(ok, { ...h, businessType: "1" })).toBe("104001");
    expect(await c(ok, { ...h, appId: "300011000023" })).toBe("104003");
    expect(await c(ok, { ...h, appId: "300011000025" })).toBe("104004");
    expect(await c(ok, { ...h, Referer: `${DEMO}/nope.html` })).toBe("104005");
    expect(await c(ok, { ...h, Origin: "http://localhost:8080" })).toBe("104006");
    expect(await c({ ...ok, accessToken: "ATunknown" })).toBe("104007");
    expect(await c(ok, { ...h, appId: "300011000002" })).toBe("104008");
    expect(await c(ok)).toBe("103000");
    // Consumed by the success.
    expect(await c(ok)).toBe("104007");
  });

  it("400 + 103002 for a wrong type", async () => {
    const emu = await start();
    const r = await postJson(
      emu.url + "/h5/onekeylogin/authGetToken",
      { accessToken: 1, phone: "x", userInformation: "u" },
      tokenHeaders(newTrace()),
    );
    expect(r.status).toBe(400);
    expect(r.json.resultCode).toBe("103002");
  });

  it("lets the accessToken expire with the clock", async () => {
    let now = Date.now();
    const emu = await start({ now: () => now });
    const { traceId, body } = await fetchNumber(emu);
    now += 5 * 60_000;
    const r = await authGetToken(emu, traceId, { accessToken: body.accessToken, phone: md5(FULL) });
    expect(r.json.resultCode).toBe("104007");
    expect(r.json.desc).toContain("expired");
  });
});

describe("wrong digits and the lock (seed 003 FAQ 2)", () => {
  it("answers 104012 three times, keeps the accessToken usable meanwhile, then 104009 even for the right digits", async () => {
    let now = Date.now();
    const emu = await start({ now: () => now });
    const { traceId, body } = await fetchNumber(emu);
    const wrong = md5("13800009999");
    const codes: string[] = [];
    for (let i = 0; i < 3; i++)
      codes.push(
        (await authGetToken(emu, traceId, { accessToken: body.accessToken, phone: wrong })).json
          .resultCode,
      );
    expect(codes).toEqual(["104012", "104012", "104012"]);
    const right = await authGetToken(emu, traceId, {
      accessToken: body.accessToken,
      phone: md5(FULL),
    });
    expect(right.json.resultCode).toBe("104009");
    expect(emu.state.tokens.lockState(FULL).locked).toBe(true);
    // The lock covers the number, not the accessToken: a fresh fetch is locked too.
    const again = await fetchNumber(emu);
    expect(
      (
        await authGetToken(emu, again.traceId, {
          accessToken: again.body.accessToken,
          phone: md5(FULL),
        })
      ).json.resultCode,
    ).toBe("104009");
    // The lock lasts 24 hours (the carriers' FAQs; a registry setting); the clock moves past it.
    now += 24 * 60 * 60_000 + 1;
    const after = await fetchNumber(emu);
    expect(
      (
        await authGetToken(emu, after.traceId, {
          accessToken: after.body.accessToken,
          phone: md5(FULL),
        })
      ).json.resultCode,
    ).toBe("103000");
  });

  it("counts only consecutive wrong entries: a right one resets the count", async () => {
    const emu = await start();
    const wrong = md5("13800000000");
    for (let round = 0; round < 2; round++) {
      const { traceId, body } = await fetchNumber(emu);
      for (let i = 0; i < 2; i++)
        expect(
          (await authGetToken(emu, traceId, { accessToken: body.accessToken, phone: wrong })).json
            .resultCode,
        ).toBe("104012");
      expect(
        (await authGetToken(emu, traceId, { accessToken: body.accessToken, phone: md5(FULL) })).json
          .resultCode,
      ).toBe("103000");
    }
  });
});

describe("the 30-unused-tokens limit (seed 001)", () => {
  it("refuses the 31st unused token for a number within 10 minutes with 103911, and frees up with the clock", async () => {
    let now = Date.now();
    const emu = await start({ now: () => now });
    const tokens: string[] = [];
    for (let i = 0; i < 30; i++) {
      const { traceId, body } = await fetchNumber(emu);
      const r = await authGetToken(emu, traceId, {
        accessToken: body.accessToken,
        phone: md5(FULL),
      });
      expect(r.json.resultCode).toBe("103000");
      tokens.push(r.json.data.token);
    }
    const { traceId, body } = await fetchNumber(emu);
    const r = await authGetToken(emu, traceId, { accessToken: body.accessToken, phone: md5(FULL) });
    expect(r.json.resultCode).toBe("103911");
    expect(emu.state.tokens.unusedTokenCount(FULL)).toBe(30);
    // Another number is not affected.
    const ct = await fetchNumber(emu, "cm-iot");
    expect(ct.body.resultCode).toBe("103609");
    now += 10 * 60_000 + 1;
    const later = await fetchNumber(emu);
    expect(
      (
        await authGetToken(emu, later.traceId, {
          accessToken: later.body.accessToken,
          phone: md5(FULL),
        })
      ).json.resultCode,
    ).toBe("103000");
  });
});
