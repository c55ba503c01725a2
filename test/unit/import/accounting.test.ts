/**
 * Nothing is lost: for every kept source of the fixture (copies of the default collection's), each non-blank
 * line is in exactly one record (its range covers the line and its text holds
 * it) or in the report of dropped lines with a reason.
 */
import { describe, expect, it } from "vitest";
import { accountLines } from "../../../src/import/accounting.ts";
import { importFiles } from "../../../src/import/index.ts";
import { expectEveryLineAccounted, keptSources, FIXTURE_ROOT } from "../../import/support.ts";

const sources = await keptSources();

describe("every line of every kept source is accounted for", () => {
  it("finds the kept sources of the fixture", () => {
    expect(sources.length).toBeGreaterThanOrEqual(4);
  });

  for (const source of sources) {
    it(source, async () => {
      const result = await importFiles([source], { root: FIXTURE_ROOT, cwd: FIXTURE_ROOT, dryRun: true });
      expect(result.written).toBe(false);
      await expectEveryLineAccounted(result, FIXTURE_ROOT);
    });
  }
});

describe("accountLines", () => {
  const lines = [
    { n: 1, text: "Headline" },
    { n: 2, text: "" },
    { n: 3, text: "Body" },
    { n: 4, text: "Stray line" },
  ];
  const draft = {
    title: "Headline",
    body: "Body",
    review: [],
    consumed: [
      { line: 1, role: "title" as const },
      { line: 3, role: "body" as const },
    ],
  };

  it("drops a line no splitter claimed as left over, marked so rather than told by its reason's words, and says so", () => {
    const { dropped, problems } = accountLines(lines, [draft], []);
    expect(dropped).toEqual([{ line: 4, text: "Stray line", reason: expect.any(String), leftOver: true }]);
    expect(problems).toEqual(["line 4 was not claimed by any record nor dropped with a reason"]);
  });

  it("leaves a line a splitter dropped with its reason unmarked", () => {
    const { dropped, problems } = accountLines(lines, [draft], [{ line: 4, text: "Stray line", reason: "site name" }]);
    expect(dropped).toEqual([{ line: 4, text: "Stray line", reason: "site name" }]);
    expect(problems).toEqual([]);
  });
});
