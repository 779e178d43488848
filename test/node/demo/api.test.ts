/**
 * The demo's business backend over real HTTP on loopback, against the in-process emulator:
 * /api/sign produces signs the gateway accepts, /api/login turns a gateway token into the number,
 * and the registry set up at start-up accepts only the 127.0.0.1 pages.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DemoHandle } from "../../../demo/app";
import {
  authGetToken,
  obtainToken,
  pageHeaders,
  postJson,
  preFetch,
  startTestDemo,
  USER_INFORMATION,
} from "./support";

let demo: DemoHandle;

beforeAll(async () => {
  demo = await startTestDemo();
});

afterAll(async () => {
  await demo?.close();
});

describe("/api/sign", () => {
  test("answers the fields getTokenInfo needs, with a sign the gateway accepts (CM pre-fetch)", async () => {
    const r = await postJson(`${demo.url}api/sign`, {});
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      appId: demo.apps.default.appId,
      version: "2.0",
      businessType: "8",
    });
    expect(r.json.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(r.json.timestamp).toMatch(/^\d{17}$/);
    expect(r.json.sign).toMatch(/^[0-9a-f]{32}$/);

    const pre = await preFetch(demo, r.json, { sim: "cm" });
    expect(pre.body.resultCode).toBe("103000");
    expect(pre.body.maskPhone).toBe("138****1234");
    expect(pre.body.accessToken).toBeTruthy();
    expect(pre.body.authLevel).toBe("4");
  });

  test("keeps the traceId and timestamp the page brings", async () => {
    const timestamp = (await postJson(`${demo.url}api/sign`, {})).json.timestamp;
    const r = await postJson(`${demo.url}api/sign`, { traceId: "page-trace-0001", timestamp });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ traceId: "page-trace-0001", timestamp });
    expect((await preFetch(demo, r.json, { sim: "cm" })).body.resultCode).toBe("103000");
  });

  test("signs for the authLevel 5 app when asked", async () => {
    const r = await postJson(`${demo.url}api/sign`, { app: "level5" });
    expect(r.json.appId).toBe(demo.apps.level5.appId);
    const pre = await preFetch(demo, r.json, {
      sim: "cm",
      headers: pageHeaders(demo, "level5.html"),
    });
    expect(pre.body).toMatchObject({ resultCode: "103000", authLevel: "5" });
  });

  test('scenario "bad-sign" makes the gateway answer 103101', async () => {
    const r = await postJson(`${demo.url}api/sign`, { scenario: "bad-sign" });
    expect(r.status).toBe(200);
    expect((await preFetch(demo, r.json, { sim: "cm" })).body.resultCode).toBe("103101");
  });

  test("scenario apps get the registry's answers (110023 unsubscribed, 110025 expired)", async () => {
    const un = await postJson(`${demo.url}api/sign`, { app: "unsubscribed" });
    expect((await preFetch(demo, un.json, { sim: "cm" })).body.resultCode).toBe("110023");
    const ex = await postJson(`${demo.url}api/sign`, { app: "expired" });
    expect((await preFetch(demo, ex.json, { sim: "cm" })).body.resultCode).toBe("110025");
  });

  test("never hands out the appKey or the RSA private key", async () => {
    const texts = [
      (await postJson(`${demo.url}api/sign`, {})).text,
      (await postJson(`${demo.url}api/sign`, { app: "level5" })).text,
      await (await fetch(`${demo.url}api/config`)).text(),
    ];
    for (const app of Object.values(demo.apps)) {
      for (const t of texts) {
        expect(t).not.toContain(app.appKey);
        expect(t).not.toContain("PRIVATE KEY");
      }
    }
  });
});

describe("registry: only the 127.0.0.1 pages are registered", () => {
  test("a page opened as localhost fails the referer check (170001)", async () => {
    const s = (await postJson(`${demo.url}api/sign`, {})).json;
    const pre = await preFetch(demo, s, {
      sim: "cm",
      headers: pageHeaders(demo, "standard-popup.html", "localhost"),
    });
    expect(pre.body.resultCode).toBe("170001");

    const info = await (await fetch(`${demo.url}api/inspect?traceId=${s.traceId}`)).json();
    expect(info).toMatchObject({
      found: true,
      referer: `http://localhost:${demo.port}/standard-popup.html`,
      refererAllowed: false,
      origin: `http://localhost:${demo.port}`,
      originAllowed: false,
      resultCode: "170001",
    });
  });

  test("the panel's verdict ignores a getPageOption 103000 recorded after a failed pre-fetch", async () => {
    const s = (await postJson(`${demo.url}api/sign`, {})).json;
    const headers = pageHeaders(demo, "standard-popup.html", "localhost");
    expect((await preFetch(demo, s, { sim: "cm", headers })).body.resultCode).toBe("170001");
    // The standard popup asks for its options beside the pre-fetch; here its answer comes last.
    const page = await fetch(`${demo.gatewayUrl}/h5/onekeylogin/getPageOption`, {
      headers: { ...headers, appId: s.appId, traceId: s.traceId },
    });
    expect((await page.json()).resultCode).toBe("103000");
    const info = await (await fetch(`${demo.url}api/inspect?traceId=${s.traceId}`)).json();
    expect(info.steps).toEqual(["preGetMobile 170001", "pageOption 103000"]);
    expect(info).toMatchObject({ found: true, resultCode: "170001" });
  });

  test("the standard page opened as localhost: referer registered, origin not → 110026", async () => {
    const s = (await postJson(`${demo.url}api/sign`, {})).json;
    const pre = await preFetch(demo, s, {
      sim: "cm",
      headers: pageHeaders(demo, "standard-page.html", "localhost"),
    });
    expect(pre.body.resultCode).toBe("110026");
    const info = await (await fetch(`${demo.url}api/inspect?traceId=${s.traceId}`)).json();
    expect(info).toMatchObject({
      refererAllowed: true,
      originAllowed: false,
      resultCode: "110026",
    });
  });

  test("a registered referer with a foreign origin fails the origin check (110026)", async () => {
    const s = (await postJson(`${demo.url}api/sign`, {})).json;
    const headers = { ...pageHeaders(demo), Origin: `http://localhost:${demo.port}` };
    expect((await preFetch(demo, s, { sim: "cm", headers })).body.resultCode).toBe("110026");
  });

  test("the registered page passes, ?query and #fragment ignored, and the panel says so", async () => {
    const s = (await postJson(`${demo.url}api/sign`, {})).json;
    const headers = {
      ...pageHeaders(demo),
      Referer: `http://127.0.0.1:${demo.port}/custom-page.html?sim=cm`,
    };
    expect((await preFetch(demo, s, { sim: "cm", headers })).body.resultCode).toBe("103000");
    const info = await (await fetch(`${demo.url}api/inspect?traceId=${s.traceId}`)).json();
    expect(info).toMatchObject({
      found: true,
      refererAllowed: true,
      originAllowed: true,
      resultCode: "103000",
    });
  });

  test("/api/config lists the registered addresses, the SIMs and the apps, without numbers", async () => {
    const cfg = await (await fetch(`${demo.url}api/config`)).json();
    expect(cfg.gatewayUrl).toBe(demo.gatewayUrl);
    expect(cfg.registered.origins).toEqual([`http://127.0.0.1:${demo.port}`]);
    expect(cfg.registered.referers).toContain(`http://127.0.0.1:${demo.port}/standard-popup.html`);
    expect(
      cfg.registered.referers.filter(
        (r: string) => !r.startsWith(`http://127.0.0.1:${demo.port}/`),
      ),
    ).toEqual([`http://localhost:${demo.port}/standard-page.html`]);
    expect(cfg.sims.map((s: any) => s.id)).toEqual(
      expect.arrayContaining(["cm", "ct", "cu", "cm-wifi", "no-sim", "cm-blacklisted"]),
    );
    expect(JSON.stringify(cfg.sims)).not.toContain("13800001234");
    // What a tester types into the view to complete 138****1234.
    expect(cfg.sims.find((s: any) => s.id === "cm")).toMatchObject({
      maskedNumber: "138****1234",
      hiddenDigits: "0000",
    });
    expect(cfg.apps.map((a: any) => a.name)).toEqual(
      expect.arrayContaining(["default", "level5", "expired"]),
    );
  });
});

describe("/api/login", () => {
  test("validates a token from the gateway and returns the number", async () => {
    const token = await obtainToken(demo);
    const r = await postJson(`${demo.url}api/login`, { token, userInformation: USER_INFORMATION });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      phone: "13800001234",
      securityPhone: "138****1234",
      resultCode: "103000",
    });
  });

  test("works for the authLevel 5 app (accessToken → authGetToken → login)", async () => {
    const s = (await postJson(`${demo.url}api/sign`, { app: "level5" })).json;
    const pre = await preFetch(demo, s, { sim: "cm", headers: pageHeaders(demo, "level5.html") });
    const tok = await authGetToken(demo, s, {
      accessToken: pre.body.accessToken,
      fullPhone: "13800001234",
      sim: "cm",
    });
    const r = await postJson(`${demo.url}api/login`, {
      app: "level5",
      token: tok.data?.token,
      userInformation: USER_INFORMATION,
    });
    expect(r.status).toBe(200);
    expect(r.json.phone).toBe("13800001234");
  });

  test("a token is single use: the second login gets the gateway's refusal", async () => {
    const token = await obtainToken(demo);
    expect(
      (await postJson(`${demo.url}api/login`, { token, userInformation: USER_INFORMATION })).status,
    ).toBe(200);
    const again = await postJson(`${demo.url}api/login`, {
      token,
      userInformation: USER_INFORMATION,
    });
    expect(again.status).toBe(401);
    expect(again.json.resultCode).toBe("104007");
    expect(typeof again.json.desc).toBe("string");
  });

  test("a URL-decoded userInformation fails validation (seed 003 FAQ 6): the backend must pass it on as is", async () => {
    const token = await obtainToken(demo);
    const decoded = decodeURIComponent(USER_INFORMATION);
    expect(decoded).not.toBe(USER_INFORMATION);
    const r = await postJson(`${demo.url}api/login`, { token, userInformation: decoded });
    expect(r.status).toBe(401);
    expect(r.json.resultCode).toBe("104008");
    expect(r.json.desc).toMatch(/decod/i);
  });

  test("an unknown token is refused with the gateway's code", async () => {
    const r = await postJson(`${demo.url}api/login`, {
      token: "STnonexistent",
      userInformation: USER_INFORMATION,
    });
    expect(r.status).toBe(401);
    expect(r.json.resultCode).toMatch(/^10400\d$/);
  });
});
