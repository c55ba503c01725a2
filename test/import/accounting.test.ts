/**
 * Nothing is lost: for every kept source of the fixture (copies of the default collection's), each non-blank
 * line is in exactly one record (its range covers the line and its text holds
 * it) or in the report of dropped lines with a reason.
 */
import { describe, expect, it } from "vitest";
import { importFiles } from "../../src/import/index.ts";
import { expectEveryLineAccounted, keptSources, FIXTURE_ROOT } from "./support.ts";

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
