/** Rules the demo keeps: one-way dependencies, no HTML built from data, no machine paths. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

const root = resolve(__dirname, "../../..");

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

describe("demo hygiene", () => {
  test("nothing under src/ imports the demo", () => {
    for (const f of files(join(root, "src"), /\.ts$/)) {
      expect(readFileSync(f, "utf8"), relative(root, f)).not.toMatch(/from\s+["'][./]*demo\//);
    }
  });

  test("the pages never write HTML from strings (payloads are shown as text)", () => {
    for (const f of files(join(root, "demo", "pages"), /\.(html|js)$/)) {
      const src = readFileSync(f, "utf8");
      expect(src, relative(root, f)).not.toMatch(
        /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/,
      );
    }
  });

  test("the demo's CSS styles form fields only inside its own containers, never the SDK's digit inputs", () => {
    for (const f of files(join(root, "demo", "pages"), /\.css$/)) {
      const css = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
      const selectors = [...css.matchAll(/([^{}]+)\{/g)].flatMap((m) =>
        m[1].split(",").map((x) => x.trim()),
      );
      // A field selector is scoped when a class-qualified ancestor comes before it.
      const bare = selectors.filter(
        (sel) => /(^|[\s>+~])(input|select|textarea)\b/.test(sel) && !/^\.[\w-]+[^,]*\s/.test(sel),
      );
      expect(bare, relative(root, f)).toEqual([]);
    }
  });

  test("no machine paths in the demo's files", () => {
    for (const f of files(join(root, "demo"), /\.(ts|html|js|css|md)$/)) {
      expect(readFileSync(f, "utf8"), relative(root, f)).not.toMatch(
        /\/(work|home|root|tmp|Users)\/[\w.-]+/,
      );
    }
  });
});
