/**
 * axe-core in Chromium on one page of each kind, in the light and the dark
 * theme (contrast differs), with no violation at all. axe is injected from its
 * file with `bypassCSP`, since the site's policy (rightly) refuses injected scripts.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { KEY_PAGES, type KeyPage, useServedReaderSite } from "./reader-site.ts";
import { searchFor } from "./search-page.ts";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

const served = useServedReaderSite();

async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  }) as AxeViolation[];
  return violations.map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => `${JSON.stringify(n.target)}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`).join("; ")}`);
}

describe("axe finds no violation", () => {
  for (const scheme of ["light", "dark"] as const) {
    for (const [name, url] of Object.entries(KEY_PAGES) as Array<[KeyPage, string]>) {
      it(`on the ${name} page (${url}) in the ${scheme} theme`, async () => {
        const context = await served.browser.newContext({ bypassCSP: true, colorScheme: scheme, viewport: { width: 1280, height: 900 } });
        try {
          const page = await context.newPage();
          await page.goto(served.site.url + url, { waitUntil: "networkidle" });
          // The search page is audited with results on screen, filters and all.
          if (name === "search") await searchFor(page, "consequat");
          expect(await audit(page)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
