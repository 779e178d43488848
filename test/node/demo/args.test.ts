/** The demo's command line: ports from flags or the environment, clear errors otherwise. */
import { describe, expect, test } from "vitest";
import { parseArgs, UsageError } from "../../../demo/args";
import { registeredAddresses } from "../../../demo/apps";

describe("parseArgs", () => {
  test("defaults: demo on 8080, gateway on 7009", () => {
    expect(parseArgs([], {})).toEqual({ port: 8080, gatewayPort: 7009, quiet: false });
  });

  test("flags (both spellings) win over the environment", () => {
    const env = { DEMO_PORT: "9000", DEMO_GATEWAY_PORT: "9001" };
    expect(parseArgs([], env)).toMatchObject({ port: 9000, gatewayPort: 9001 });
    expect(parseArgs(["--port", "8181", "--gateway-port=7101", "--quiet"], env)).toEqual({
      port: 8181,
      gatewayPort: 7101,
      quiet: true,
    });
  });

  test.each([
    [["--port"]],
    [["--port", "x"]],
    [["--port", "70000"]],
    [["--port", "-1"]],
    [["--bogus"]],
  ])("%j is a usage error", (argv) => {
    expect(() => parseArgs(argv, {})).toThrow(UsageError);
  });

  test("a bad environment value is a usage error too", () => {
    expect(() => parseArgs([], { DEMO_PORT: "eighty" })).toThrow(/DEMO_PORT/);
  });
});

describe("registeredAddresses", () => {
  test("registers the pages on 127.0.0.1 of the given port only", () => {
    const r = registeredAddresses(4321);
    expect(r.origins).toEqual(["http://127.0.0.1:4321"]);
    expect(r.referers).toContain("http://127.0.0.1:4321/");
    expect(r.referers).toContain("http://127.0.0.1:4321/standard-popup.html");
    // One referer-only localhost page demonstrates 110026; its origin stays unregistered.
    expect(r.referers.filter((x) => x.includes("localhost"))).toEqual([
      "http://localhost:4321/standard-page.html",
    ]);
    expect(r.referers.some((x) => /[?#*]/.test(x))).toBe(false);
  });
});
