/**
 * ES module shims for the bare `crypto-js/<name>` imports of dist/index.mjs, for the SPA page that
 * imports the ESM build without a bundler. crypto-js ships CommonJS/UMD files only, which a browser
 * cannot `import`; each shim re-exports, from the CryptoJS global that crypto-js.js (the seed's
 * §3.1 (1) tag) defines, exactly what the CommonJS module would export. The export expression is
 * read from the installed module itself (its factory ends in `return CryptoJS.<x>;`), so the shims
 * follow the installed version instead of a hand-kept table.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const NAME = /^[a-z0-9][a-z0-9-]{0,40}$/;
const RETURN = /return\s+(CryptoJS(?:\.[A-Za-z0-9_]+)*)\s*;?\s*\n?\s*\}\)\);?\s*$/;

export function createCryptoJsShims(cryptoJsFile: string): (name: string) => string | undefined {
  const dir = dirname(cryptoJsFile);
  const cache = new Map<string, string | undefined>();
  return (requested: string) => {
    const name = requested.replace(/\.js$/, "");
    if (!NAME.test(name) || name === "index" || name === "crypto-js") return undefined;
    if (cache.has(name)) return cache.get(name);
    let shim: string | undefined;
    try {
      const source = readFileSync(join(dir, name + ".js"), "utf8");
      const m = RETURN.exec(source);
      const expr = m ? "globalThis." + m[1] : "undefined";
      shim =
        `// crypto-js/${name} for the browser: the matching part of the CryptoJS global (load crypto-js.js first).\n` +
        `if (!globalThis.CryptoJS) throw new Error("crypto-js/${name}: load crypto-js.js with a <script> tag before importing");\n` +
        `export default ${expr};\n`;
    } catch {
      shim = undefined;
    }
    cache.set(name, shim);
    return shim;
  };
}
