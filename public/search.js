/*
 * The search page: Pagefind's Component UI (the elements in /search/), plus
 * the three things it does not do by itself:
 * - each result shows its date, publication and language (a result renderer
 *   that builds elements, never HTML strings from index data);
 * - sorting by relevance or by date (by each bundle's date-order.json,
 *   fetched when the reader first asks for date order: see `sortEverySearch`);
 * - the search in the address (`/search/?q=juliaca&language=Español&sort=newest`),
 *   updated as the reader types and read on load, so a search can be shared.
 * No inline script anywhere: this file works under
 * `Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'`.
 */
/**
 * The index is one main Pagefind index (a few parts by date range only for
 * very large archives) and a small recent one of the articles added or
 * changed since the main one was made, listed in /pagefind/bundles.json
 * (src/search-index/search-index-manifest.ts). The manifest is read before the
 * component UI loads, and the other bundles handed to its instance's
 * `mergeIndex` in the same task as the import, before it can load Pagefind,
 * so one search covers every bundle; `searchAsOne` then joins their replies.
 */
/**
 * A site-relative address (`/pagefind/…`) as served. This file sits at the
 * site's root, so a site served below a path (`/archive/`) finds Pagefind's
 * files under it. Bundle paths in bundles.json are site-relative, like every
 * address the build writes.
 */
const sitePath = (path) => new URL(path.replace(/^\/+/, ""), import.meta.url).pathname;

const isCounts = (value) => value && typeof value === "object" && !Array.isArray(value);
const count = (value) => (Number.isSafeInteger(value) && value >= 0 ? value : 0);
const INDEX = await fetch(sitePath("/pagefind/bundles.json"))
  .then((response) => (response.ok ? response.json() : {}))
  .then((manifest) => ({
    parts: (Array.isArray(manifest.parts) ? manifest.parts : [])
      .filter((part) => part && typeof part.path === "string")
      .map((part) => ({
        path: sitePath(part.path),
        offset: count(part.offset),
        hidden: new Map(Object.entries(isCounts(part.hidden) ? part.hidden : {})),
      })),
    undated: count(manifest.undated),
    recent:
      manifest.recent && typeof manifest.recent.path === "string" && Array.isArray(manifest.recent.insertAt)
        ? { path: sitePath(manifest.recent.path), insertAt: manifest.recent.insertAt.map(count), undated: count(manifest.recent.undated) }
        : undefined,
  }))
  .catch(() => ({ parts: [], undated: 0, recent: undefined }));
if (!INDEX.parts.length) INDEX.parts.push({ path: sitePath("/pagefind/"), offset: 0, hidden: new Map() });
/**
 * With more than one bundle, each gets a synthetic filter naming it
 * (Pagefind's `mergeFilter`, held in memory, never fetched), so that one
 * search can be asked of each bundle alone through the UI's one instance,
 * whose WebAssembly they share: `searchAsOne` needs to know which bundle a
 * result came from. The filter is taken out of every count the UI sees.
 */
const BUNDLE_FILTER = "hemeroteca-bundle";
const BUNDLES = [
  ...INDEX.parts.map((part, index) => ({ name: String(index), part })),
  ...(INDEX.recent ? [{ name: "recent", part: undefined }] : []),
];
const JOINED = BUNDLES.length > 1;
const bundlePathOf = (bundle) => (bundle.part ? bundle.part.path : INDEX.recent.path);
await import(sitePath("/pagefind/pagefind-component-ui.js"));
{
  // Each merged bundle is a Pagefind instance of its own, made from its entry here alone: without the
  // options `<pagefind-config>` gave the first, its results had no `?highlight=` and the default excerpt.
  const ui = window.PagefindComponents.getInstanceManager().getInstance("default");
  const { highlightParam, excerptLength, baseUrl } = ui.pagefindOptions;
  const shared = Object.fromEntries(Object.entries({ highlightParam, excerptLength, baseUrl }).filter(([, value]) => value !== undefined));
  if (JOINED) ui.pagefindOptions = { ...ui.pagefindOptions, mergeFilter: { [BUNDLE_FILTER]: BUNDLES[0].name } };
  ui.options.mergeIndex.push(
    ...BUNDLES.slice(1).map((bundle) => ({
      ...shared,
      bundlePath: bundlePathOf(bundle),
      mergeFilter: { [BUNDLE_FILTER]: bundle.name },
    })),
  );
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
const formatMessage = (template, values) =>
  String(template || "").replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));

/** The filters of the index (src/search-index/pagefind-index.ts), in the order they go in the address. */
const FILTERS = ["publication", "tag", "language", "year"];
/** Sort choices -> key and direction; undated articles sort first by date, and `searchAsOne` moves them last oldest first. */
const SORTS = { relevance: {}, newest: { date: "desc" }, oldest: { date: "asc" } };

/**
 * Each bundle's pages in ascending date order (date-order.json, written by
 * src/search-index/search-date-order.ts, read by public/search-date-order.js),
 * fetched the first time a search is sorted by date: a search by relevance
 * never needs it, so Pagefind's metadata, which every search loads first,
 * carries no list by date. Each is a function from a page's id to its place.
 */
const DATE_ORDERS = new Map();

function dateOrder(bundlePath) {
  if (!DATE_ORDERS.has(bundlePath)) {
    const file = fetch(`${bundlePath}date-order.json`).then((response) => {
      if (!response.ok) throw new Error(`${bundlePath}date-order.json: HTTP ${response.status}`);
      return response.json();
    });
    DATE_ORDERS.set(
      bundlePath,
      Promise.all([import(sitePath("/search-date-order.js")), file])
        .then(([{ placesIn }, order]) => placesIn(order))
        .catch((error) => {
          // Asked again on the next sorted search rather than kept failed.
          DATE_ORDERS.delete(bundlePath);
          throw error;
        }),
    );
  }
  return DATE_ORDERS.get(bundlePath);
}

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
 * The filters' button: the filter pane is folded until the reader opens it,
 * so the first results are on a phone's first screen and a first search
 * fetches no filter file (`wantFilters`); it names how many filters are set,
 * so a folded filter is never a hidden surprise.
 */
function foldFilters(root, instance) {
  const toggle = root.querySelector(".search-filters-toggle");
  const pane = root.querySelector("#search-filters");
  const count = toggle && toggle.querySelector(".search-filters-count");
  if (!toggle || !pane || !count) return () => {};
  const plurals = new Intl.PluralRules(document.documentElement.lang || "en");
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    pane.classList.toggle("is-folded", !open);
    if (open) wantFilters(instance);
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
  if (address !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
    window.history.replaceState(window.history.state, "", address);
}

/** Sums the counts of each filter value over several replies, as Pagefind's own merge does. */
function sumCounts(countsList) {
  const merged = {};
  for (const counts of countsList) {
    for (const [name, values] of Object.entries(counts || {})) {
      const sums = (merged[name] ||= {});
      for (const [value, count] of Object.entries(values)) sums[value] = (sums[value] || 0) + count;
    }
  }
  return merged;
}

/** Takes one page's filter values off `counts`. */
function subtractPage(counts, filters) {
  for (const [name, values] of Object.entries(filters || {})) {
    for (const value of Array.isArray(values) ? values : []) if (counts[name] && counts[name][value] > 0) counts[name][value] -= 1;
  }
}

/** Counts as the UI should see them: without the bundles' own filter. */
function withoutBundleFilter(counts) {
  const { [BUNDLE_FILTER]: _bundles, ...rest } = counts || {};
  return rest;
}

/**
 * One search over every bundle, as if they were one index. Each bundle is
 * searched alone (its filter added to the reader's, when there are several),
 * and:
 * - pages of the main index that are out of date (`hidden`) are dropped, and
 *   taken off the counts: `filters` counts the results, `totalFilters` and
 *   `unfilteredResultCount` every page that matches the words alone;
 * - by relevance, results are ordered by score, as Pagefind merges them;
 * - by date, each result's place in its bundle's date order (`dateOrder`):
 *   a main part's offset turns it into a place in the whole main index, and
 *   `insertAt` gives a recent page its place among those, so the lists are
 *   joined without loading a fragment. Undated pages take the first places
 *   (their key is 0000-00-00): oldest first, they are moved after the dated
 *   ones.
 */
/** More than any place in an index: added to an undated page's place to put it after every dated one. */
const UNDATED_LAST = 2 ** 40;

async function searchAsOne(search, term, options, sort) {
  const [key, direction] = Object.entries(sort)[0] || [];
  const filters = options.filters || {};
  const filtering = Object.values(filters).some((values) =>
    Array.isArray(values) ? values.length : values && typeof values === "object" ? Object.keys(values).length : Boolean(values),
  );
  const only = (bundle, withFilters) => {
    const narrowed = withFilters ? filters : {};
    return search(term, { ...options, filters: JOINED ? { ...narrowed, [BUNDLE_FILTER]: bundle.name } : narrowed });
  };
  // Fetched beside the search, not after it; a preload (`options.preload`) asks for its words' chunks only.
  const orders = key && !options.preload ? Promise.all(BUNDLES.map((bundle) => dateOrder(bundlePathOf(bundle)))) : undefined;
  const replies = await Promise.all(BUNDLES.map((bundle) => only(bundle, true)));
  if (replies.some((reply) => !reply)) return null;
  // Without its date order (the file could not be fetched) the results stay by relevance, and the console says why.
  const placesOf = orders
    ? await orders.catch((error) => {
        console.error(`Cannot sort by date: ${error.message}`);
        return undefined;
      })
    : undefined;
  // Pages matching the words alone, in each bundle with hidden pages: the replies above, unless filters narrowed them.
  const unfiltered = await Promise.all(
    BUNDLES.map((bundle, index) => (bundle.part && bundle.part.hidden.size && filtering ? only(bundle, false) : replies[index])),
  );
  if (unfiltered.some((reply) => !reply)) return null;
  const counts = sumCounts(replies.map((reply) => reply.filters));
  // Every reply counts the words' matches in all bundles alike, the filters left out.
  const totalFilters = sumCounts([replies[0].totalFilters]);
  let unfilteredResultCount = replies[0].unfilteredResultCount;
  const results = [];
  for (const [index, reply] of replies.entries()) {
    const { part } = BUNDLES[index];
    for (const result of unfiltered[index].results) {
      if (!part || !part.hidden.has(result.id)) continue;
      subtractPage(totalFilters, part.hidden.get(result.id));
      unfilteredResultCount -= 1;
    }
    for (const result of reply.results) {
      if (part && part.hidden.has(result.id)) {
        subtractPage(counts, part.hidden.get(result.id));
        continue;
      }
      if (!placesOf) {
        results.push(result);
        continue;
      }
      const place = placesOf[index](result.id);
      if (place === undefined) {
        // A page the list does not know (a site half updated): shown last, not dropped.
        console.error(`The search result ${result.id} has no place in its bundle's date order`);
        result.score = -(2 ** 50);
        results.push(result);
        continue;
      }
      let at;
      let undated;
      if (part) {
        at = part.offset + place;
        undated = at < INDEX.undated;
      } else {
        const { insertAt } = INDEX.recent;
        at = (insertAt[place] ?? 0) - 0.5 + place / (2 * insertAt.length + 2);
        undated = place < INDEX.recent.undated;
      }
      // Oldest first, undated pages go after every dated one (in their own order); newest first they are last already.
      // The score is set on Pagefind's own result, not a copy: Pagefind frees a result's data in its worker once
      // the result object is collected, and a copy's `data()` then finds nothing (its card stays a placeholder).
      result.score = direction === "asc" ? -(undated ? at + UNDATED_LAST : at) : at;
      results.push(result);
    }
  }
  results.sort((a, b) => b.score - a.score);
  return {
    results,
    unfilteredResultCount,
    filters: withoutBundleFilter(counts),
    totalFilters: withoutBundleFilter(totalFilters),
    timings: replies.map((reply) => reply.timings),
  };
}

/**
 * The component UI searches through its Pagefind instance without a sort.
 * Wrapping that instance's `search` when the UI stores it (it loads
 * Pagefind itself, on first use) hands every search, the UI's own included,
 * the reader's choice, over every bundle (`searchAsOne`); its `filters`,
 * the counts before any search, lose the hidden pages and the bundles' own
 * filter too. It relies on the UI's `__pagefind__` field, so the browser
 * test of sorting guards upgrades.
 */
function sortEverySearch(instance, currentSort) {
  const withSort = (pagefind) => {
    if (!pagefind || pagefind.__sorted__) return pagefind;
    const search = pagefind.search.bind(pagefind);
    pagefind.search = (term, options = {}) => searchAsOne(search, term, options, currentSort());
    const filters = pagefind.filters.bind(pagefind);
    pagefind.filters = async () => {
      // Until the reader asks for filters, none of their files is fetched (`FILTER_FILES`); the
      // answer still waits for the index to load, as Pagefind's own does (a search of no words
      // loads the metadata only), so the UI's "filters" event still means the index is ready.
      if (!FILTER_FILES.wanted) {
        await search("");
        return {};
      }
      const counts = sumCounts([await filters()]);
      for (const part of INDEX.parts) for (const values of part.hidden.values()) subtractPage(counts, values);
      return withoutBundleFilter(counts);
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

/**
 * The filter files (one a filter, each a list of every page under each
 * value: 140 KB gzipped at 10,000 articles, more than the rest of a first
 * search) are fetched only when the reader asks for what needs them: opens
 * the filter pane, opens the chart of matches by month, or comes with a
 * filter in the address. Until then the component UI is told there are no
 * filters, and a search fetches only its words' index chunks and its
 * results. Once asked, every filter's counts are loaded, and the search on
 * screen is run again (from memory) so that its counts come with it.
 */
const FILTER_FILES = { wanted: false, loading: undefined };

function wantFilters(instance) {
  if (FILTER_FILES.loading) return FILTER_FILES.loading;
  FILTER_FILES.wanted = true;
  FILTER_FILES.loading = (async () => {
    await instance.triggerLoad();
    // Every filter's files, whenever Pagefind was loaded (`preload` may have loaded it before this was asked).
    await instance.__pagefind__.filters();
    // The UI keeps what `filters()` said when it loaded (nothing): the search again, or the counts before one.
    // The words are the box's: a word typed just before (its search still waiting out the box's debounce)
    // would otherwise be put back to the last search's, since the box is not focused then.
    const box = document.querySelector("[data-search-root] pagefind-input input");
    instance.triggerSearchWithFilters((box ? box.value : instance.searchTerm) || "", instance.searchFilters || {});
  })();
  return FILTER_FILES.loading;
}

/**
 * The chart of matches by month (public/search-timeline.js) is drawn when
 * the reader opens it, from the `timeline` filter's counts, and redrawn for
 * each search while it is open; its script and the filter files load then.
 */
function chartOnDemand(root, instance) {
  const toggle = root.querySelector(".search-timeline-toggle");
  const figure = root.querySelector("#search-timeline");
  if (!toggle || !figure) return;
  let draw;
  let last;
  const redraw = () => {
    if (!draw || toggle.getAttribute("aria-expanded") !== "true") return;
    const results = last && Array.isArray(last.results) ? last.results : [];
    const counts = last && last.filters && last.filters.timeline;
    // Counts come with the search run once the filter files are in; until then the chart waits for it.
    if (results.length && !counts) return;
    draw(figure, results.length ? counts : {});
  };
  instance.on("results", (result) => {
    last = result;
    toggle.hidden = !(result && Array.isArray(result.results) && result.results.length);
    if (toggle.hidden) figure.hidden = true;
    redraw();
  });
  toggle.addEventListener("click", async () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    if (!open) {
      figure.hidden = true;
      return;
    }
    if (!draw) {
      const [timeline] = await Promise.all([import(sitePath("/search-timeline.js")), wantFilters(instance)]);
      draw = timeline.drawTimeline;
    }
    redraw();
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
  const showActiveFilters = foldFilters(root, instance);
  showActiveFilters(initial.filters);
  chartOnDemand(root, instance);
  // Tests and scripts wait for this: Pagefind and the index's metadata are loaded, its first `filters` reply given.
  const loaded = () => root.setAttribute("data-search-loaded", "");
  instance.on("filters", loaded);
  if (instance.availableFilters !== null) loaded();
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
    // A shared address that sets filters: the pane's counts are wanted.
    if (Object.keys(initial.filters).length) wantFilters(instance);
    const input = root.querySelector("pagefind-input input");
    if (input && !input.value) input.value = initial.query;
  }
}

const root = document.querySelector("[data-search-root]");
if (root) start(root);
