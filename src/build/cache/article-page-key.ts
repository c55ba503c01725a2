/**
 * The key of an article's page: the sha256 of everything the page is made of,
 * for the output ledger to vouch for the file by (`OutputLedger.isUnchangedFrom`)
 * without rendering or hashing it.
 *
 * A build that changed nothing used to render every article page and hash its
 * bytes to learn that it had not changed: about 160 µs an article on the
 * benchmark's archive (12 KB pages), where making the context and this key
 * takes about 65 µs, so about a second less of every warm build and every
 * build after an edit at 10,000 articles, on the main thread. The page is made
 * by `renderArticlePage(record, context)` (templates/article.11ty.ts), which
 * is given nothing else: the record, known by its digest (record-digest.ts),
 * and a context of plain data, hashed as JSON (every other article it links
 * to appears there by the few fields it shows). The code that renders is in
 * the key by its fingerprint (site-code.ts). So the same key means the same
 * page, and an input the key did not think of cannot exist without a change
 * to the renderer's signature.
 */
import { createHash } from "node:crypto";
import type { ArticleEntry } from "../../records/article-record.ts";
import { recordDigest } from "../../records/record-digest.ts";
import { codeFingerprint } from "./output-cache.ts";
import { SITE_CODE } from "./site-code.ts";
import { CACHES } from "../../lib/cache-registry.ts";

/** Bumped in cache-registry.ts when what a key means changes. */
export const ARTICLE_PAGE_KEY_VERSION = CACHES.articlePageKeys.version;

export class ArticlePageKeys {
  private constructor(private readonly salt: string) {}

  /** `siteCode` is `codeFingerprint(SITE_CODE)` when the caller has it already. */
  static async open(siteCode?: string): Promise<ArticlePageKeys> {
    return new ArticlePageKeys(`hemeroteca-article-page ${ARTICLE_PAGE_KEY_VERSION}\0${siteCode ?? (await codeFingerprint(SITE_CODE))}\0`);
  }

  /** The key of the page of `article` given its page's `context` (`articlePageContext`). */
  keyOf(article: ArticleEntry, context: unknown): string {
    return createHash("sha256")
      .update(this.salt)
      .update(recordDigest(article))
      .update("\0")
      .update(JSON.stringify(context))
      .digest("base64url");
  }
}
