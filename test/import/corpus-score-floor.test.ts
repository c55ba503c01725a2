/**
 * The importer's score on the corpus of real pages (test/fixtures/pages) must
 * not fall: each total rate is kept at or better than the floor measured in
 * corpus-score-floor.json. Only totals are compared, never a page, and only
 * of the dev and held-out pages: the fresh fold is never imported here, so
 * that no test run tunes on it (it is read once per round, by hand). After a
 * change that improves the score, or after pages are added, measure again
 * with `npm run eval:import -- --write-floor test/import/corpus-score-floor.json`.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addCounts, belowFloor, FloorSchema, floorFrom, scoreCorpus, zeroCounts } from "../../src/import-score/index.ts";
import { REPO } from "./support.ts";

const floor = FloorSchema.parse(JSON.parse(await readFile(path.join(REPO, "test/import/corpus-score-floor.json"), "utf8")));

describe("the importer's score on the corpus", () => {
  it("does not fall below the floor", async () => {
    const score = await scoreCorpus({
      corpusDir: path.join(REPO, "test/fixtures/pages"),
      devDomainsFile: path.join(REPO, "test/import/dev-domains.txt"),
      freshPagesFile: path.join(REPO, "test/import/fresh-pages.txt"),
      leaveOutFresh: true,
    });
    expect(score.pages.filter((page) => page.set === "fresh")).toEqual([]);
    const known = addCounts(score.totals.dev, score.totals.heldOut);
    expect(known.pages).toBeGreaterThanOrEqual(floor.pages);
    expect(belowFloor(known, floor)).toEqual([]);
  }, 300_000);

  it("the floor check catches a worse score, in either direction", () => {
    const counts = { ...zeroCounts(), pages: 2, items: 10, found: 9, records: 10, extra: 1, nonBlankLines: 20 };
    const kept = floorFrom(counts, "2026-01-01");
    expect(belowFloor(counts, kept)).toEqual([]);
    expect(belowFloor({ ...counts, found: 8 }, kept)).toEqual([expect.stringMatching(/^found: 0\.800 is below the floor 0\.9/)]);
    expect(belowFloor({ ...counts, extra: 2 }, kept)).toEqual([expect.stringMatching(/^extra: 0\.200 is above the floor 0\.1/)]);
  });
});
