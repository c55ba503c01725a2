/**
 * Checks run on any built site: html-validate on files, axe-core in a
 * Chromium page. The reader fixture's tests and the default collection's
 * share them.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { FileSystemConfigLoader, HtmlValidate, type ConfigData } from "html-validate";
import type { Page } from "playwright-core";

/** The recommended preset, relaxed only where a rule is about source style rather than validity. */
const HTML_VALIDATE_CONFIG: ConfigData = {
  root: true,
  extends: ["html-validate:recommended"],
  rules: {
    // A page's `<title>` is the headline as published plus the site's name; cutting it
    // to 70 characters (a search-engine display hint, not validity) would misquote it.
    "long-title": "off",
  },
};

/** Every html-validate message on the pages `files` (relative to `root`), as `/file line:column rule: message`. */
export async function validateHtml(root: string, files: readonly string[]): Promise<string[]> {
  const validator = new HtmlValidate(new FileSystemConfigLoader(HTML_VALIDATE_CONFIG));
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(path.join(root, file));
    for (const result of report.results) {
      for (const message of result.messages)
        problems.push(`/${file} ${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  return problems;
}

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * axe-core's violations on the page, one line each. axe is injected from its
 * file, so the page's context needs `bypassCSP`: the site's policy (rightly)
 * refuses injected scripts.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  })) as AxeViolation[];
  return violations.map(
    (v) =>
      `${v.impact}: ${v.id} (${v.help}) at ${v.nodes
        .slice(0, 3)
        .map((n) => `${JSON.stringify(n.target)}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`)
        .join("; ")}`,
  );
}
