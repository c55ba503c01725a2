/**
 * Splits an article file into YAML front matter and Markdown body.
 *
 * gray-matter evaluates `---js` blocks with `eval` by default, so every engine
 * but YAML is replaced by one that refuses; YAML itself is parsed by `yaml`
 * (strict-yaml.ts: no custom tags, bounded aliases) so that errors and fields
 * carry positions.
 */
import matter from "gray-matter";
import { parseStrictYaml, strictYamlToJs, yamlPositionOf, type StrictYaml } from "./strict-yaml.ts";
import { controlCharacterProblem, decodeTextBytes, type TextFileHints } from "./text-file.ts";

/** Files larger than this are refused before any parsing: no article needs more. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

export class FrontMatterError extends Error {
  readonly line: number;
  readonly column: number;
  readonly hint: string | undefined;
  constructor(message: string, line = 1, column = 1, hint?: string) {
    super(message);
    this.name = "FrontMatterError";
    this.line = line;
    this.column = column;
    this.hint = hint;
  }
}

export interface ParsedFrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** Position in the file of a field path (`["tags", 2]`), falling back to its nearest parent. */
  positionOf(path: ReadonlyArray<PropertyKey>): { line: number; column: number };
}

function refuseEngine(name: string) {
  return () => {
    throw new FrontMatterError(
      `front matter in \`${name}\` is not allowed; only YAML front matter is read, and no code in it ever runs`,
      1,
      1,
      "start the file with a plain `---` line and write the fields as YAML",
    );
  };
}

const REFUSED_ENGINES = ["javascript", "js", "coffee", "coffeescript", "cson", "toml", "json", "jsonc", "json5"];

/** What an editor can do about an article file that is not read (text-file.ts). */
export const ARTICLE_FILE_HINTS: TextFileHints = {
  notAFile: "put the article file itself here",
  tooLarge: "split it into several articles",
  notUtf8: "save it with UTF-8 encoding",
};

/** Decodes bytes strictly: a file that is not UTF-8 is an error, not mojibake. */
export function decodeArticleBytes(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw new FrontMatterError("the file is empty", 1, 1, "an article file needs `---` front matter and a body");
  const { text, problem } = decodeTextBytes(bytes, MAX_ARTICLE_BYTES, ARTICLE_FILE_HINTS);
  if (problem) throw new FrontMatterError(problem.message, 1, 1, problem.hint);
  // A BOM and CRLF line endings come from ordinary editors: accept them.
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const control = controlCharacterProblem(normalized);
  if (control) throw new FrontMatterError(control.message, control.line, control.column, control.hint);
  return normalized;
}

export function parseFrontMatter(text: string): ParsedFrontMatter {
  const lines = text.split("\n");
  const opening = lines[0] ?? "";
  if (!/^---/.test(opening)) {
    throw new FrontMatterError(
      "the file does not start with front matter",
      1,
      1,
      "put `---`, the YAML fields and another `---` at the top",
    );
  }
  const language = opening.slice(3).trim();
  if (language !== "" && language !== "yaml" && language !== "yml") refuseEngine(language)();
  const closing = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (closing === -1) {
    throw new FrontMatterError("the front matter is never closed", 1, 1, "add a line `---` after the last field");
  }

  const yamlText = lines.slice(1, closing).join("\n");
  let yaml: StrictYaml | undefined;
  const engines: Record<string, (input: string) => object> = {
    // gray-matter hands over the block with its leading newline; parse the exact lines so positions match the file.
    yaml: () => {
      const parsed = (yaml = parseStrictYaml(yamlText));
      if (parsed.error)
        throw new FrontMatterError(`the YAML front matter is invalid: ${parsed.error.message}`, parsed.error.line + 1, parsed.error.column);
      const data: unknown = strictYamlToJs(parsed.document);
      if (data === null || data === undefined) return {};
      if (typeof data !== "object" || Array.isArray(data)) {
        throw new FrontMatterError("the front matter must be a set of `field: value` lines", 2, 1);
      }
      return data;
    },
  };
  for (const name of REFUSED_ENGINES) engines[name] = refuseEngine(name);

  let file: matter.GrayMatterFile<string>;
  try {
    // Passing options also keeps gray-matter from caching every input forever.
    file = matter(text, { language: "yaml", engines } as unknown as Parameters<typeof matter>[1]);
  } catch (error) {
    if (error instanceof FrontMatterError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new FrontMatterError(`the front matter could not be read: ${message}`, 1, 1);
  }

  // The YAML starts on the file's second line, below the opening `---`.
  const positionOf = (path: ReadonlyArray<PropertyKey>) =>
    yaml ? yamlPositionOf(yaml.document, yaml.lineCounter, path, 1) : { line: 1, column: 1 };

  return { data: file.data as Record<string, unknown>, body: file.content.replace(/^\n/, ""), bodyLine: closing + 2, positionOf };
}
