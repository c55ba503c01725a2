/**
 * A YAML file editors write beside the articles (the site settings, the tag
 * vocabulary), read as front matter is (strict-yaml.ts) and checked against
 * its one schema: its data, or every problem with its line and field.
 */
import type { z } from "zod";
import type { Problem } from "./problems.ts";
import { schemaIssueToProblems, type SchemaProblemWording } from "./schema-problems.ts";
import { parseStrictYaml, strictYamlToJs, yamlPositionOf } from "./strict-yaml.ts";

export interface YamlFileWording extends SchemaProblemWording {
  /** What the file holds, as messages name it: "the site settings". */
  what: string;
  /** Whether `what` takes "are" ("the site settings are not valid YAML"). */
  plural?: boolean;
  /** The hint for a file that is not YAML. */
  syntaxHint: string;
  /** Said, with `syntaxHint`, of a document that is not a map at all, in place of the schema's words. */
  notAMap?: string;
  /** Put before the schema's words in each of its problems. */
  formPrefix?: string;
}

export type YamlFileReading<T> = { data: T; problems: [] } | { data: undefined; problems: Problem[] };

/** `text`, the file `file`, read and checked against `schema`. */
export function readYamlFile<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  wording: YamlFileWording,
): YamlFileReading<z.output<S>> {
  const problem = (message: string, hint: string, line = 1, column = 1): YamlFileReading<z.output<S>> => ({
    data: undefined,
    problems: [{ file, line, column, field: "", severity: "error", message, hint }],
  });
  const { document, lineCounter, error } = parseStrictYaml(text.replace(/^\uFEFF/, ""));
  if (error)
    return problem(
      `${wording.what} ${wording.plural ? "are" : "is"} not valid YAML: ${error.message}`,
      wording.syntaxHint,
      error.line,
      error.column,
    );
  let data: unknown;
  try {
    data = strictYamlToJs(document) ?? {};
  } catch (cause) {
    return problem(
      `${wording.what} could not be read: ${cause instanceof Error ? cause.message : String(cause)}`,
      "remove YAML anchors and aliases (`&x`, `*x`) from the file",
    );
  }
  const result = schema.safeParse(data);
  if (result.success) return { data: result.data, problems: [] };
  const positionOf = (fieldPath: ReadonlyArray<PropertyKey>) => yamlPositionOf(document, lineCounter, fieldPath);
  const problems = result.error.issues.flatMap((issue): Problem[] =>
    wording.notAMap !== undefined && issue.path.length === 0 && issue.code !== "unrecognized_keys"
      ? [{ file, line: 1, column: 1, field: "", severity: "error", message: wording.notAMap, hint: wording.syntaxHint }]
      : schemaIssueToProblems(file, issue, data, positionOf, wording),
  );
  return {
    data: undefined,
    problems: wording.formPrefix ? problems.map((found) => ({ ...found, message: `${wording.formPrefix}${found.message}` })) : problems,
  };
}
