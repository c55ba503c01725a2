/**
 * `/data/`: the exports for researchers who come by the site rather than the
 * README: what each file is, what each field holds, how to query the SQLite
 * file, and how to cite. The example queries are made from this archive's own
 * words, so they find something.
 */
import { mostUsedFirst, type Archive } from "../src/archive/build-archive.ts";
import { messagesFor } from "../src/archive/interface-messages.ts";
import { LIST_SEPARATOR } from "../src/exports/csv.ts";
import { EXPORT_FIELD_MEANINGS, EXPORT_FIELDS } from "../src/exports/jsonl.ts";
import { DATABASE_SCHEMA_VERSION } from "../src/exports/sqlite.ts";
import { countLabel } from "../src/site/components.ts";
import { html, type SafeHtml } from "../src/site/html.ts";
import { page } from "../src/site/layout.ts";
import { searchExamples } from "../src/site/search-hints.ts";

export const data = { permalink: "/data/", eleventyExcludeFromCollections: true };

/** Text with `code` spans, as markup. */
function withCode(text: string): SafeHtml {
  return html`${text.split("`").map((part, index) => (index % 2 ? html`<code>${part}</code>` : part))}`;
}

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Example queries over this archive: a full-text search for a word it holds, a date range, a tag. */
function exampleQueries(archive: Archive): string {
  const [word] = searchExamples(archive, 1);
  // One quoted word: FTS5 reads it as text, whatever its characters.
  const match = word && /[\p{L}\p{N}]/u.test(word) ? `"${word.replace(/"/g, '""')}"` : undefined;
  const tag = mostUsedFirst(archive.tags)[0]?.name;
  const lastYear = archive.years[0]?.year;
  const queries = [
    match
      ? `-- ranked full-text search, title words weighted most
SELECT a.id, a.title, a.date, snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet
FROM articles_fts JOIN articles a ON a.position = articles_fts.rowid
WHERE articles_fts MATCH ${sqlString(match)}
ORDER BY bm25(articles_fts, 10, 4, 1);`
      : undefined,
    lastYear
      ? `-- articles whose date may fall in ${lastYear}
SELECT id, date FROM articles WHERE date_end >= '${lastYear}-01-01' AND date_start <= '${lastYear}-12-31';`
      : undefined,
    tag
      ? `-- articles with a tag
SELECT a.title FROM articles a, json_each(a.tags) t WHERE t.value = ${sqlString(tag)};`
      : undefined,
  ];
  return queries.filter(Boolean).join("\n\n");
}

export function render({ archive }: { archive: Archive }): string {
  const queries = exampleQueries(archive);
  const m = messagesFor(archive.site.language);
  const content = html`<header class="list-header"><h1>${m.data}</h1>
<p>The whole archive, ${countLabel(m, archive.articles.length)}, as files to analyse offline. Every build makes them again from the same records as the pages, byte for byte the same for the same articles.</p></header>
<div class="article-body">
<h2 id="files">Files</h2>
<ul>
  <li><a href="/data/archive.jsonl">archive.jsonl</a> (JSON Lines): one JSON object per article, newest first and undated last, with the fields below; a field an article lacks is left out.</li>
  <li><a href="/data/archive.csv">archive.csv</a> (CSV): one row per article, the fields below as columns in the same order. UTF-8, quoted as RFC 4180 says. Lists are joined with <code>${LIST_SEPARATOR}</code> (a bar between two spaces), and <code>source</code> is JSON. A cell that a spreadsheet would run as a formula starts with <code>'</code>.</li>
  <li><a href="/data/archive.sqlite">archive.sqlite</a> (SQLite, schema version ${String(DATABASE_SCHEMA_VERSION)} in <code>PRAGMA user_version</code>): the table <code>articles</code>, one column per field (lists and <code>source</code> as JSON), <code>position</code> in the archive's order and <code>date_start</code>/<code>date_end</code>, the first and last day a date can mean; and <code>articles_fts</code>, a full-text index (FTS5) of title, summary and text, accents ignored and words stemmed (English Porter: <code>protest</code> finds <code>protests</code>); <code>search_words</code>, the words the site's search indexes, as <code>npm run search</code> searches them.</li>
  <li><a href="/data/archive.bib">archive.bib</a> (BibTeX and biblatex) and <a href="/data/archive.ris">archive.ris</a> (RIS): every article's citation, as in the files beside its page.</li>
  <li><a href="/data/manifest.json">manifest.json</a>: the archive's version (the sha256 of <code>archive.jsonl</code>, which changes with any article), its licence, how many articles it holds (dated, undated, by language and publication), and each file's size and sha256, to check a copy.</li>
</ul>
<h2 id="fields">Fields</h2>
<dl class="data-fields">
${EXPORT_FIELDS.map((field) => html`<dt><code>${field}</code></dt><dd>${withCode(EXPORT_FIELD_MEANINGS[field])}</dd>`)}
</dl>
${queries ? html`<h2 id="queries">Querying the SQLite file</h2>
<pre><code>${queries}</code></pre>` : ""}
<h2 id="citing">Citing</h2>
<p>Each article's page has its reference under <strong>Cite</strong>, and three files beside it: <code>cite.bib</code> (BibTeX), <code>cite.ris</code> (RIS) and <code>cite.json</code> (CSL-JSON), which point to the article's permanent address, <code>/a/&lt;id&gt;/</code>. Every author is listed, a person's name split into family and given names; a date keeps its precision, an uncertain or approximate one is marked <em>circa</em>, and an interval keeps both ends.</p>
<h2 id="rights">Rights</h2>
${archive.site.dataLicence ? html`<p class="data-licence">${archive.site.dataLicence}</p>
` : ""}<p>The archive keeps the text as published, and the page it was taken from, so that it can be read and studied.</p>
</div>`;
  return page({
    archive,
    title: m.data,
    url: "/data/",
    description: `The whole archive, ${countLabel(m, archive.articles.length)}, as JSON Lines, CSV and SQLite, with what each field holds.`,
    breadcrumbs: [{ label: m.home, url: "/" }, { label: m.data }],
    bodyClass: "page-data",
    content,
  });
}
