// userInformation (wire-protocol.md §5): format, stability, and the cross-origin iframe case.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { userInformation, type FingerprintWindow } from "../../../src/sdk/fingerprint";

const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");
const decode = (info: string) => Buffer.from(decodeURIComponent(info), "base64").toString("utf8");

function fakeWindow(ua: string, platform = "Linux armv8l"): FingerprintWindow {
  const navigator = {
    platform,
    userAgent: ua,
    appVersion: ua.replace("Mozilla/", ""),
    cookieEnabled: true,
    hardwareConcurrency: 8,
    language: "zh-CN",
    plugins: { toString: () => "[object PluginArray]" },
  } as unknown as Navigator;
  const screen = { availWidth: 390, colorDepth: 24 } as Screen;
  return { navigator, screen };
}

describe("userInformation", () => {
  const ua =
    "Mozilla/5.0 (Linux; Android 13; 中国移动 Build/TQ1A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 extra-tail";

  it("is encodeURIComponent(base64(platform@@ua[0..100]@@md5(F)))", () => {
    const win = fakeWindow(ua);
    const info = userInformation(win);
    expect(info).not.toMatch(/[+/=]/); // URL-encoded base64
    const [platform, uaPart, digest, ...rest] = decode(info).split("@@");
    expect(rest).toEqual([]);
    expect(platform).toBe("Linux armv8l");
    expect(uaPart).toBe(ua.slice(0, 100));
    const F = [
      "Linux armv8l",
      ua,
      ua.replace("Mozilla/", ""),
      "true",
      "undefined",
      "8",
      "zh-CN",
      "[object PluginArray]",
      "390",
      "undefined",
      "24",
      // The official SDK's last field is always the text "undefined".
      "undefined",
    ].join("@@");
    expect(digest).toBe(md5(F));
  });

  it("writes plugins as the browser stringifies them, without reading the getter", () => {
    const win = fakeWindow(ua);
    let reads = 0;
    Object.defineProperty(win.navigator, "plugins", {
      get: () => {
        reads++;
        return [];
      },
      configurable: true,
    });
    const withPlugins = decode(userInformation(win)).split("@@")[2];
    expect(reads).toBe(0);
    delete (win.navigator as { plugins?: unknown }).plugins;
    const without = decode(userInformation(win)).split("@@")[2];
    const F = (plugins: string) =>
      [
        "Linux armv8l",
        ua,
        ua.replace("Mozilla/", ""),
        "true",
        "undefined",
        "8",
        "zh-CN",
        plugins,
        "390",
        "undefined",
        "24",
        "undefined",
      ].join("@@");
    expect(withPlugins).toBe(md5(F("[object PluginArray]")));
    expect(without).toBe(md5(F("undefined")));
  });

  it("is byte-identical across calls", () => {
    const win = fakeWindow(ua);
    expect(userInformation(win)).toBe(userInformation(win));
  });

  it("changes with the browser", () => {
    expect(userInformation(fakeWindow(ua))).not.toBe(userInformation(fakeWindow(ua + "x")));
  });

  it("reads top when it is accessible", () => {
    const top = fakeWindow("TopAgent/1.0", "iPhone");
    const frame = { ...fakeWindow("FrameAgent/1.0"), top };
    expect(decode(userInformation(frame)).split("@@").slice(0, 2)).toEqual([
      "iPhone",
      "TopAgent/1.0",
    ]);
  });

  it("falls back to its own window when top is cross-origin (access throws)", () => {
    const frame = fakeWindow("FrameAgent/1.0");
    const crossOriginTop = new Proxy(
      {},
      {
        get() {
          throw new DOMException(
            "Blocked a frame with origin from accessing a cross-origin frame.",
            "SecurityError",
          );
        },
      },
    );
    const win = { ...frame, top: crossOriginTop };
    expect(() => userInformation(win)).not.toThrow();
    expect(decode(userInformation(win)).split("@@")[1]).toBe("FrameAgent/1.0");
  });

  it("works on jsdom's real window", () => {
    const info = userInformation(window);
    expect(decode(info).split("@@")[1]).toBe(navigator.userAgent.slice(0, 100));
  });
});
