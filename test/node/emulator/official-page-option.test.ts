// getPageOption as the official SDK reads it (docs/protocol.md "Popup options"): it JSON.parses
// `customControlsConf` without a guard, so the emulator must answer it as JSON text however the
// registry holds it — an array there used to reach the SDK as an array and keep its standard
// popup from opening at all.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseRegistry, RegistryError, sampleRegistryPath } from "../../../src/emulator/index";
import { integratorData, officialPageOption } from "./official-client";
import { APP_ID, APP_KEY, start, ts } from "./support";

/** One console-configured extra button, with the keys the official popup reads. */
const BUTTON = {
  name: "其他方式登录",
  width: "80%",
  height: "40px",
  high: "0px",
  left: "10%",
  "font-size": "14px",
  "background-color": "#ffffff",
  "border-radius": "8px",
  color: "#1B82EB",
  border: "1px solid #1B82EB",
  "text-decoration": "none",
  "text-align": "center",
  url: "https://example.invalid/sms-login",
};

/** The sample registry with the demo app's pageOption.customControlsConf set to `conf`. */
function registryWith(conf: unknown) {
  const raw = JSON.parse(readFileSync(sampleRegistryPath(), "utf8")) as {
    apps: Record<string, unknown>[];
  };
  const app = raw.apps.find((a) => a.appId === APP_ID)!;
  app.pageOption = { ...(app.pageOption as object), customControlsConf: conf };
  return raw;
}

async function pageOptionOf(registry: unknown) {
  const emu = await start({ registry: parseRegistry(registry) });
  const d = integratorData({ appId: APP_ID, appKey: APP_KEY, timestamp: ts(emu.state.now()) });
  const r = await officialPageOption(emu, d);
  expect(r.status).toBe(200);
  expect(r.json.resultCode).toBe("103000");
  return { emu, pageOption: r.json.data.pageOption };
}

describe("getPageOption's customControlsConf", () => {
  it("answers an array from the registry as the JSON text the official SDK parses", async () => {
    const { pageOption } = await pageOptionOf(registryWith([BUTTON]));
    expect(typeof pageOption.customControlsConf).toBe("string");
    expect(JSON.parse(pageOption.customControlsConf)).toEqual([BUTTON]);
    // The rest of the page's options pass through untouched.
    expect(pageOption.pageTitle).toBe("本机号码登录");
  });

  it("passes JSON text through byte for byte", async () => {
    const text = JSON.stringify([BUTTON], null, 1);
    const { pageOption } = await pageOptionOf(registryWith(text));
    expect(pageOption.customControlsConf).toBe(text);
  });

  it("turns an array set later (admin PATCH) into JSON text too", async () => {
    const { emu } = await pageOptionOf(registryWith(undefined));
    const current = emu.state.registry.get(APP_ID)!.pageOption;
    emu.state.registry.patch(APP_ID, { pageOption: { ...current, customControlsConf: [BUTTON] } });
    const d = integratorData({ appId: APP_ID, appKey: APP_KEY, timestamp: ts(emu.state.now()) });
    const r = await officialPageOption(emu, d);
    expect(JSON.parse(r.json.data.pageOption.customControlsConf)).toEqual([BUTTON]);
  });

  it.each([
    ["text that is not JSON", "[{name: 1}"],
    ["a number", 3],
  ])("refuses %s at load, naming the field", (_what, conf) => {
    expect(() => parseRegistry(registryWith(conf))).toThrow(RegistryError);
    expect(() => parseRegistry(registryWith(conf))).toThrow(/pageOption\.customControlsConf/);
  });
});
