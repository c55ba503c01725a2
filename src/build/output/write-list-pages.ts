/**
 * List pages (latest, years, months, groups, issues) and redirect pages
 * (an article's permanent and earlier addresses) written by the build itself
 * rather than through Eleventy's pagination (write-rendered-pages.ts): both
 * grow with the archive, a redirect page for every article and a list page
 * for every few dozen of each list. The bytes are their templates' own
 * (`templates/list.11ty.ts`, `templates/redirects.11ty.ts`).
 */
import type { Archive, ListPage } from "../../archive/build-archive.ts";
import { permalinkToFile, type PageRenderers } from "./pages-to-write.ts";
import { writeRenderedPages, type RenderedPagesOutput } from "./write-rendered-pages.ts";

export interface ListPagesInput extends RenderedPagesOutput {
  archive: Archive;
  listPages: readonly ListPage[];
  redirects: Archive["redirects"];
  render: Pick<PageRenderers, "list" | "redirect">;
}

/** Renders and writes the list and redirect pages; answers their files, site-relative: the list pages', then the redirects'. */
export async function writeListPages(input: ListPagesInput): Promise<string[]> {
  const { archive, render } = input;
  const listFiles = input.listPages.map((listPage) => permalinkToFile(listPage.url));
  const redirectFiles = input.redirects.map((redirect) => permalinkToFile(redirect.from));
  await writeRenderedPages(input.listPages, listFiles, (listPage) => render.list({ archive, listPage }), input);
  await writeRenderedPages(input.redirects, redirectFiles, (redirect) => render.redirect({ archive, redirect }), input);
  return [...listFiles, ...redirectFiles];
}
