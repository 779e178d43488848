// The CLI's arguments and the registry file: loading, validation errors, {{demoOrigin}}.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../../src/emulator/cli";
import {
  loadRegistryFile,
  parseRegistry,
  RegistryError,
  refererPageAddress,
} from "../../../src/emulator/registry";
import { sampleRegistryPath } from "../../../src/emulator/index";
import { http, preGet, preGetBody, start } from "./support";

describe("ydrz-emulator arguments", () => {
  it("parses --port, --host, --registry, --demo-origin, --sim, --quiet, --help", () => {
    expect(parseArgs([]).options).toEqual({ port: 7009 });
    const a = parseArgs([
      "--port",
      "0",
      "--host=127.0.0.1",
      "--registry",
      "apps.json",
      "--demo-origin",
      "http://127.0.0.1:9999",
      "--sim",
      "ct",
      "--quiet",
    ]);
    expect(a.options).toEqual({
      port: 0,
      host: "127.0.0.1",
      registry: "apps.json",
      demoOrigin: "http://127.0.0.1:9999",
      defaultSimId: "ct",
    });
    expect(a.quiet).toBe(true);
    expect(parseArgs(["-h"]).help).toBe(true);
    expect(parseArgs(["--help"]).help).toBe(true);
  });

  it("parses --public-url, --admin-origin and --admin-host (the last two repeatable)", () => {
    const a = parseArgs([
      "--public-url=http://localhost:7009",
      "--admin-origin",
      "http://127.0.0.1:3000",
      "--admin-origin=http://localhost:3000",
      "--admin-host",
      "emu.test",
    ]);
    expect(a.options).toEqual({
      port: 7009,
      publicUrl: "http://localhost:7009",
      adminOrigins: ["http://127.0.0.1:3000", "http://localhost:3000"],
      adminHosts: ["emu.test"],
    });
  });

  it("rejects bad values and unknown options with a message", () => {
    expect(() => parseArgs(["--port", "70000"])).toThrow(/--port/);
    expect(() => parseArgs(["--port"])).toThrow(/needs a value/);
    expect(() => parseArgs(["--frobnicate"])).toThrow(/unknown option/);
  });
});

describe("the registry", () => {
  it("the committed sample registers the demo pages at 127.0.0.1:8080 for every app", () => {
    const reg = loadRegistryFile(sampleRegistryPath());
    expect(reg.apps.length).toBe(7);
    for (const app of reg.apps) {
      expect(app.origins).toEqual(["http://127.0.0.1:8080"]);
      expect(app.referers).toContain("http://127.0.0.1:8080/standard-popup.html");
      expect(app.referers.every((r) => r.startsWith("http://127.0.0.1:8080/"))).toBe(true);
    }
  });

  it("replaces {{demoOrigin}} with the option", async () => {
    const emu = await start({ demoOrigin: "http://127.0.0.1:9123/" });
    const app = emu.state.registry.get("300011000001")!;
    expect(app.origins).toEqual(["http://127.0.0.1:9123"]);
    expect(app.referers).toContain("http://127.0.0.1:9123/custom-page.html");
    const ok = await preGet(emu, preGetBody(), {
      Referer: "http://127.0.0.1:9123/custom-page.html",
      Origin: "http://127.0.0.1:9123",
    });
    expect(ok.json.body.resultCode).toBe("103000");
  });

  it("loads a file given by path, and fails early with the field's path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ydrz-reg-"));
    const good = join(dir, "good.json");
    writeFileSync(
      good,
      JSON.stringify({
        apps: [
          {
            appId: "1",
            appKey: "k",
            appName: "n",
            referers: ["{{demoOrigin}}/p.html"],
            origins: ["{{demoOrigin}}"],
          },
        ],
      }),
    );
    const emu = await start({ registry: good });
    expect((await http(emu.url + "/__emulator/apps")).json.apps.map((a: any) => a.appId)).toEqual([
      "1",
    ]);

    const bad = join(dir, "bad.json");
    writeFileSync(
      bad,
      JSON.stringify({ apps: [{ appId: "1", appKey: "k", appName: "n", authLevel: 4 }] }),
    );
    await expect(start({ registry: bad })).rejects.toThrow(
      /apps\[0\]\.authLevel must be one of 1, 4, 5/,
    );
    writeFileSync(bad, "{");
    await expect(start({ registry: bad })).rejects.toThrow(RegistryError);
    await expect(start({ registry: join(dir, "missing.json") })).rejects.toThrow(
      /cannot read registry/,
    );
    expect(() =>
      parseRegistry({
        apps: [
          { appId: "1", appKey: "k", appName: "n" },
          { appId: "1", appKey: "k", appName: "n" },
        ],
      }),
    ).toThrow(/twice/);
    expect(() =>
      parseRegistry({
        apps: [{ appId: "1", appKey: "k", appName: "n", crossCarrier: { ct: "yes" } }],
      }),
    ).toThrow(/crossCarrier\.ct/);
    expect(() => parseRegistry([])).toThrow(RegistryError);
  });

  it("takes SIMs and a default SIM, and refuses an unknown default", async () => {
    const emu = await start({
      sims: [{ id: "only", number: "18900000001", carrier: "CT", network: "cellular" }],
      defaultSimId: "only",
    });
    expect(emu.state.sims.defaultSimId).toBe("only");
    expect((await preGet(emu, preGetBody())).json.body).toMatchObject({
      resultCode: "105002",
      msisdnOwner: "CT",
    });
    await expect(start({ defaultSimId: "nope" })).rejects.toThrow(/defaultSimId "nope"/);
    await expect(
      start({ sims: [{ id: "x", number: "1", carrier: "CM", network: "cellular" }] }),
    ).rejects.toThrow(/sim.number/);
  });

  it("takes an object registry", async () => {
    const emu = await start({
      registry: {
        apps: [
          {
            appId: "7",
            appKey: "k",
            appName: "n",
            reviewStatus: "待审核",
            entitlement: "active",
            referers: [],
            origins: [],
            authLevel: "5",
            crossCarrier: { ct: false, cu: true },
          },
        ],
      },
    });
    expect(emu.state.registry.get("7")).toMatchObject({ authLevel: "5", reviewStatus: "待审核" });
  });

  it("compares the page address without ?query and #fragment", () => {
    expect(refererPageAddress("http://www.abc.com/a/mobile.html/#/abc")).toBe(
      "http://www.abc.com/a/mobile.html/",
    );
    expect(refererPageAddress("http://www.abc.com/a/mobile.html/?abc")).toBe(
      "http://www.abc.com/a/mobile.html/",
    );
    expect(refererPageAddress("http://www.abc.com/a/mobile.html?x#?y")).toBe(
      "http://www.abc.com/a/mobile.html",
    );
  });
});
