/**
 * Every article's citations (the page's formatted reference and the three
 * files beside it), kept from build to build in one file of `.cache/`.
 *
 * citeproc takes over a millisecond per reference, more than the rest of an
 * article page together, and a citation depends only on its CSL item (which
 * holds the site's address and title), the interface language and the code
 * that formats it. So each entry is keyed by the sha256 of exactly those:
 * an edit, a new site address or a new version of citation-js is a miss, and
 * nothing is invalidated by hand. Only the entries of the last build are
 * written back, so the file never grows past the archive. It is replaced
 * atomically (temporary file, then rename), with its checksum, and read back
 * checked and through a schema: a missing, altered or stale file is an empty
 * cache (cache-files.ts). It is safe to delete.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Archive } from "../archive/build-archive.ts";
import type { ArticleEntry } from "../records/article-record.ts";
import { readCacheText, withChecksum, writeCacheFile } from "../lib/cache-files.ts";
import { codeFingerprint } from "../records/record-cache.ts";
import type { ArchiveDate } from "../records/edtf-date.ts";
import { cslItemToBibtex } from "./bibtex.ts";
import { articleToCslItem, cslItemToCslJson, cslItemToReferenceHtml, type CslItem } from "./citations.ts";
import { cslItemToRis } from "./ris.ts";
import { CACHES, codeScope } from "../lib/cache-registry.ts";

const ArticleCitationsSchema = z.strictObject({
  /** The formatted reference (APA) as HTML, for the page's "Cite" section. */
  reference: z.string(),
  "cite.bib": z.string(),
  "cite.ris": z.string(),
  "cite.json": z.string(),
});

export type ArticleCitations = z.infer<typeof ArticleCitationsSchema>;
export type CitationFileName = Exclude<keyof ArticleCitations, "reference">;
export const CITATION_FILE_NAMES: readonly CitationFileName[] = ["cite.bib", "cite.ris", "cite.json"];

const CacheFileSchema = z.strictObject({
  version: z.string(),
  entries: z.record(z.string(), ArticleCitationsSchema),
});

/** Bumped in cache-registry.ts when the entries change shape or meaning. */
const CITATION_CACHE_VERSION = CACHES.citations.version;
/** The code a citation is made by: this folder (citations.ts and its neighbours) and the libraries. */
const CITATION_CODE = codeScope("citations");

function cslItemToCitations(item: CslItem, date: ArchiveDate | null, interfaceLanguage: string): ArticleCitations {
  return {
    reference: cslItemToReferenceHtml(item, interfaceLanguage),
    "cite.bib": cslItemToBibtex(item, date),
    "cite.ris": cslItemToRis(item, date),
    "cite.json": cslItemToCslJson(item),
  };
}

/** Makes an article's citations: the one place citeproc and citation-js are called for them. */
export function articleToCitations(article: ArticleEntry, archive: Pick<Archive, "site">): ArticleCitations {
  return cslItemToCitations(articleToCslItem(article, archive), article.parsedDate, archive.site.language);
}

export interface CitationStats {
  reused: number;
  made: number;
}

export class CitationCache {
  readonly stats: CitationStats = { reused: 0, made: 0 };
  private readonly used = new Map<string, ArticleCitations>();
  /** What `citationsFor` answered, by article, for one site's settings. */
  private answered: { site: Pick<Archive, "site">["site"]; byArticle: WeakMap<ArticleEntry, ArticleCitations> } | undefined;

  private constructor(
    private readonly file: string | undefined,
    private readonly version: string,
    private readonly kept: ReadonlyMap<string, ArticleCitations>,
  ) {}

  /** The cache kept in `file` (none: nothing is reused or kept, every citation is made). */
  static async open(file?: string): Promise<CitationCache> {
    const version = `hemeroteca-citations ${CITATION_CACHE_VERSION} ${await codeFingerprint(CITATION_CODE)}`;
    let kept = new Map<string, ArticleCitations>();
    // Checked against its checksum (cache-files.ts): an entry edited in place is never published.
    const text = file ? readCacheText(file) : undefined;
    if (file && text !== undefined) {
      try {
        const parsed = CacheFileSchema.safeParse(JSON.parse(text));
        if (parsed.success && parsed.data.version === version) kept = new Map(Object.entries(parsed.data.entries));
      } catch {
        // Not JSON though whole: written by other code, an empty cache.
      }
    }
    return new CitationCache(file, version, kept);
  }

  /** The article's citations, kept from an earlier build when its CSL item is the same. */
  citationsOf(article: ArticleEntry, archive: Pick<Archive, "site">): ArticleCitations {
    const item = articleToCslItem(article, archive);
    // The CSL item's `issued` cannot tell uncertain from approximate; BibTeX and RIS are written from the date itself.
    const key = createHash("sha256")
      .update(archive.site.language)
      .update("\0")
      .update(article.parsedDate?.edtf ?? "")
      .update("\0")
      .update(JSON.stringify(item))
      .digest("hex");
    let citations = this.used.get(key) ?? this.kept.get(key);
    if (citations && !this.used.has(key)) this.stats.reused++;
    if (!citations) {
      citations = cslItemToCitations(item, article.parsedDate, archive.site.language);
      this.stats.made++;
    }
    this.used.set(key, citations);
    return citations;
  }

  /** `citationsOf` for one archive: what templates and the citation files take. */
  citationsFor(archive: Pick<Archive, "site">): (article: ArticleEntry) => ArticleCitations {
    // A build asks for each article's citations twice (its page's key, then its citation files), and a cache
    // lives one build: the second answer is the first, without the CSL item and its key being made again.
    if (this.answered?.site !== archive.site) this.answered = { site: archive.site, byArticle: new WeakMap() };
    const { byArticle } = this.answered;
    return (article) => {
      let citations = byArticle.get(article);
      if (!citations) byArticle.set(article, (citations = this.citationsOf(article, archive)));
      return citations;
    };
  }

  /** Writes the citations of this build (and only those) for the next one. */
  async save(): Promise<void> {
    if (!this.file || (this.stats.made === 0 && this.used.size === this.kept.size)) return;
    await writeCacheFile(this.file, withChecksum(JSON.stringify({ version: this.version, entries: Object.fromEntries(this.used) })));
  }
}
