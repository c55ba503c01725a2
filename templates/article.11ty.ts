/** One page per article, at its permalink (DESIGN.md, "URLs"). */
import type { Archive } from "../src/archive/build-archive.ts";
import { languageToName } from "../src/archive/language-names.ts";
import type { ArticleRecord } from "../src/records/article-record.ts";
import { articleToReference } from "../src/exports/citations.ts";
import { absoluteUrl, page } from "../src/site/layout.ts";
import { dateElement, groupLink } from "../src/site/components.ts";
import { html, jsonForScript, trustedHtml, type HtmlValue } from "../src/site/html.ts";

interface Data {
  archive: Archive;
  article: ArticleRecord;
}

export const data = {
  pagination: { data: "archive.articles", size: 1, alias: "article", addAllPagesToCollections: false },
  permalink: (data: Data) => data.article.permalink,
  eleventyExcludeFromCollections: true,
};

function smallList(items: ArticleRecord[]): HtmlValue {
  return html`<ul class="related-list">${items.map((a) => html`<li lang="${a.language}"><a href="${a.permalink}">${a.title}</a> <span class="related-date" lang="en">${dateElement(a)}</span></li>`)}</ul>`;
}

export function render({ archive, article }: Data): string {
  const related = archive.related.get(article.id)!;
  const source = article.source;
  const crumbs = [
    { label: "Home", url: "/" },
    article.parsedDate
      ? { label: String(article.parsedDate.start.year), url: `/${article.parsedDate.start.year}/` }
      : { label: "Undated", url: "/undated/" },
    { label: article.title },
  ];
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    inLanguage: article.language,
    ...(article.parsedDate ? { datePublished: article.parsedDate.edtf } : {}),
    ...(article.authors ? { author: article.authors.map((name) => ({ "@type": "Person", name })) } : {}),
    publisher: { "@type": "Organization", name: article.publication },
    url: absoluteUrl(archive, article.permalink),
    ...(article.url ? { isBasedOn: article.url } : {}),
  };
  const content = html`<article class="article" lang="${article.language}">
  <header class="article-header">
    <p class="kicker" lang="${archive.site.language}">${groupLink(archive, "publication", article.publication, "kicker-publication")}${article.issue ? html` · <span class="issue">${article.issue}</span>` : ""}${article.page !== undefined ? html` · <span class="page">p. ${article.page}</span>` : ""}</p>
    <h1 class="article-title">${article.title}</h1>
    ${article.summary ? html`<p class="dek">${article.summary}</p>` : ""}
    <dl class="article-meta" lang="${archive.site.language}">
      ${article.authors?.length ? html`<div><dt>By</dt><dd>${article.authors.map((name, i) => html`${i ? ", " : ""}${groupLink(archive, "author", name, "byline")}`)}</dd></div>` : ""}
      <div><dt>Date</dt><dd>${dateElement(article)}</dd></div>
      ${article.place ? html`<div><dt>Place</dt><dd>${article.place}</dd></div>` : ""}
      <div><dt>Language</dt><dd>${groupLink(archive, "language", article.language, "language")}</dd></div>
      ${article.tags?.length ? html`<div><dt>Tags</dt><dd><ul class="chips">${article.tags.map((tag) => html`<li>${groupLink(archive, "tag", tag)}</li>`)}</ul></dd></div>` : ""}
    </dl>
    ${related.translations.length ? html`<p class="translations" lang="${archive.site.language}">Also in ${related.translations.map((t, i) => html`${i ? ", " : ""}<a href="${t.permalink}" hreflang="${t.language}" lang="${t.language}">${languageToName(t.language)}</a>`)}</p>` : ""}
  </header>
  <div class="article-body">
${trustedHtml(article.html)}
  </div>
</article>
<aside class="article-aside" aria-label="About this article" lang="${archive.site.language}">
  <section class="provenance">
    <h2>Provenance</h2>
    <dl>
      ${article.url ? html`<div><dt>Original</dt><dd><a href="${article.url}" rel="external nofollow">${article.url}</a></dd></div>` : ""}
      ${source ? html`<div><dt>Source</dt><dd><code>${source.file}</code>, lines ${source.lines[0]}–${source.lines[1]}</dd></div>` : ""}
      <div><dt>Article file</dt><dd><code>${article.file}</code></dd></div>
    </dl>
  </section>
  <section class="cite">
    <h2>Cite</h2>
    <p class="reference">${articleToReference(article, archive)}</p>
    <p class="cite-formats">Download: <a href="${article.permalink}cite.bib">BibTeX</a> · <a href="${article.permalink}cite.ris">RIS</a> · <a href="${article.permalink}cite.json">CSL-JSON</a></p>
  </section>
  <nav class="prev-next" aria-label="By date">
    ${related.previous ? html`<a class="previous" rel="prev" href="${related.previous.permalink}"><span>Earlier</span> <span lang="${related.previous.language}">${related.previous.title}</span></a>` : ""}
    ${related.next ? html`<a class="next" rel="next" href="${related.next.permalink}"><span>Later</span> <span lang="${related.next.language}">${related.next.title}</span></a>` : ""}
  </nav>
  ${related.morePublication.length ? html`<section class="more"><h2>More from ${article.publication}</h2>${smallList(related.morePublication)}</section>` : ""}
  ${related.moreTags.map(({ group, articles }) => html`<section class="more"><h2>More on <a href="${group.url}">${group.name}</a></h2>${smallList(articles)}</section>`)}
</aside>`;
  return page({
    archive,
    title: article.title,
    url: article.permalink,
    description: article.summary ?? article.text.slice(0, 200),
    breadcrumbs: crumbs,
    bodyClass: "page-article",
    head: html`<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`,
    content,
  });
}
