// Server-side rendering imports the browser entry in Node: that must not touch window/document.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";

const run = (code: string, type: "module" | "commonjs") =>
  execFileSync(
    process.execPath,
    [type === "module" ? "--input-type=module" : "--input-type=commonjs", "-e", code],
    {
      encoding: "utf8",
    },
  ).trim();

describe("the browser entry imported in Node", () => {
  it("loads as ESM without a DOM", () => {
    const out = run(
      `const m = await import("./dist/index.mjs"); console.log(typeof globalThis.window, typeof m.YDRZAuthLogin.getTokenInfo, typeof m.YDRZError)`,
      "module",
    );
    expect(out).toBe("undefined function function");
  });

  it("loads as CommonJS without a DOM", () => {
    const out = run(
      `const m = require("./dist/index.cjs"); console.log(typeof globalThis.document, typeof m.YDRZAuthLogin.getConnection)`,
      "commonjs",
    );
    expect(out).toBe("undefined function");
  });
});
