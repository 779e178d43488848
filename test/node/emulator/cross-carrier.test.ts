// CT/CU: step 1 (reqdata built here with node:crypto), the JSONP gateway, step 3.
import { describe, expect, it } from "vitest";
import {
  APP_ID,
  BROWSER,
  callbackHeaders,
  CROSS,
  crossFlow,
  crossStep1,
  DEMO,
  encryptReqdata,
  http,
  newTrace,
  postJson,
  preGet,
  preGetBody,
  runJsonp,
  start,
  ts,
  USER_INFO,
  type Cross,
} from "./support";

describe.each(["CT", "CU"] as Cross[])("%s flow", (carrier) => {
  const sim = carrier === "CT" ? "ct" : "cu";
  const masked = carrier === "CT" ? "189****5678" : "186****4321";

  it("step 1 hands out the JSONP URL, step 2 answers the named callback, step 3 the accessToken", async () => {
    const emu = await start();
    const traceId = newTrace();
    emu.state.sims.bind(traceId, sim);
    const f = await crossFlow(emu, carrier, traceId);
    expect(f.s1.json).toMatchObject({ resultCode: "103000", desc: "成功" });
    const url = new URL(f.s1.json.data);
    expect(url.origin).toBe(emu.url);
    expect(url.pathname).toBe(carrier === "CT" ? "/carrier/ct/getPhone" : "/carrier/cu/getPhone");
    expect(url.searchParams.get("callback")).toBe(CROSS[carrier].cb);
    expect(f.s2raw!.headers["content-type"]).toMatch(/^application\/javascript/);
    expect(f.s2raw!.text.startsWith(`/**/${CROSS[carrier].cb}(`)).toBe(true);
    expect(f.s2!.result).toBe("0");
    expect(f.s3!.json).toMatchObject({
      resultCode: "103000",
      maskPhone: masked,
      authLevel: "4",
      appName: "演示应用",
      oper: carrier,
    });
    expect(f.s3!.json.accessToken).toMatch(/^AT/);
  });

  it("finds the SIM chosen by the CM pre-fetch's expandParams through the traceId", async () => {
    const emu = await start();
    const body = preGetBody({ sim });
    const cm = await preGet(emu, body);
    expect(cm.json.body).toMatchObject({ resultCode: "105002", msisdnOwner: carrier });
    const f = await crossFlow(emu, carrier, body.traceId);
    expect(f.s3!.json.resultCode).toBe("103000");
    expect(f.s3!.json.maskPhone).toBe(masked);
  });

  it("the carrier gateway (step 2) answers its own code for a CM subscriber", async () => {
    const emu = await start();
    const f = await crossFlow(emu, carrier, newTrace());
    const code = carrier === "CT" ? "105003" : "105001";
    expect(f.s2!.result).toBe(code);
    // Telecom's text is in `data`; Unicom's in `msg` (with `code`), and in `data` too.
    expect(f.s2!.data).toContain("belongs to CM");
    if (carrier === "CU") expect(f.s2).toMatchObject({ code, msg: f.s2!.data });
    // No data was issued, so step 3 has nothing to redeem.
    expect(f.s3!.json.resultCode).toBe("301");
  });

  it("answers 103000 with an empty accessToken when the app's switch is off", async () => {
    const emu = await start();
    const traceId = newTrace();
    emu.state.sims.bind(traceId, sim);
    const f = await crossFlow(emu, carrier, traceId, { appId: "300011000009" });
    expect(f.s3!.json).toMatchObject({ resultCode: "103000", accessToken: "" });
  });
});

describe("CT/CU subscriber checks at the carrier gateway (step 2)", () => {
  it("103111 on Wi-Fi, 105003 with no SIM, 111002 blacklisted, 103609 IoT", async () => {
    const emu = await start();
    emu.state.sims.upsert({
      id: "ct-iot",
      number: "17700001111",
      carrier: "CT",
      network: "cellular",
      iot: true,
    });
    const cases: [string, string][] = [
      ["ct-wifi", "103111"],
      ["no-sim", "105003"],
      ["ct-blacklisted", "111002"],
      ["ct-iot", "103609"],
    ];
    for (const [sim, expected] of cases) {
      const traceId = newTrace();
      emu.state.sims.bind(traceId, sim);
      const f = await crossFlow(emu, "CT", traceId);
      expect(f.s2!.result, sim).toBe(expected);
      expect(f.s3!.json.resultCode, sim).toBe("301");
    }
  });
});

describe("CT/CU step 1 checks", () => {
  const step1 = "/h5/onekeylogin/getNewTelecomPhonescrip";

  it("105117 without a traceId header", async () => {
    const emu = await start();
    const r = await postJson(
      emu.url + step1,
      { encrypted: "a", reqdata: "b", businessType: "8" },
      { appId: APP_ID, interfaceVersion: "2.0", ...BROWSER },
    );
    expect(r.json.resultCode).toBe("105117");
  });

  it("130030 for empty parameters, 108001 without businessType", async () => {
    const emu = await start();
    const h = { appId: APP_ID, interfaceVersion: "2.0", traceId: newTrace(), ...BROWSER };
    expect(
      (await postJson(emu.url + step1, { encrypted: "", reqdata: "ab", businessType: "8" }, h)).json
        .resultCode,
    ).toBe("130030");
    expect(
      (await postJson(emu.url + step1, { encrypted: "ab", reqdata: "ab" }, h)).json.resultCode,
    ).toBe("108001");
  });

  it("301 when reqdata does not decrypt, or names another app", async () => {
    const emu = await start();
    const traceId = newTrace();
    const h = { appId: APP_ID, interfaceVersion: "2.0", traceId, ...BROWSER };
    const r = await postJson(
      emu.url + step1,
      { encrypted: "0123456789abcdef", reqdata: "00".repeat(32), businessType: "8" },
      h,
    );
    expect(r.json.resultCode).toBe("301");
    // Encrypted with a key derived from another `encrypted`.
    const wrongKey = encryptReqdata("ffffffffffffffff", { appId: APP_ID });
    expect(
      (
        await postJson(
          emu.url + step1,
          { encrypted: "0123456789abcdef", reqdata: wrongKey, businessType: "8" },
          h,
        )
      ).json.resultCode,
    ).toBe("301");
    const other = await crossStep1(emu, "CT", traceId, {
      fields: { appId: "300011000002" },
      browser: { ...BROWSER },
    });
    expect(other.json.resultCode).toBe("103000"); // consistent header + reqdata for another app is fine
    const mismatch = encryptReqdata("0123456789abcdef", {
      ver: "1.0",
      appId: "300011000002",
      interfaceVersion: "2.0",
      expandParams: "",
      msgId: traceId,
      timestamp: ts(),
      mobilesystem: "0",
      sign: "x",
    });
    expect(
      (
        await postJson(
          emu.url + step1,
          { encrypted: "0123456789abcdef", reqdata: mismatch, businessType: "8" },
          h,
        )
      ).json.resultCode,
    ).toBe("301");
  });

  it("105112, 105113, 103101, 104001, 110023, 110025", async () => {
    let now = Date.now();
    const emu = await start({ now: () => now });
    expect(
      (await crossStep1(emu, "CT", newTrace(), { fields: { timestamp: ts(now - 10 * 60_000) } }))
        .json.resultCode,
    ).toBe("105112");
    expect(
      (await crossStep1(emu, "CT", newTrace(), { fields: { appId: "404" } })).json.resultCode,
    ).toBe("105113");
    expect(
      (await crossStep1(emu, "CT", newTrace(), { fields: { badSign: true } })).json.resultCode,
    ).toBe("103101");
    expect(
      (await crossStep1(emu, "CT", newTrace(), { fields: { businessType: "2" } })).json.resultCode,
    ).toBe("104001");
    expect(
      (await crossStep1(emu, "CU", newTrace(), { fields: { appId: "300011000023" } })).json
        .resultCode,
    ).toBe("110023");
    expect(
      (await crossStep1(emu, "CU", newTrace(), { fields: { appId: "300011000025" } })).json
        .resultCode,
    ).toBe("110025");
    now += 1; // the injected clock is used, not Date.now
    expect(
      (await crossStep1(emu, "CU", newTrace(), { fields: { timestamp: ts(now) } })).json.resultCode,
    ).toBe("103000");
  });

  it("170001 for a bad or missing Referer, 110026 for a bad Origin", async () => {
    const emu = await start();
    expect(
      (
        await crossStep1(emu, "CT", newTrace(), {
          browser: { Referer: "http://localhost:8080/standard-popup.html", Origin: DEMO },
        })
      ).json.resultCode,
    ).toBe("170001");
    expect(
      (await crossStep1(emu, "CT", newTrace(), { browser: { Origin: DEMO } })).json.resultCode,
    ).toBe("170001");
    expect(
      (
        await crossStep1(emu, "CT", newTrace(), {
          browser: { Referer: BROWSER.Referer, Origin: "http://localhost:8080" },
        })
      ).json.resultCode,
    ).toBe("110026");
  });
});

describe("the JSONP gateway", () => {
  it("answers -10002 for an unknown session and -10009 for an expired one", async () => {
    let now = Date.now();
    const emu = await start({ now: () => now });
    const unknown = await http(
      emu.url + "/carrier/ct/getPhone?session=nope&callback=getTelecomPhone",
    );
    expect(runJsonp(unknown.text, "getTelecomPhone").result).toBe("-10002");
    const s1 = await crossStep1(emu, "CT", newTrace(), { fields: { timestamp: ts(now) } });
    now += 5 * 60_000 + 1;
    const expired = await http(s1.json.data);
    expect(runJsonp(expired.text, "getTelecomPhone").result).toBe("-10009");
  });

  it("refuses a callback name that is not an identifier (no script injection)", async () => {
    const emu = await start();
    const r = await http(
      emu.url + "/carrier/ct/getPhone?session=x&callback=" + encodeURIComponent("alert(1);x"),
    );
    expect(r.status).toBe(400);
  });

  it("a CU session is unknown to the CT gateway", async () => {
    const emu = await start();
    const s1 = await crossStep1(emu, "CU", newTrace());
    const url = new URL(s1.json.data);
    const r = await http(emu.url + "/carrier/ct/getPhone" + url.search);
    expect(runJsonp(r.text, "getNewUnicomPhone").result).toBe("-10002");
  });
});

describe("CT/CU step 3 checks", () => {
  const step3 = "/h5/onekeylogin/CTCallback";

  it("301 for data that was not issued, was used, or belongs to the other carrier or flow", async () => {
    const emu = await start();
    const traceId = newTrace();
    emu.state.sims.bind(traceId, "ct");
    const forged = await postJson(
      emu.url + step3,
      { data: "ctdforged", ver: "1.0", userInformation: USER_INFO },
      { ...callbackHeaders(traceId), ...BROWSER },
    );
    expect(forged.json.resultCode).toBe("301");
    const f = await crossFlow(emu, "CT", traceId);
    expect(f.s3!.json.resultCode).toBe("103000");
    const again = await postJson(
      emu.url + step3,
      { data: f.s2!.data, ver: "1.0", userInformation: USER_INFO },
      { ...callbackHeaders(traceId), ...BROWSER },
    );
    expect(again.json.resultCode).toBe("301");
    expect(again.json.desc).toContain("already used");

    const t2 = newTrace();
    const s1 = await crossStep1(emu, "CU", t2);
    const s2 = runJsonp((await http(s1.json.data)).text, "getNewUnicomPhone");
    const cross = await postJson(
      emu.url + step3,
      { data: s2.data, ver: "1.0", userInformation: USER_INFO },
      { ...callbackHeaders(t2), ...BROWSER },
    );
    expect(cross.json.resultCode).toBe("301");
    const otherFlow = await postJson(
      emu.url + "/h5/onekeylogin/CUCallback",
      { data: s2.data, ver: "1.0", userInformation: USER_INFO },
      { ...callbackHeaders(newTrace()), ...BROWSER },
    );
    expect(otherFlow.json.resultCode).toBe("301");
  });

  it("105117, 108001, 130030, 105112, 105113, 104001, 110023/110025, 170001, 110026 in order", async () => {
    const emu = await start();
    const body = { data: "x", ver: "1.0", userInformation: USER_INFO };
    const h = { ...callbackHeaders(newTrace()), ...BROWSER };
    const without = (k: string) =>
      Object.fromEntries(Object.entries(h).filter(([key]) => key !== k));
    expect((await postJson(emu.url + step3, body, without("traceId"))).json.resultCode).toBe(
      "105117",
    );
    expect((await postJson(emu.url + step3, body, without("businessType"))).json.resultCode).toBe(
      "108001",
    );
    expect((await postJson(emu.url + step3, { ...body, data: "" }, h)).json.resultCode).toBe(
      "130030",
    );
    expect((await postJson(emu.url + step3, body, { ...h, timestamp: "1" })).json.resultCode).toBe(
      "105112",
    );
    expect((await postJson(emu.url + step3, body, { ...h, appId: "1" })).json.resultCode).toBe(
      "105113",
    );
    expect(
      (await postJson(emu.url + step3, body, { ...h, businessType: "7" })).json.resultCode,
    ).toBe("104001");
    expect(
      (await postJson(emu.url + step3, body, { ...h, appId: "300011000023" })).json.resultCode,
    ).toBe("110023");
    expect(
      (await postJson(emu.url + step3, body, { ...h, appId: "300011000025" })).json.resultCode,
    ).toBe("110025");
    expect(
      (await postJson(emu.url + step3, body, { ...h, Referer: "http://x/" })).json.resultCode,
    ).toBe("170001");
    expect(
      (await postJson(emu.url + step3, body, { ...h, Origin: "http://x" })).json.resultCode,
    ).toBe("110026");
    const flat = (await postJson(emu.url + step3, body, h)).json;
    expect(flat).toMatchObject({ resultCode: "301", resultDesc: flat.desc });
  });
});
