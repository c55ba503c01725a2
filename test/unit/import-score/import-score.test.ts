/**
 * The importer's score (src/import-score): truth files read and placed on
 * their page, and every count shown to move when the records change. The
 * records here are made by hand, so the counting is tested apart from what
 * the importer does today.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import {
  checkFreshFold,
  countBoilerplateInRecords,
  countFields,
  countUnaccounted,
  locateTruth,
  parseDevDomains,
  parseFreshPages,
  parseTruth,
  plainHeadline,
  readCorpusPage,
  scoreCorpus,
  scorePage,
  scorePages,
  segmentItems,
  TruthFileError,
  type LocatedPage,
  type ScoredRecord,
} from "../../../src/import-score/index.ts";
import { REPO } from "../../import/support.ts";

const PAGE = [
  "Site name placeholder", // 1
  "", // 2
  "Headline one", // 3
  "Teaser one alpha beta gamma delta", // 4
  "Share placeholder", // 5
  "", // 6
  "Headline two", // 7
  "Teaser two alpha beta gamma delta", // 8
  "", // 9
  "Headline three", // 10
  "Teaser three alpha beta gamma delta", // 11
  "Share placeholder", // 12
  "",
].join("\n");

function truthYaml(extra: { items?: string; boilerplate?: string } = {}): string {
  return `url: https://example.org/section/
retrieved: 2026-12-07
outlet: Example Outlet
domain: example.org
language: en
layout: listing
what: section page
items:
${
  extra.items ??
  `  - headline: "Headline one"
    start: "Teaser one alpha beta"
    bylines: ["Name One"]
    date: "2023-03-05"
    date_printed: "5 March 2023"
    language: en
  - headline: "Headline two"
    start: "Teaser two alpha beta"
    bylines: []
    date: null
    date_printed: "2 hours ago"
    language: en
  - headline: "Headline three"
    start: "Teaser three alpha beta"
    bylines: []
    date: null
    date_printed: null
    language: en`
}
boilerplate:
${
  extra.boilerplate ??
  `  - "Site name placeholder"
  - "Share placeholder"
  - "Share placeholder"`
}
`;
}

function located(yaml = truthYaml(), page = PAGE): LocatedPage {
  return locateTruth("example-org-section", "truth.yml", page, parseTruth(yaml, "truth.yml"));
}

function record(lines: number[], fields: Partial<ScoredRecord> = {}): ScoredRecord {
  return { lines, title: "Headline one", authors: [], language: "en", ...fields };
}

describe("reading and placing a truth file", () => {
  it("finds each item's anchors in page order and the boilerplate lines", () => {
    const page = located();
    expect(page.items.map((item) => item.anchors)).toEqual([
      [3, 4],
      [7, 8],
      [10, 11],
    ]);
    expect(page.boilerplateLines).toEqual([1, 5, 12]);
  });

  it("anchors a headline printed twice on the copy that is not listed as boilerplate", () => {
    const page = located(
      truthYaml({
        items: `  - headline: "Headline one"\n    start: null\n    bylines: []\n    date: null\n    date_printed: null\n    language: en`,
        boilerplate: `  - "Site name placeholder"\n  - "Headline one"`,
      }),
      "Site name placeholder\nHeadline one\nHeadline one\nTeaser one alpha beta gamma delta\n",
    );
    expect(page.items[0]!.anchors).toEqual([3]);
    expect(page.boilerplateLines).toEqual([1, 2]);
  });

  it("finds a print headline broken over two lines, and an item whose headline comes before the previous item's text", () => {
    const page = located(
      truthYaml({ boilerplate: `  - "Site name placeholder"` }),
      [
        "Site name placeholder",
        "Headline",
        "one",
        "Headline two",
        "Teaser two alpha beta gamma delta",
        "Teaser one alpha beta gamma delta",
        "Headline three",
        "Teaser three alpha beta gamma delta",
        "",
      ].join("\n"),
    );
    expect(page.items.map((item) => item.anchors)).toEqual([
      [2, 6],
      [4, 5],
      [7, 8],
    ]);
  });

  it("names the file and the item whose anchor is not on the page", () => {
    const yaml = truthYaml().replace("Teaser two alpha beta", "Teaser nine alpha beta");
    expect(() => located(yaml)).toThrow(TruthFileError);
    expect(() => located(yaml)).toThrow(/truth\.yml: item 2 \(“Headline two”\): the start “Teaser nine alpha beta”/);
  });

  it("takes a start of fewer than 4 words only as a whole line", () => {
    expect(() => located(truthYaml().replace(`start: "Teaser one alpha beta"`, `start: "Teaser one"`))).toThrow(
      /item 1 \(“Headline one”\): the start “Teaser one” is not on the page/,
    );
    const page = located(
      truthYaml().replace(`start: "Teaser one alpha beta"`, `start: "Teaser one"`),
      PAGE.replace("Teaser one alpha beta gamma delta", "Teaser one"),
    );
    expect(page.items[0]!.anchors).toEqual([3, 4]);
  });

  it("refuses boilerplate listed more often than printed", () => {
    expect(() => located(truthYaml({ boilerplate: `  - "Site name placeholder"\n  - "Site name placeholder"` }))).toThrow(
      /listed 2 times but the page prints it as a whole line 1 time/,
    );
  });

  it("refuses a truth file that does not fit the schema, naming the field", () => {
    expect(() => parseTruth(truthYaml().replace("layout: listing", "layout: scroll"), "x/truth.yml")).toThrow(
      /^x\/truth\.yml \d+:\d+ layout: must be one of listing, article, print-issue/,
    );
    expect(() => parseTruth(truthYaml().replace(`date: "2023-03-05"`, `date: "5 March"`), "t.yml")).toThrow(/items\.0\.date/);
  });

  it("reads a dev-domains list with comments", () => {
    expect([...parseDevDomains("# developed on\nexample.org\n\n  Other.example.net # and this\n")]).toEqual([
      "example.org",
      "other.example.net",
    ]);
  });

  it("compares headlines without Markdown marks", () => {
    expect(plainHeadline("## **[Headline  one](https://example.org/a)**")).toBe("Headline one");
    expect(plainHeadline("_Headline one_")).toBe("Headline one");
  });
});

describe("segmentation counts", () => {
  const page = located();

  it("counts every item found when each has a record of its own", () => {
    const result = segmentItems(page.items, [record([3, 4]), record([7, 8]), record([10, 11])]);
    expect(result).toEqual({ fates: ["found", "found", "found"], extra: 0 });
  });

  it("counts a later item merged into an earlier item's record", () => {
    const result = segmentItems(page.items, [record([3, 4, 7, 8]), record([10, 11])]);
    expect(result.fates).toEqual(["host", "merged", "found"]);
  });

  it("counts an item split over two records, and the records holding no anchor as extra", () => {
    const result = segmentItems(page.items, [record([1]), record([3]), record([4]), record([7, 8]), record([10, 11]), record([12])]);
    expect(result.fates).toEqual(["split", "found", "found"]);
    expect(result.extra).toBe(2);
  });

  it("counts an item whose anchor no record took as missed", () => {
    expect(segmentItems(page.items, [record([3, 4]), record([8]), record([10, 11])]).fates).toEqual(["found", "missed", "found"]);
  });

  it("counts boilerplate lines taken into records", () => {
    expect(countBoilerplateInRecords(page.boilerplateLines, [record([3, 4]), record([7, 8]), record([10, 11])])).toBe(0);
    expect(countBoilerplateInRecords(page.boilerplateLines, [record([1, 3, 4, 5]), record([7, 8]), record([10, 11, 12])])).toBe(3);
  });

  it("counts lines neither in a record nor dropped with a reason", () => {
    const records = [record([3, 4]), record([7, 8]), record([10, 11])];
    expect(countUnaccounted(page.lines, { records, droppedWithReason: [1, 5, 12] })).toBe(0);
    expect(countUnaccounted(page.lines, { records, droppedWithReason: [1] })).toBe(2);
  });
});

describe("field counts", () => {
  const page = located();
  const right = [
    record([3, 4], { title: "Headline one", authors: ["name  one"], date: "2023-03-05" }),
    record([7, 8], { title: "Headline two" }),
    record([10, 11], { title: "Headline three" }),
  ];

  it("counts headlines, bylines, dates and language right when they are", () => {
    expect(countFields(page.items, right)).toEqual({
      headlinesPrinted: 3,
      headlinesExact: 3,
      bylinesPrinted: 1,
      bylinesRight: 1,
      bylinesWhereNone: 0,
      datesPrinted: 1,
      datesRight: 1,
      datesWrong: 0,
      datesWrongOnlyQualified: 0,
      datesMissing: 0,
      datesWhereNone: 0,
      languageRight: 3,
    });
  });

  it("counts a date given where none is printed (a relative date is none), a wrong and a missing date", () => {
    const relative = countFields(page.items, [right[0]!, { ...right[1]!, date: "1999-12-31?" }, right[2]!]);
    expect(relative.datesWhereNone).toBe(1);
    expect(countFields(page.items, [{ ...right[0]!, date: "2023-03" }, right[1]!, right[2]!])).toMatchObject({
      datesWrong: 1,
      datesWrongOnlyQualified: 0,
    });
    expect(countFields(page.items, [{ ...right[0]!, date: "2023-03-05?" }, right[1]!, right[2]!])).toMatchObject({
      datesRight: 0,
      datesWrong: 1,
      datesWrongOnlyQualified: 1,
    });
    const { date: _date, ...undated } = right[0]!;
    expect(countFields(page.items, [undated, right[1]!, right[2]!]).datesMissing).toBe(1);
  });

  it("counts bylines wrong, and bylines given where none is printed", () => {
    const wrong = countFields(page.items, [
      { ...right[0]!, authors: ["Name One", "Name Two"] },
      { ...right[1]!, authors: ["Share placeholder"] },
      right[2]!,
    ]);
    expect(wrong.bylinesRight).toBe(0);
    expect(wrong.bylinesWhereNone).toBe(1);
  });

  it("counts a headline that is not the printed one, and a wrong language", () => {
    const counts = countFields(page.items, [
      { ...right[0]!, title: "Teaser one alpha beta gamma delta", language: "es" },
      right[1]!,
      right[2]!,
    ]);
    expect(counts.headlinesExact).toBe(2);
    expect(counts.languageRight).toBe(2);
  });

  it("adds it all up for a page, with the layout and a refused page", () => {
    const score = scorePage(page, { layout: "article", records: [], droppedWithReason: [], error: "refused" });
    expect(score.counts).toMatchObject({ pages: 1, items: 3, found: 0, missed: 3, layoutRight: 0, linesUnaccounted: 9, refused: 1 });
    expect(scorePage(page, { layout: "listing", records: right, droppedWithReason: [1, 5, 12] }).counts).toMatchObject({
      found: 3,
      layoutRight: 1,
      linesUnaccounted: 0,
    });
    const merged = scorePage(page, {
      layout: "listing",
      records: [right[0]!, { ...right[1]!, lines: [7, 8, 10, 11] }],
      droppedWithReason: [1, 5, 12],
    });
    expect(merged.counts).toMatchObject({ found: 1, merged: 1, hosts: 1, records: 2, extra: 0 });
  });
});

describe("scoring pages with the importer", () => {
  it("imports each page as a dry run and totals dev and held-out pages apart", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-score-test-"));
    for (const name of ["a-one", "b-two"]) {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, "page.md"), PAGE);
      await writeFile(path.join(dir, name, "truth.yml"), truthYaml().replace("domain: example.org", `domain: ${name}.example`));
    }
    const pages = [await readCorpusPage(path.join(dir, "a-one")), await readCorpusPage(path.join(dir, "b-two"))];
    const score = await scorePages(pages, new Set(["a-one.example"]));
    expect(score.pages.map((page) => page.set)).toEqual(["dev", "held-out"]);
    expect(score.totals.dev.pages).toBe(1);
    expect(score.totals.heldOut.pages).toBe(1);
    expect(score.totals.all.items).toBe(6);
    expect(score.totals.all.nonBlankLines).toBe(18);
  });

  it("the command exits 1 naming the truth file and item when an anchor is missing", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-score-test-"));
    await writeFile(path.join(dir, "page.md"), PAGE);
    await writeFile(path.join(dir, "truth.yml"), truthYaml().replace("Headline three", "Headline nine"));
    const run = promisify(execFile)(process.execPath, ["scripts/run.mjs", "eval-import", "--page", dir], { cwd: REPO });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/truth\.yml: item 3 \(“Headline nine”\): the headline is not printed/),
    });
  });
});

async function corpusOf(names: string[], domainOf: (name: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-score-test-"));
  for (const name of names) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "page.md"), PAGE);
    await writeFile(path.join(dir, name, "truth.yml"), truthYaml().replace("domain: example.org", `domain: ${domainOf(name)}`));
  }
  return dir;
}

describe("the fresh fold", () => {
  it("reads a fresh-pages list of folder names with comments", () => {
    expect(parseFreshPages("# fresh pages\nx-one\n\n  y-two  # a note\n")).toEqual(new Set(["x-one", "y-two"]));
  });

  it("totals fresh pages apart from dev and held-out, and in all", async () => {
    const dir = await corpusOf(["a-one", "b-two", "c-three"], (name) => `${name}.example`);
    const pages = await Promise.all(["a-one", "b-two", "c-three"].map((name) => readCorpusPage(path.join(dir, name))));
    const score = await scorePages(pages, new Set(["a-one.example"]), { freshPages: new Set(["c-three"]) });
    expect(score.pages.map((page) => page.set)).toEqual(["dev", "held-out", "fresh"]);
    expect([score.totals.dev.pages, score.totals.heldOut.pages, score.totals.fresh.pages, score.totals.all.pages]).toEqual([1, 1, 1, 3]);
    expect(score.totals.fresh.items).toBe(3);
  });

  it("refuses a listed folder that is not in the corpus, a dev outlet, and an outlet other pages show", () => {
    const page = (name: string, domain: string) => ({
      name,
      truth: parseTruth(truthYaml().replace("domain: example.org", `domain: ${domain}`), "t"),
    });
    const pages = [page("a-one", "a.example"), page("b-two", "b.example"), page("c-three", "a.example"), page("d-four", "d.example")];
    expect(() => checkFreshFold(pages, new Set(), new Set(["d-four"]), "fresh.txt")).not.toThrow();
    expect(() => checkFreshFold(pages, new Set(), new Set(["d-five"]), "fresh.txt")).toThrow(
      /fresh\.txt: “d-five” is listed but no page folder/,
    );
    expect(() => checkFreshFold(pages, new Set(["b.example"]), new Set(["b-two"]), "fresh.txt")).toThrow(
      /“b-two” is of b\.example, a dev domain/,
    );
    expect(() => checkFreshFold(pages, new Set(), new Set(["c-three"]), "fresh.txt")).toThrow(
      /“c-three” is of a\.example, which pages outside/,
    );
  });

  it("leaves the fresh pages out when asked, importing none of them", async () => {
    const dir = await corpusOf(["a-one", "b-two"], (name) => `${name}.example`);
    const list = path.join(dir, "fresh.txt");
    await writeFile(list, "b-two\n");
    const score = await scoreCorpus({
      corpusDir: dir,
      devDomainsFile: path.join(dir, "none.txt"),
      freshPagesFile: list,
      leaveOutFresh: true,
    });
    expect(score.pages.map((page) => page.name)).toEqual(["a-one"]);
    expect(score.totals.fresh.pages).toBe(0);
    expect(score.totals.all.pages).toBe(1);
  });

  it("the command's --check reads every truth file and counts the folds without importing", async () => {
    const dir = await corpusOf(["a-one", "b-two", "c-three"], (name) => `${name}.example`);
    await writeFile(path.join(dir, "dev.txt"), "a-one.example\n");
    await writeFile(path.join(dir, "fresh.txt"), "c-three\n");
    const args = [
      "scripts/run.mjs",
      "eval-import",
      "--check",
      "--corpus",
      dir,
      "--dev-domains",
      path.join(dir, "dev.txt"),
      "--fresh-pages",
      path.join(dir, "fresh.txt"),
    ];
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: REPO });
    expect(stdout).toBe("3 truth files read and placed on their pages (9 items): dev 1, held-out 1, fresh 1; nothing imported\n");
    await writeFile(path.join(dir, "c-three", "truth.yml"), truthYaml().replace("Headline three", "Headline nine"));
    await expect(promisify(execFile)(process.execPath, args, { cwd: REPO })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/c-three\/truth\.yml: item 3 \(“Headline nine”\): the headline is not printed/),
    });
  });

  it("the command totals the fresh fold in --json, and leaves it out with --leave-out-fresh", async () => {
    const dir = await corpusOf(["a-one", "b-two"], (name) => `${name}.example`);
    await writeFile(path.join(dir, "fresh.txt"), "b-two\n");
    const base = [
      "scripts/run.mjs",
      "eval-import",
      "--json",
      "--corpus",
      dir,
      "--dev-domains",
      path.join(dir, "none.txt"),
      "--fresh-pages",
      path.join(dir, "fresh.txt"),
    ];
    const run = async (args: string[]) =>
      JSON.parse((await promisify(execFile)(process.execPath, args, { cwd: REPO })).stdout) as {
        pages: Array<{ name: string; set: string }>;
        totals: Record<string, { pages: number }>;
        rates: Record<string, unknown>;
      };
    const all = await run(base);
    expect(all.pages.map((page) => [page.name, page.set])).toEqual([
      ["a-one", "held-out"],
      ["b-two", "fresh"],
    ]);
    expect(all.totals.fresh!.pages).toBe(1);
    expect(Object.keys(all.rates).sort()).toEqual(["all", "dev", "fresh", "heldOut"]);
    const without = await run([...base, "--leave-out-fresh"]);
    expect(without.pages.map((page) => page.name)).toEqual(["a-one"]);
    expect(without.totals.fresh!.pages).toBe(0);
  });
});
