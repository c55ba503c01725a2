/** An article's permanent address (`/a/<id>/`) and earlier ones (`aliases`) keep working: each is a page that sends the reader on. */
import type { Archive } from "../src/archive/build-archive.ts";
import { formatMessage, messagesFor } from "../src/archive/interface-messages.ts";
import type { ArticleEntry } from "../src/records/article-record.ts";
import { html, htmlMessage } from "../src/render/html.ts";
import { absoluteUrl, securityPolicyMeta } from "../src/render/layout.ts";
import { prefixRootRelativeUrls } from "../src/render/path-prefix.ts";

interface Data {
  archive: Archive;
  redirect: { from: string; to: ArticleEntry };
}

export const data = {
  pagination: { data: "pagesToWrite.redirects", size: 1, alias: "redirect" },
  permalink: (data: Data) => data.redirect.from,
  eleventyExcludeFromCollections: true,
};

export function render({ archive, redirect }: Data): string {
  const target = redirect.to.permalink;
  const m = messagesFor(archive.site.language);
  return prefixRootRelativeUrls(
    `<!DOCTYPE html>\n${html`<html lang="${archive.site.language}">
<head>
<meta charset="utf-8">
${securityPolicyMeta()}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${formatMessage(m.moved, { title: redirect.to.title })}</title>
<meta http-equiv="refresh" content="0; url=${target}">
<link rel="canonical" href="${absoluteUrl(archive, target)}">
<meta name="robots" content="noindex">
<link rel="stylesheet" href="/styles.css">
</head>
<body>
<main id="main"><p>${htmlMessage(m.movedTo, { link: html`<a href="${target}" lang="${redirect.to.language}">${redirect.to.title}</a>` })}</p></main>
</body>
</html>`}\n`,
    archive.site.pathPrefix,
  );
}
