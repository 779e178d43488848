// The UMD file as a page meets it: evaluated by a <script>, it must define exactly one global.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const umd = readFileSync("dist/ydrz-jssdk.umd.js", "utf8");
const version = JSON.parse(readFileSync("package.json", "utf8")).version;

function load(scriptAttributes = "") {
  const dom = new JSDOM(`<!doctype html><html><head></head><body></body></html>`, {
    runScripts: "dangerously",
    url: "http://127.0.0.1:8080/demo/index.html",
  });
  const before = new Set(Object.getOwnPropertyNames(dom.window));
  const script = dom.window.document.createElement("script");
  for (const [name, value] of Object.entries(
    Object.fromEntries(new URLSearchParams(scriptAttributes)),
  )) {
    script.setAttribute(name, value);
  }
  script.textContent = umd;
  dom.window.document.head.appendChild(script);
  const added = Object.getOwnPropertyNames(dom.window).filter((k) => !before.has(k));
  return { dom, added };
}

describe("the UMD bundle in a page", () => {
  it("exposes exactly one global, YDRZAuthLogin, with the original's methods and config (the promise form is the npm module's)", () => {
    const { dom, added } = load();
    expect(added).toEqual(["YDRZAuthLogin"]);
    const sdk = (dom.window as any).YDRZAuthLogin;
    expect(Object.keys(sdk).sort()).toEqual(
      [
        "getTokenInfo",
        "getConnection",
        "endGetToken",
        "CustomControlsInit",
        "authGetTokenByLayer",
        "authPageInit",
        "authGetToken",
        "config",
        "version",
      ].sort(),
    );
    for (const method of Object.keys(sdk).filter((k) => k !== "version"))
      expect(typeof sdk[method], method).toBe("function");
    expect(sdk.version).toBe(version);
  });

  it("injects no style and touches no DOM until a view is shown", () => {
    const { dom } = load();
    expect(dom.window.document.querySelectorAll("style, link").length).toBe(0);
    expect(dom.window.document.body.children.length).toBe(0);
  });

  it("answers getConnection with no network I/O", () => {
    const { dom } = load();
    const c = (dom.window as any).YDRZAuthLogin.getConnection("300011");
    expect(c.appid).toBe("300011");
    expect(c.msgid).toMatch(/^[0-9a-zA-Z]{32}$/);
    expect(["cellular", "wifi", "unknown"]).toContain(c.netType);
  });
});
