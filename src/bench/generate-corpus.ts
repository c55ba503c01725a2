/**
 * A deterministic synthetic archive for the benchmark: article files that
 * follow the front-matter contract (src/records/article-schema.ts) with the
 * mix a real archive has (EDTF dates of every precision and undated, 1-4 tags
 * from sixty, eight publications, English and Spanish, translations, aliases,
 * print issues) and ~700-word Markdown bodies with headings, links, lists,
 * emphasis and quotes, made of dictionary words and invented ones drawn by
 * Zipf's law (src/bench/word-lists.ts), never news text.
 *
 * Article `i` depends only on the seed and `i`, so a corpus of 1,000 is the
 * first 1,000 files of a corpus of 10,000.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { articleToFileText } from "../records/article-file.ts";
import type { ArticleFrontMatter } from "../records/article-schema.ts";
import { textToSlug, titleToId } from "../records/ids.ts";
import { createRandom, textToSeed, type Random } from "./prng.ts";
import { FIRST_NAMES, LAST_NAMES, lexiconOf, PLACES, TAGS, zipfWord } from "./word-lists.ts";

export const DEFAULT_SEED = 20230109;

interface PublicationSpec {
  name: string;
  /** Share of its articles in Spanish. */
  spanish: number;
  /** Print newspapers carry issue and page labels. */
  print: boolean;
}

export const PUBLICATIONS: readonly PublicationSpec[] = [
  { name: "The Harbour Ledger", spanish: 0.05, print: false },
  { name: "Voz del Valle", spanish: 0.95, print: true },
  { name: "Workers' Courier", spanish: 0.1, print: false },
  { name: "El Eco Andino", spanish: 0.9, print: true },
  { name: "Northern Gazette", spanish: 0, print: false },
  { name: "La Hoja Obrera", spanish: 1, print: false },
  { name: "Coastal Bulletin", spanish: 0.3, print: false },
  { name: "Diario del Sur", spanish: 0.8, print: false },
];

export interface GeneratedArticle {
  /** Path relative to the corpus folder, with `/` separators. */
  path: string;
  text: string;
}

interface Meta {
  id: string;
  title: string;
  publication: PublicationSpec;
  language: "en" | "es";
  date: string | undefined;
}

const pad = (n: number) => String(n).padStart(2, "0");

function articleRandom(seed: number, index: number, stream: string): Random {
  return createRandom(textToSeed(`${seed}:${index}:${stream}`));
}

function words(random: Random, language: Meta["language"], count: number): string[] {
  const lexicon = lexiconOf(language);
  return Array.from({ length: count }, () => zipfWord(lexicon, random.next()));
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase("en") + text.slice(1);

/** Dates of every precision the archive accepts, and some undated articles. */
function randomDate(random: Random): string | undefined {
  const year = random.int(2016, 2024);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const roll = random.next();
  if (roll < 0.1) return undefined;
  if (roll < 0.62) return `${year}-${pad(month)}-${pad(day)}`;
  if (roll < 0.77) return `${year}-${pad(month)}`;
  if (roll < 0.85) return String(year);
  if (roll < 0.9) return `${year}-${pad(month)}-${pad(day)}?`;
  if (roll < 0.95) return `${year}-${pad(month)}~`;
  if (roll < 0.97) return `${year}?`;
  const endMonth = month === 12 ? 1 : month + 1;
  return `${year}-${pad(month)}/${month === 12 ? year + 1 : year}-${pad(endMonth)}`;
}

/** A frozen id as the importer writes it: the title's slug, kept short, made unique by the index. */
function titleToCorpusId(title: string, index: number): string {
  let base = titleToId(title);
  if (base.length > 60) base = base.slice(0, 60).replace(/-[^-]*$/, "");
  return `${base}-${index + 1}`;
}

function articleMeta(seed: number, index: number): Meta {
  const random = articleRandom(seed, index, "meta");
  const publication = random.pick(PUBLICATIONS);
  const language = random.chance(publication.spanish) ? "es" : "en";
  const title = capitalize(words(random, language, random.int(4, 10)).join(" "));
  return { id: titleToCorpusId(title, index), title, publication, language, date: randomDate(random) };
}

function sentence(random: Random, language: Meta["language"]): string {
  const parts = words(random, language, random.int(7, 18));
  parts[0] = capitalize(parts[0]!);
  if (random.chance(0.12)) {
    const at = random.int(0, parts.length - 1);
    parts[at] = `**${parts[at]}**`;
  } else if (random.chance(0.1)) {
    const at = random.int(0, parts.length - 1);
    parts[at] = `*${parts[at]}*`;
  }
  if (random.chance(0.12)) {
    const at = random.int(0, parts.length - 2);
    const label = `${parts[at]} ${parts[at + 1]}`;
    parts.splice(at, 2, `[${label}](https://example.org/${textToSlug(label) || "page"}/${random.int(1, 9999)})`);
  }
  return `${parts.join(" ")}${random.chance(0.08) ? "?" : "."}`;
}

function paragraph(random: Random, language: Meta["language"]): string {
  return Array.from({ length: random.int(2, 5) }, () => sentence(random, language)).join(" ");
}

/** About 700 words: an opening, then sections with headings, lists and quotes. */
function articleBody(random: Random, language: Meta["language"]): string {
  const target = random.int(550, 850);
  const blocks: string[] = [paragraph(random, language), paragraph(random, language)];
  const count = () => blocks.join(" ").split(/\s+/).length;
  while (count() < target) {
    const roll = random.next();
    if (roll < 0.14) blocks.push(`## ${capitalize(words(random, language, random.int(2, 6)).join(" "))}`);
    else if (roll < 0.22) {
      blocks.push(
        Array.from({ length: random.int(3, 5) }, () => `- ${capitalize(words(random, language, random.int(3, 9)).join(" "))}`).join("\n"),
      );
    } else if (roll < 0.26) {
      blocks.push(
        Array.from(
          { length: random.int(2, 4) },
          (_, i) => `${i + 1}. ${capitalize(words(random, language, random.int(3, 9)).join(" "))}`,
        ).join("\n"),
      );
    } else if (roll < 0.32) blocks.push(`> ${sentence(random, language)} ${sentence(random, language)}`);
    else blocks.push(paragraph(random, language));
  }
  return blocks.join("\n\n");
}

function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

export function generateArticle(index: number, seed = DEFAULT_SEED): GeneratedArticle {
  let meta = articleMeta(seed, index);
  const random = articleRandom(seed, index, "body");
  const frontMatter: ArticleFrontMatter = { title: meta.title, publication: meta.publication.name, language: meta.language };

  // Every twentieth article is the translation of the one before: same outlet and date, the other language.
  let translations: string[] | undefined;
  if (index % 20 === 1) {
    const original = articleMeta(seed, index - 1);
    const language = original.language === "en" ? "es" : "en";
    const title = capitalize(words(random, language, random.int(4, 10)).join(" "));
    meta = { id: titleToCorpusId(title, index), title, publication: original.publication, date: original.date, language };
    frontMatter.title = meta.title;
    frontMatter.publication = meta.publication.name;
    frontMatter.language = meta.language;
    translations = [original.id];
  }

  if (meta.date) frontMatter.date = meta.date;
  const authorRoll = random.next();
  if (authorRoll < 0.15) frontMatter.authors = [meta.language === "es" ? "Redacción" : "staff"];
  else if (authorRoll < 0.85) frontMatter.authors = [personName(random)];
  else if (authorRoll < 0.95) frontMatter.authors = [personName(random), personName(random)];
  if (random.chance(0.7))
    frontMatter.summary = sentence(random, meta.language)
      .replace(/[*[\]]/g, "")
      .replace(/\(https?:[^)]*\)/g, "");
  frontMatter.tags = random.sample(TAGS, random.int(1, 4));
  if (random.chance(0.4)) frontMatter.place = random.pick(PLACES);
  if (random.chance(0.6)) frontMatter.url = `https://example.org/${textToSlug(meta.publication.name)}/${meta.id}`;
  frontMatter.id = meta.id;
  if (random.chance(0.02)) frontMatter.aliases = [`/old/${meta.id}/`];
  if (translations) frontMatter.translations = translations;
  if (meta.publication.print) {
    frontMatter.issue = `N° ${random.int(1, 400)}`;
    frontMatter.page = random.int(1, 24);
  }

  const folder = meta.date ? meta.date.slice(0, 4) : "undated";
  return {
    path: `${textToSlug(meta.publication.name)}/${folder}/${meta.id}.md`,
    text: articleToFileText(frontMatter, articleBody(random, meta.language)),
  };
}

export interface CorpusOptions {
  articles: number;
  seed?: number;
  /** Called now and then with the number of files written. */
  onProgress?: (written: number) => void;
  /** Aborted (an interrupted benchmark), the writing stops after the batch under way and rejects with the signal's reason. */
  stop?: AbortSignal;
}

/** Writes a fresh corpus into `dir` (emptied first); returns the file paths relative to it. */
export async function writeCorpus(dir: string, options: CorpusOptions): Promise<string[]> {
  await rm(dir, { recursive: true, force: true });
  const paths: string[] = [];
  const folders = new Set<string>();
  const BATCH = 200;
  for (let start = 0; start < options.articles; start += BATCH) {
    options.stop?.throwIfAborted();
    const batch = Array.from({ length: Math.min(BATCH, options.articles - start) }, (_, i) => generateArticle(start + i, options.seed));
    for (const article of batch) {
      const folder = path.dirname(path.join(dir, article.path));
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        folders.add(folder);
      }
    }
    await Promise.all(batch.map((article) => writeFile(path.join(dir, article.path), article.text)));
    paths.push(...batch.map((article) => article.path));
    options.onProgress?.(paths.length);
  }
  return paths;
}

/** The one-article edit of scenario (c): a new closing paragraph, different for each `round`. */
export function editArticleText(text: string, round: number): string {
  return `${text.trimEnd()}\n\nEdited for benchmark round ${round}: a closing paragraph was added.\n`;
}
