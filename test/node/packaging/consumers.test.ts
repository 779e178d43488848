// New apps of each kind, built from the packed tarball as an integrator's would be: Vite with
// strict TypeScript, webpack, Node CommonJS and ESM, and a server-rendered page that calls the
// SDK. The bundlers come from the registry (npm's cache makes a rerun quick).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../../..");
const fixtures = join(root, "test", "fixtures", "consumers");
let app: string;

const run = (bin: string, args: string[]) =>
  execFileSync(bin, args, { cwd: app, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const node = (file: string) => run(process.execPath, [file]).trim();

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), "ydrz-consumers-"));
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", app, root]));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "apps", private: true }));
  const install = ["install", "--no-audit", "--no-fund", "--prefer-offline"];
  run("npm", [...install, join(app, packed[0].filename), "vite@8.3.8", "webpack@5.113.0"]);
  cpSync(fixtures, app, { recursive: true });
}, 240_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
}, 60_000);

describe("apps built from the packed tarball", { timeout: 120_000 }, () => {
  it("Vite + strict TypeScript: type-checks and builds, with style.css as a file", () => {
    run(join(root, "node_modules", ".bin", "tsc"), ["-p", "vite-ts/tsconfig.json"]);
    run(join(app, "node_modules", ".bin", "vite"), ["build", "vite-ts", "--logLevel", "error"]);
    const assets = readdirSync(join(app, "vite-ts", "dist", "assets"));
    expect(assets.some((f) => f.endsWith(".js"))).toBe(true);
    expect(assets.some((f) => f.endsWith(".css"))).toBe(true);
  });

  it("webpack: bundles the module", () => {
    // webpack's own bin needs webpack-cli: its Node API does the same build.
    const build = `const webpack = require("webpack");
      webpack(require("./webpack/webpack.config.cjs"), (err, stats) => {
        if (err || stats.hasErrors()) { console.error(err || stats.toString()); process.exit(1); }
      });`;
    run(process.execPath, ["-e", build]);
    const bundle = readFileSync(join(app, "webpack", "dist", "main.js"), "utf8");
    expect(bundle).toContain("verify.cmpassport.com");
  });

  it("Node CommonJS and ESM: every entry loads", () => {
    const expected = JSON.stringify(["function", "function", "function", true]);
    expect(node("node/require.cjs")).toBe(expected);
    expect(node("node/import.mjs")).toBe(expected);
  });

  it("a server-rendered page: renders, and its SDK call ends in one error callback", () => {
    const out = JSON.parse(node("node/ssr.mjs"));
    expect(out).toEqual({ html: true, endings: [["error", "509"]] });
  });
});
