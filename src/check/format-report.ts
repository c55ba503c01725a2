/** The check report for people (one problem a paragraph, then a summary line) and for tools (JSON). */
import { checkProblemToString } from "./check-problem.ts";
import type { CheckReport } from "./run-check.ts";

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

export function reportSummary(report: CheckReport): string {
  const { error, warning, info } = report.counts;
  const verdict = error ? "FAILED" : "OK";
  return `${verdict}: checked ${plural(report.articles, "article")} and ${plural(report.sources, "source")}: ${plural(error, "error")}, ${plural(warning, "warning")}, ${plural(info, "note")} for editors`;
}

export function reportToText(report: CheckReport): string {
  const lines = report.problems.map(checkProblemToString);
  return [...lines, ...(lines.length ? [""] : []), reportSummary(report), ""].join("\n");
}

export function reportToJson(report: CheckReport): string {
  return `${JSON.stringify({
    ok: report.counts.error === 0,
    articles: report.articles,
    sources: report.sources,
    errors: report.counts.error,
    warnings: report.counts.warning,
    notes: report.counts.info,
    problems: report.problems.map(({ file, line, column, field, severity, message, hint }) => ({ file, line, column, field, severity, message, ...(hint ? { hint } : {}) })),
  }, null, 2)}\n`;
}
