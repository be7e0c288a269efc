import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../rigs/built-cli.js';

/** Attributes whose text a person reads or hears. */
const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label', 'aria-roledescription', 'aria-valuetext']);
const LETTERS = /\p{L}/u;

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : componentFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

/** Text in JSX that does not come from the catalogues: JSX text, user-facing attributes and string children. */
function literalStrings(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string): void => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path.relative(repoRoot, file)}:${String(line + 1)} ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTERS.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(source)) && node.initializer !== undefined) {
      const initializer = node.initializer;
      if (ts.isStringLiteral(initializer) && LETTERS.test(initializer.text)) report(node, initializer.text);
    }
    if (ts.isJsxExpression(node) && node.expression !== undefined && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const expression = node.expression;
      if ((ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) && LETTERS.test(expression.text)) report(node, expression.text);
      if (ts.isTemplateExpression(expression) && LETTERS.test(expression.head.text + expression.templateSpans.map((span) => span.literal.text).join(''))) report(node, expression.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('user-facing text', () => {
  it('comes from the catalogues: no component holds a literal string a person reads', () => {
    const files = componentFiles(path.join(repoRoot, 'renderer'));
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(literalStrings)).toEqual([]);
  });

  it('is caught when a component does hold one', () => {
    const probe = path.join(repoRoot, 'test', 'fixtures', 'renderer', 'LiteralProbe.tsx');
    expect(literalStrings(probe)).toHaveLength(3);
  });
});
