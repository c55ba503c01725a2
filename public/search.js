/*
 * The search page: Pagefind's Component UI (the elements in /search/), plus
 * the three things it does not do by itself:
 * - each result shows its date, publication and language (a result renderer
 *   that builds elements, never HTML strings from index data);
 * - sorting by relevance or by date (Pagefind's `sort` option, which the
 *   component UI of Pagefind 1.5 does not pass on: see `sortEverySearch`);
 * - the search in the address (`/search/?q=juliaca&language=Español&sort=newest`),
 *   updated as the reader types and read on load, so a search can be shared.
 * No inline script anywhere: this file works under
 * `Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'`.
 */
/**
 * Large archives are indexed as several Pagefind bundles by date range,
 * listed in /pagefind/bundles.json in date order, undated last
 * (src/site/search-index-cache.ts). They are read before the component UI
 * loads, and handed to its instance's `mergeIndex` in the same task as the
 * import, before it can load Pagefind, so one search covers every bundle.
 */
/**
 * A site-relative address (`/pagefind/…`) as served. This file sits at the
 * site's root, so a site served below a path (`/archive/`) finds Pagefind's
 * files under it. Bundle paths in bundles.json are site-relative, like every
 * address the build writes.
 */
const sitePath = (path) => new URL(path.replace(/^\/+/, ""), import.meta.url).pathname;

const BUNDLES = await fetch(sitePath("/pagefind/bundles.json"))
  .then((response) => (response.ok ? response.json() : { bundles: [] }))
  .then((manifest) => (Array.isArray(manifest.bundles) ? manifest.bundles.filter((bundle) => bundle && typeof bundle.path === "string") : []))
  .then((bundles) => bundles.map((bundle) => ({ ...bundle, path: sitePath(bundle.path) })))
  .catch(() => []);
await import(sitePath("/pagefind/pagefind-component-ui.js"));
{
  // Each merged bundle is a Pagefind instance of its own, made from its entry here alone: without the
  // options `<pagefind-config>` gave the first, its results had no `?highlight=` and the default excerpt.
  const ui = window.PagefindComponents.getInstanceManager().getInstance("default");
  const { highlightParam, excerptLength, baseUrl } = ui.pagefindOptions;
  const shared = Object.fromEntries(Object.entries({ highlightParam, excerptLength, baseUrl }).filter(([, value]) => value !== undefined));
  ui.options.mergeIndex.push(...BUNDLES.slice(1).map((bundle) => ({ ...shared, bundlePath: bundle.path })));
}

/**
 * The page's words in the interface's language, from the page itself (a JSON
 * block the build writes from src/archive/interface-messages.ts); Pagefind's
 * own words come from its translations, in the page's `lang`.
 */
const MESSAGES = (() => {
  try {
    return JSON.parse(document.getElementById("search-messages")?.textContent || "{}");
  } catch {
    return {};
  }
})();

/** A message with each `{name}` replaced by its value. */
const formatMessage = (template, values) => String(template || "").replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));

/** The filters of the index (src/site/pagefind-index.ts), in the order they go in the address. */
const FILTERS = ["publication", "tag", "language", "year"];
/** Sort choices -> Pagefind sort; undated articles carry sort keys that keep them, last, in both date orders. */
const SORTS = { relevance: {}, newest: { date: "desc" }, oldest: { oldest: "asc" } };

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpt is HTML with `<mark>` around matches: keep the text and the marks, nothing else. */
function appendExcerpt(target, excerptHtml) {
  const template = document.createElement("template");
  template.innerHTML = excerptHtml || "";
  for (const node of template.content.childNodes) {
    if (node.nodeType === window.Node.ELEMENT_NODE && node.nodeName === "MARK") target.append(element("mark", "", node.textContent));
    else target.append(node.textContent || "");
  }
}

function renderResult(result) {
  const meta = result.meta || {};
  const item = element("li", "pf-result search-result");
  const card = item.appendChild(element("div", "pf-result-card"));
  const content = card.appendChild(element("div", "pf-result-content"));
  const title = content.appendChild(element("p", "pf-result-title"));
  const link = title.appendChild(element("a", "pf-result-link", meta.title || result.url));
  link.href = result.url;
  if (meta.lang) {
    link.lang = meta.lang;
    link.hreflang = meta.lang;
  }
  const details = content.appendChild(element("p", "search-result-meta"));
  const parts = [
    ["search-result-date", meta.date],
    ["search-result-publication", meta.publication],
    ["search-result-language", meta.language],
  ].filter(([, value]) => value);
  parts.forEach(([className, value], index) => {
    if (index) details.append(" · ");
    const part = details.appendChild(element("span", className, value));
    if (className === "search-result-language" && meta.lang) part.lang = meta.lang;
  });
  if (result.excerpt) {
    const excerpt = content.appendChild(element("p", "pf-result-excerpt"));
    if (meta.lang) excerpt.lang = meta.lang;
    appendExcerpt(excerpt, result.excerpt);
  }
  return item;
}

/**
 * The filters' button, shown on narrow screens only (search.css): it folds the
 * filter pane away so the first results are on the first screen, and names
 * how many filters are set, so a folded filter is never a hidden surprise.
 */
function foldFilters(root) {
  const toggle = root.querySelector(".search-filters-toggle");
  const pane = root.querySelector("#search-filters");
  const count = toggle && toggle.querySelector(".search-filters-count");
  if (!toggle || !pane || !count) return () => {};
  const plurals = new Intl.PluralRules(document.documentElement.lang || "en");
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    pane.classList.toggle("is-folded", !open);
  });
  return (filters) => {
    const active = Object.values(filters || {}).reduce((sum, values) => sum + (Array.isArray(values) ? values.length : 0), 0);
    const forms = MESSAGES.filtersActive || {};
    count.textContent = active ? formatMessage(forms[plurals.select(active)] || forms.other, { count: active }) : "";
    count.hidden = !active;
  };
}

/**
 * Pagefind's filter pane names each group after its filter's key, and shows
 * the index's values as they are: the groups get the interface's names, and
 * the undated articles' year its word, each time the pane draws them.
 */
function nameFilters(pane) {
  const names = MESSAGES.filterNames || {};
  const rename = () => {
    for (const group of pane.querySelectorAll(".pf-filter-group")) {
      const key = group.dataset.filterName || group.querySelector("input[name]")?.name;
      const name = key && names[key];
      if (!name) continue;
      for (const label of group.querySelectorAll(".pf-filter-group-name, legend")) if (label.textContent !== name) label.textContent = name;
    }
    if (!MESSAGES.undatedFilter) return;
    for (const input of pane.querySelectorAll('input[name="year"][value="Undated"]')) {
      const text = [...input.parentNode.childNodes].find((node) => node.nodeType === window.Node.TEXT_NODE);
      if (text && text.textContent !== MESSAGES.undatedFilter) text.textContent = MESSAGES.undatedFilter;
    }
  };
  new window.MutationObserver(rename).observe(pane, { childList: true, subtree: true });
  rename();
}

function readAddress() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of FILTERS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  const sort = Object.hasOwn(SORTS, params.get("sort") || "") ? params.get("sort") : "relevance";
  return { query: (params.get("q") || "").trim(), filters, sort };
}

function writeAddress(query, filters, sort) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const name of FILTERS) for (const value of (filters && filters[name]) || []) params.append(name, value);
  if (sort !== "relevance") params.set("sort", sort);
  const search = params.toString();
  const address = `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`;
  if (address !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, "", address);
}

/** Sums the counts of each filter value over several searches, as Pagefind's own merge does. */
function mergeFilters(replies, field) {
  const merged = {};
  for (const reply of replies) {
    for (const [name, values] of Object.entries(reply[field] || {})) {
      const counts = (merged[name] ||= {});
      for (const [value, count] of Object.entries(values)) counts[value] = (counts[value] || 0) + count;
    }
  }
  return merged;
}

/**
 * A date-sorted search over several bundles. Merged, Pagefind orders results
 * by score, and in a sorted search a score is a position within its own
 * bundle: the bundles would interleave. So each bundle is searched by an
 * instance of its own, and the results joined in the bundles' date order,
 * undated last either way. The instances, with the UI's options (excerpt
 * length, highlight parameter), are made on first use.
 */
function searchBundlesInDateOrder(uiInstance) {
  const instances = new Map();
  const instanceFor = async (bundle) => {
    if (!instances.has(bundle.path)) {
      instances.set(bundle.path, import(sitePath("/pagefind/pagefind.js")).then((module) => module.createInstance({ ...uiInstance.pagefindOptions, basePath: bundle.path })));
    }
    return instances.get(bundle.path);
  };
  const dated = BUNDLES.filter((bundle) => bundle.dated);
  const undated = BUNDLES.filter((bundle) => !bundle.dated);
  const orders = { asc: [...dated, ...undated], desc: [...dated].reverse().concat(undated) };
  return async (term, options, direction) => {
    const order = orders[direction] || orders.asc;
    const replies = await Promise.all(order.map(async (bundle) => (await instanceFor(bundle)).search(term, options)));
    if (replies.some((reply) => !reply)) return null;
    return {
      results: replies.flatMap((reply) => reply.results),
      unfilteredResultCount: replies.reduce((sum, reply) => sum + reply.unfilteredResultCount, 0),
      filters: mergeFilters(replies, "filters"),
      totalFilters: mergeFilters(replies, "totalFilters"),
      timings: replies.map((reply) => reply.timings),
    };
  };
}

/**
 * The component UI searches through its Pagefind instance without a `sort`
 * option. Wrapping that instance's `search` when the UI stores it (it loads
 * Pagefind itself, on first use) hands every search, the UI's own included,
 * the reader's choice. It relies on the UI's `__pagefind__` field, so the
 * browser test of sorting guards upgrades.
 */
function sortEverySearch(instance, currentSort) {
  const byDate = BUNDLES.length > 1 ? searchBundlesInDateOrder(instance) : undefined;
  const withSort = (pagefind) => {
    if (!pagefind || pagefind.__sorted__) return pagefind;
    const search = pagefind.search.bind(pagefind);
    pagefind.search = (term, options = {}) => {
      const sort = currentSort();
      const direction = Object.values(sort)[0];
      return byDate && direction ? byDate(term, { ...options, sort }, direction) : search(term, { ...options, sort });
    };
    pagefind.__sorted__ = true;
    return pagefind;
  };
  let current = withSort(instance.__pagefind__);
  Object.defineProperty(instance, "__pagefind__", {
    configurable: true,
    get: () => current,
    set: (pagefind) => {
      current = withSort(pagefind);
    },
  });
}

async function start(root) {
  await window.customElements.whenDefined("pagefind-results");
  const instance = window.PagefindComponents.getInstanceManager().getInstance("default");
  const results = root.querySelector("pagefind-results");
  const sortSelect = root.querySelector("#search-sort");
  results.resultTemplate = renderResult;

  const initial = readAddress();
  let sort = initial.sort;
  sortSelect.value = sort;
  sortEverySearch(instance, () => SORTS[sort]);

  const pane = root.querySelector("pagefind-filter-pane");
  if (pane) nameFilters(pane);
  const showActiveFilters = foldFilters(root);
  showActiveFilters(initial.filters);
  instance.on("search", (term, filters) => {
    writeAddress((term || "").trim(), filters, sort);
    showActiveFilters(filters);
  });
  sortSelect.addEventListener("change", () => {
    sort = Object.hasOwn(SORTS, sortSelect.value) ? sortSelect.value : "relevance";
    writeAddress((instance.searchTerm || "").trim(), instance.searchFilters, sort);
    if (instance.searchTerm) instance.triggerSearch(instance.searchTerm);
  });

  root.hidden = false;
  if (initial.query || Object.keys(initial.filters).length) {
    instance.triggerSearchWithFilters(initial.query, initial.filters);
    const input = root.querySelector("pagefind-input input");
    if (input && !input.value) input.value = initial.query;
  }
}

const root = document.querySelector("[data-search-root]");
if (root) start(root);
