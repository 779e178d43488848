// `npm run build`: the bundles and .d.ts files (rollup.config.mjs), dist/style.css, then the
// sizes of what a page downloads.
import { mkdirSync, rmSync, writeFileSync, copyFileSync, chmodSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadConfigFile } from "rollup/loadConfigFile";
import { rollup } from "rollup";
import { compileCss } from "./rollup-plugins.mjs";
import { measure, formatBytes } from "./sizes.mjs";

// Types of the <script> build: `require("ydrz-jssdk/umd")`, and the global for TypeScript pages
// that load the file by a <script> tag (`/// <reference types="ydrz-jssdk/umd" />`).
const UMD_TYPES = `import type { ScriptAuthLogin } from "./index.cjs";

declare const login: ScriptAuthLogin;
export = login;

declare global {
  /** The one global of dist/ydrz-jssdk.umd.js (the <script> build). */
  var YDRZAuthLogin: ScriptAuthLogin;
}
`;

// `import "ydrz-jssdk/style.css"` is a side-effect import: it has no bindings to type.
const CSS_TYPES = `export {};
`;

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
rmSync("dist", { recursive: true, force: true });
mkdirSync("dist", { recursive: true });

const { options, warnings } = await loadConfigFile(root + "rollup.config.mjs");
warnings.flush();
for (const config of options) {
  const bundle = await rollup(config);
  for (const output of config.output) await bundle.write(output);
  await bundle.close();
}
chmodSync("dist/ydrz-emulator.cjs", 0o755);
copyFileSync("src/emulator/sample-registry.json", "dist/sample-registry.json");
writeFileSync("dist/style.css", await compileCss("styles/ydrz.css"));
writeFileSync("dist/ydrz-jssdk.umd.d.ts", UMD_TYPES);
writeFileSync("dist/style.css.d.ts", CSS_TYPES);

const sizes = measure();
for (const [file, s] of Object.entries(sizes)) {
  console.log(
    `${file.padEnd(26)} min ${formatBytes(s.min).padStart(9)}  gzip ${formatBytes(s.gzip).padStart(9)}  brotli ${formatBytes(s.brotli).padStart(9)}`,
  );
}
