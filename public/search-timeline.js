/*
 * The search page's chart of matches by month, split by publication, drawn
 * when the reader opens it (public/search.js loads this module then, and the
 * filter files with it). Every article has one value
 * of Pagefind's `timeline` filter, "<month> <publication>" (`2023-01 Fight
 * Back! News`), with `wider` for a date looser than a month and `undated`
 * (src/exports/search-record.ts); the counts Pagefind gives each value for a
 * search are the chart. Bars are CSS boxes, hidden from screen readers, which
 * get a sentence and the table of every count instead. Every month from the
 * first match to the last has its bar, so a gap is a gap, not a missing month.
 * Built with elements and text only, never HTML strings from the index.
 */
const MESSAGES = (() => {
  try {
    return JSON.parse(document.getElementById("search-messages")?.textContent || "{}").timeline || {};
  } catch {
    return {};
  }
})();
const LANG = document.documentElement.lang || "en";
/** Publications with a colour of their own, the most matched first; the rest share one. */
const COLOURED = 6;
const APART = ["wider", "undated"];

const format = (template, values) =>
  String(template || "").replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
const monthName = new Intl.DateTimeFormat(LANG, { month: "short", year: "numeric", timeZone: "UTC" });
const monthLabel = (month) => monthName.format(new Date(`${month}-01T00:00:00Z`));
const nextMonth = (month) => {
  const [year, number] = month.split("-").map(Number);
  return number === 12
    ? `${String(year + 1).padStart(4, "0")}-01`
    : `${String(year).padStart(4, "0")}-${String(number + 1).padStart(2, "0")}`;
};

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** `{ "2023-01 Fight Back! News": 3, ... }` -> months in order (gaps filled), publications by count (dated or not), and the counts apart. */
export function timelineOf(counts) {
  const byMonth = new Map();
  const apart = { wider: 0, undated: 0 };
  const totals = new Map();
  for (const [value, count] of Object.entries(counts || {})) {
    if (!count) continue;
    const space = value.indexOf(" ");
    const period = space < 0 ? value : value.slice(0, space);
    const publication = space < 0 ? "" : value.slice(space + 1);
    const isMonth = /^\d{4}-\d{2}$/.test(period);
    if (!isMonth && !APART.includes(period)) continue;
    totals.set(publication, (totals.get(publication) || 0) + count);
    if (!isMonth) {
      apart[period] += count;
      continue;
    }
    const row = byMonth.get(period) || new Map();
    row.set(publication, (row.get(publication) || 0) + count);
    byMonth.set(period, row);
  }
  const publications = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const found = [...byMonth.keys()].sort();
  const months = [];
  if (found.length)
    for (let month = found[0]; month <= found[found.length - 1]; month = nextMonth(month))
      months.push({ month, counts: byMonth.get(month) || new Map() });
  return { months, publications, apart };
}

/** The colours of the publications the bars show. */
function legend(publications, colourOf) {
  const list = element("ul", "search-timeline-legend");
  for (const publication of publications.filter((p) => colourOf(p) < COLOURED)) {
    const item = list.appendChild(element("li"));
    item
      .appendChild(element("span", `search-timeline-swatch search-timeline-c${colourOf(publication)}`))
      .setAttribute("aria-hidden", "true");
    item.append(publication);
  }
  if (publications.some((p) => colourOf(p) === COLOURED)) {
    const item = list.appendChild(element("li"));
    item.appendChild(element("span", `search-timeline-swatch search-timeline-c${COLOURED}`)).setAttribute("aria-hidden", "true");
    item.append(MESSAGES.other || "Other publications");
  }
  return list;
}

function bars(months, publications, colourOf, peak) {
  const chart = element("div", "search-timeline-bars");
  chart.setAttribute("aria-hidden", "true");
  for (const { month, counts } of months) {
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    const bar = chart.appendChild(element("div", "search-timeline-bar"));
    bar.title = `${monthLabel(month)}: ${total}`;
    const stack = bar.appendChild(element("div", "search-timeline-stack"));
    stack.style.height = `${(100 * total) / peak}%`;
    const shares = new Map();
    for (const [publication, count] of counts) {
      const colour = colourOf(publication);
      shares.set(colour, (shares.get(colour) || 0) + count);
    }
    for (const [colour, count] of [...shares.entries()].sort((a, b) => a[0] - b[0])) {
      const part = stack.appendChild(element("div", `search-timeline-c${colour}`));
      part.style.flexGrow = String(count);
    }
  }
  const axis = element("div", "search-timeline-axis");
  axis.setAttribute("aria-hidden", "true");
  axis.append(element("span", "", monthLabel(months[0].month)), element("span", "", monthLabel(months[months.length - 1].month)));
  return [chart, axis];
}

function table(months, publications) {
  const details = element("details", "search-timeline-table");
  details.appendChild(element("summary", "", MESSAGES.table || "The counts as a table"));
  const wrap = details.appendChild(element("div", "search-timeline-scroll"));
  const grid = wrap.appendChild(element("table"));
  const head = grid.createTHead().insertRow();
  for (const text of [MESSAGES.month || "Month", ...publications, MESSAGES.total || "All"]) {
    const cell = head.appendChild(element("th", "", text));
    cell.scope = "col";
  }
  const body = grid.createTBody();
  const row = (label, counts) => {
    const tr = body.insertRow();
    const th = tr.appendChild(element("th", "", label));
    th.scope = "row";
    let total = 0;
    for (const publication of publications) {
      const count = counts.get(publication) || 0;
      total += count;
      tr.appendChild(element("td", "", String(count)));
    }
    tr.appendChild(element("td", "", String(total)));
  };
  for (const { month, counts } of months) row(monthLabel(month), counts);
  return { details, body, row };
}

/** Draws the chart for a search's `timeline` counts, or hides it when no match has a month. */
export function drawTimeline(target, counts) {
  const { months, publications, apart } = timelineOf(counts);
  target.replaceChildren();
  const dated = months.reduce((sum, { counts: row }) => sum + [...row.values()].reduce((a, b) => a + b, 0), 0);
  if (!dated && !apart.wider && !apart.undated) {
    target.hidden = true;
    return;
  }
  const colours = new Map(publications.map((publication, index) => [publication, Math.min(index, COLOURED)]));
  const colourOf = (publication) => colours.get(publication) ?? COLOURED;
  target.appendChild(element("figcaption", "search-timeline-title", MESSAGES.title || "Matches by month"));
  if (months.length) {
    let peak = months[0];
    const totalOf = ({ counts: row }) => [...row.values()].reduce((a, b) => a + b, 0);
    for (const month of months) if (totalOf(month) > totalOf(peak)) peak = month;
    const summary = target.appendChild(
      element(
        "p",
        "search-timeline-summary",
        format(MESSAGES.summary, {
          count: dated,
          first: monthLabel(months[0].month),
          last: monthLabel(months[months.length - 1].month),
          peak: monthLabel(peak.month),
          peakCount: totalOf(peak),
        }),
      ),
    );
    summary.classList.add("visually-hidden");
    const shown = publications.filter((publication) => months.some(({ counts: row }) => row.has(publication)));
    target.append(...bars(months, publications, colourOf, totalOf(peak)), legend(shown, colourOf));
  }
  const { details, row } = table(months, publications);
  const notes = element("p", "search-timeline-apart");
  for (const key of APART) {
    if (!apart[key]) continue;
    const label = MESSAGES[key] || key;
    if (notes.childNodes.length) notes.append(" · ");
    notes.append(`${label}: ${apart[key]}`);
    // The table's rows for them count by publication too: the chart's own counts have them only in total.
    row(
      label,
      new Map(
        Object.entries(counts)
          .filter(([value]) => value.startsWith(`${key} `))
          .map(([value, count]) => [value.slice(key.length + 1), count]),
      ),
    );
  }
  if (notes.childNodes.length) target.appendChild(notes);
  target.appendChild(details);
  target.hidden = false;
}
