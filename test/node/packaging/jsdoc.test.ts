// Every public member of the module's types carries JSDoc: what an integrator's editor shows on
// hover. Read from the built declaration file (`npm run build` first), as integrators get it.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";

const root = resolve(__dirname, "../../..");

/** The members and top-level declarations of a declaration file that have no `/** … *\/`. */
function undocumented(text: string): string[] {
  const file = ts.createSourceFile("index.d.mts", text, ts.ScriptTarget.Latest, true);
  const documented = (node: ts.Node) =>
    (ts.getLeadingCommentRanges(text, node.getFullStart()) || []).some((range) =>
      text.startsWith("/**", range.pos),
    );
  const member = (node: ts.Node) =>
    ts.isPropertySignature(node) ||
    ts.isMethodSignature(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isMethodDeclaration(node);
  const declaration = (node: ts.Node) =>
    node.parent === file &&
    (ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isVariableStatement(node));
  const missing: string[] = [];
  const visit = (node: ts.Node) => {
    if ((member(node) || declaration(node)) && !documented(node)) {
      missing.push(node.getText().split("\n")[0].slice(0, 80));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return missing;
}

describe("dist/index.d.mts", () => {
  const text = readFileSync(resolve(root, "dist/index.d.mts"), "utf8");

  it("has JSDoc on every member and every declaration", () => {
    expect(undocumented(text)).toEqual([]);
  });

  it("the check sees a member without JSDoc (the test can fail)", () => {
    expect(
      undocumented("/** A. */\nexport interface A {\n  /** b. */ b: 1;\n  c: 2;\n}\n"),
    ).toEqual(["c: 2;"]);
  });
});
