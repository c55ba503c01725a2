/**
 * Rules that span files: unique ids, one writer per output path, translations
 * that point somewhere real, aliases that shadow nothing and stay out of every
 * article's folder, and tags that differ only in case or accents. `check` and
 * the build both run them, so they agree.
 */
import type { ArticleRecord } from "./article-record.ts";
import { textToSlug } from "./ids.ts";
import { problemReporter, type Locate, type Problem } from "./problems.ts";

export type { Locate };

export function validateArchive(records: readonly ArticleRecord[], locate: Locate): Problem[] {
  const problems: Problem[] = [];
  const rule = (origin: string) => problemReporter(problems, locate, origin);

  let at = rule("duplicate-id");
  const byId = new Map<string, ArticleRecord[]>();
  for (const record of records) byId.set(record.id, [...(byId.get(record.id) ?? []), record]);
  for (const [id, owners] of byId) {
    if (owners.length < 2) continue;
    for (const record of owners) {
      const others = owners
        .filter((o) => o !== record)
        .map((o) => o.file)
        .join(", ");
      at(
        record,
        ["id"],
        `id \`${id}\` is also used by ${others}`,
        "give one of them a different `id:` (ids are permanent, so change the newer one)",
      );
    }
  }

  // An article's folder holds its page and its citation files (`cite.bib`...): an alias's folder there would take their names.
  const permalinks = new Map(records.map((record) => [record.permalink, record]));
  const insideArticleFolder = (alias: string): ArticleRecord | undefined => {
    for (let end = alias.indexOf("/", 1); end !== -1; end = alias.indexOf("/", end + 1)) {
      const owner = permalinks.get(alias.slice(0, end + 1));
      if (owner) return owner;
    }
    return undefined;
  };

  // Every page path has exactly one writer: permalinks and aliases share one namespace.
  at = rule("alias-taken");
  const writers = new Map<string, { record: ArticleRecord; path: Array<string | number> }>();
  for (const record of records) writers.set(record.permalink, { record, path: ["id"] });
  for (const record of records) {
    (record.aliases ?? []).forEach((alias, index) => {
      const owner = writers.get(alias);
      const folderOwner = insideArticleFolder(alias);
      if (folderOwner && folderOwner.permalink !== alias) {
        at(
          record,
          ["aliases", index],
          folderOwner === record
            ? `alias \`${alias}\` lies inside this article's own folder (\`${record.permalink}\`), where its page and citation files are written`
            : `alias \`${alias}\` lies inside the folder of ${folderOwner.file} (\`${folderOwner.permalink}\`), where its page and citation files are written`,
          "an alias is an earlier address of this article, such as `/2022/12/old-id/`; remove it or correct it",
        );
      } else if (owner && owner.record !== record) {
        at(
          record,
          ["aliases", index],
          `alias \`${alias}\` is already the address of ${owner.record.file}`,
          "remove the alias or correct it",
        );
      } else if (alias === record.permalink) {
        at(record, ["aliases", index], `alias \`${alias}\` is this article's own address`, "remove it: the article is already there");
      } else {
        writers.set(alias, { record, path: ["aliases", index] });
      }
    });
  }

  at = rule("translation");
  for (const record of records) {
    (record.translations ?? []).forEach((target, index) => {
      const matches = byId.get(target);
      if (!matches) {
        at(
          record,
          ["translations", index],
          `no article has the id \`${target}\``,
          "use the `id:` of the translated article exactly as written in its file",
        );
      } else if (target === record.id) {
        at(record, ["translations", index], "an article cannot be its own translation");
      } else if (matches.every((m) => m.language === record.language)) {
        at(
          record,
          ["translations", index],
          `\`${target}\` is in the same language (\`${record.language}\`)`,
          "translations link the same article in other languages",
        );
      }
    });
  }

  // Tags are free text; `Peru` and `perú` would split one topic into two pages.
  at = rule("tag-spelling");
  const spellings = new Map<string, Map<string, ArticleRecord>>();
  for (const record of records) {
    for (const tag of record.tags ?? []) {
      const key = textToSlug(tag);
      const seen = spellings.get(key) ?? new Map<string, ArticleRecord>();
      if (!seen.has(tag)) seen.set(tag, record);
      spellings.set(key, seen);
    }
  }
  for (const seen of spellings.values()) {
    if (seen.size < 2) continue;
    const [first, ...rest] = [...seen.keys()];
    for (const tag of rest) {
      const record = seen.get(tag)!;
      const index = (record.tags ?? []).indexOf(tag);
      const { message, hint } = tagSpellingWords(tag, first!);
      at(record, ["tags", index], message, hint, "warning");
    }
  }
  return problems;
}

/** The words of the warning on a tag written otherwise than the archive's first spelling of it (also `npm run new`'s). */
export function tagSpellingWords(tag: string, first: string): { message: string; hint: string } {
  return { message: `tag \`${tag}\` differs from \`${first}\` only in case or accents`, hint: `write it as \`${first}\`` };
}
