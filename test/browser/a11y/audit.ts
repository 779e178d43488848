/**
 * The accessibility audit of an open view: axe-core (through `@axe-core/playwright`) with the
 * WCAG 2.0 / 2.1 A and AA rules, scoped to the SDK's own roots, reduced to the violations of
 * impact "serious" or "critical" that are not excused as false positives.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Result } from "axe-core";
import type { Page } from "playwright-core";

/** The rule sets the audit runs: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The impacts that fail the audit. */
const BLOCKING = new Set(["serious", "critical"]);

/** One element that breaks one rule. */
export interface Finding {
  /** The axe rule id, e.g. `color-contrast`. */
  rule: string;
  /** serious or critical. */
  impact: string;
  /** The element's selector as axe gives it (a frame's selector first for a node in an iframe). */
  target: string;
  /**
   * The element as the views name it: its first SDK class (ydrz-…, qs-…), else its id without
   * digits, else its tag. axe's selectors are not stable (it picks whatever is unique in the
   * document: `.ydrz-app-name` in one state, `#ydrz-agree-text-2 > .ydrz-app-name` in another).
   */
  element: string;
  /** axe's one-line help text of the rule. */
  help: string;
  /** What axe measured on the element (e.g. the colours and their contrast ratio). */
  detail: string;
}

/** A false positive: this rule on exactly this element is not a defect (say why). */
export interface Exclusion {
  /** The axe rule id. */
  rule: string;
  /** The element's `element` key (see Finding). */
  element: string;
  /** Why the finding is not a defect. */
  why: string;
}

/** What one run saw. */
export interface AuditResult {
  /** Serious and critical violations, excluded ones removed, sorted. */
  findings: Finding[];
  /** The outer HTML snippets of every node any rule looked at (violations, passes, incomplete). */
  scanned: string[];
  /** The outer HTML snippets of the elements whose text contrast axe measured (not skipped). */
  contrastMeasured: string[];
}

/** The `element` key of a node, from the start tag axe quotes. */
export function elementKey(html: string): string {
  const tag = /^<([a-z0-9-]+)/i.exec(html);
  const classes = /\sclass="([^"]*)"/.exec(html);
  const sdkClass = classes && classes[1].split(/\s+/).find((c) => /^(ydrz|qs)-/.test(c));
  if (sdkClass) return "." + sdkClass;
  const id = /\sid="([^"]*)"/.exec(html);
  if (id) return "#" + id[1].replace(/[-_]?\d+$/, "");
  return tag ? tag[1].toLowerCase() : html.slice(0, 40);
}

const targetOf = (node: Result["nodes"][number]): string =>
  node.target.map((t) => (Array.isArray(t) ? t.join(" ") : String(t))).join(" >>> ");

/** Runs axe over the elements `include` selects (each must exist) and keeps the blocking findings. */
export async function audit(
  page: Page,
  include: string[],
  exclusions: readonly Exclusion[] = [],
): Promise<AuditResult> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of include) builder.include(selector);
  const results = await builder.analyze();
  const excused = (rule: string, element: string) =>
    exclusions.some((e) => e.rule === rule && e.element === element);
  const findings: Finding[] = [];
  for (const violation of results.violations) {
    for (const node of violation.nodes) {
      const impact = node.impact || violation.impact || "";
      const target = targetOf(node);
      const element = elementKey(node.html);
      if (!BLOCKING.has(impact) || excused(violation.id, element)) continue;
      const detail = (node.failureSummary || "").replace(/\s+/g, " ").trim();
      findings.push({ rule: violation.id, impact, target, element, help: violation.help, detail });
    }
  }
  findings.sort((a, b) => (a.rule + a.element).localeCompare(b.rule + b.element));
  const all = [...results.violations, ...results.passes, ...results.incomplete];
  const scanned = all.flatMap((r) => r.nodes.map((n) => n.html));
  // color-contrast "passes" text it does not see with the message key "hidden".
  const measured = (n: Result["nodes"][number]) =>
    [...n.any, ...n.all].every(
      (check) => (check.data as { messageKey?: string } | null)?.messageKey !== "hidden",
    );
  const contrastMeasured = all
    .filter((r) => r.id === "color-contrast")
    .flatMap((r) => r.nodes.filter(measured).map((n) => n.html));
  return { findings, scanned, contrastMeasured };
}

/** The findings as lines for a failure message: rule, impact, target, help. */
export function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return "(none)";
  return findings
    .map((f) => `${f.rule} [${f.impact}] ${f.element} (${f.target}): ${f.help} (${f.detail})`)
    .join("\n");
}
