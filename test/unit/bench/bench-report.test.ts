/** The benchmark's report: medians and ratios to the baseline, and a baseline that failed shown as such, without ratios. */
import { describe, expect, it } from "vitest";
import { summarize, summaryToMarkdown } from "../../../src/bench/report.ts";
import type { BenchResult, Run } from "../../../src/bench/run-bench.ts";

const run = (round: number, wallMs: number, peakRssBytes: number): Run => ({ round, wallMs, peakRssBytes, cpuMs: wallMs });
const machine = { cpus: 2, cpuModel: "test", memoryBytes: 2 ** 34, node: "v20", platform: "linux x64", loadAverageAtStart: [0, 0, 0] };

function result(plain: Run[], failed: BenchResult["sizes"][number]["failed"] = []): BenchResult {
  return {
    machine,
    options: { articles: [10], runs: 3, seed: 1 },
    startedAt: "2026-01-01T00:00:00.000Z",
    sizes: [
      {
        articles: 10,
        generateMs: 1,
        runs: { cold: [run(1, 300, 30), run(2, 100, 10), run(3, 200, 20)], warm: [], edit: [], plain },
        failed,
      },
    ],
  };
}

describe("the benchmark report", () => {
  it("gives medians, ranges and ratios to the baseline", () => {
    const summary = summarize(result([run(1, 400, 40), run(2, 400, 40), run(3, 400, 40)]));
    expect(summary.sizes[0]!.scenarios.cold).toMatchObject({
      wallMs: { median: 200, min: 100, max: 300 },
      wallRatio: 0.5,
      peakRssRatio: 0.5,
    });
  });

  it("names the process whose own peak was largest, beside the tree's peak", () => {
    const withProcess = result([]);
    withProcess.sizes[0]!.runs.cold = [
      { ...run(1, 300, 30 * 2 ** 20), peakProcess: { name: "node", bytes: 20 * 2 ** 20 } },
      { ...run(2, 100, 10 * 2 ** 20), peakProcess: { name: "pagefind_extende", bytes: 8 * 2 ** 20 } },
    ];
    const summary = summarize(withProcess);
    expect(summary.sizes[0]!.scenarios.cold!.peakProcess).toEqual({
      bytes: { median: 14 * 2 ** 20, min: 8 * 2 ** 20, max: 20 * 2 ** 20 },
      names: ["node", "pagefind_extende"],
    });
    expect(summaryToMarkdown(summary)).toContain(
      "the largest single process's own peak: (a) Hemeroteca cold 14 MiB (8–20) (node, pagefind_extende).",
    );
  });

  it("shows a failed baseline build, and no ratio to it", () => {
    const summary = summarize(
      result([], [{ scenario: "plain", round: 1, message: "Cannot `build`: `pagefind cli` exited with code `1`" }]),
    );
    expect(summary.sizes[0]!.scenarios.cold).toMatchObject({ wallRatio: null, peakRssRatio: null });
    const markdown = summaryToMarkdown(summary);
    expect(markdown).toContain("round 1 | failed: Cannot `build`: `pagefind cli` exited with code `1`");
    expect(markdown).toMatch(/\| \(a\) Hemeroteca cold \| 0\.2 s \(0\.1–0\.3\) \| - \|/);
  });
});
