/**
 * The kept copy of a raw page: `content/sources/<publication-slug>/<name>.md`,
 * a YAML header (`SourceHeaderSchema`) between `---` lines, then the page's
 * text byte for byte. The header's sha256 is of that text, so anyone can tell
 * whether it was edited; the importer never edits it.
 */
import path from "node:path";
import { stringify } from "yaml";
import { sha256 } from "../lib/sha256.ts";
import { problemToString } from "../records/problems.ts";
import { readSourceText, SOURCE_TEXT_CHANGED, splitSource } from "../records/read-sources.ts";
import type { SourceHeader } from "../records/source-schema.ts";
import { textToSlug } from "../records/ids.ts";
import { withoutControlCharacters } from "../records/text-file.ts";
import { ImportError } from "../records/import-error.ts";
import type { Line, SourceKind, SourcePage } from "./types.ts";
import { toPosix } from "../lib/paths.ts";

export const SOURCES_DIR = "content/sources";

/** Header fields in a fixed order, for stable files. */
export function sourceHeaderToText(header: SourceHeader): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ["publication", "kind", "url", "retrieved", "original", "sha256"] as const) {
    if (header[key] !== undefined) ordered[key] = header[key];
  }
  return `---\n${stringify(ordered, { lineWidth: 0 })}---\n`;
}

export interface KeptCopy {
  header: SourceHeader;
  /** The page's text below the header, as kept. */
  text: string;
  /** Lines of the header, its `---` lines included. */
  headerLineCount: number;
}

/**
 * A kept copy read as `npm run check` reads it (records/read-sources.ts):
 * undefined when the text has no header at all; its problems, one a line,
 * stop the import. `textMayDiffer`: a copy whose text was edited since its
 * import is still read (its header is what a new import of the page compares
 * with).
 */
export function readKeptCopy(file: string, fileText: string, options: { textMayDiffer?: boolean } = {}): KeptCopy | undefined {
  if (!splitSource(fileText.replace(/^\uFEFF/, ""))) return undefined;
  const { source, text, problems } = readSourceText(file, fileText);
  const stopping = problems.filter(
    (problem) => problem.severity === "error" && !(options.textMayDiffer && problem.origin === SOURCE_TEXT_CHANGED),
  );
  if (stopping.length > 0 || !source?.header || text === undefined) {
    const [first, ...rest] = stopping.map(problemToString);
    throw new ImportError(first ?? `${file}: the kept copy cannot be read`, { details: rest });
  }
  return { header: source.header, text, headerLineCount: source.textLine - 1 };
}

/**
 * Numbers the verbatim text's lines as they are in the kept copy. Control
 * characters are left out of the lines (the kept copy keeps them): an article
 * may not hold them (records/text-file.ts), and they carry no text.
 */
export function numberLines(text: string, headerLineCount: number): Line[] {
  const raw = text.split("\n");
  if (raw.length > 1 && raw[raw.length - 1] === "") raw.pop();
  return raw.map((line, index) => ({ n: headerLineCount + index + 1, text: withoutControlCharacters(line.replace(/\r$/, "")) }));
}

export interface PageInput {
  /** What the user named, for messages. */
  input: string;
  /** The file's text (decoded as UTF-8). */
  text: string;
  /** Project root. */
  root: string;
  /** Absolute path of the input. */
  absolute: string;
  publication?: string;
  kind?: SourceKind;
  url?: string;
  retrieved?: string;
}

/** Where the kept copy of a raw page goes. */
export function sourcePathFor(publication: string, inputName: string): string {
  const name = path.basename(inputName).replace(/\.[^.]+$/, "") || "page";
  const slug = textToSlug(publication) || "publication";
  return `${SOURCES_DIR}/${slug}/${name}.md`;
}

/**
 * The page to import: a kept copy (under content/sources, with its header)
 * is read as it is; any other file is a raw page that gets a header.
 */
export function pageFromInput(input: PageInput): SourcePage {
  const relative = toPosix(path.relative(input.root, input.absolute));
  const kept = relative.startsWith(`${SOURCES_DIR}/`) ? readKeptCopy(relative, input.text) : undefined;
  if (kept) {
    const { header, headerLineCount } = kept;
    if (input.publication && input.publication !== header.publication) {
      throw new ImportError(
        `${relative}: \`--publication ${input.publication}\` does not match the kept copy's header (\`${header.publication}\`)`,
      );
    }
    return {
      publication: header.publication,
      kind: input.kind ?? header.kind,
      file: relative,
      text: kept.text,
      sha256: header.sha256,
      fileText: input.text,
      headerLineCount,
      lines: numberLines(kept.text, headerLineCount),
      ...((input.url ?? header.url) ? { url: input.url ?? header.url } : {}),
      ...(header.retrieved ? { retrieved: header.retrieved } : {}),
      ...(header.original ? { original: header.original } : {}),
    };
  }
  if (!input.publication) {
    throw new ImportError(`${input.input}: a raw page needs \`--publication NAME\` (the outlet's display name, e.g. "Fight Back! News")`);
  }
  if (input.text.trim() === "") throw new ImportError(`${input.input}: the file is empty`);
  const file = sourcePathFor(input.publication, input.input);
  const text = input.text;
  return {
    publication: input.publication,
    kind: input.kind,
    file,
    text,
    sha256: sha256(text),
    fileText: "",
    headerLineCount: 0,
    lines: [],
    original: path.basename(input.input),
    ...(input.url ? { url: input.url } : {}),
    ...(input.retrieved ? { retrieved: input.retrieved } : {}),
  };
}

/** Completes a raw page once its kind is known: the header, the kept copy's text, its numbered lines. */
export function withHeader(page: SourcePage, kind: SourceKind, existingHeader?: SourceHeader): SourcePage {
  const header: SourceHeader = {
    publication: page.publication,
    kind,
    ...((page.url ?? existingHeader?.url) ? { url: page.url ?? existingHeader?.url } : {}),
    ...((page.retrieved ?? existingHeader?.retrieved) ? { retrieved: page.retrieved ?? existingHeader?.retrieved } : {}),
    ...((page.original ?? existingHeader?.original) ? { original: page.original ?? existingHeader?.original } : {}),
    sha256: page.sha256,
  };
  const headerText = sourceHeaderToText(header);
  const headerLineCount = headerText.split("\n").length - 1;
  return { ...page, kind, fileText: headerText + page.text, headerLineCount, lines: numberLines(page.text, headerLineCount) };
}
