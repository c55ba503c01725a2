/** `/404.html`, served by static hosts for any address that does not exist. */
import type { Archive } from "../src/archive/build-archive.ts";
import { html } from "../src/site/html.ts";
import { page } from "../src/site/layout.ts";

export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: Archive }): string {
  const content = html`<h1>Page not found</h1>
<p>There is no page at this address. Articles keep their addresses; if you followed an old link, try the <a href="/search/">search</a> or browse <a href="/years/">by date</a>.</p>`;
  return page({ archive, title: "Page not found", url: "/404.html", content });
}
