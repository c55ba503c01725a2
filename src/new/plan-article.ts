/**
 * Decides what `npm run new` writes: the front matter from the given fields,
 * a unique permanent id, and the path `content/articles/<publication>/<id>.md`.
 * A publication or tag that `npm run check` would refuse beside the archive's
 * spelling of it (name-spellings.ts) is written as the archive spells it, the
 * change named in check's words: the editor meant the same publication or
 * topic, and check's hint would say to write exactly that. Pure planning:
 * nothing is written here.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { articleToFileText, BODY_PLACEHOLDER } from "../records/article-file.ts";
import { ArticleFrontMatterSchema, type ArticleFrontMatter } from "../records/article-schema.ts";
import { decodeArticleBytes, parseFrontMatter } from "../records/front-matter.ts";
import { isPathSafeId, textToSlug, titleToId } from "../records/ids.ts";
import { listArticleFiles, plainArticleFiles } from "../records/load-articles.ts";
import { indexVocabulary, publicationRespellings, respellingWords, vocabularyAdvice, type NamedRecord } from "../records/name-spellings.ts";
import { parseArticle } from "../records/parse-article.ts";
import { problemToString } from "../records/problems.ts";
import { tagSpellingWords } from "../records/validate-archive.ts";
import { readVocabularyFile } from "../import/assign-tags.ts";
import { FIELDS, validateField, type FieldValues } from "./article-fields.ts";

export { BODY_PLACEHOLDER };

export interface PlanOptions {
  root: string;
  articlesDir?: string;
  /** The tag vocabulary, as check reads it. */
  tagsFile?: string;
}

/** A field written otherwise than given (`publication`, or one of the `tags`), and why, in check's words. */
export interface Respelt {
  field: string;
  given: string;
  written: string;
  message: string;
}

/** What check will still warn of in the written file (a warning stops nothing). */
export interface PlanWarning {
  field: string;
  message: string;
  hint: string;
}

export type Plan =
  | { ok: true; file: string; id: string; text: string; frontMatter: ArticleFrontMatter; respelt: Respelt[]; warnings: PlanWarning[] }
  | { ok: false; errors: string[] };

/** What `new` reads of the archive: every id, explicit or derived, and each article's publication and tags. */
export interface ArchiveNames {
  ids: Set<string>;
  records: NamedRecord[];
}

/** The archive's names, from the front matter alone (no body is rendered); broken files are skipped, as check reports them. */
export async function readArchiveNames(root: string, articlesDir = "content/articles"): Promise<ArchiveNames> {
  const names: ArchiveNames = { ids: new Set(), records: [] };
  const { plain } = await plainArticleFiles(
    (await listArticleFiles(root, articlesDir)).map((file) => ({ file, absolute: path.join(root, file) })),
  );
  for (const { file } of plain) {
    try {
      const { data } = parseFrontMatter(decodeArticleBytes(await readFile(path.join(root, file))));
      if (typeof data.id === "string") names.ids.add(data.id.trim());
      else if (typeof data.title === "string") names.ids.add(titleToId(data.title));
      const publication = typeof data.publication === "string" ? data.publication.trim() : "";
      const tags = Array.isArray(data.tags)
        ? data.tags.filter((tag): tag is string => typeof tag === "string").map((tag) => tag.trim())
        : [];
      names.records.push({ file, publication, publicationSlug: textToSlug(publication) || "publication", tags });
    } catch {
      // A broken file is check's business; its name still blocks the path below.
    }
  }
  return names;
}

/** Every id the archive uses, explicit or derived. */
export async function archiveIds(root: string, articlesDir = "content/articles"): Promise<Set<string>> {
  return (await readArchiveNames(root, articlesDir)).ids;
}

/**
 * The publication and tags as the archive writes them: a publication spelt
 * otherwise than the archive's spelling of the same name, a tag that is a
 * vocabulary tag written otherwise or its label in a language, or a tag that
 * differs from another article's only in case or accents, becomes that
 * spelling. One of a vocabulary tag's words stays, with check's warning.
 */
async function respell(
  planned: NamedRecord,
  names: ArchiveNames,
  root: string,
  tagsFile: string,
): Promise<{ publication: string; tags: string[]; respelt: Respelt[]; warnings: PlanWarning[] }> {
  const respelt: Respelt[] = [];
  const warnings: PlanWarning[] = [];
  let publication = planned.publication;
  for (const respelling of publicationRespellings([...names.records, planned], (file) => file === planned.file)) {
    if (respelling.record !== planned) continue;
    publication = respelling.settled;
    respelt.push({ field: "publication", given: respelling.spelling, written: publication, message: respellingWords(respelling).message });
  }
  // An unreadable vocabulary is check's to report; the other rules still apply.
  const { vocabulary } = await readVocabularyFile(root, tagsFile);
  const index = vocabulary?.length ? indexVocabulary(vocabulary) : undefined;
  // The first spelling each tag has in the archive, files in order, as check compares them (validate-archive.ts).
  const existingTags = new Map<string, string>();
  for (const record of [...names.records].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)))
    for (const tag of record.tags ?? []) if (!existingTags.has(textToSlug(tag))) existingTags.set(textToSlug(tag), tag);
  const tags: string[] = [];
  for (const given of planned.tags ?? []) {
    // A warning names the tag's place in the file as written, as check will.
    const field = `tags.${tags.includes(given) ? tags.indexOf(given) : tags.length}`;
    let written = given;
    const advice = index && vocabularyAdvice(given, index);
    if (advice?.write) {
      written = advice.write;
      respelt.push({ field: "tags", given, written, message: advice.message });
    } else if (advice) {
      warnings.push({ field, message: advice.message, hint: advice.hint });
    } else {
      const first = existingTags.get(textToSlug(given));
      if (first !== undefined && first !== given) {
        written = first;
        respelt.push({ field: "tags", given, written, message: tagSpellingWords(given, first).message });
      }
    }
    // Two tags given that are one tag in the archive are written once.
    if (!tags.includes(written)) tags.push(written);
  }
  return { publication, tags, respelt, warnings };
}

/** The title's id, or the first of `id-2`, `id-3`, ... that no article uses and no file occupies. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (isPathSafeId(candidate) && !taken(candidate)) return candidate;
  }
}

export async function planArticle(values: FieldValues, options: PlanOptions): Promise<Plan> {
  const articlesDir = options.articlesDir ?? "content/articles";
  const errors: string[] = [];
  const frontMatter: Record<string, unknown> = {};
  for (const spec of FIELDS) {
    const raw = values[spec.name];
    if (raw === undefined || raw.trim() === "") {
      if (spec.required) errors.push(`--${spec.name} is required, e.g. --${spec.name} "${spec.example.split(",")[0]}"`);
      continue;
    }
    const result = validateField(spec.name, raw);
    if (!result.ok) errors.push(`--${spec.name}: ${result.error}${result.error.includes(raw.trim()) ? "" : ` (given: \`${raw}\`)`}`);
    else if (!(Array.isArray(result.value) && result.value.length === 0)) frontMatter[spec.name] = result.value;
  }
  if (errors.length) return { ok: false, errors };

  const title = frontMatter.title as string;
  const publicationSlug = textToSlug(frontMatter.publication as string) || "publication";
  const folder = path.posix.join(articlesDir, publicationSlug);
  const names = await readArchiveNames(options.root, articlesDir);
  const ids = names.ids;
  const id = uniqueId(
    titleToId(title),
    (candidate) => ids.has(candidate) || existsSync(path.join(options.root, folder, `${candidate}.md`)),
  );
  frontMatter.id = id;
  const file = path.posix.join(folder, `${id}.md`);
  const given = { file, publication: frontMatter.publication as string, publicationSlug, tags: (frontMatter.tags as string[]) ?? [] };
  const { publication, tags, respelt, warnings } = await respell(given, names, options.root, options.tagsFile ?? "content/tags.yml");
  frontMatter.publication = publication;
  if (tags.length) frontMatter.tags = tags;

  // The same schema as every other article, then the written text read back as the build will read it.
  const checked = ArticleFrontMatterSchema.safeParse(frontMatter);
  if (!checked.success) return { ok: false, errors: checked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  const text = articleToFileText(checked.data, BODY_PLACEHOLDER);
  const reread = parseArticle(file, new TextEncoder().encode(text));
  if (!reread.ok) return { ok: false, errors: reread.problems.map(problemToString) };
  return { ok: true, file, id, text, frontMatter: checked.data, respelt, warnings };
}
