/**
 * The importer's pipeline for a set of pages:
 *
 *   read (raw page or kept copy) -> detect layout -> split into drafts and
 *   dropped lines -> language, neighbour dates, tags -> account for every
 *   line -> pair translations -> ids -> front matter validated against the
 *   article contract -> plan files -> write (unless a dry run).
 *
 * Every record is validated before anything is written: if one fails, the
 * import stops with the list of problems and no file is touched.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { articleToFileText } from "../records/article-file.ts";
import { ArticleFrontMatterSchema, type ArticleFrontMatter } from "../records/article-schema.ts";
import { textToSlug } from "../records/ids.ts";
import { publicationRespellings, respellingWords } from "../records/name-spellings.ts";
import { ARTICLE_WORDING } from "../records/parse-article.ts";
import { problemToString } from "../records/problems.ts";
import { schemaIssueToProblems } from "../records/schema-problems.ts";
import type { SourceHeader } from "../records/source-schema.ts";
import { accountLines, type SourceReport } from "./accounting.ts";
import { assignIds } from "./assign-ids.ts";
import { assignTags, loadVocabulary, TAGS_FILE, type Vocabulary } from "./assign-tags.ts";
import { detectLanguage, DEFAULT_LANGUAGES } from "./detect-language.ts";
import { detectLayout } from "./detect-layout.ts";
import { ARTICLES_DIR, readExistingArticles, type ExistingArticle } from "./existing-articles.ts";
import { ImportError } from "../records/import-error.ts";
import { noteNeighbourDates, resolveYearlessDates } from "./listing-dates.ts";
import { manifestPathFor, manifestToText, readManifest, type Manifest } from "../records/import-manifest.ts";
import { stripMarkdown } from "./markdown-text.ts";
import { pairTranslations } from "./pair-translations.ts";
import { storedLineModel, type LineModel } from "./line-model.ts";
import { dropModelBoilerplate } from "./model-boilerplate.ts";
import { keptCopyWithText, readKeptCopyHeaders, withoutKnownItems, type KeptCopyHeader } from "./known-articles.ts";
import { pageFromInput, readKeptCopy, withHeader } from "./source-file.ts";
import { splitArticle } from "./split-article.ts";
import { splitListing } from "./split-listing.ts";
import { splitPrintIssue, splitUnindexedIssue } from "./split-print-issue.ts";
import type { Draft, SourceKind, SourcePage, SplitResult } from "./types.ts";
import { planFile, plannedFileProblems, writePlanned, type PlannedFile } from "./write-articles.ts";
import { MAX_SOURCE_BYTES } from "../records/source-schema.ts";
import { MAX_ARTICLE_BYTES } from "../records/front-matter.ts";

/** Items one page may split into: a listing or a print issue holds tens, a runaway split many thousands. */
export const MAX_ITEMS_PER_PAGE = 1_000;

export interface ImportOptions {
  /** Project root: `content/` is read and written under it. Default: the current directory. */
  root?: string;
  /** Folder that relative input paths are resolved against. Default: the current directory. */
  cwd?: string;
  /** Display name of the outlet; required for raw pages, read from the header of kept copies. */
  publication?: string;
  /** Overrides layout detection. */
  kind?: SourceKind;
  /** The page's own address, when known. */
  url?: string;
  /** When the page was fetched (`YYYY-MM-DD`), when known. */
  retrieved?: string;
  /** The line model that finds boilerplate the rules miss (`null`: the rules alone); default the stored one (line-model.json). */
  lineModel?: LineModel | null;
  /** Plan and report, write nothing. */
  dryRun?: boolean;
  /** Overwrite article files changed by an editor since the last import, and replace a different page kept under the same name. */
  force?: boolean;
  /** Languages an item may be in (BCP 47). Default: `en`, `es`, `pt`. */
  languages?: readonly string[];
  /** Progress messages (the CLI prints them on stderr). */
  onProgress?: (message: string) => void;
}

/** A record as the dry run shows it: the front matter fields plus the Markdown body. */
export type ImportedRecord = ArticleFrontMatter & { body: string };

export interface ImportResult {
  records: ImportedRecord[];
  reports: SourceReport[];
  files: PlannedFile[];
  warnings: string[];
  /** False for a dry run. */
  written: boolean;
}

interface PreparedPage {
  page: SourcePage;
  split: SplitResult;
  report: SourceReport;
  languages: string[];
  tags: string[][];
}

async function readInput(input: string, cwd: string): Promise<{ absolute: string; text: string }> {
  const absolute = path.resolve(cwd, input);
  let bytes: Buffer;
  try {
    // Refused unread, as `npm run check` would refuse the kept copy.
    const { size } = await stat(absolute);
    if (size > MAX_SOURCE_BYTES)
      throw new ImportError(
        `${input}: the page is ${size} bytes, more than the limit of ${MAX_SOURCE_BYTES} for a source; split it into several files and import those`,
      );
    bytes = await readFile(absolute);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(
      code === "ENOENT"
        ? `${input}: no such file`
        : code === "EISDIR"
          ? `${input}: is a folder; name the page files`
          : `${input}: cannot be read (${code})`,
      { cause: error },
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new ImportError(`${input}: not valid UTF-8; convert the page to UTF-8 before importing it`, { cause: error });
  }
  // A line longer than an article may be could only make an article `npm run check` refuses: said before splitting, which takes long on such a page.
  for (let start = 0, line = 1; start < text.length; line++) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    if (end - start > MAX_ARTICLE_BYTES / 4 && Buffer.byteLength(text.slice(start, end)) > MAX_ARTICLE_BYTES) {
      throw new ImportError(
        `${input}: line ${line} is ${Buffer.byteLength(text.slice(start, end))} bytes, more than the limit of ${MAX_ARTICLE_BYTES} for a whole article; nothing was written. Break the page into lines, or split it`,
      );
    }
    start = end + 1;
  }
  return { absolute, text };
}

function split(page: SourcePage, kind: SourceKind): SplitResult {
  switch (kind) {
    case "print-issue": {
      const issue = splitPrintIssue(page.lines, { publication: page.publication });
      return issue.drafts.length > 0 ? issue : splitUnindexedIssue(page.lines, { publication: page.publication });
    }
    case "article":
      return splitArticle(page.lines, { publication: page.publication });
    default:
      return splitListing(page.lines, { publication: page.publication });
  }
}

function linesOf(draft: Draft): [number, number] {
  const lines = draft.consumed.map((entry) => entry.line);
  return [Math.min(...lines), Math.max(...lines)];
}

function plainText(draft: Draft): string {
  return [draft.title, draft.summary ?? "", stripMarkdown(draft.body)].join("\n");
}

async function preparePage(
  input: string,
  options: ImportOptions,
  root: string,
  vocabulary: Vocabulary | undefined,
  existing: readonly ExistingArticle[],
  copies: readonly KeptCopyHeader[],
  warnings: string[],
): Promise<PreparedPage> {
  const { absolute, text } = await readInput(input, options.cwd ?? process.cwd());
  let page = pageFromInput({
    input,
    text,
    root,
    absolute,
    ...(options.publication ? { publication: options.publication } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.url ? { url: options.url } : {}),
    ...(options.retrieved ? { retrieved: options.retrieved } : {}),
  });

  // A raw page whose kept copy exists: same text is a re-import; different text is a different page.
  let existingHeader: SourceHeader | undefined;
  if (page.headerLineCount === 0) {
    const kept = await readFile(path.join(root, page.file), "utf8").catch(() => undefined);
    existingHeader = kept !== undefined ? readKeptCopy(page.file, kept, { textMayDiffer: true })?.header : undefined;
    // The same text kept under another name (the page saved again as another file): a re-import of that copy, not a second one.
    const same = existingHeader ? undefined : keptCopyWithText(copies, page.sha256, page.file);
    if (same && same.header.publication === page.publication) {
      warnings.push(`${input}: the same page (same text) is already kept as ${same.file}; imported again as that page, no copy written`);
      const { original: _newName, ...rest } = page;
      page = { ...rest, file: same.file, ...(same.header.original ? { original: same.header.original } : {}) };
      existingHeader = same.header;
    }
    if (existingHeader) {
      if (existingHeader.sha256 !== page.sha256 && !options.force) {
        throw new ImportError(
          `${input}: ${page.file} already keeps a different page under that name; rename the new file, or use --force to replace the kept copy`,
        );
      }
      if (existingHeader.publication !== page.publication && !options.force) {
        throw new ImportError(`${input}: ${page.file} was imported for \`${existingHeader.publication}\`, not \`${page.publication}\``);
      }
    }
  }

  const provisional = withHeader(page, page.kind ?? "listing", existingHeader);
  const model = options.lineModel === undefined ? storedLineModel() : options.lineModel;
  const cleaned = model ? dropModelBoilerplate(provisional.lines, model, page.publication) : undefined;
  const kind = page.kind ?? detectLayout(cleaned?.lines ?? provisional.lines, page.publication);
  page = withHeader(page, kind, existingHeader);
  options.onProgress?.(`${input}: ${kind} of ${page.publication} -> ${page.file}`);

  // The header's length does not depend on the kind; the line numbers are moved over all the same. A print
  // issue is split whole: its furniture has rules of its own, and its masthead carries the issue's date.
  const shift = page.headerLineCount - provisional.headerLineCount;
  const modelDropped = kind === "print-issue" ? [] : (cleaned?.dropped ?? []).map((entry) => ({ ...entry, line: entry.line + shift }));
  const blank = new Set(modelDropped.map((entry) => entry.line));
  const splitted = split({ ...page, lines: page.lines.map((line) => (blank.has(line.n) ? { n: line.n, text: "" } : line)) }, kind);
  splitted.dropped.push(...modelDropped);
  if (splitted.drafts.length > MAX_ITEMS_PER_PAGE) {
    throw new ImportError(
      `${input}: the page splits into ${splitted.drafts.length} items, more than the limit of ${MAX_ITEMS_PER_PAGE} a page; nothing was written. Check the layout (\`--kind\`), or split the page into several files`,
    );
  }
  const known = withoutKnownItems(splitted.drafts, existing, page, copies);
  for (const note of known.notes) warnings.push(`${input}: ${note}`);
  const result: SplitResult = { ...splitted, drafts: known.drafts, dropped: [...splitted.dropped, ...known.dropped] };
  if (kind === "listing") {
    resolveYearlessDates(result.drafts);
    noteNeighbourDates(result.drafts);
  }
  const candidates = options.languages && options.languages.length > 0 ? [...options.languages] : [...DEFAULT_LANGUAGES];
  const languages = result.drafts.map((draft) => detectLanguage(plainText(draft), candidates).language);
  const tags = result.drafts.map((draft, index) => {
    if (!vocabulary) return [];
    const lead = [draft.title, draft.summary ?? "", stripMarkdown(draft.body).split(/\s+/).slice(0, 80).join(" ")].join("\n");
    return assignTags(plainText(draft), languages[index]!, vocabulary, { lead });
  });
  const { dropped, problems } = accountLines(page.lines, result.drafts, result.dropped);
  const report: SourceReport = {
    source: page.file,
    publication: page.publication,
    kind,
    nonBlankLines: page.lines.filter((line) => line.text.trim() !== "").length,
    records: [],
    dropped,
    problems,
  };
  options.onProgress?.(
    `${input}: ${result.drafts.length} article${result.drafts.length === 1 ? "" : "s"}, ${dropped.length} line${dropped.length === 1 ? "" : "s"} dropped`,
  );
  return { page, split: { ...result, dropped }, report, languages, tags };
}

/**
 * The publication as the archive already spells it, when `given` differs from
 * that only in case, accents or punctuation: `npm run check` would refuse the
 * articles otherwise (src/records/name-spellings.ts), as `npm run new` avoids.
 */
function archiveSpelling(given: string, existing: readonly ExistingArticle[], warnings: string[]): string {
  const slugOf = (publication: string) => textToSlug(publication) || "publication";
  const planned = { file: "", publication: given, publicationSlug: slugOf(given) };
  const records = existing.flatMap(({ file, publication }) =>
    publication ? [{ file, publication, publicationSlug: slugOf(publication) }] : [],
  );
  const respelling = publicationRespellings([...records, planned], (file) => file === "").find(({ record }) => record === planned);
  if (!respelling) return given;
  warnings.push(`--publication: ${respellingWords(respelling).message}; imported as \`${respelling.settled}\``);
  return respelling.settled;
}

export async function importFiles(inputs: readonly string[], options: ImportOptions = {}): Promise<ImportResult> {
  if (inputs.length === 0) throw new ImportError("no files to import; name one or more pages");
  const root = path.resolve(options.root ?? process.cwd());
  const warnings: string[] = [];
  const vocabulary = await loadVocabulary(root);
  if (!vocabulary) warnings.push(`${TAGS_FILE} not found: no tags were assigned`);
  const existing = await readExistingArticles(root);
  if (options.publication) options = { ...options, publication: archiveSpelling(options.publication, existing, warnings) };
  const taken = new Set(existing.map((article) => article.id));
  const copies = await readKeptCopyHeaders(root);
  const existingById = new Map<string, ExistingArticle>(existing.map((article) => [article.id, article]));

  const pages: PreparedPage[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const prepared = await preparePage(input, options, root, vocabulary, existing, copies, warnings);
    if (seen.has(prepared.page.file)) {
      warnings.push(`${input}: the same page as another input (${prepared.page.file}); imported once`);
      continue;
    }
    seen.add(prepared.page.file);
    pages.push(prepared);
  }

  const records: ImportedRecord[] = [];
  const problems: string[] = [];
  const planned: PlannedFile[] = [];
  for (const { page, split: result, report, languages, tags } of pages) {
    const manifest = await readManifest(root, page.file);
    const ids = assignIds(
      result.drafts.map((draft) => ({ title: draft.title, lines: linesOf(draft) })),
      {
        sourceFile: page.file,
        manifest,
        existing,
        taken,
      },
    );
    const translations = new Map<number, string[]>();
    const pairs = pairTranslations(
      result.drafts.map((draft, index) => ({
        language: languages[index]!,
        text: [plainText(draft), ...(draft.authors ?? [])].join("\n"),
      })),
    );
    for (const [a, b] of pairs) {
      translations.set(a, [...(translations.get(a) ?? []), ids[b]!]);
      translations.set(b, [...(translations.get(b) ?? []), ids[a]!]);
    }

    const pageRecords: Array<{ frontMatter: ArticleFrontMatter; body: string; file: string }> = [];
    result.drafts.forEach((draft, index) => {
      const lines = linesOf(draft);
      const frontMatter: Record<string, unknown> = {
        title: draft.title,
        publication: page.publication,
        language: languages[index],
        date: draft.date,
        authors: draft.authors,
        summary: draft.summary,
        tags: tags[index]!.length > 0 ? tags[index] : undefined,
        place: draft.place,
        url: draft.url,
        id: ids[index],
        translations: translations.get(index),
        source: { file: page.file, sha256: page.sha256, lines },
        issue: draft.issue,
        page: draft.page,
        review: draft.review.length > 0 ? draft.review : undefined,
      };
      for (const key of Object.keys(frontMatter)) if (frontMatter[key] === undefined) delete frontMatter[key];
      const checked = ArticleFrontMatterSchema.safeParse(frontMatter);
      if (!checked.success) {
        // Located at the record's first line: the article file it would be is never written.
        const at = () => ({ line: lines[0]!, column: 1 });
        for (const problem of checked.error.issues.flatMap((issue) =>
          schemaIssueToProblems(page.file, issue, frontMatter, at, ARTICLE_WORDING),
        )) {
          problems.push(
            problemToString({ ...problem, message: `the record “${draft.title}” fails the article contract: ${problem.message}` }),
          );
        }
        return;
      }
      const id = ids[index]!;
      const file = existingById.get(id)?.file ?? `${ARTICLES_DIR}/${textToSlug(page.publication) || "publication"}/${id}.md`;
      pageRecords.push({ frontMatter: checked.data, body: draft.body, file });
      records.push({ ...checked.data, body: draft.body });
      report.records.push({ id, title: draft.title, lines, consumed: draft.consumed });
    });

    // Files: the kept copy, the articles, the manifest.
    planned.push(await planFile(root, page.file, page.fileText, { role: "source", force: Boolean(options.force) }));
    const previous = new Map((manifest?.articles ?? []).map((entry) => [entry.file, entry]));
    const entries: Manifest["articles"] = [];
    for (const record of pageRecords) {
      const entry = previous.get(record.file);
      const file = await planFile(root, record.file, articleToFileText(record.frontMatter, record.body), {
        role: "article",
        force: Boolean(options.force),
        imported: entry !== undefined,
        ...(entry ? { previousSha: entry.sha256 } : {}),
      });
      planned.push(file);
      if (file.message) warnings.push(file.message);
      entries.push({
        id: record.frontMatter.id!,
        file: record.file,
        title: record.frontMatter.title,
        lines: record.frontMatter.source!.lines,
        sha256: file.sha256,
      });
    }
    const produced = new Set(entries.map((entry) => entry.file));
    for (const entry of manifest?.articles ?? []) {
      if (!produced.has(entry.file)) {
        warnings.push(
          `${entry.file} was written by an earlier import of ${page.file}, but no item of the page matches it now; delete it if it is obsolete`,
        );
      }
    }
    const dropped = report.dropped.map(({ line, reason, partial }) => ({ line, reason, ...(partial ? { partial } : {}) }));
    const newManifest: Manifest = { importer: 1, source: page.file, sha256: page.sha256, articles: entries, dropped };
    planned.push(
      await planFile(root, manifestPathFor(page.file), manifestToText(newManifest), { role: "manifest", force: Boolean(options.force) }),
    );
    for (const problem of report.problems) warnings.push(`${page.file}: ${problem}`);
  }

  if (problems.length > 0) {
    throw new ImportError(
      `${problems.length} record${problems.length === 1 ? "" : "s"} would break the article contract; nothing was written`,
      { details: problems },
    );
  }
  const refused = await plannedFileProblems(planned);
  if (refused.length > 0) {
    throw new ImportError(
      `${refused.length} file${refused.length === 1 ? "" : "s"} would be refused by \`npm run check\`; nothing was written`,
      { details: refused },
    );
  }
  if (!options.dryRun) await writePlanned(root, planned);
  return { records, reports: pages.map((page) => page.report), files: planned, warnings, written: !options.dryRun };
}
