/**
 * Benchmark results -> medians, ranges and ratios to the plain Eleventy build,
 * as one JSON object (`--json`), a terminal table, or a Markdown table for
 * the README.
 */
import type { BenchResult, FailedBuild, Run, Scenario } from "./run-bench.ts";
import type { ProcessPeak } from "./run-build.ts";
import { SCENARIOS } from "./run-bench.ts";

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface ScenarioSummary {
  runs: number;
  wallMs: Spread;
  peakRssBytes: Spread | null;
  /** The largest single process's own peak (the build's Node process or a Pagefind process), and its names over the runs. */
  peakProcess: { bytes: Spread; names: string[] } | null;
  /** CPU time (user + system) of the build's processes: steadier than wall time on a shared machine. */
  cpuMs: Spread | null;
  /** Median wall time over that of (d) plain; null without plain runs. */
  wallRatio: number | null;
  peakRssRatio: number | null;
  cpuRatio: number | null;
  /** Median of each stage of Hemeroteca's own timing line, in ms (counts for `parsed`/`cached`). */
  stages?: Record<string, number>;
}

export interface SizeSummary {
  articles: number;
  generateMs: number;
  scenarios: Partial<Record<Scenario, ScenarioSummary>>;
  /** Builds that did not finish, each with its first line of error. */
  failed: FailedBuild[];
}

export interface BenchSummary {
  machine: BenchResult["machine"];
  options: BenchResult["options"];
  startedAt: string;
  sizes: SizeSummary[];
}

/**
 * Hemeroteca's stages in the order they happen; `select` leaves out the pages the site already holds (an article's
 * by the key of what it is made of, a list page by rendering it ahead and comparing); `exports` and `index` run alongside `render` (and `citations`, the files beside
 * each page, which come after it); `indexSecond` is the time of the second worker lent to the index once the pages
 * are done, when bundles are still waiting; `prune` removes what a full build did not make.
 */
export const STAGES = [
  "startup",
  "load",
  "parse",
  "archive",
  "select",
  "render",
  "citations",
  "exports",
  "exportsWait",
  "index",
  "indexSecond",
  "indexWait",
  "prune",
  "total",
] as const;
const STAGE_COUNTS = ["parsed", "cached"] as const;

export const LABELS: Record<Scenario, string> = {
  cold: "(a) Hemeroteca cold",
  warm: "(b) Hemeroteca warm",
  edit: "(c) Hemeroteca, one edit",
  plain: "(d) plain Eleventy + Pagefind CLI",
};

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

function stageMedians(runs: readonly Run[]): Record<string, number> | undefined {
  const withTimings = runs.filter((run) => run.timings);
  if (!withTimings.length) return undefined;
  const stages: Record<string, number> = {};
  for (const key of [...STAGES, ...STAGE_COUNTS]) {
    const values = withTimings.map((run) => run.timings![key]).filter((value): value is number => typeof value === "number");
    if (values.length) stages[key] = Math.round(median(values));
  }
  return stages;
}

export function summarize(result: BenchResult): BenchSummary {
  return {
    machine: result.machine,
    options: result.options,
    startedAt: result.startedAt,
    sizes: result.sizes.map((size) => {
      const plain = size.runs.plain.length ? median(size.runs.plain.map((run) => run.wallMs)) : null;
      const plainRss = size.runs.plain.filter((run) => run.peakRssBytes !== null);
      const plainPeak = plainRss.length ? median(plainRss.map((run) => run.peakRssBytes!)) : null;
      const plainCpuRuns = size.runs.plain.filter((run) => run.cpuMs !== null);
      const plainCpu = plainCpuRuns.length ? median(plainCpuRuns.map((run) => run.cpuMs!)) : null;
      const scenarios: SizeSummary["scenarios"] = {};
      for (const scenario of SCENARIOS) {
        const runs = size.runs[scenario];
        if (!runs.length) continue;
        const wallMs = spread(runs.map((run) => run.wallMs));
        const peaks = runs.map((run) => run.peakRssBytes).filter((value): value is number => value !== null);
        const peakRssBytes = peaks.length ? spread(peaks) : null;
        const processes = runs.map((run) => run.peakProcess).filter((peak): peak is ProcessPeak => Boolean(peak));
        const peakProcess = processes.length
          ? { bytes: spread(processes.map((peak) => peak.bytes)), names: [...new Set(processes.map((peak) => peak.name))] }
          : null;
        const cpus = runs.map((run) => run.cpuMs).filter((value): value is number => value !== null);
        const cpuMs = cpus.length ? spread(cpus) : null;
        const stages = stageMedians(runs);
        scenarios[scenario] = {
          runs: runs.length,
          wallMs,
          peakRssBytes,
          peakProcess,
          cpuMs,
          wallRatio: plain ? Math.round((wallMs.median / plain) * 100) / 100 : null,
          peakRssRatio: plainPeak && peakRssBytes ? Math.round((peakRssBytes.median / plainPeak) * 100) / 100 : null,
          cpuRatio: plainCpu && cpuMs ? Math.round((cpuMs.median / plainCpu) * 100) / 100 : null,
          ...(stages ? { stages } : {}),
        };
      }
      return { articles: size.articles, generateMs: size.generateMs, scenarios, failed: size.failed ?? [] };
    }),
  };
}

const secondsText = (ms: number) => (ms / 1000).toFixed(1);
const mibText = (bytes: number) => String(Math.round(bytes / 2 ** 20));
const ratioText = (ratio: number | null) => (ratio === null ? "-" : `${ratio.toFixed(2)}x`);

function wallCell(summary: ScenarioSummary): string {
  const { median: m, min, max } = summary.wallMs;
  return `${secondsText(m)} s (${secondsText(min)}–${secondsText(max)})`;
}

function cpuCell(summary: ScenarioSummary): string {
  if (!summary.cpuMs) return "?";
  const { median: m, min, max } = summary.cpuMs;
  return `${secondsText(m)} s (${secondsText(min)}–${secondsText(max)})`;
}

function rangeMiB({ median: m, min, max }: Spread): string {
  return `${mibText(m)} MiB (${mibText(min)}–${mibText(max)})`;
}

function rssCell(summary: ScenarioSummary): string {
  return summary.peakRssBytes ? rangeMiB(summary.peakRssBytes) : "?";
}

function stageCells(summary: ScenarioSummary | undefined): string[] {
  return STAGES.map((stage) => (summary?.stages?.[stage] === undefined ? "-" : secondsText(summary.stages[stage]!)));
}

/** A Markdown report: one table of medians, ranges and ratios per size, then the stage split. */
export function summaryToMarkdown(summary: BenchSummary): string {
  const lines: string[] = [];
  const { machine, options } = summary;
  lines.push(
    `Measured ${summary.startedAt.slice(0, 10)} on ${machine.cpus} CPUs (${machine.cpuModel}), ${Math.round(machine.memoryBytes / 2 ** 30)} GiB, Node ${machine.node}; ${options.runs} run${options.runs === 1 ? "" : "s"} per build, seed ${options.seed}; load average at start ${machine.loadAverageAtStart.join(", ")}.`,
  );
  for (const size of summary.sizes) {
    lines.push("", `### ${size.articles.toLocaleString("en")} articles`, "");
    lines.push(
      "| build | wall time, median (range) | ratio to (d) | peak RSS, median (range) | ratio to (d) | CPU time, median (range) | ratio to (d) |",
    );
    lines.push("|---|---|---|---|---|---|---|");
    for (const scenario of SCENARIOS) {
      const s = size.scenarios[scenario];
      if (s)
        lines.push(
          `| ${LABELS[scenario]} | ${wallCell(s)} | ${ratioText(s.wallRatio)} | ${rssCell(s)} | ${ratioText(s.peakRssRatio)} | ${cpuCell(s)} | ${ratioText(s.cpuRatio)} |`,
        );
    }
    for (const failure of size.failed)
      lines.push(`| ${LABELS[failure.scenario]}, round ${failure.round} | failed: ${failure.message} | - | - | - | - | - |`);
    const largest = SCENARIOS.flatMap((scenario) => {
      const peak = size.scenarios[scenario]?.peakProcess;
      return peak ? [`${LABELS[scenario]} ${rangeMiB(peak.bytes)} (${peak.names.join(", ")})`] : [];
    });
    if (largest.length)
      lines.push("", `The peak RSS is the whole process tree's; the largest single process's own peak: ${largest.join("; ")}.`);
    const hemeroteca = (["cold", "warm", "edit"] as const).filter((scenario) => size.scenarios[scenario]?.stages);
    if (hemeroteca.length) {
      lines.push(
        "",
        `Hemeroteca's stages, median seconds (\`exports\` and \`index\` run alongside \`render\`; \`exportsWait\` and \`indexWait\` are what is left of them after the pages):`,
        "",
      );
      lines.push(`| build | ${STAGES.join(" | ")} | parsed | cached |`);
      lines.push(`|---|${STAGES.map(() => "---").join("|")}|---|---|`);
      for (const scenario of hemeroteca) {
        const s = size.scenarios[scenario]!;
        lines.push(`| ${LABELS[scenario]} | ${stageCells(s).join(" | ")} | ${s.stages?.parsed ?? "-"} | ${s.stages?.cached ?? "-"} |`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}
