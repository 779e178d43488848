// Plain-text tables for stdout: one per group, columns padded to their widest cell.
import { isNa } from "./stats.mjs";

const width = (s) => {
  // CJK characters take two columns in a terminal.
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
};

const cell = (v) => {
  if (v === null || v === undefined) return "";
  if (isNa(v)) return `n/a (${v.na})`;
  return String(v);
};

/**
 * @param {string} title
 * @param {string[]} columns
 * @param {unknown[][]} rows cells: strings, numbers or `na(reason)`
 * @param {{ align?: ("l"|"r")[], notes?: string[] }} [opts]
 */
export function formatTable(title, columns, rows, opts = {}) {
  const cells = rows.map((r) => r.map(cell));
  const widths = columns.map((c, i) => Math.max(width(c), ...cells.map((r) => width(r[i] ?? ""))));
  const align = opts.align ?? columns.map((_, i) => (i === 0 ? "l" : "r"));
  const pad = (s, i) => {
    const gap = " ".repeat(Math.max(0, widths[i] - width(s)));
    return align[i] === "l" ? s + gap : gap + s;
  };
  const line = (r) => "| " + r.map((s, i) => pad(s ?? "", i)).join(" | ") + " |";
  const out = [
    `## ${title}`,
    line(columns),
    "|" +
      widths
        .map((w, i) => (align[i] === "l" ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":"))
        .join("|") +
      "|",
  ];
  for (const r of cells) out.push(line(r));
  for (const n of opts.notes ?? []) out.push(`  ${n}`);
  return out.join("\n");
}
