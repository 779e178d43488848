// `npm run size`: the UMD built in memory (transpile-only, a few seconds) and its size, with the
// minified size of each source module, for judging a change before the full build and bench.
import { gzipSync } from "node:zlib";
import { minify } from "terser";
import { loadUmdConfig, buildUmd } from "../bench/lib/umd-build.mjs";
import { groupOf, shortName } from "../bench/bytes.mjs";
import { sizeOf } from "./sizes.mjs";

const root = process.cwd();
const { chunk } = await buildUmd(await loadUmdConfig(root));
const whole = sizeOf(Buffer.from(chunk.code));
const kb = (n) => (n / 1024).toFixed(2).padStart(7);
console.log(
  `UMD  min ${kb(whole.min)} KB  gzip ${kb(whole.gzip)} KB  brotli ${kb(whole.brotli)} KB`,
);
if (process.argv.includes("--modules")) {
  const rows = [];
  for (const [id, m] of Object.entries(chunk.modules)) {
    if (!m.renderedLength || !m.code) continue;
    // Top level kept: inside the bundle nothing is exported, and terser would drop it all as unused.
    const min =
      (
        await minify(m.code, {
          compress: { passes: 2, toplevel: false },
          mangle: { toplevel: false },
        })
      ).code ?? "";
    rows.push([
      groupOf(id, root),
      shortName(id, root),
      min.length,
      gzipSync(min, { level: 9 }).length,
    ]);
  }
  rows.sort((a, b) => a[0].localeCompare(b[0]) || b[2] - a[2]);
  for (const [g, name, min, gz] of rows)
    console.log(`${g.padEnd(10)} ${name.padEnd(36)} min ${kb(min)}  gzip alone ${kb(gz)}`);
}
