import { defineConfig } from "vitest/config";
import pkg from "./package.json" with { type: "json" };

// Three layers, one command: unit tests in jsdom, Node tests (helpers, emulator over loopback),
// and browser tests driving Debian's Chromium through playwright-core against the built bundle.
const define = { __VERSION__: JSON.stringify(pkg.version) };

export default defineConfig({
  define,
  test: {
    reporters: ["default", "./scripts/summary-reporter.mjs"],
    projects: [
      { define, test: { name: "unit", environment: "jsdom", include: ["test/unit/**/*.test.ts"] } },
      { define, test: { name: "node", environment: "node", include: ["test/node/**/*.test.ts"] } },
      {
        define,
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
