/** Issue 5: on the archive in this repository, `npm run check` finds no error. */
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/index.ts";
import { checkProblemToString } from "../../src/check/check-problem.ts";
import { projectRoot } from "../support/build-site.ts";

describe("the archive in this repository", () => {
  it("passes npm run check", async () => {
    const report = await runCheck({ root: projectRoot });
    const errors = report.problems.filter((p) => p.severity === "error").map(checkProblemToString);
    expect(errors).toEqual([]);
  });
});
