/**
 * The archive's years (`dates:` in content/site.yml, by default 1800 to next
 * year): a date outside them is a warning with its value, from `check` and
 * from the build's loader alike, and a year outside them gets no year page.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadArchive } from "../../src/archive/load-archive.ts";
import { loadSiteConfig } from "../../src/archive/site-config.ts";
import { parseSiteFile } from "../../src/archive/site-file.ts";
import { runCheck } from "../../src/check/index.ts";
import { defaultDateRange } from "../../src/records/date-range.ts";
import { article, tempProject, type TempProject } from "./support/temp-project.ts";

let project: TempProject | undefined;
afterEach(() => project?.remove());

const SETTINGS = "title: Test Archive\ntagline: Placeholder papers\n";
const A = "content/articles/press";
const ARTICLES = {
  [`${A}/far-future.md`]: article("Far future", "date: 9999-12-31"),
  [`${A}/caesar.md`]: article("Caesar", "date: -0044-03-15"),
  [`${A}/year-zero.md`]: article("Year zero", "date: '0000'"),
  [`${A}/ordinary.md`]: article("Ordinary", "date: 2023-01-09"),
};

const warningsOf = (problems: ReadonlyArray<{ severity: string; file: string; field: string; line: number; message: string }>) =>
  problems
    .filter((p) => p.severity === "warning")
    .map((p) => [p.file, p.field, p.line, p.message])
    .sort();

describe("the archive's years", () => {
  it("are 1800 to next year unless the settings say otherwise", () => {
    expect(defaultDateRange(new Date("2026-12-07T00:00:00Z"))).toEqual({ from: 1800, to: 2027 });
    expect(parseSiteFile(`${SETTINGS}dates: { from: 1990 }\n`).settings?.dates).toEqual({ from: 1990 });
  });

  it("make a date outside them a warning with its value, the same from check and from the build", async () => {
    project = tempProject(ARTICLES);
    const { site } = loadSiteConfig(project.root, undefined, {});
    const checked = warningsOf((await runCheck({ root: project.root })).problems);
    expect(checked).toEqual([
      [`${A}/caesar.md`, "date", 5, expect.stringMatching(/the date `-0044-03-15` is before the archive's years \(1800 to \d{4}\)/)],
      [
        `${A}/far-future.md`,
        "date",
        5,
        expect.stringMatching(
          /the date `9999-12-31` is after the archive's years \(1800 to \d{4}\): it would come first on the home page and in every feed/,
        ),
      ],
      [`${A}/year-zero.md`, "date", 5, expect.stringMatching(/the date `0000` is before the archive's years/)],
    ]);
    const { archive, warnings } = await loadArchive({ root: project.root, site });
    expect(warningsOf(warnings)).toEqual(checked);
    // Years outside get no page; their articles keep their own.
    expect(archive.years.map((year) => year.year)).toEqual([2023]);
    expect(archive.listPages.map((page) => page.url)).not.toContain("/-44/");
    expect(archive.articles.map((a) => a.permalink)).toContain("/-44/03/15/caesar/");
  });

  it("are set by `dates:` in content/site.yml, and then those years have pages", async () => {
    project = tempProject({ ...ARTICLES, "content/site.yml": `${SETTINGS}dates:\n  from: -100\n  to: 2030\n` });
    const { site, problems } = loadSiteConfig(project.root, undefined, {});
    expect(problems).toEqual([]);
    expect(site.dates).toEqual({ from: -100, to: 2030 });
    const checked = warningsOf((await runCheck({ root: project.root })).problems);
    expect(checked).toEqual([[`${A}/far-future.md`, "date", 5, expect.stringContaining("(-100 to 2030)")]]);
    const { archive } = await loadArchive({ root: project.root, site });
    expect(archive.years.map((year) => year.year)).toEqual([2023, 0, -44]);
  });

  it("must run forwards", () => {
    const { problems } = parseSiteFile(`${SETTINGS}dates: { from: 2000, to: 1990 }\n`);
    expect(problems).toEqual([expect.objectContaining({ field: "dates", line: 3, message: expect.stringContaining("must not be after") })]);
  });
});
