/*
 * An article opened from a search result (`?highlight=juliaca`): marks the
 * searched words in the article with Pagefind's highlighter. Without the
 * parameter it loads nothing. The article page's only script. Pagefind's
 * files are found from this file's address, which is the site's root, so a
 * site served below a path finds them too.
 */
const words = new URLSearchParams(window.location.search).getAll("highlight").filter(Boolean);
if (words.length) {
  const { default: PagefindHighlight } = await import(new URL("pagefind/pagefind-highlight.js", import.meta.url).href);
  new PagefindHighlight({ highlightParam: "highlight", markContext: ".article", addStyles: false });
}
