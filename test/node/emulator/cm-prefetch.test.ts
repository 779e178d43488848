// CM pre-fetch: one scenario per check, in the documented order, plus the success shape.
import { describe, expect, it } from "vitest";
import { APP_ID, BROWSER, DEMO, http, PAGE, preGet, preGetBody, start, ts } from "./support";

const code = (r: { json: any }) => r.json?.body?.resultCode;
const desc = (r: { json: any }) => String(r.json?.body?.resultDesc);

describe("CM pre-fetch: success", () => {
  it("answers {header, body} with the accessToken, mask, level, name and switches; accepts text/plain", async () => {
    const emu = await start();
    const body = preGetBody();
    const r = await preGet(emu, body);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    expect(r.json.header).toMatchObject({ appId: APP_ID, msgId: body.traceId });
    expect(r.json.header.timestamp).toMatch(/^\d{17}$/);
    expect(r.json.body).toMatchObject({
      resultCode: "103000",
      maskPhone: "138****1234",
      authLevel: "4",
      appName: "演示应用",
      msisdnOwner: "CM",
      ctGetMobileSwitch: "1",
      cuGetMobileSwitch: "1",
    });
    // A JSON string on the wire: the official SDK only uses a string that parses to an object.
    expect(typeof r.json.body.customerPrivacyConfig).toBe("string");
    expect(JSON.parse(r.json.body.customerPrivacyConfig)).toEqual({
      "《演示应用用户协议》": `${DEMO}/agreement.html`,
    });
    expect(r.json.body.accessToken).toMatch(/^AT[0-9a-f]+$/);
    expect(r.json.body.authPageUrl).toBe(emu.url + "/h5/onekeylogin/authPage");
  });

  it("ignores the query and the fragment of the Referer (seed 003 §2.1)", async () => {
    const emu = await start();
    const r = await preGet(emu, preGetBody(), { Referer: PAGE + "?a=1&b=2#/route", Origin: DEMO });
    expect(code(r)).toBe("103000");
  });

  it("returns the app's authLevel", async () => {
    const emu = await start();
    const r = await preGet(
      emu,
      preGetBody({ appId: "300011000005", appKey: emu.state.registry.get("300011000005")!.appKey }),
    );
    expect(r.json.body.authLevel).toBe("5");
  });
});

describe("CM pre-fetch: checks in order", () => {
  it("130010 for an empty or missing parameter", async () => {
    const emu = await start();
    for (const field of [
      "version",
      "timestamp",
      "appId",
      "businessType",
      "traceId",
      "msgId",
      "sign",
    ] as const) {
      const body: Record<string, unknown> = { ...preGetBody() };
      if (field === "sign") body[field] = "";
      else delete body[field];
      const r = await preGet(emu, body);
      expect(code(r), field).toBe("130010");
      expect(desc(r)).toContain(field);
    }
  });

  it("130010 + HTTP 400 for a field of the wrong type", async () => {
    const emu = await start();
    const r = await preGet(emu, { ...preGetBody(), appId: 300011000001 });
    expect(r.status).toBe(400);
    expect(code(r)).toBe("130010");
    expect(desc(r)).toContain("appId must be a string, got number");
  });

  it("105112 for a malformed timestamp and one outside ±5 min of the (injected) clock", async () => {
    let now = Date.now();
    const emu = await start({ now: () => now });
    expect(code(await preGet(emu, preGetBody({ timestamp: "2026-11-21 13:00" })))).toBe("105112");
    expect(code(await preGet(emu, preGetBody({ timestamp: "20261345250000000" })))).toBe("105112");
    const body = preGetBody({ timestamp: ts(now) });
    now += 5 * 60_000 + 1000;
    const r = await preGet(emu, body);
    expect(code(r)).toBe("105112");
    expect(desc(r)).toMatch(/-30\d s off the gateway clock/);
    now -= 2000; // just inside the window again
    expect(code(await preGet(emu, preGetBody({ timestamp: ts(now - 4 * 60_000) })))).toBe("103000");
  });

  it("103505 for a byte-identical replay inside the timestamp window; a fresh sign fetches again", async () => {
    let now = Date.now();
    const emu = await start({ now: () => now });
    const body = preGetBody({ timestamp: ts(now) });
    const first = await preGet(emu, body);
    expect(code(first)).toBe("103000");
    const replay = await preGet(emu, body);
    expect(code(replay)).toBe("103505");
    expect(desc(replay)).toMatch(/^重放攻击: /);
    expect(replay.json.body.accessToken).toBeUndefined();
    // The same traceId signed anew (another timestamp) is another request.
    const resigned = preGetBody({ traceId: body.traceId, timestamp: ts(now + 1) });
    expect(code(await preGet(emu, resigned))).toBe("103000");
    // Once the timestamp has left the window the replay is stale (105112), never a new number.
    now += 5 * 60_000 + 1;
    expect(code(await preGet(emu, body))).toBe("105112");
    expect(emu.state.records.list({ resultCode: "103505" })).toHaveLength(1);
    await http(emu.url + "/__emulator/reset", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    now -= 5 * 60_000 + 1;
    expect(code(await preGet(emu, body))).toBe("103000");
  });

  it("105113 for an unknown app and an app under review", async () => {
    const emu = await start();
    expect(code(await preGet(emu, preGetBody({ appId: "999" })))).toBe("105113");
    const review = emu.state.registry.get("300011000099")!;
    const r = await preGet(emu, preGetBody({ appId: review.appId, appKey: review.appKey }));
    expect(code(r)).toBe("105113");
    expect(desc(r)).toContain("审核中");
  });

  it("103101 for a bad sign", async () => {
    const emu = await start();
    expect(code(await preGet(emu, preGetBody({ appKey: "wrong" })))).toBe("103101");
    const body = preGetBody();
    expect(code(await preGet(emu, { ...body, msgId: body.traceId + "x" }))).toBe("103101");
  });

  it("110024 for a businessType other than 8 (correctly signed)", async () => {
    const emu = await start();
    expect(code(await preGet(emu, preGetBody({ businessType: "3" })))).toBe("110024");
  });

  it("110023 without entitlement, 110025 expired", async () => {
    const emu = await start();
    const none = emu.state.registry.get("300011000023")!;
    const expired = emu.state.registry.get("300011000025")!;
    expect(code(await preGet(emu, preGetBody({ appId: none.appId, appKey: none.appKey })))).toBe(
      "110023",
    );
    expect(
      code(await preGet(emu, preGetBody({ appId: expired.appId, appKey: expired.appKey }))),
    ).toBe("110025");
    emu.state.registry.patch(APP_ID, { entitlement: "exhausted" });
    expect(code(await preGet(emu, preGetBody()))).toBe("110023");
  });

  it("170001 for an unregistered page, another host, and a missing Referer (the desc says why)", async () => {
    const emu = await start();
    expect(
      code(await preGet(emu, preGetBody(), { Referer: `${DEMO}/other.html`, Origin: DEMO })),
    ).toBe("170001");
    expect(
      code(
        await preGet(emu, preGetBody(), {
          Referer: "http://localhost:8080/standard-popup.html",
          Origin: "http://localhost:8080",
        }),
      ),
    ).toBe("170001");
    // Prefixes and wildcards do not match: the exact page only.
    expect(
      code(
        await preGet(emu, preGetBody(), { Referer: `${DEMO}/standard-popup.html/x`, Origin: DEMO }),
      ),
    ).toBe("170001");
    const r = await preGet(emu, preGetBody(), { Origin: DEMO });
    expect(code(r)).toBe("170001");
    expect(desc(r)).toContain("no Referer header");
    expect(desc(r)).toContain('<meta name="referrer" content="always">');
  });

  it("110026 for an unregistered or missing Origin", async () => {
    const emu = await start();
    expect(
      code(await preGet(emu, preGetBody(), { Referer: PAGE, Origin: "http://127.0.0.1:8081" })),
    ).toBe("110026");
    const r = await preGet(emu, preGetBody(), { Referer: PAGE });
    expect(code(r)).toBe("110026");
    expect(desc(r)).toContain("no Origin header");
  });

  it("103211 for an unknown test SIM in expandParams", async () => {
    const emu = await start();
    const r = await preGet(emu, preGetBody({ sim: "nope" }));
    expect(code(r)).toBe("103211");
    expect(desc(r)).toContain('"nope"');
  });

  it("103111 on Wi-Fi (msisdnOwner unknown)", async () => {
    const emu = await start();
    const r = await preGet(emu, preGetBody({ sim: "cm-wifi" }));
    expect(r.json.body).toMatchObject({ resultCode: "103111", msisdnOwner: "" });
  });

  it("105002 with no SIM and for another carrier's subscriber, naming its carrier in msisdnOwner", async () => {
    const emu = await start();
    expect(code(await preGet(emu, preGetBody({ sim: "no-sim" })))).toBe("105002");
    const ct = await preGet(emu, preGetBody({ sim: "ct" }));
    expect(ct.json.body).toMatchObject({
      resultCode: "105002",
      msisdnOwner: "CT",
      msisdnOwnerback: "0",
      ctGetMobileSwitch: "1",
      cuGetMobileSwitch: "1",
    });
    const cu = await preGet(emu, preGetBody({ sim: "cu" }));
    expect(cu.json.body).toMatchObject({ resultCode: "105002", msisdnOwner: "CU" });
  });

  it("CM failures carry the app's cross-carrier switches", async () => {
    const emu = await start();
    const off = emu.state.registry.get("300011000009")!;
    const r = await preGet(emu, preGetBody({ appId: off.appId, appKey: off.appKey, sim: "ct" }));
    expect(r.json.body).toMatchObject({
      resultCode: "105002",
      msisdnOwner: "CT",
      ctGetMobileSwitch: "0",
      cuGetMobileSwitch: "0",
    });
  });

  it("111002 blacklisted, 103609 IoT", async () => {
    const emu = await start();
    expect(code(await preGet(emu, preGetBody({ sim: "cm-blacklisted" })))).toBe("111002");
    expect(code(await preGet(emu, preGetBody({ sim: "cm-iot" })))).toBe("103609");
  });

  it("reports the first failure only: a bad sign wins over a bad referer", async () => {
    const emu = await start();
    expect(code(await preGet(emu, preGetBody({ appKey: "x" }), { Origin: DEMO }))).toBe("103101");
    // ...and the referer beats the SIM.
    expect(code(await preGet(emu, preGetBody({ sim: "cm-wifi" }), { Origin: DEMO }))).toBe(
      "170001",
    );
  });

  it("records what the browser sent for the demo's Referer/Origin panel", async () => {
    const emu = await start();
    const body = preGetBody();
    await preGet(emu, body, {
      Referer: "http://localhost:8080/standard-popup.html?x#y",
      Origin: "http://localhost:8080",
    });
    const seen = emu.state.seen.forTrace(body.traceId)!;
    expect(seen).toMatchObject({
      endpoint: "preGetMobile",
      appId: APP_ID,
      referer: "http://localhost:8080/standard-popup.html?x#y",
      refererPage: "http://localhost:8080/standard-popup.html",
      refererOk: false,
      origin: "http://localhost:8080",
      originOk: false,
    });
    expect(seen.registeredReferers).toContain(PAGE);
    // Written before the checks decide: a request failing earlier (bad sign) still shows up.
    const bad = preGetBody({ appKey: "wrong" });
    const r = await preGet(emu, bad, BROWSER);
    expect(code(r)).toBe("103101");
    expect(emu.state.seen.forTrace(bad.traceId)).toMatchObject({ refererOk: true, originOk: true });
  });
});
