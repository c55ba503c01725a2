/**
 * The kept copy of a raw page: `content/sources/<publication-slug>/<name>.md`,
 * a YAML header (`SourceHeaderSchema`) between `---` lines, then the page's
 * text byte for byte. The header's sha256 is of that text, so anyone can tell
 * whether it was edited; the importer never edits it.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { parse, stringify } from "yaml";
import { SourceHeaderSchema, type SourceHeader } from "../records/source-schema.ts";
import { textToSlug } from "../records/ids.ts";
import { ImportError } from "../records/import-error.ts";
import type { Line, SourceKind, SourcePage } from "./types.ts";
import { toPosix } from "../records/paths.ts";

export const SOURCES_DIR = "content/sources";

export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Header fields in a fixed order, for stable files. */
export function sourceHeaderToText(header: SourceHeader): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ["publication", "kind", "url", "retrieved", "original", "sha256"] as const) {
    if (header[key] !== undefined) ordered[key] = header[key];
  }
  return `---\n${stringify(ordered, { lineWidth: 0 })}---\n`;
}

/** Splits a kept copy into its header and the verbatim text below it, or undefined when it has none. */
export function splitSourceFile(fileText: string): { headerText: string; yaml: string; text: string } | undefined {
  if (!fileText.startsWith("---\n")) return undefined;
  const closing = fileText.indexOf("\n---\n", 3);
  if (closing < 0) return undefined;
  const headerEnd = closing + "\n---\n".length;
  return { headerText: fileText.slice(0, headerEnd), yaml: fileText.slice(4, closing + 1), text: fileText.slice(headerEnd) };
}

export function parseSourceHeader(yaml: string, file: string): SourceHeader {
  let data: unknown;
  try {
    data = parse(yaml, { customTags: [] });
  } catch (error) {
    throw new ImportError(`${file}: the source header is not valid YAML: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  const result = SourceHeaderSchema.safeParse(data);
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join(".") || "header"}: ${issue.message}`).join("; ");
    throw new ImportError(`${file}: the source header is invalid (${detail})`);
  }
  return result.data;
}

/** Numbers the verbatim text's lines as they are in the kept copy. */
export function numberLines(text: string, headerLineCount: number): Line[] {
  const raw = text.split("\n");
  if (raw.length > 1 && raw[raw.length - 1] === "") raw.pop();
  return raw.map((line, index) => ({ n: headerLineCount + index + 1, text: line.replace(/\r$/, "") }));
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
  const kept = relative.startsWith(`${SOURCES_DIR}/`) ? splitSourceFile(input.text.replace(/^\uFEFF/, "")) : undefined;
  if (kept) {
    const header = parseSourceHeader(kept.yaml, relative);
    const actual = sha256(kept.text);
    if (actual !== header.sha256) {
      throw new ImportError(
        `${relative}: the text below the header has changed since import (its sha256 is \`${actual}\`, the header records \`${header.sha256}\`); sources are never edited: restore it, or import the new page as a new source`,
      );
    }
    if (input.publication && input.publication !== header.publication) {
      throw new ImportError(`${relative}: \`--publication ${input.publication}\` does not match the kept copy's header (\`${header.publication}\`)`);
    }
    const headerLineCount = kept.headerText.split("\n").length - 1;
    return {
      publication: header.publication,
      kind: input.kind ?? header.kind,
      file: relative,
      text: kept.text,
      sha256: header.sha256,
      fileText: input.text,
      headerLineCount,
      lines: numberLines(kept.text, headerLineCount),
      ...(input.url ?? header.url ? { url: input.url ?? header.url } : {}),
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
    ...(page.url ?? existingHeader?.url ? { url: page.url ?? existingHeader?.url } : {}),
    ...(page.retrieved ?? existingHeader?.retrieved ? { retrieved: page.retrieved ?? existingHeader?.retrieved } : {}),
    ...(page.original ?? existingHeader?.original ? { original: page.original ?? existingHeader?.original } : {}),
    sha256: page.sha256,
  };
  const headerText = sourceHeaderToText(header);
  const headerLineCount = headerText.split("\n").length - 1;
  return { ...page, kind, fileText: headerText + page.text, headerLineCount, lines: numberLines(page.text, headerLineCount) };
}
