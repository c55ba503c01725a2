/** Every article has cite.bib, cite.ris and cite.json beside its page, each valid, and a formatted reference on the page. */
import { existsSync, readFileSync } from "node:fs";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { bylineToCslName } from "../../src/exports/citation-names.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResearchSite, FIXTURE, FIXTURE_IDS, type FixtureId, type ResearchSite } from "./research-site.ts";

const SITE_URL = "https://archive.example.org";
let site: ResearchSite;
const read = (address: string) => readFileSync(site.file(address), "utf8");

beforeAll(() => {
  site = buildResearchSite({ env: { SITE_URL } });
});
afterAll(() => site?.remove());

/** The dates of the fixture as CSL date-parts, with their precision and `circa` for uncertain or approximate. */
const ISSUED: Record<FixtureId, { "date-parts": number[][]; circa?: true } | undefined> = {
  "police-massacre-in-juliaca": { "date-parts": [[2023, 1, 9]] },
  "masacre-en-juliaca": { "date-parts": [[2023, 1, 10]] },
  "general-strike-in-lima-we-will-not-go-home": { "date-parts": [[2022, 12, 7]], circa: true },
  "paro-nacional-contra-el-gobierno-de-boluarte": { "date-parts": [[2023, 1]], circa: true },
  "a-chronology-of-the-protests": {
    "date-parts": [
      [2022, 12],
      [2023, 1],
    ],
  },
  "comunicado-del-sindicato-de-maestros": undefined,
  "castillo-elected-president-of-peru": { "date-parts": [[2021]] },
  "merino-resigns-after-five-days": { "date-parts": [[2020, 11, 15]] },
  "february-report-from-puno": { "date-parts": [[2023, 2, 10]] },
};

/** Where a citation points: the article's permanent address, which sends the reader to its page. */
const permanent = (id: string) => `${SITE_URL}/a/${id}/`;

const REQUIRED_CSL_FIELDS = ["id", "type", "title", "container-title", "URL", "language"];

describe.each(FIXTURE_IDS)("%s", (id) => {
  const fixture = FIXTURE[id];
  const jsonl = () =>
    readFileSync(site.file("/data/archive.jsonl"), "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line))
      .find((r) => r.id === id);

  it("has cite.bib, cite.ris and cite.json beside its page", () => {
    for (const name of ["index.html", "cite.bib", "cite.ris", "cite.json"])
      expect(existsSync(site.file(`${fixture.url}${name}`)), name).toBe(true);
  });

  it("has CSL-JSON with the required fields and the date's real precision", () => {
    const items = JSON.parse(read(`${fixture.url}cite.json`));
    expect(Array.isArray(items) && items.length).toBe(1);
    const item = items[0];
    for (const field of REQUIRED_CSL_FIELDS) expect(typeof item[field], field).toBe("string");
    const record = jsonl();
    expect(item).toMatchObject({
      id,
      type: "article-newspaper",
      title: record.title,
      "container-title": record.publication,
      URL: permanent(id),
      language: fixture.language,
    });
    expect(item.issued).toEqual(ISSUED[id]);
    expect(item.author).toEqual(record.authors?.map(bylineToCslName));
    expect(item).not.toHaveProperty("accessed");
  });

  it("has BibTeX that citation-js reads back, keyed by the id", () => {
    const text = read(`${fixture.url}cite.bib`);
    expect(text).toMatch(new RegExp(`^@article\\{${id},\\n`));
    const [item] = new Cite(text).data;
    const record = jsonl();
    expect(item).toMatchObject({ title: record.title, "container-title": record.publication, URL: permanent(id) });
    const issued = ISSUED[id];
    if (issued) expect((item!.issued as { "date-parts": number[][] })["date-parts"][0]).toEqual(issued["date-parts"][0]);
    else expect(item!.issued).toBeUndefined();
  });

  it("has RIS that citation-js reads back as a newspaper article", () => {
    const text = read(`${fixture.url}cite.ris`);
    expect(text.startsWith("TY  - NEWS\n")).toBe(true);
    expect(text.endsWith("ER  - \n")).toBe(true);
    const [item] = new Cite(text).data;
    const record = jsonl();
    expect(item).toMatchObject({
      type: "article-newspaper",
      title: record.title,
      "container-title": record.publication,
      URL: permanent(id),
      language: fixture.language,
    });
    expect(text).toContain(`\nID  - ${id}\n`);
    expect(text.match(/^AU {2}- /gm)?.length ?? 0).toBe(record.authors?.length ?? 0);
    const issued = ISSUED[id];
    if (issued) expect((item!.issued as { "date-parts": number[][] })["date-parts"][0]![0]).toBe(issued["date-parts"][0]![0]);
  });

  it("has a permanent address that sends the reader to the page", () => {
    const page = read(`/a/${id}/index.html`);
    expect(page).toContain(`<meta http-equiv="refresh" content="0; url=${fixture.url}">`);
  });

  it("shows a formatted reference in the page's Cite section, with links to the three files", () => {
    const page = read(`${fixture.url}index.html`);
    const reference = /<p class="reference">([\s\S]*?)<\/p>/.exec(page)?.[1] ?? "";
    const record = jsonl();
    expect(reference).toContain(`<i>${record.publication}</i>`);
    expect(reference).toContain(permanent(id));
    const issued = ISSUED[id];
    expect(reference).toContain(issued ? String(issued["date-parts"][0]![0]) : "n.d.");
    if (issued?.circa) expect(reference).toContain("ca.");
    expect(reference).not.toMatch(/<(?!\/?i>)/);
    // Relative to the page, whose address is the folder the files are in.
    for (const name of ["cite.bib", "cite.ris", "cite.json"]) expect(page).toContain(`href="${name}"`);
  });
});
