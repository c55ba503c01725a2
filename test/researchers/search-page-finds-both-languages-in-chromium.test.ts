/**
 * The search page in a real Chromium, under the site's Content-Security-Policy
 * (`script-src 'self' 'wasm-unsafe-eval'`): results for a typed word, filters
 * that narrow them, Spanish and English from one box, date sorting that keeps
 * undated articles, the search in the address, highlighted words on the
 * article opened from a result, and an empty console.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openFilters, researchSiteInChromium, searchReady, typeQuery, waitForTitles } from "./search-page-session.ts";

const chromium = researchSiteInChromium();
const openPage = (address: string) => chromium.open(address);

/** The titles of the rendered results, once any are drawn. */
async function resultTitles(p: Page): Promise<string[]> {
  await p.locator(".search-result").first().waitFor();
  return p.locator(".search-result .pf-result-link").allInnerTexts();
}

describe("the search page", () => {
  // How soon it shows is the benchmark's to measure (`npm run bench -- --search`, time to the first result), not a test's.
  it("shows the article a typed word names", async () => {
    const p = await openPage("/search/");
    await searchReady(p);
    await typeQuery(p, "juliaca");
    await p.locator(".search-result .pf-result-link", { hasText: "Police massacre in Juliaca" }).waitFor();
  });

  it("suggests words in the box that each find articles, and draws no empty filter panel when nothing matches", async () => {
    const p = await openPage("/search/");
    await searchReady(p);
    expect(await p.locator(".list-header p").innerText()).toMatch(
      /^Search the full text of every article, in English and Spanish at once\./,
    );
    const placeholder = (await p.locator("pagefind-input input").getAttribute("placeholder")) ?? "";
    const examples = /^e\.g\. (.+)$/.exec(placeholder)?.[1]?.split(", ") ?? [];
    expect(examples, placeholder).toHaveLength(3);
    for (const example of examples) {
      await typeQuery(p, example);
      await expect.poll(() => p.locator("pagefind-summary").innerText()).toMatch(new RegExp(`^[1-9]\\d* results? for ${example}$`));
    }
    await openFilters(p);
    const pane = p.locator("pagefind-filter-pane .pf-filter-pane");
    expect(await pane.isVisible()).toBe(true);
    await typeQuery(p, "zzxqv");
    await expect.poll(() => p.locator("pagefind-summary").innerText()).toBe("No results for zzxqv");
    await expect.poll(() => pane.isVisible()).toBe(false);
  });

  it("shows each result's date, publication and language", async () => {
    const p = await openPage("/search/");
    await searchReady(p);
    await typeQuery(p, "seventeen");
    const result = p.locator(".search-result", { hasText: "Police massacre in Juliaca" });
    await result.waitFor();
    expect(await result.locator(".search-result-date").innerText()).toBe("9 January 2023");
    expect(await result.locator(".search-result-publication").innerText()).toBe("International Workers Organizer");
    expect(await result.locator(".search-result-language").innerText()).toBe("English");
    expect(await result.locator("mark").first().innerText()).toMatch(/seventeen/i);
  });

  it("finds Spanish articles with a Spanish word from the same box", async () => {
    const p = await openPage("/search/");
    await searchReady(p);
    await typeQuery(p, "huelga");
    const titles = await resultTitles(p);
    expect(titles).toContain("Masacre en Juliaca");
    await typeQuery(p, "aeropuerto");
    await waitForTitles(p, (t) => t.length === 1 && t[0] === "Masacre en Juliaca");
    await typeQuery(p, "airport");
    await waitForTitles(p, (t) => t.length === 1 && t[0] === "Police massacre in Juliaca");
  });

  it("narrows the results with a filter, and shows counts beside each value", async () => {
    const p = await openPage("/search/");
    await searchReady(p);
    await typeQuery(p, "peru");
    const all = await waitForTitles(p, (t) => t.length >= 8);
    await openFilters(p);
    const spanish = p.locator("pagefind-filter-pane label.pf-filter-checkbox", { hasText: "Español" });
    await expect.poll(() => spanish.innerText()).toMatch(/Español\s*3/);
    await spanish.locator("input").check();
    const narrowed = await waitForTitles(p, (t) => t.length === 3);
    expect(narrowed.length).toBeLessThan(all.length);
    for (const language of await p.locator(".search-result-language").allInnerTexts()) expect(language).toBe("Español");
    expect(new URL(p.url()).searchParams.getAll("language")).toEqual(["Español"]);
  });

  it("sorts by date without losing undated articles, in both directions", async () => {
    const p = await openPage("/search/");
    await searchReady(p);
    await typeQuery(p, "maestros");
    await waitForTitles(p, (t) => t.length === 2);
    await p.locator("#search-sort").selectOption("newest");
    const newest = await waitForTitles(p, (t) => t.length === 2 && t[0] === "Paro nacional contra el gobierno de Boluarte");
    expect(newest[1]).toBe("Comunicado del sindicato de maestros");
    await p.locator("#search-sort").selectOption("oldest");
    await typeQuery(p, "peru");
    const oldest = await waitForTitles(p, (t) => t.length >= 8 && t[0] === "Merino resigns after five days");
    expect(oldest.at(-1)).toBe("Comunicado del sindicato de maestros");
    expect(new URL(p.url()).searchParams.get("sort")).toBe("oldest");
  });

  it("keeps the query in the address as it is typed, and restores a shared address", async () => {
    const p = await openPage("/search/");
    await searchReady(p);
    await typeQuery(p, "paro nacional");
    await resultTitles(p);
    await expect.poll(() => new URL(p.url()).searchParams.get("q")).toBe("paro nacional");
    await p.context().close();
    expect(chromium.problems()).toEqual([]);

    const shared = await openPage("/search/?q=juliaca&language=Espa%C3%B1ol");
    await waitForTitles(shared, (t) => t.length === 1 && t[0] === "Masacre en Juliaca");
    expect(await shared.locator("pagefind-input input").inputValue()).toBe("juliaca");
    expect(await shared.locator("pagefind-filter-pane label.pf-filter-checkbox", { hasText: "Español" }).locator("input").isChecked()).toBe(
      true,
    );
  });

  it("highlights the searched word on the article opened from a result", async () => {
    const p = await openPage("/search/?q=aeropuerto");
    const link = p.locator(".search-result .pf-result-link", { hasText: "Masacre en Juliaca" });
    await link.waitFor();
    expect(await link.getAttribute("href")).toContain("highlight=aeropuerto");
    await link.click();
    await p.waitForURL(/\/2023\/01\/10\/masacre-en-juliaca\/\?highlight=aeropuerto/);
    const mark = p.locator(".article mark.pagefind-highlight").first();
    await mark.waitFor();
    expect(await mark.innerText()).toBe("aeropuerto");
  });
});
