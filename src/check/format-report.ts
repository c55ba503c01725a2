/**
 * The check report for people (errors first, then warnings, each a paragraph;
 * the notes for editors counted, or listed with `--notes`; then a summary
 * line) and for tools (JSON). Content is quoted in messages, so the text for
 * people is made inert for a terminal (terminal-text.ts).
 */
import { checkProblemToString, type CheckSeverity } from "./check-problem.ts";
import type { CheckReport } from "./run-check.ts";
import { inertJson, inertLine } from "../lib/terminal-text.ts";

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

export function reportSummary(report: CheckReport, options: { notesListed?: boolean } = {}): string {
  const { error, warning, info } = report.counts;
  const verdict = error ? "FAILED" : "OK";
  const notes = info && !options.notesListed ? " (`npm run check -- --notes` lists them)" : "";
  return `${verdict}: checked ${plural(report.articles, "article")} and ${plural(report.sources, "source")}: ${plural(error, "error")}, ${plural(warning, "warning")}, ${plural(info, "note")} for editors${notes}`;
}

const SHOWN_FIRST: readonly CheckSeverity[] = ["error", "warning", "info"];

export function reportToText(report: CheckReport, options: { notes?: boolean } = {}): string {
  const lines = SHOWN_FIRST.filter((severity) => severity !== "info" || options.notes)
    .flatMap((severity) => report.problems.filter((problem) => problem.severity === severity))
    .map((problem) =>
      checkProblemToString({
        ...problem,
        file: inertLine(problem.file),
        field: inertLine(problem.field),
        message: inertLine(problem.message),
        ...(problem.hint ? { hint: inertLine(problem.hint) } : {}),
      }),
    );
  return [...lines, ...(lines.length ? [""] : []), reportSummary(report, { notesListed: Boolean(options.notes) }), ""].join("\n");
}

export function reportToJson(report: CheckReport): string {
  return `${inertJson(
    JSON.stringify(
      {
        ok: report.counts.error === 0,
        articles: report.articles,
        sources: report.sources,
        errors: report.counts.error,
        warnings: report.counts.warning,
        notes: report.counts.info,
        problems: report.problems.map(({ file, line, column, field, severity, message, hint, origin }) => ({
          file,
          line,
          column,
          field,
          severity,
          origin,
          message,
          ...(hint ? { hint } : {}),
        })),
      },
      null,
      2,
    ),
  )}\n`;
}
