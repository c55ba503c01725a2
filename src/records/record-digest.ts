/**
 * A record's digest: the sha256 of its JSON, which names exactly what the
 * record holds. Pages that show a record are kept from build to build by a
 * key that includes it (article-page-key.ts), so the whole record, its HTML
 * and text included, need not be rendered or hashed again to know it is the
 * same.
 *
 * The record cache already computes this hash: an entry starts with the
 * sha256 of the record's JSON, checked when it is read and made when it is
 * written (record-cache.ts), so a build notes it here and pays for it once.
 * A record made otherwise is hashed when first asked for. Two equal records
 * whose keys came in another order would digest apart; that only costs a
 * page rendered again, never a page left stale.
 */
import { createHash } from "node:crypto";
import type { ArticleEntry } from "./article-record.ts";

const digests = new WeakMap<ArticleEntry, string>();

/** Notes the digest of `record`, whose JSON hashed to `digest` (hex) when it was read or written. */
export function noteRecordDigest(record: ArticleEntry, digest: string): void {
  digests.set(record, digest);
}

export function recordDigest(record: ArticleEntry): string {
  let digest = digests.get(record);
  if (digest === undefined) {
    digest = createHash("sha256").update(JSON.stringify(record)).digest("hex");
    digests.set(record, digest);
  }
  return digest;
}
