// 1. Bytes: what a page downloads (UMD, ESM entry, style.css) and where the UMD's bytes go, by
// module: the UMD config of rollup.config.mjs built in memory through rollup's JS API.
import { resolve, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { loadConfigFile } from "rollup/loadConfigFile";
import { rollup } from "rollup";
import { minify } from "terser";
import { measure } from "../scripts/sizes.mjs";
import { kb, na, pct } from "./lib/stats.mjs";

export const BUDGET_GZIP = 12 * 1024;
export const GOAL_GZIP = 10 * 1024;

const SHIPPED = [
  ["dist/ydrz-jssdk.umd.js", "UMD (JS + crypto + CSS), minified"],
  ["dist/index.mjs", "ESM entry (crypto-js external, not minified)"],
  ["dist/style.css", "style.css"],
];

/** Which part of the code base a rollup module id belongs to. */
export function groupOf(id, root) {
  if (id.startsWith("\0inline-css:")) return "css";
  if (id.includes("crypto-js")) return "crypto-js";
  if (id.startsWith("\0")) return "rollup helpers";
  const rel = relative(root, id).split(sep).join("/");
  if (rel.startsWith("src/sdk/")) return "sdk";
  if (rel.startsWith("src/views/")) return "views";
  if (rel.startsWith("src/protocol/")) return "protocol";
  if (rel.startsWith("src/")) return "entry";
  if (rel.includes("node_modules/")) return "other deps";
  return "other";
}

export function shortName(id, root) {
  if (id.startsWith("\0inline-css:")) return "css: " + relative(root, id.slice("\0inline-css:".length)).split(sep).join("/");
  const clean = id.replace(/^\0/, "").replace(/\?.*$/, "");
  const nm = clean.lastIndexOf("node_modules" + sep);
  if (nm >= 0) return clean.slice(nm + "node_modules".length + 1).split(sep).join("/");
  if (clean.startsWith(root)) return relative(root, clean).split(sep).join("/");
  return clean.length > 60 ? clean.slice(0, 57) + "..." : clean;
}

async function umdBreakdown(root, log) {
  const { options, warnings } = await loadConfigFile(resolve(root, "rollup.config.mjs"), undefined, true);
  warnings.flush?.();
  const config = options.find((o) => String(o.input) === "src/umd.ts" || (Array.isArray(o.input) && o.input.includes("src/umd.ts")));
  if (!config) throw new Error("rollup.config.mjs has no config with input src/umd.ts");
  const t = Date.now();
  const bundle = await rollup({ ...config, onwarn: () => {} });
  const { output } = await bundle.generate(config.output[0]);
  await bundle.close();
  log(`  bytes: UMD rebuilt in memory in ${Date.now() - t} ms`);
  const chunk = output.find((o) => o.type === "chunk" && o.isEntry);
  const whole = Buffer.from(chunk.code);
  const modules = [];
  for (const [id, m] of Object.entries(chunk.modules)) {
    if (!m.renderedLength) continue;
    // Each module minified on its own (same terser settings as the build) and gzipped on its
    // own; the gzip contribution is that share of the whole file's gzip size (an estimate:
    // gzip finds repeats across modules too).
    let minLen = m.renderedLength;
    let gz = gzipSync(m.code ?? "", { level: 9 }).length;
    try {
      // Top level kept (toplevel: false), so that terser cannot drop the module's declarations
      // as unused; only their names stay unmangled, which the scaling below absorbs.
      const r = await minify(m.code ?? "", { compress: { passes: 2, toplevel: false }, mangle: { toplevel: false }, format: { comments: false } });
      minLen = r.code.length;
      gz = gzipSync(r.code, { level: 9 }).length;
    } catch {
      /* keep the unminified figures */
    }
    modules.push({ id, name: shortName(id, root), group: groupOf(id, root), rendered: m.renderedLength, original: m.originalLength, min: minLen, gzipAlone: gz });
  }
  return { modules, bundledMin: whole.length };
}

export async function run(ctx) {
  const { root, log } = ctx;
  const files = {};
  for (const [file] of SHIPPED) {
    try {
      files[file] = measure([file], root)[file];
    } catch (e) {
      files[file] = na(`${file} missing: ${e.code ?? e.message}`);
    }
  }
  const umd = files["dist/ydrz-jssdk.umd.js"];
  const umdGzip = umd && !umd.na ? umd.gzip : null;
  const sizeRows = SHIPPED.map(([file, label]) => {
    const s = files[file];
    if (s.na) return [label, s, "", "", ""];
    return [label, kb(s.min), kb(s.gzip), kb(s.brotli), file === "dist/ydrz-jssdk.umd.js" ? `${s.gzip <= BUDGET_GZIP ? "within" : "OVER"} 12 KB budget; goal 10 KB: ${s.gzip <= GOAL_GZIP ? "met" : "not met"}` : ""];
  });
  const tables = [
    {
      title: "Bytes: shipped files",
      columns: ["file", "bytes", "gzip -9", "brotli -11", "budget (UMD gzip ≤ 12 KB)"],
      rows: sizeRows,
    },
  ];
  const data = { files, budgetGzip: BUDGET_GZIP, goalGzip: GOAL_GZIP };

  let breakdown;
  try {
    breakdown = await umdBreakdown(root, log);
  } catch (e) {
    tables.push({ title: "Bytes: UMD by module", columns: ["module"], rows: [[na(`rollup build of src/umd.ts failed: ${e.message}`)]] });
    return { tables, data };
  }
  const { modules } = breakdown;
  const totalRendered = modules.reduce((a, m) => a + m.rendered, 0);
  const totalGzAlone = modules.reduce((a, m) => a + m.gzipAlone, 0);
  for (const m of modules) {
    m.share = m.rendered / totalRendered;
    m.gzipEstimate = umdGzip ? Math.round((umdGzip * m.gzipAlone) / totalGzAlone) : null;
  }
  const groups = {};
  for (const m of modules) {
    const g = (groups[m.group] ??= { group: m.group, modules: 0, rendered: 0, min: 0, gzipEstimate: 0 });
    g.modules++;
    g.rendered += m.rendered;
    g.min += m.min;
    g.gzipEstimate += m.gzipEstimate ?? 0;
  }
  const groupList = Object.values(groups).sort((a, b) => b.rendered - a.rendered);
  tables.push({
    title: "Bytes: UMD by group (rendered = after tree-shaking, before minify)",
    columns: ["group", "modules", "rendered", "share", "minified alone", "≈ gzip in UMD"],
    rows: [
      ...groupList.map((g) => [g.group, g.modules, kb(g.rendered), pct(g.rendered / totalRendered), kb(g.min), umdGzip ? kb(g.gzipEstimate) : na("no UMD gzip")]),
      ["total", modules.length, kb(totalRendered), "100.0%", kb(modules.reduce((a, m) => a + m.min, 0)), umdGzip ? kb(umdGzip) : "n/a"],
    ],
    notes: ["≈ gzip in UMD: the UMD's gzip size split by each module's own minified+gzip size (an estimate)."],
  });
  const top = [...modules].sort((a, b) => (b.gzipEstimate ?? b.rendered) - (a.gzipEstimate ?? a.rendered)).slice(0, ctx.quick ? 12 : 20);
  tables.push({
    title: `Bytes: UMD top ${top.length} modules by ≈ gzip`,
    columns: ["module", "group", "rendered", "share", "minified alone", "≈ gzip in UMD"],
    align: ["l", "l", "r", "r", "r", "r"],
    rows: top.map((m) => [m.name, m.group, kb(m.rendered), pct(m.share), kb(m.min), m.gzipEstimate == null ? "n/a" : kb(m.gzipEstimate)]),
  });
  data.umdModules = modules.map(({ id, ...rest }) => ({ ...rest, id: shortName(id, root) }));
  data.umdGroups = groupList;
  return { tables, data };
}
