// One config, three kinds of output (after @fingerprintjs/fingerprintjs):
// - the browser script (UMD): everything inlined and minified, one global `YDRZAuthLogin`;
// - the npm browser module (ESM + CJS), not minified: the integrator's bundler does that;
// - the Node side (server helpers, emulator + its CLI, demo site): CommonJS + ESM for helpers.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { resolve as resolvePath } from "node:path";
import typescript from "@rollup/plugin-typescript";
import resolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { dts } from "rollup-plugin-dts";
import { defineVersion, inlineCss, importEntry } from "./scripts/rollup-plugins.mjs";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const banner = `/*! ${pkg.name} v${pkg.version} | ${pkg.license} */`;

// Each family type-checks only what its entries import (the browser build also proves that the
// SDK needs no Node types).
const ts = (tsconfig) =>
  typescript({
    tsconfig,
    include: ["src/**/*.ts", "demo/**/*.ts"],
    compilerOptions: { noEmit: false, declaration: false, rootDir: "." },
    noEmitOnError: true,
  });

const browserPlugins = (min) => [
  defineVersion(pkg.version),
  inlineCss(),
  resolve({ browser: true }),
  ts("./tsconfig.browser.json"),
  ...(min ? [terser({ format: { comments: /^!/ }, compress: { passes: 3 } })] : []),
];

const node = [...builtinModules, ...builtinModules.map((m) => "node:" + m)];
const nodePlugins = () => [
  defineVersion(pkg.version),
  resolve({ preferBuiltins: true }),
  ts("./tsconfig.node.json"),
];

export default [
  // Not rollup's "umd" format: that one calls an anonymous define() when a page has an AMD loader
  // (require.js "Mismatched anonymous define()", and no global). A <script> drop-in always sets
  // the global; CommonJS (Node, bundlers) gets it as module.exports.
  {
    input: "src/umd.ts",
    output: {
      file: "dist/ydrz-jssdk.umd.js",
      format: "iife",
      name: "YDRZAuthLogin",
      exports: "default",
      banner,
      footer: 'if (typeof module === "object" && module) module.exports = YDRZAuthLogin;',
    },
    plugins: browserPlugins(true),
  },
  {
    input: "src/index.ts",
    output: [
      { file: "dist/index.mjs", format: "es", banner },
      { file: "dist/index.cjs", format: "cjs", banner, exports: "named" },
    ],
    plugins: browserPlugins(false),
  },
  {
    input: { server: "src/server/index.ts", emulator: "src/emulator/index.ts" },
    external: node,
    output: [
      {
        dir: "dist",
        format: "cjs",
        entryFileNames: "[name].cjs",
        chunkFileNames: "chunks/[name]-[hash].cjs",
        exports: "named",
      },
      {
        dir: "dist",
        format: "es",
        entryFileNames: "[name].mjs",
        chunkFileNames: "chunks/[name]-[hash].mjs",
      },
    ],
    plugins: nodePlugins(),
  },
  // The bin requires the emulator entry instead of bundling a second copy of it.
  {
    input: { "ydrz-emulator": "src/emulator/cli.ts" },
    external: node,
    output: {
      dir: "dist",
      format: "cjs",
      entryFileNames: "[name].cjs",
      banner: "#!/usr/bin/env node",
      paths: { [resolvePath("dist/emulator.cjs")]: "./emulator.cjs" },
    },
    plugins: [
      importEntry({
        importer: resolvePath("src/emulator/cli.ts"),
        source: "./index",
        entry: resolvePath("dist/emulator.cjs"),
      }),
      ...nodePlugins(),
    ],
  },
  {
    input: { demo: "demo/server.ts" },
    external: node,
    output: {
      dir: "dist",
      format: "cjs",
      entryFileNames: "[name].cjs",
      chunkFileNames: "chunks/[name]-[hash].cjs",
      banner: "#!/usr/bin/env node",
    },
    plugins: nodePlugins(),
  },
  // One self-contained declaration file per entry, as .d.mts and .d.cts so that both the import
  // and the require condition get types of their own format.
  ...["index", "server", "emulator"].map((name) => ({
    input: name === "index" ? "src/index.ts" : `src/${name}/index.ts`,
    external: node,
    output: [
      { file: `dist/${name}.d.mts`, format: "es" },
      { file: `dist/${name}.d.cts`, format: "es" },
    ],
    plugins: [dts({ tsconfig: "./tsconfig.json" })],
  })),
];
