// The admin API answers only its owner: a foreign page can neither read nor change it (no echoed
// Origin, no private-network grant, no simple text/plain POST), a rebinding Host is refused, and
// the protocol endpoints still answer any registered page as before.
import { describe, expect, it } from "vitest";
import { DEMO, http, postJson, preGet, preGetBody, start } from "./support";

const EVIL = "http://evil.example";

describe("admin API access", () => {
  it("a foreign page's text/plain POST /reset is refused and changes nothing", async () => {
    const emu = await start();
    await postJson(emu.url + "/__emulator/clock", { advanceMs: 1000 });
    const simple = await http(emu.url + "/__emulator/reset", {
      method: "POST",
      headers: { Origin: EVIL, "Content-Type": "text/plain;charset=UTF-8" },
      body: "x",
    });
    expect(simple.status).toBe(403);
    expect(simple.headers["access-control-allow-origin"]).toBeUndefined();
    // Even from no page at all, a text/plain body is not an admin request.
    const plain = await http(emu.url + "/__emulator/reset", {
      method: "POST",
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
      body: "x",
    });
    expect(plain.status).toBe(415);
    expect(plain.json.error.type).toBe("unsupported_media_type");
    const noType = await http(emu.url + "/__emulator/reset", { method: "POST" });
    expect(noType.status).toBe(415);
    expect(emu.state.clockOffsetMs).toBe(1000);
    expect((await postJson(emu.url + "/__emulator/reset", {})).status).toBe(200);
    expect(emu.state.clockOffsetMs).toBe(0);
  });

  it("a foreign origin gets no CORS grant on admin reads or preflights, nor private-network", async () => {
    const emu = await start();
    const read = await http(emu.url + "/__emulator/apps", { headers: { Origin: EVIL } });
    expect(read.status).toBe(403);
    expect(read.headers["access-control-allow-origin"]).toBeUndefined();
    expect(read.text).not.toContain("300011000001");
    const preflight = await http(emu.url + "/__emulator/faults", {
      method: "OPTIONS",
      headers: {
        Origin: EVIL,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
        "Access-Control-Request-Private-Network": "true",
      },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    expect(preflight.headers["access-control-allow-private-network"]).toBeUndefined();
    const nullOrigin = await http(emu.url + "/__emulator/apps", { headers: { Origin: "null" } });
    expect(nullOrigin.status).toBe(403);
  });

  it("the owner's pages are granted: same origin, the demo origin, configured origins", async () => {
    const emu = await start({ adminOrigins: ["http://127.0.0.1:9999"] });
    const same = await http(emu.url + "/__emulator/health", { headers: { Origin: emu.url } });
    expect(same.status).toBe(200);
    expect(same.headers["access-control-allow-origin"]).toBe(emu.url);
    const configured = await http(emu.url + "/__emulator/health", {
      headers: { Origin: "http://127.0.0.1:9999" },
    });
    expect(configured.headers["access-control-allow-origin"]).toBe("http://127.0.0.1:9999");
    // Configuring the list replaces the default (the demo origin).
    const demo = await http(emu.url + "/__emulator/health", { headers: { Origin: DEMO } });
    expect(demo.status).toBe(403);
    const byDefault = await start();
    const demoDefault = await http(byDefault.url + "/__emulator/health", {
      headers: { Origin: DEMO },
    });
    expect(demoDefault.headers["access-control-allow-origin"]).toBe(DEMO);
    const pna = await http(byDefault.url + "/__emulator/faults", {
      method: "OPTIONS",
      headers: {
        Origin: DEMO,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Private-Network": "true",
      },
    });
    expect(pna.headers["access-control-allow-private-network"]).toBe("true");
  });

  it("a rebinding Host is refused on admin routes; loopback names and the public host answer", async () => {
    const emu = await start({ publicUrl: "http://emulator.test:7009" });
    const get = (host: string) => http(emu.url + "/__emulator/health", { headers: { Host: host } });
    const rebound = await get(`evil.example:${emu.port}`);
    expect(rebound.status).toBe(421);
    expect(rebound.json.error.type).toBe("forbidden_host");
    expect((await get("evil.example/<x>")).status).toBe(421);
    const owners = ["localhost", "127.0.0.1", "[::1]", "LOCALHOST"].map((h) => `${h}:${emu.port}`);
    for (const host of [...owners, "emulator.test:7009", "emulator.test"]) {
      expect((await get(host)).status, host).toBe(200);
    }
    const reset = await http(emu.url + "/__emulator/reset", {
      method: "POST",
      headers: { Host: "evil.example", "Content-Type": "application/json" },
      body: "{}",
    });
    expect(reset.status).toBe(421);
  });

  it("the protocol endpoints answer any page as before; private network only for registered ones", async () => {
    const emu = await start();
    const foreign = await preGet(emu, preGetBody(), {
      Referer: EVIL + "/p.html",
      Origin: EVIL,
      Host: "evil.example",
    });
    expect(foreign.json.body.resultCode).toBe("170001");
    expect(foreign.headers["access-control-allow-origin"]).toBe(EVIL);
    const ask = (origin: string) =>
      http(emu.url + "/h5/httpsPreGetmobile", {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Private-Network": "true",
        },
      });
    const stranger = await ask(EVIL);
    expect(stranger.status).toBe(204);
    expect(stranger.headers["access-control-allow-origin"]).toBe(EVIL);
    expect(stranger.headers["access-control-allow-private-network"]).toBeUndefined();
    expect((await ask(DEMO)).headers["access-control-allow-private-network"]).toBe("true");
  });

  it("refuses admin origins that are not origins", async () => {
    await expect(start({ adminOrigins: ["http://a.example/path"] })).rejects.toThrow(/origin/);
  });
});
