/** `npm run search` searches the built archive's SQLite export offline: words, filters, date ranges, JSON. */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateToDayRange, dayRangesOverlap } from "../../src/exports/day-range.ts";
import { parseEdtfDate } from "../../src/records/edtf-date.ts";
import type { SearchHit } from "../../src/search/search-archive.ts";
import { projectRoot } from "../support/build-site.ts";
import { buildResearchSite, FIXTURE, runSearch, type FixtureId, type ResearchSite } from "./research-site.ts";

let site: ResearchSite;
let db: string;

beforeAll(() => {
  site = buildResearchSite();
  db = site.file("/data/archive.sqlite");
});
afterAll(() => site?.remove());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function search(args: string[], options: { isTTY?: boolean; withDb?: boolean } = {}): Run {
  return runSearch([...(options.withDb === false ? [] : ["--db", db]), ...args], { isTTY: options.isTTY ?? false });
}

/** A hit of the JSON output, whose ids are the fixture's. */
type Hit = Omit<SearchHit, "id"> & { id: FixtureId };

function searchJson(args: string[]): Hit[] {
  const run = search([...args, "--json"]);
  // Nothing on stderr but, when the limit left matches out, how many there are.
  expect(run.stderr).toMatch(/^(search: \d+ of \d+ matching articles shown; more with `--limit`\n)?$/);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Hit[];
}

describe("npm run search", () => {
  it("finds the article a word names, best first", () => {
    const hits = searchJson(["Juliaca"]);
    expect(hits.map((h) => h.id)).toEqual(
      expect.arrayContaining(["police-massacre-in-juliaca", "masacre-en-juliaca", "february-report-from-puno"]),
    );
    expect(hits).toHaveLength(3);
    // A word in the title outranks the same word only in the text.
    expect(hits.at(-1)!.id).toBe("february-report-from-puno");
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it("prints {id, title, date, publication, authors, language, url, snippet, score} with --json", () => {
    const [hit] = searchJson(["seventeen"]);
    expect(Object.keys(hit!)).toEqual(["id", "title", "date", "publication", "authors", "language", "url", "snippet", "score"]);
    expect(hit).toMatchObject({
      id: "police-massacre-in-juliaca",
      title: "Police massacre in Juliaca",
      date: "2023-01-09",
      publication: "International Workers Organizer",
      authors: ["staff"],
      language: "en",
      url: FIXTURE["police-massacre-in-juliaca"].url,
    });
    expect(hit!.snippet).toMatch(/\[Seventeen\]/);
    expect(hit!.score).toBeGreaterThan(0);
    expect(searchJson(["sindicato", "maestros"])[0]).toMatchObject({ id: "comunicado-del-sindicato-de-maestros", date: null });
    expect(searchJson(["Castillo", "elected"])[0]).toMatchObject({ id: "castillo-elected-president-of-peru", authors: [] });
  });

  it("finds a word's other forms: protest finds the articles that say protests or protesters", () => {
    expect(
      searchJson(["protest"])
        .map((h) => h.id)
        .sort(),
    ).toEqual(["a-chronology-of-the-protests", "merino-resigns-after-five-days", "police-massacre-in-juliaca"]);
    expect(search(["protest"]).stdout).toContain("[protests]");
  });

  it("returns only Spanish articles with --lang es", () => {
    const hits = searchJson(["peru", "--lang", "es"]);
    expect(hits.length).toBeGreaterThanOrEqual(3);
    for (const hit of hits) expect(FIXTURE[hit.id].language).toBe("es");
    expect(searchJson(["peru", "--lang", "en"]).every((h) => h.language === "en")).toBe(true);
  });

  it("keeps only articles whose dates overlap --from 2022-12 --to 2023-01, and no undated one", () => {
    const hits = searchJson(["peru", "--from", "2022-12", "--to", "2023-01", "--limit", "100"]);
    expect(hits.map((h) => h.id).sort()).toEqual([
      "a-chronology-of-the-protests",
      "general-strike-in-lima-we-will-not-go-home",
      "masacre-en-juliaca",
      "paro-nacional-contra-el-gobierno-de-boluarte",
      "police-massacre-in-juliaca",
    ]);
    const range = { start: "2022-12-01", end: "2023-01-31" };
    for (const hit of hits) {
      const parsed = parseEdtfDate(hit.date ?? "");
      expect(parsed.ok && dayRangesOverlap(dateToDayRange(parsed.value), range), `${hit.id} ${hit.date}`).toBe(true);
    }
  });

  it("takes EDTF intervals and ISO days for --from and --to", () => {
    expect(searchJson(["peru", "--from", "2022-12-08", "--to", "2022-12-31"]).map((h) => h.id)).toEqual(["a-chronology-of-the-protests"]);
    expect(searchJson(["peru", "--from", "2020/2021"]).map((h) => h.id)).not.toContain("comunicado-del-sindicato-de-maestros");
    expect(
      searchJson(["peru", "--to", "2021-06"])
        .map((h) => h.id)
        .sort(),
    ).toEqual(["castillo-elected-president-of-peru", "merino-resigns-after-five-days"]);
  });

  it("narrows by publication (part of the name, any case) and by tag", () => {
    expect(searchJson(["peru", "--publication", "fight back"]).map((h) => h.publication)).toEqual(["Fight Back! News", "Fight Back! News"]);
    expect(
      searchJson(["peru", "--tag", "STRIKE"])
        .map((h) => h.id)
        .sort(),
    ).toEqual(["february-report-from-puno", "general-strike-in-lima-we-will-not-go-home"]);
  });

  it("narrows by author (part of a name, any case, accents ignored)", () => {
    expect(searchJson(["peru", "--author", "BYRNE"]).map((h) => h.id)).toEqual(["general-strike-in-lima-we-will-not-go-home"]);
    const staff = searchJson(["peru", "--author", "staff", "--limit", "100"]);
    expect(staff.map((h) => h.id).sort()).toEqual([
      "february-report-from-puno",
      "general-strike-in-lima-we-will-not-go-home",
      "police-massacre-in-juliaca",
    ]);
    for (const hit of staff) expect(hit.authors).toContain("staff");
    expect(searchJson(["maestros", "--author", "sutep"]).map((h) => h.id)).toEqual(["comunicado-del-sindicato-de-maestros"]);
    expect(searchJson(["juliaca", "--author", "redaccion"]).map((h) => h.id)).toEqual(["masacre-en-juliaca"]);
  });

  it("sorts by date with --sort newest or oldest, undated articles last in both", () => {
    const relevance = searchJson(["peru", "--limit", "100"]);
    const firstDay = (hit: Hit): string | undefined => {
      const parsed = hit.date ? parseEdtfDate(hit.date) : undefined;
      return parsed?.ok ? dateToDayRange(parsed.value).start : undefined;
    };
    for (const sort of ["newest", "oldest"] as const) {
      const hits = searchJson(["peru", "--sort", sort, "--limit", "100"]);
      expect(hits.map((h) => h.id).sort()).toEqual(relevance.map((h) => h.id).sort());
      const days = hits.map(firstDay);
      const dated = days.filter((day): day is string => day !== undefined);
      // Undated articles (no first day) come after every dated one.
      expect(days.slice(0, dated.length)).toEqual(dated);
      expect(dated).toEqual([...dated].sort((a, b) => (sort === "newest" ? b.localeCompare(a) : a.localeCompare(b))));
      expect(dated.length).toBeGreaterThan(3);
    }
    expect(relevance.some((h) => h.date === null)).toBe(true);
    // The limit takes the newest or oldest matches, not the best ones sorted.
    expect(searchJson(["peru", "--sort", "oldest", "--limit", "1"]).map((h) => h.id)).toEqual(["merino-resigns-after-five-days"]);
    expect(searchJson(["peru", "--sort", "newest", "--limit", "1"]).map((h) => h.id)).toEqual(["february-report-from-puno"]);
    expect(search(["peru", "--sort", "oldest", "--limit", "1"]).stdout).toMatch(
      /^\d+ articles match “peru”; the oldest 1 \(more with `--limit`\):\n/,
    );
    expect(search(["peru", "--sort", "newest", "--limit", "100"]).stdout).toMatch(/^\d+ articles match “peru”, newest first:\n/);
  });

  it("limits the results with --limit", () => {
    expect(searchJson(["peru", "--limit", "2"])).toHaveLength(2);
  });

  it("counts every match, not only the ones a limit lets it show", () => {
    const all = searchJson(["peru", "--limit", "100"]).length;
    expect(all).toBeGreaterThan(2);
    expect(search(["peru", "--limit", "2"]).stdout).toMatch(
      new RegExp(`^${all} articles match “peru”; the best 2 \\(more with \`--limit\`\\):\n`),
    );
    expect(search(["peru", "--limit", String(all)]).stdout).toMatch(new RegExp(`^${all} articles match “peru”, best first:\n`));
    // With --json, stdout is the array alone and the count goes to stderr, only when some are left out.
    const limited = search(["peru", "--limit", "2", "--json"]);
    expect(JSON.parse(limited.stdout)).toHaveLength(2);
    expect(limited.stderr).toBe(`search: 2 of ${all} matching articles shown; more with \`--limit\`\n`);
    expect(search(["peru", "--limit", String(all), "--json"]).stderr).toBe("");
    // The count is narrowed as the results are.
    const fightBack = searchJson(["peru", "--publication", "fight back"]).length;
    expect(search(["peru", "--publication", "fight back", "--limit", "1"]).stdout).toMatch(
      new RegExp(`^${fightBack} articles? match(es)? “peru”`),
    );
  });

  it("counts the matches by year, month and publication, each period from the first to the last", () => {
    const hits = searchJson(["the", "--limit", "1000"]);
    expect(hits.length).toBeGreaterThan(3);
    const expected = (length: number) => {
      const counts = new Map<string, number>();
      for (const hit of hits) {
        const parsed = hit.date ? parseEdtfDate(hit.date) : undefined;
        const range = parsed?.ok ? dateToDayRange(parsed.value) : undefined;
        const period = !range
          ? "undated"
          : range.start.slice(0, length) === range.end.slice(0, length)
            ? range.start.slice(0, length)
            : "wider";
        counts.set(period, (counts.get(period) ?? 0) + 1);
      }
      return counts;
    };
    for (const [by, length] of [
      ["year", 4],
      ["month", 7],
    ] as const) {
      const run = search(["the", "--count-by", by, "--json"]);
      expect(run.code, run.stderr).toBe(0);
      const counts = JSON.parse(run.stdout) as Array<{ period: string; articles: number }>;
      expect(new Map(counts.filter((c) => c.articles > 0).map((c) => [c.period, c.articles]))).toEqual(expected(length));
      const periods = counts.map((c) => c.period).filter((p) => p !== "undated" && p !== "wider");
      // Every period between the first and the last is listed, in order, 0 where nothing matched.
      for (let i = 1; i < periods.length; i++) {
        const [a, b] = [periods[i - 1]!, periods[i]!];
        const next =
          length === 4
            ? String(Number(a) + 1)
            : new Date(Date.UTC(Number(a.slice(0, 4)), Number(a.slice(5, 7)), 1)).toISOString().slice(0, 7);
        expect(b).toBe(next);
      }
    }
    const byPublication = JSON.parse(search(["the", "--count-by", "publication", "--json"]).stdout) as Array<{
      period: string;
      articles: number;
    }>;
    expect(byPublication.reduce((sum, c) => sum + c.articles, 0)).toBe(hits.length);
    expect(new Set(byPublication.map((c) => c.period))).toEqual(new Set(hits.map((h) => h.publication)));
    const csv = search(["the", "--count-by", "year", "--csv"]);
    expect(csv.stdout.split("\r\n")[0]).toBe("year,articles");
    expect(search(["the", "--csv"]).code).toBe(2);
    expect(search(["the", "--count-by", "week"]).stderr).toMatch(/`--count-by week` is not a way to count/);
  });

  it("marks matched words in bold on a terminal and with brackets elsewhere", () => {
    expect(search(["aeropuerto"], { isTTY: true }).stdout).toContain("\u001b[1maeropuerto\u001b[22m");
    const plain = search(["aeropuerto"]);
    expect(plain.stdout).toContain("[aeropuerto]");
    expect(plain.stdout).not.toContain("\u001b[");
    expect(plain.stdout).toContain("10 January 2023 · International Workers Organizer · Redacción · es · /2023/01/10/masacre-en-juliaca/");
    expect(search(["Lima", "home"]).stdout).toContain("· Fight Back! News · Jim Byrne, staff · en ·");
  });

  it.each(['"', "NEAR(", "juliaca AND", "OR", "*", "title:juliaca", "(juliaca", "-juliaca", "juliaca'", 'a"b', "^x", "{x y}"])(
    "does not crash on FTS syntax in a query: %s",
    (query) => {
      // After `--`, so a leading `-` is part of the query, not an option.
      const run = search(["--json", "--", query]);
      expect([0, 2]).toContain(run.code);
      if (run.code === 0) expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
      else expect(run.stderr).toMatch(/^search: The query `.*` has no words to search for/);
    },
  );

  it("explains bad input and exits non-zero", () => {
    expect(search(["peru", "--from", "December"])).toMatchObject({ code: 2, stderr: expect.stringContaining("is not a valid EDTF date") });
    expect(search(["peru", "--from", "2023", "--to", "2022"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("swap the two dates"),
    });
    expect(search(["peru", "--publication", "Pravda"])).toMatchObject({ code: 2, stderr: expect.stringContaining("`Fight Back! News`") });
    expect(search(["peru", "--tag", "nothing-like-this"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("No article has the tag"),
    });
    expect(search(["peru", "--author", "Trotsky"])).toMatchObject({ code: 2, stderr: expect.stringContaining("`staff`") });
    expect(search(["peru", "--sort", "date"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("`relevance`, `newest`, `oldest`"),
    });
    expect(search(["peru", "--limit", "0"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--limit 0") });
    expect(search(["peru", "--lang", "Spanish!"])).toMatchObject({ code: 2, stderr: expect.stringContaining("not a language code") });
    expect(search(["--lang", "es"])).toMatchObject({ code: 2, stderr: expect.stringContaining("give a query") });
    expect(search(["peru", "--colour"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--colour") });
  });

  it("tells to run `npm run build` when the database is missing", () => {
    const run = search(["peru", "--db", "/nonexistent/archive.sqlite"], { withDb: false });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("npm run build");
    expect(run.stdout).toBe("");
  });

  it("answers --help", () => {
    const run = search(["--help"], { withDb: false });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: npm run search -- QUERY");
    for (const option of ["--publication", "--author", "--tag", "--lang", "--from", "--to", "--sort", "--limit", "--json", "--db"])
      expect(run.stdout).toContain(option);
  });

  it("runs as `npm run search` from the terminal", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/search.ts", "Juliaca", "--json", "--db", db], {
      cwd: projectRoot,
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const hits = JSON.parse(result.stdout) as Hit[];
    expect(hits.map((h) => h.id)).toContain("police-massacre-in-juliaca");
    const missing = spawnSync(process.execPath, ["--import", "tsx", "scripts/search.ts", "Juliaca"], {
      cwd: projectRoot,
      encoding: "utf8",
      env: { ...process.env, HEMEROTECA_OUTPUT: "/nonexistent-output" },
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("run `npm run build` first");
  });
});
