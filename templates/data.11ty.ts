/**
 * `/data/`: the exports for researchers who come by the site rather than the
 * README: what each file is, what each field holds, how to query the SQLite
 * file, and how to cite. The example queries are made from this archive's own
 * words, so they find something.
 */
import { mostUsedFirst, type Archive } from "../src/archive/build-archive.ts";
import { formatMessage, messagesFor } from "../src/archive/interface-messages.ts";
import { LIST_SEPARATOR } from "../src/exports/csv.ts";
import { EXPORT_FIELDS } from "../src/exports/jsonl.ts";
import { DATABASE_SCHEMA_VERSION } from "../src/exports/sqlite.ts";
import { countLabel } from "../src/render/components.ts";
import { dataPageText, type DataPageText } from "../src/render/data-page-text.ts";
import { html, type SafeHtml } from "../src/render/html.ts";
import { page } from "../src/render/layout.ts";
import { searchExamples } from "../src/render/search-hints.ts";

export const data = { permalink: "/data/", eleventyExcludeFromCollections: true };

/** Text with `code` spans, **strong** and *emphasis*, and `{name}` filled from `values`, as markup; every piece of text escaped. */
function prose(text: string, values: Readonly<Record<string, string>> = {}): SafeHtml {
  const filled = formatMessage(text, values);
  const inline = (part: string) =>
    part
      .split(/(\*\*[^*]+\*\*|\*[^*]+\*)/)
      .map((piece) =>
        piece.startsWith("**")
          ? html`<strong>${piece.slice(2, -2)}</strong>`
          : piece.startsWith("*") && piece.length > 2
            ? html`<em>${piece.slice(1, -1)}</em>`
            : piece,
      );
  return html`${filled.split("`").map((part, index) => (index % 2 ? html`<code>${part}</code>` : inline(part)))}`;
}

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Example queries over this archive: a full-text search for a word it holds, a date range, a tag. */
function exampleQueries(archive: Archive, t: DataPageText): string {
  const [word] = searchExamples(archive, 1);
  // One quoted word: FTS5 reads it as text, whatever its characters.
  const match = word && /[\p{L}\p{N}]/u.test(word) ? `"${word.replace(/"/g, '""')}"` : undefined;
  const tag = mostUsedFirst(archive.tags)[0]?.name;
  const lastYear = archive.years[0]?.year;
  const queries = [
    match
      ? `-- ${t.queryFullText}
SELECT a.id, a.title, a.date, snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet
FROM articles_fts JOIN articles a ON a.position = articles_fts.rowid
WHERE articles_fts MATCH ${sqlString(match)}
ORDER BY bm25(articles_fts, 10, 4, 1);`
      : undefined,
    lastYear
      ? `-- ${t.queryYear.replace("{year}", String(lastYear))}
SELECT id, date FROM articles WHERE date_end >= '${lastYear}-01-01' AND date_start <= '${lastYear}-12-31';`
      : undefined,
    tag
      ? `-- ${t.queryTag}
SELECT a.title FROM articles a, json_each(a.tags) t WHERE t.value = ${sqlString(tag)};`
      : undefined,
  ];
  return queries.filter(Boolean).join("\n\n");
}

export function render({ archive }: { archive: Archive }): string {
  const m = messagesFor(archive.site.language);
  const t = dataPageText(archive.site.language);
  const queries = exampleQueries(archive, t);
  const count = countLabel(m, archive.articles.length);
  const content = html`<header class="list-header"><h1>${m.data}</h1>
<p>${prose(t.intro, { count })}</p></header>
<div class="article-body">
<h2 id="files">${t.files}</h2>
<ul>
  <li><a href="/data/archive.jsonl">archive.jsonl</a> ${prose(t.jsonl)}</li>
  <li><a href="/data/archive.csv">archive.csv</a> ${prose(t.csv, { separator: LIST_SEPARATOR })}</li>
  <li><a href="/data/archive.sqlite">archive.sqlite</a> ${prose(t.sqlite, { version: String(DATABASE_SCHEMA_VERSION) })}</li>
  <li><a href="/data/archive.bib">archive.bib</a> (BibTeX, biblatex) · <a href="/data/archive.ris">archive.ris</a> ${prose(t.citations)}</li>
  <li><a href="/data/manifest.json">manifest.json</a>${prose(t.manifest)}</li>
</ul>
<h2 id="fields">${t.fields}</h2>
<dl class="data-fields">
${EXPORT_FIELDS.map((field) => html`<dt><code>${field}</code></dt><dd>${prose(t.fieldMeanings[field])}</dd>`)}
</dl>
${
  queries
    ? html`<h2 id="queries">${t.queries}</h2>
<pre><code>${queries}</code></pre>`
    : ""
}
<h2 id="citing">${t.citing}</h2>
<p>${prose(t.citingText, { cite: m.cite })}</p>
<h2 id="rights">${t.rights}</h2>
${
  archive.site.dataLicence
    ? html`<p class="data-licence">${archive.site.dataLicence}</p>
`
    : ""
}<p>${prose(t.rightsText)}</p>
</div>`;
  return page({
    archive,
    title: m.data,
    url: "/data/",
    description: formatMessage(t.description, { count }),
    breadcrumbs: [{ label: m.home, url: "/" }, { label: m.data }],
    bodyClass: "page-data",
    content,
  });
}
