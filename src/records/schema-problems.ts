/**
 * A schema's complaints about a YAML file (article front matter, the site
 * settings) as problems an editor can act on: the line of the field, "unknown
 * field" for a misspelt key, "is required but missing" with the line to add.
 */
import type { z } from "zod";
import type { Problem } from "./problems.ts";

export interface SchemaProblemWording {
  /** What a key is called in messages: `unknown field \`x\``, `unknown setting \`x\``. */
  key: string;
  /** The hint for a missing field, given its dotted path. */
  missingHint: (field: string) => string;
  /** Hints by zod issue code; `default` for any other. */
  hints: Partial<Record<z.core.$ZodIssue["code"] | "default", string>>;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The problems of one issue; `data` is what was validated, `positionOf` finds a field's line in `file`. */
export function schemaIssueToProblems(
  file: string,
  issue: z.core.$ZodIssue,
  data: unknown,
  positionOf: (path: ReadonlyArray<PropertyKey>) => { line: number; column: number },
  wording: SchemaProblemWording,
): Problem[] {
  const hintFor = (code: z.core.$ZodIssue["code"]) => wording.hints[code] ?? wording.hints.default;
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const hint = hintFor(issue.code);
      return {
        file,
        ...positionOf([...issue.path, key]),
        field: [...issue.path, key].join("."),
        severity: "error" as const,
        message: `unknown ${wording.key} \`${key}\``,
        ...(hint ? { hint } : {}),
      };
    });
  }
  const field = issue.path.map(String).join(".");
  const missing = issue.code === "invalid_type" && valueAt(data, issue.path) === undefined;
  const hint = missing ? wording.missingHint(field) : hintFor(issue.code);
  return [
    {
      file,
      ...positionOf(issue.path),
      field,
      severity: "error",
      message: missing ? "is required but missing" : issue.message,
      ...(hint ? { hint } : {}),
    },
  ];
}
