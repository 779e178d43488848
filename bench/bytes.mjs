// 1. Bytes: what a page downloads (UMD, ESM entry, style.css) and where the UMD's bytes go, by
// module: the UMD config of rollup.config.mjs built in memory through rollup's JS API.
import { relative, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import terserPlugin from "@rollup/plugin-terser";
import { rollup } from "rollup";
import { minify } from "terser";
import { measure, sizeOf } from "../scripts/sizes.mjs";
import { kb, na, pct } from "./lib/stats.mjs";
import { sharedUmdBuild } from "./lib/umd-build.mjs";

// The UMD budget that `npm test` asserts (test/node/bundle/budget.test.ts), and the smaller size
// the bench keeps in view.
export const BUDGET_GZIP = 17.5 * 1024;
export const GOAL_GZIP = 10 * 1024;
const BUDGET_LABEL = `${BUDGET_GZIP / 1024} KB`;
const GOAL_LABEL = `${GOAL_GZIP / 1024} KB`;

const SHIPPED = [
  ["dist/ydrz-jssdk.umd.js", "UMD (JS + crypto + CSS), minified"],
  ["dist/index.mjs", "ESM entry (not minified)"],
  ["dist/style.css", "style.css"],
];

/** Which part of the code base a rollup module id belongs to. */
export function groupOf(id, root) {
  if (id.startsWith("\0inline-css:")) return "css";
  if (id.includes("crypto-js") || /src[\\/]sdk[\\/]crypto\.ts$/.test(id)) return "crypto";
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
  if (id.startsWith("\0inline-css:"))
    return "css: " + relative(root, id.slice("\0inline-css:".length)).split(sep).join("/");
  const query = /\?(commonjs-[\w-]+)/.exec(id)?.[1];
  const clean = id.replace(/^\0/, "").replace(/\?.*$/, "");
  if (query) return shortName(clean, root) + ` [${query}]`;
  const nm = clean.lastIndexOf("node_modules" + sep);
  if (nm >= 0)
    return clean
      .slice(nm + "node_modules".length + 1)
      .split(sep)
      .join("/");
  if (clean.startsWith(root)) return relative(root, clean).split(sep).join("/");
  return clean.length > 60 ? clean.slice(0, 57) + "..." : clean;
}

async function umdBreakdown(ctx) {
  const { root, log } = ctx;
  const t = Date.now();
  const { config, chunk, cache } = await sharedUmdBuild(ctx);
  log(`  bytes: UMD rebuilt in memory (transpile-only) in ${Date.now() - t} ms`);
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
      const r = await minify(m.code ?? "", {
        compress: { passes: 2, toplevel: false },
        mangle: { toplevel: false },
        format: { comments: false },
      });
      minLen = r.code.length;
      gz = gzipSync(r.code, { level: 9 }).length;
    } catch {
      /* keep the unminified figures */
    }
    modules.push({
      id,
      name: shortName(id, root),
      group: groupOf(id, root),
      rendered: m.renderedLength,
      original: m.originalLength,
      min: minLen,
      gzipAlone: gz,
    });
  }
  return { modules, bundledMin: whole.length, config, cache, whole };
}

/** The views stub's `mountView`: mounts nothing, and its view's state lets the flow go on. */
const MOUNT_VIEW_STUB =
  "export const mountView = () => ({ busy() {}, wrongDigits() {}, toast() {}, state: () => ({ digits: '', complete: true, agreed: true }), destroy() {} });";

/**
 * The views stub: `mountView` as above and a no-op for every other name the real module exports
 * (`exported`, e.g. `injectStyles` for prepare.ts), so that every importer still links.
 */
function viewsStub(exported) {
  const noop = (name) =>
    name === "default" ? "export default () => {};" : `export const ${name} = () => {};`;
  const others = exported.filter((name) => name !== "mountView").map(noop);
  return [MOUNT_VIEW_STUB, ...others].join("\n");
}

/**
 * The names a source module exports (its own and those it re-exports), from a build with it as
 * the entry through the UMD config's plugins: derived, so that a new export needs no edit here.
 */
async function exportsOf(root, file, { config, cache }) {
  const bundle = await rollup({
    input: resolve(root, file),
    external: config.external,
    plugins: config.plugins.filter((p) => p && p.name !== "terser"),
    cache,
    onwarn: () => {},
  });
  try {
    const { output } = await bundle.generate({ format: "es" });
    return output.find((o) => o.type === "chunk" && o.isEntry).exports;
  } finally {
    await bundle.close();
  }
}

/**
 * What-if builds of the UMD config, reusing the first build's cache: one module or plugin is
 * swapped per variant. The floors (stubs) say exactly what a part costs; the others are concrete
 * changes. A stub's code is a string, or an async function of the first build.
 */
function variants(root, build) {
  const src = (p) => resolve(root, p);
  const stub = (file, code) => ({
    name: "bench-stub",
    load(id) {
      if (id !== src(file)) return null;
      return typeof code === "function" ? code(build) : code;
    },
  });
  const css = (code) => ({
    name: "bench-css",
    load: (id) => (id.startsWith("\0inline-css:") ? code : null),
  });
  const strongerTerser = () =>
    terserPlugin({
      format: { comments: /^!/, ecma: 2020 },
      ecma: 2020,
      compress: {
        passes: 3,
        ecma: 2020,
        pure_getters: true,
        unsafe_arrows: true,
        unsafe_methods: true,
        unsafe_comps: true,
      },
    });
  return [
    {
      name: "floor: no crypto at all (src/sdk/crypto.ts stubbed)",
      plugins: [
        stub(
          "src/sdk/crypto.ts",
          [
            "export const md5Hex = (s) => s;",
            "export const aesCbcHex = (s) => s;",
            "export const base64Utf8 = (s) => s;",
            'export const randomString = () => "";',
          ].join("\n"),
        ),
      ],
    },
    {
      name: "CSS not inlined (a <link> to style.css instead)",
      plugins: [css('export default "";')],
    },
    {
      name: "floor: no views (src/views/index.ts stubbed)",
      plugins: [
        stub("src/views/index.ts", async (build) =>
          viewsStub(await exportsOf(root, "src/views/index.ts", build)),
        ),
      ],
    },
    { name: "terser passes 3, ecma 2020, unsafe_arrows/methods", terser: strongerTerser },
  ];
}

async function whatIfBuilds(root, build, log) {
  const { config, cache } = build;
  const base = config.plugins.filter((p) => p && p.name !== "terser");
  const terser = config.plugins.find((p) => p && p.name === "terser");
  const rows = [];
  for (const v of variants(root, build)) {
    const t = Date.now();
    try {
      const plugins = [...(v.plugins ?? []), ...base, v.terser ? v.terser() : terser].filter(
        Boolean,
      );
      const bundle = await rollup({
        input: config.input,
        external: config.external,
        plugins,
        cache,
        onwarn: () => {},
      });
      const { output } = await bundle.generate(config.output[0]);
      await bundle.close();
      const code = Buffer.from(output.find((o) => o.type === "chunk" && o.isEntry).code);
      rows.push({ name: v.name, ...sizeOf(code), ms: Date.now() - t });
    } catch (e) {
      rows.push({ name: v.name, error: e.message.split("\n")[0] });
    }
  }
  log(`  bytes: ${rows.length} what-if builds`);
  return rows;
}

/** The budget column of the UMD row: within or over the budget, and whether the goal is met. */
function budgetVerdict(gzip) {
  const budget = gzip <= BUDGET_GZIP ? "within" : "OVER";
  const goal = gzip <= GOAL_GZIP ? "met" : "not met";
  return `${budget} ${BUDGET_LABEL} budget; goal ${GOAL_LABEL}: ${goal}`;
}

export async function run(ctx) {
  const { root, log } = ctx;
  const files = {};
  for (const [file] of SHIPPED) {
    try {
      files[file] = measure([file], ctx.dist?.dir ?? root)[file];
    } catch (e) {
      files[file] = na(`${file} missing: ${e.code ?? e.message}`);
    }
  }
  const umd = files["dist/ydrz-jssdk.umd.js"];
  const umdGzip = umd && !umd.na ? umd.gzip : null;
  const sizeRows = SHIPPED.map(([file, label]) => {
    const s = files[file];
    if (s.na) return [label, s, "", "", ""];
    return [
      label,
      kb(s.min),
      kb(s.gzip),
      kb(s.brotli),
      file === "dist/ydrz-jssdk.umd.js" ? budgetVerdict(s.gzip) : "",
    ];
  });
  const tables = [
    {
      title: "Bytes: shipped files",
      columns: ["file", "bytes", "gzip -9", "brotli -11", `budget (UMD gzip ≤ ${BUDGET_LABEL})`],
      rows: sizeRows,
    },
  ];
  const data = { files, budgetGzip: BUDGET_GZIP, goalGzip: GOAL_GZIP };
  data.goals = [
    {
      goal: `UMD ≤ ${BUDGET_LABEL} gzip (budget)`,
      met: umdGzip === null ? null : umdGzip <= BUDGET_GZIP,
      value: umdGzip === null ? "n/a" : kb(umdGzip),
    },
    {
      goal: `UMD ≤ ${GOAL_LABEL} gzip (goal)`,
      met: umdGzip === null ? null : umdGzip <= GOAL_GZIP,
      value: umdGzip === null ? "n/a" : kb(umdGzip),
    },
  ];

  let breakdown;
  try {
    breakdown = await umdBreakdown(ctx);
  } catch (e) {
    tables.push({
      title: "Bytes: UMD by module",
      columns: ["module"],
      rows: [[na(`rollup build of src/umd.ts failed: ${e.message}`)]],
    });
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
    const g = (groups[m.group] ??= {
      group: m.group,
      modules: 0,
      rendered: 0,
      min: 0,
      gzipEstimate: 0,
    });
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
      ...groupList.map((g) => [
        g.group,
        g.modules,
        kb(g.rendered),
        pct(g.rendered / totalRendered),
        kb(g.min),
        umdGzip ? kb(g.gzipEstimate) : na("no UMD gzip"),
      ]),
      [
        "total",
        modules.length,
        kb(totalRendered),
        "100.0%",
        kb(modules.reduce((a, m) => a + m.min, 0)),
        umdGzip ? kb(umdGzip) : "n/a",
      ],
    ],
    notes: [
      "≈ gzip in UMD: the UMD's gzip size split by each module's own minified+gzip size (an estimate).",
    ],
  });
  const top = [...modules]
    .sort((a, b) => (b.gzipEstimate ?? b.rendered) - (a.gzipEstimate ?? a.rendered))
    .slice(0, ctx.quick ? 12 : 20);
  tables.push({
    title: `Bytes: UMD top ${top.length} modules by ≈ gzip`,
    columns: ["module", "group", "rendered", "share", "minified alone", "≈ gzip in UMD"],
    align: ["l", "l", "r", "r", "r", "r"],
    rows: top.map((m) => [
      m.name,
      m.group,
      kb(m.rendered),
      pct(m.share),
      kb(m.min),
      m.gzipEstimate === null ? "n/a" : kb(m.gzipEstimate),
    ]),
  });
  const asBuilt = sizeOf(breakdown.whole);
  // Each what-if build is a full minify (seconds on a busy machine): not in --quick.
  const ifs = ctx.quick ? [] : await whatIfBuilds(root, breakdown, log);
  const gz = (x) => kb(x);
  if (!ctx.quick)
    tables.push({
      title: "Bytes: what-if builds of the UMD (same rollup config, one change each)",
      columns: [
        "variant",
        "min",
        "gzip",
        "Δ gzip",
        "brotli",
        `≤ ${BUDGET_LABEL}`,
        `≤ ${GOAL_LABEL}`,
      ],
      align: ["l", "r", "r", "r", "r", "l", "l"],
      rows: [
        [
          "as built (in memory)",
          kb(asBuilt.min),
          gz(asBuilt.gzip),
          "",
          kb(asBuilt.brotli),
          asBuilt.gzip <= BUDGET_GZIP ? "yes" : "no",
          asBuilt.gzip <= GOAL_GZIP ? "yes" : "no",
        ],
        ...ifs.map((r) =>
          r.error
            ? [r.name, na(r.error), "", "", "", "", ""]
            : [
                r.name,
                kb(r.min),
                gz(r.gzip),
                (r.gzip - asBuilt.gzip > 0 ? "+" : "") + kb(r.gzip - asBuilt.gzip),
                kb(r.brotli),
                r.gzip <= BUDGET_GZIP ? "yes" : "no",
                r.gzip <= GOAL_GZIP ? "yes" : "no",
              ],
        ),
      ],
      notes: [
        "floors are not proposals: they say exactly what a part costs (gzip of the UMD with that part reduced to a stub).",
      ],
    });
  data.whatIf = { asBuilt, variants: ifs };
  data.umdModules = modules.map(({ id, ...rest }) => ({ ...rest, id: shortName(id, root) }));
  data.umdGroups = groupList;
  return { tables, data };
}
