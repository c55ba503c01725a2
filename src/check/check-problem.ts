/**
 * What `npm run check` reports. Content problems from `src/records/` are
 * errors or warnings; `check` adds a third kind, `info`, for the importer's
 * `review` notes, which are meant for editors and stop nothing.
 */
import { problemToString, type Problem } from "../records/problems.ts";

export type CheckSeverity = "error" | "warning" | "info";

export interface CheckProblem extends Omit<Problem, "severity"> {
  severity: CheckSeverity;
}

/** A problem with the rule that found it named (every problem check reports has one). */
export type OriginProblem = CheckProblem & { origin: string };

const SEVERITY_ORDER: Record<CheckSeverity, number> = { error: 0, warning: 1, info: 2 };

/** `path line:col field: message`, the same shape the build prints, with `note` for info. */
export function checkProblemToString(problem: CheckProblem): string {
  if (problem.severity !== "info") return problemToString({ ...problem, severity: problem.severity });
  const field = problem.field ? ` ${problem.field}:` : "";
  const hint = problem.hint ? `\n    hint: ${problem.hint}` : "";
  return `${problem.file} ${problem.line}:${problem.column} note${field} ${problem.message}${hint}`;
}

/** By file, then position, then severity: one file's problems read top to bottom. */
export function compareProblems(a: CheckProblem, b: CheckProblem): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)
  );
}

export function countBySeverity(problems: readonly CheckProblem[]): Record<CheckSeverity, number> {
  const counts: Record<CheckSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const problem of problems) counts[problem.severity] += 1;
  return counts;
}
