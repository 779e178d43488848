// CORS as the browser needs it: preflight on every protocol path (and the admin API), the
// request's origin echoed on answers, the custom headers allowed.
import { describe, expect, it } from "vitest";
import { PROTOCOL_ROUTES } from "../../../src/emulator/server";
import { DEMO, http, preGet, preGetBody, start } from "./support";

const CUSTOM = [
  "appId",
  "interfaceVersion",
  "traceId",
  "businessType",
  "timestamp",
  "authPageType",
  "Content-Type",
];

describe("CORS", () => {
  it("answers the preflight on every protocol path with the origin, methods and custom headers", async () => {
    const emu = await start();
    const paths = PROTOCOL_ROUTES.map((r) => r.path);
    expect(paths).toHaveLength(11);
    for (const path of [...paths, "/__emulator/sims/default"]) {
      const r = await http(emu.url + path, {
        method: "OPTIONS",
        headers: {
          Origin: DEMO,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "appid,interfaceversion,traceid,content-type",
        },
      });
      expect(r.status, path).toBe(204);
      expect(r.headers["access-control-allow-origin"]).toBe(DEMO);
      expect(String(r.headers["access-control-allow-methods"])).toContain("POST");
      const allowed = String(r.headers["access-control-allow-headers"]).toLowerCase().split(/,\s*/);
      for (const h of CUSTOM) expect(allowed, `${path} ${h}`).toContain(h.toLowerCase());
      expect(r.headers.vary).toContain("Origin");
    }
  });

  it("echoes the origin on answers, errors included, and uses * without one", async () => {
    const emu = await start();
    const ok = await preGet(emu, preGetBody());
    expect(ok.headers["access-control-allow-origin"]).toBe(DEMO);
    const err = await preGet(emu, "{", { Origin: "http://localhost:8080" });
    expect(err.headers["access-control-allow-origin"]).toBe("http://localhost:8080");
    const missing = await http(emu.url + "/nope", { headers: { Origin: DEMO } });
    expect(missing.status).toBe(404);
    expect(missing.headers["access-control-allow-origin"]).toBe(DEMO);
    const none = await http(emu.url + "/__emulator/health");
    expect(none.headers["access-control-allow-origin"]).toBe("*");
  });

  it("answers Chromium's Private Network Access preflight", async () => {
    const emu = await start();
    const r = await http(emu.url + "/h5/httpsPreGetmobile", {
      method: "OPTIONS",
      headers: {
        Origin: DEMO,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Private-Network": "true",
      },
    });
    expect(r.headers["access-control-allow-private-network"]).toBe("true");
  });
});
