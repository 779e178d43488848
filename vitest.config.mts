import { defineConfig } from "vitest/config";
import pkg from "./package.json" with { type: "json" };

// Three layers, one command: unit tests in jsdom, Node tests (helpers, emulator over loopback),
// and browser tests driving Debian's Chromium through playwright-core against the built bundle.
// Projects `extends` the root so that they all get the version constant.
export default defineConfig({
  define: { __VERSION__: JSON.stringify(pkg.version) },
  test: {
    reporters: ["default", "./scripts/summary-reporter.mjs"],
    projects: [
      {
        extends: true,
        test: { name: "unit", environment: "jsdom", include: ["test/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: { name: "node", environment: "node", include: ["test/node/**/*.test.ts"] },
      },
      {
        extends: true,
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
