/**
 * The default collection, imported from its raw pages into a fresh project:
 * counts, exact headlines and teasers as the pages print them, languages,
 * translations, the print issue's dates, pages and number, and no boilerplate.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importFiles, type ImportedRecord, type ImportResult } from "../../src/import/index.ts";
import { expectEveryLineAccounted, rawPage, FIXTURE_ROOT, SHARED, tempRoot } from "./support.ts";

let root: string;
const results: Record<string, ImportResult> = {};
const lines: Record<string, string[]> = {};

beforeAll(async () => {
  root = await tempRoot();
  const pages = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-raw-"));
  for (const [key, { file, publication }] of Object.entries(SHARED)) {
    const raw = await rawPage(file, pages);
    lines[key] = (await readFile(raw, "utf8")).split("\n");
    results[key] = await importFiles([raw], { root, publication });
  }
});

const records = (key: keyof typeof SHARED) => results[key]!.records;
/** Line `n` (1-based) of the raw page, as printed. */
const line = (key: keyof typeof SHARED, n: number) => lines[key]![n - 1]!.trim();
const byTitle = (key: keyof typeof SHARED, title: string): ImportedRecord => {
  const found = records(key).find((record) => record.title === title);
  expect(found, `a record titled “${title}”`).toBeDefined();
  return found!;
};
const everything = (record: ImportedRecord) => [record.title, record.summary ?? "", record.body].join("\n");

describe("the raw pages are kept verbatim", () => {
  it("copies each page byte for byte below its header", async () => {
    for (const { file } of Object.values(SHARED)) {
      const kept = await readFile(path.join(root, file), "utf8");
      const original = await readFile(path.join(FIXTURE_ROOT, file), "utf8");
      expect(kept).toBe(original);
    }
  });

  it("accounts for every line of every page", async () => {
    for (const result of Object.values(results)) await expectEveryLineAccounted(result, root);
  });
});

describe("000: Fight Back! News, a listing with bylines in two languages", () => {
  it("gives one article per byline", () => {
    expect(records("000").length).toBeGreaterThanOrEqual(11);
    expect(records("000")).toHaveLength(11);
  });

  it("keeps each teaser exactly as printed", () => {
    const summaries = records("000").map((record) => record.summary);
    for (const n of [10, 27, 36, 41, 47, 54, 59, 66, 71]) expect(summaries).toContain(line("000", n));
    const english = records("000").find((record) => record.summary?.startsWith("In the famous"))!;
    expect(english.summary).toBe(`${line("000", 18)}\n\n${line("000", 20)}`);
  });

  it("keeps headlines the page prints, and derives the others from the teaser with a note", () => {
    const interview = byTitle("000", "Interview with Cristiano Mayta");
    expect(interview.summary).toBe(line("000", 36));
    expect(interview.review ?? []).not.toContain(expect.stringMatching(/derived/));
    const pcv = byTitle("000", "PCV: Debemos Aprender Lecciones de Conflict Político en Brasil");
    expect(pcv.language).toBe("es");
    const derived = records("000").find((record) => record.summary === line("000", 27))!;
    expect(derived.title).toBe(
      "On December 7, a month of people’s protests was kicked off when democratically-elected President Pedro Castillo…",
    );
    expect(derived.review).toContain("headline derived from teaser (its first sentence or clause); the page shows none");
    for (const record of records("000")) {
      if (record.review?.some((note) => note.startsWith("headline derived"))) {
        expect(record.summary!.replace(/^Tucson, AZ – |^Caracas, Venezuela – /, "").startsWith(record.title.replace(/…$/, ""))).toBe(true);
      }
    }
  });

  it("reads bylines, datelines and photo captions", () => {
    const derived = records("000").find((record) => record.summary === line("000", 27))!;
    expect(derived.authors).toEqual(["Jim Byrne"]);
    expect(derived.place).toBe("Tucson, AZ");
    expect(derived.body).toContain("*Perú protest against the coup.*");
    expect(records("000").find((record) => record.summary === line("000", 71))!.place).toBe("Caracas, Venezuela");
    expect(byTitle("000", "Interview with Cristiano Mayta").body).toContain("*Cristiano Mayta.*");
  });

  it("tells Spanish from English and pairs the translations both ways", () => {
    const spanish = records("000")
      .filter((record) => record.language === "es")
      .map((record) => record.summary ?? record.title);
    expect(spanish).toEqual([line("000", 10), line("000", 41), line("000", 76)]);
    const pairs = [
      [line("000", 10), line("000", 18)],
      [line("000", 41), line("000", 47)],
      [line("000", 76), line("000", 71)],
    ];
    for (const [es, en] of pairs) {
      const a = records("000").find((record) => (record.summary ?? record.title).startsWith(es!))!;
      const b = records("000").find((record) => (record.summary ?? record.title).startsWith(en!))!;
      expect(a.translations).toEqual([b.id]);
      expect(b.translations).toEqual([a.id]);
    }
    expect(records("000").filter((record) => record.translations).length).toBe(6);
  });

  it("gives no year to dates printed without one", () => {
    for (const record of records("000")) expect(record.date).toBeUndefined();
    expect(records("000").find((record) => record.summary === line("000", 27))!.review).toContain(
      "the text mentions `December 7` without a year; no date given",
    );
  });

  it("drops the site name, tagline, read-more links and camera placeholder captions, and reports them", () => {
    for (const record of records("000")) {
      expect(everything(record)).not.toMatch(
        /Leer más|Enter a descriptive sentence|News and Views from the People's Struggle|^Fight Back! News$/m,
      );
    }
    const reasons = new Map(results["000"]!.reports[0]!.dropped.map((entry) => [entry.text.trim(), entry.reason]));
    expect(reasons.get("Leer más...")).toBe("read-more link");
    expect(reasons.get("Enter a descriptive sentence about the photo here.")).toBe("camera placeholder caption");
    expect(reasons.get("Fight Back! News")).toBe("site name");
  });
});

describe("001: In Defense of Marxism, a headline-and-teaser listing", () => {
  it("gives exactly ten articles with the exact headline and teaser of each", () => {
    expect(records("001")).toHaveLength(10);
    records("001").forEach((record, k) => {
      expect(record.title).toBe(line("001", 1 + 4 * k));
      expect(record.summary).toBe(line("001", 3 + 4 * k));
      expect(record.body).toBe(line("001", 3 + 4 * k));
      expect(record.language).toBe("en");
      expect(record.review ?? []).toEqual(record.review?.filter((note) => !note.startsWith("headline")) ?? []);
    });
  });

  it("keeps a teaser cut off with […] as printed", () => {
    expect(byTitle("001", "Latin America: A Powder Keg About to Explode").summary).toMatch(/the pandemic and the \[…\]$/);
  });

  it("tags from the vocabulary only where its words occur", () => {
    const coup = byTitle("001", "Peru: Oligarchy Launches Coup against Pedro Castillo");
    expect(coup.tags).toEqual(expect.arrayContaining(["coup", "Pedro Castillo", "Congress"]));
    expect(coup.tags).not.toContain("Dina Boluarte");
  });
});

describe("002: International Workers Organizer N° 37, a whole print issue", () => {
  const expected = [
    ["Statement of the International Leninist Trotskyist Fraction", "2023-01-19", 2],
    ["The insurgent Peruvian masses are in a war footing", "2022-12-13", 4],
    ["The working class and the exploited masses resume the fight against the coup", "2023-01-04", 6],
    ["Fierce massacre of the Juliaca masses by the police - Puno", "2023-01-09", 7],
    ["It is necessary to generalize and extend the Coordinating Committees of the workers and peasants!", "2023-01-15", 9],
    ['The revolutionary struggle of deep Peru arrives in Lima to the war-cry "Out with Boluarte!"', "2023-01-23", 10],
    ["Open Letter to the Secretary General of the CGTP", "2023-01-10", 13],
    ["The battle for Lima continues", "2023-01-24", 14],
    ["It is necessary to set up a revolutionary block at international level in support of the Peruvian masses", "2023-01-23", 16],
    ["Fascism must be crushed", "2023-01-10", 19],
    ["Down with the pension reform!", "2023-01-31", 21],
    ['Dissolution of the murderous police! "No justice, no peace!"', "2023-01-13", 22],
    ["International solidarity with the insurgent people of Peru", "2023-01-31", 23],
    ["Everybody to Lima to set up a continental Congress of the workers' organizations!", "2023-01-31", 26],
  ] as const;

  it("gives one article per article of the issue, in the issue's order", () => {
    expect(records("002").length).toBeGreaterThanOrEqual(12);
    const indexed = records("002").filter((record) => record.page !== undefined);
    expect(indexed.map((record) => [record.title, record.date, record.page])).toEqual(expected.map((entry) => [...entry]));
  });

  it("also finds the dated articles the index leaves out", () => {
    const opEd = byTitle(
      "002",
      'The class-collaboration "progressive" Governments save imperialism from the revolutionary onslaught of the masses',
    );
    expect(opEd.date).toBe("2023-01-23");
    expect(opEd.authors).toEqual(["Iván León"]);
    expect(opEd.review).toContain("not listed in the issue's index: its page is not known");
    expect(byTitle("002", "From Japan comes solidarity with the workers, peasants and young fighters of Peru").date).toBe("2023-01-30");
  });

  it("marks every article with the issue number, and says when the date is the issue's", () => {
    for (const record of records("002")) {
      expect(record.issue).toBe("N° 37");
      expect(record.language).toBe("en");
    }
    expect(byTitle("002", "International solidarity with the insurgent people of Peru").review).toContain(
      "date is the issue's (N° 37, January 31, 2023); the article prints none",
    );
    expect(byTitle("002", "The insurgent Peruvian masses are in a war footing").review).toContain(
      "the issue's index lists it as “Out with the murderous government of Dina Boluarte!” (page 4)",
    );
  });

  it("reads datelines and bylines", () => {
    expect(byTitle("002", "Open Letter to the Secretary General of the CGTP").place).toBe("Majes");
    expect(byTitle("002", "Down with the pension reform!").authors).toEqual(["Ana Negri", "Luisa Campos"]);
  });

  it("rejoins words and sentences broken across columns and pages", () => {
    const insurgent = byTitle("002", "The insurgent Peruvian masses are in a war footing");
    expect(insurgent.body).toContain("to get the masses off the streets and to disorganize them.");
    expect(insurgent.body).toContain("the masses, who already faced the attacks");
    expect(insurgent.body).toContain("we revolutionaries affirm");
    expect(insurgent.body).toContain("**This National Assembly can only be guaranteed by a Provisional Workers and Peasants' Government");
    expect(insurgent.body).toContain("We call to break and put an end to the leaderships that");
    expect(insurgent.body).not.toMatch(/\bdis-\n|\brev-$/m);
    const appeal = byTitle("002", "Everybody to Lima to set up a continental Congress of the workers' organizations!");
    // The text continued from page 26 on page 25 comes back to its article.
    expect(appeal.body).toContain("Those are the forces to defeat the US, the only way to win **bread, land, and decent life!**");
  });

  it("drops the page furniture and reports it", () => {
    for (const record of records("002")) {
      expect(everything(record)).not.toMatch(
        /Price US|See back cover|^# INDEX|\.{5}\d|WANTED|Presentation of the book|Continued from page|See in page|follow us on|editorialrudolphklement|Read this article on/m,
      );
    }
    const reasons = new Set(results["002"]!.reports[0]!.dropped.map((entry) => entry.reason));
    expect(reasons).toContain("print: index (table of contents)");
    expect(reasons).toContain("print: advertisement");
    expect(reasons).toContain("print: jump line (continued on/from another page)");
  });
});

describe("004: Peoples Dispatch, headlines and teasers side by side in two languages", () => {
  it("gives exactly eleven articles with the exact headline and teaser of each", () => {
    expect(records("004")).toHaveLength(11);
    records("004").forEach((record, k) => {
      expect(record.title).toBe(line("004", 2 + 4 * k));
      expect(record.summary).toBe(line("004", 4 + 4 * k));
    });
  });

  it("pairs the Spanish and English versions of the same interview", () => {
    const es = byTitle("004", "Enver León: “La mayoría de los peruanos quieren un cambio de Constitución”");
    const en = byTitle("004", "Enver León: “The majority of Peruvians want a change in the Constitution”");
    expect(es.language).toBe("es");
    expect(en.language).toBe("en");
    expect(es.translations).toEqual([en.id]);
    expect(en.translations).toEqual([es.id]);
    expect(records("004").filter((record) => record.language === "es")).toHaveLength(1);
    expect(records("004").filter((record) => record.translations)).toHaveLength(2);
  });

  it("drops the label glued above the first headline", () => {
    expect(results["004"]!.reports[0]!.dropped.map((entry) => entry.text)).toEqual(["New Peru left"]);
  });
});
