/*
 * An article opened from a search result (`?highlight=juliaca`): marks the
 * searched words in the article with Pagefind's highlighter. Without the
 * parameter it loads nothing. The article page's only script.
 */
const words = new URLSearchParams(window.location.search).getAll("highlight").filter(Boolean);
if (words.length) {
  const { default: PagefindHighlight } = await import("/pagefind/pagefind-highlight.js");
  new PagefindHighlight({ highlightParam: "highlight", markContext: ".article", addStyles: false });
}
