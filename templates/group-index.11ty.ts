/** `/tags/`, `/publications/`, `/authors/`, `/languages/`: every group with its count. */
import type { Archive, Group } from "../src/archive/build-archive.ts";
import { messagesFor, type Messages } from "../src/archive/interface-messages.ts";
import { countLabel } from "../src/render/components.ts";
import { html } from "../src/render/html.ts";
import { page } from "../src/render/layout.ts";

interface IndexSpec {
  kind: Group["kind"];
  /** The page's title, by its key in the interface's messages. */
  title: keyof Messages & ("tags" | "publications" | "authors" | "languages");
  url: string;
  key: "tags" | "publications" | "authors" | "languages";
}

export const INDEXES: readonly IndexSpec[] = [
  { kind: "tag", title: "tags", url: "/tags/", key: "tags" },
  { kind: "publication", title: "publications", url: "/publications/", key: "publications" },
  { kind: "author", title: "authors", url: "/authors/", key: "authors" },
  { kind: "language", title: "languages", url: "/languages/", key: "languages" },
];

interface Data {
  archive: Archive;
  spec: IndexSpec;
}

export const data = {
  indexes: INDEXES,
  pagination: { data: "indexes", size: 1, alias: "spec" },
  permalink: (data: Data) => data.spec.url,
  eleventyExcludeFromCollections: true,
};

export function render({ archive, spec }: Data): string {
  const groups = archive[spec.key];
  const m = messagesFor(archive.site.language);
  const title = m[spec.title];
  const content = html`<header class="list-header"><h1>${title}</h1><p class="list-count">${countLabel(m, groups.length, spec.kind)}</p></header>
${
  spec.kind === "tag"
    ? html`<ul class="chips chips-index">${groups.map((group) => html`<li><a href="${group.url}">${group.name} <span class="chip-count">${group.articles.length}</span></a></li>`)}</ul>`
    : html`<ul class="group-list group-list-columns">
  ${groups.map((group) => html`<li><a href="${group.url}"${spec.kind === "language" ? html` lang="${group.slug}"` : ""}>${group.name}</a> <span class="group-count">${group.articles.length}</span></li>`)}
</ul>`
}`;
  return page({
    archive,
    title,
    url: spec.url,
    breadcrumbs: [{ label: m.home, url: "/" }, { label: title }],
    bodyClass: "page-index",
    content,
  });
}
