/**
 * Problems with content (not bugs) are collected, never thrown one at a time,
 * so an editor sees every mistake of every file in one run. Each reads
 * `path line:col field: message` with a hint on how to fix it.
 */
export type Severity = "error" | "warning";

export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the front-matter field (`tags.2`), or `""` for the file as a whole. */
  field: string;
  message: string;
  hint?: string;
  severity: Severity;
  /** Which rule found it (`duplicate-id`), for tools and tests: messages are for people and may be reworded. */
  origin?: string;
}

/** Where a field of a file is written (1-based), or its nearest parent's place. */
export type Locate = (file: string, path: ReadonlyArray<PropertyKey>) => { line: number; column: number };

/**
 * The one way the rules across files (validate-archive.ts, name-spellings.ts,
 * check's own) record a problem: `origin` names the rule, `locate` places
 * the field, so every rule's problems have the same shape and key order.
 * `S` is the severities the caller may give (`check` adds `info`).
 */
export function problemReporter<S extends string = Severity>(
  problems: { push(problem: Omit<Problem, "severity"> & { severity: S; origin: string }): unknown },
  locate: Locate,
  origin: string,
): (record: { file: string }, fieldPath: ReadonlyArray<string | number>, message: string, hint?: string, severity?: S) => void {
  return (record, fieldPath, message, hint, severity = "error" as S) => {
    problems.push({
      file: record.file,
      ...locate(record.file, fieldPath),
      field: fieldPath.join("."),
      message,
      severity,
      origin,
      ...(hint ? { hint } : {}),
    });
  };
}

export function problemToString(problem: Problem): string {
  const where = `${problem.file} ${problem.line}:${problem.column}`;
  const field = problem.field ? ` ${problem.field}:` : "";
  const label = problem.severity === "warning" ? " warning" : "";
  const hint = problem.hint ? `\n    hint: ${problem.hint}` : "";
  return `${where}${label}${field} ${problem.message}${hint}`;
}

export function countErrors(problems: readonly Problem[]): number {
  return problems.filter((p) => p.severity === "error").length;
}

/** Thrown by the build when any content problem exists: it fails closed, listing them all. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.severity === "error");
    super(
      `${errors.length} problem${errors.length === 1 ? "" : "s"} in content/ (run \`npm run check\` for the full list):\n` +
        errors.map(problemToString).join("\n"),
    );
    // Not "ContentError": Eleventy's log appends "(via <name>)" to any other
    // name, after the last hint, where it reads as part of it. Tell it apart by
    // `instanceof` or `problems`.
    this.name = "Error";
    this.problems = problems;
  }

  /**
   * Eleventy's log prints an error's stack after its message, unless this is
   * set: for content problems the stack only repeats the whole list, and
   * names no line an editor could use.
   */
  readonly skipOriginalStack = true;
}
