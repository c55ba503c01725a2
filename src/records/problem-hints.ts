/**
 * Hints for the problems that come without one. The message says what is
 * wrong with the value; the hint says how to fix it, in the editor's terms.
 * Here, below the commands and the site, so that `npm run check` and the
 * error page of `npm start` give the same hint for the same problem.
 */
import { ArticleFrontMatterSchema } from "./article-schema.ts";
import { ARTICLE_WORDING } from "./parse-article.ts";
import type { Problem } from "./problems.ts";

/** What a hint is chosen by: check's problems and the build's alike. */
type Hintable = Pick<Problem, "message" | "field" | "hint">;

const FIELD_HINTS: Record<string, string> = {
  title: "write the headline as published, e.g. `title: Police massacre in Juliaca`",
  publication: "write the publication's name, e.g. `publication: Fight Back! News`",
  language: "use the language's code: `en` for English, `es` for Spanish, `pt-BR` for Brazilian Portuguese",
  date: "write an EDTF date, e.g. `date: 2023-01-09`, `2022-12`, `2021`, `2022-12-07?`, `2023-01~` or `2022-12/2023-01`; leave it out if the article is undated",
  url: "copy the whole address from the browser, starting with `https://` or `http://`",
  id: "use lower-case words joined by hyphens, e.g. `police-massacre-in-juliaca`, or remove the `id:` line so the title gives one",
  aliases: "an alias is an earlier address of this article, such as `/2022/12/old-id/` or `/undated/old-id/`",
  translations: "list the `id:` of each translation, e.g. `translations: [masacre-en-juliaca]`",
  tags: "write a list, e.g. `tags: [repression, Juliaca]`",
  authors: "write a list, e.g. `authors: [staff, Jim Byrne]`",
  review: "write a list of notes, e.g. `review: [headline derived from teaser]`",
  source: "the importer writes `source:`; import the page again rather than editing it by hand",
  summary: "write the dek or teaser as one line, in quotes if it contains `:` or `#`",
  place: "write the dateline as printed, e.g. `place: Tucson, AZ`",
  issue: "write the issue's label as printed, e.g. `issue: N° 37`",
  page: "write the page number, e.g. `page: 4`",
};

const MESSAGE_HINTS: Array<[RegExp, string]> = [
  [/Map keys must be unique/, "a field appears twice in the front matter: keep one of them"],
  [/alias count|resource exhaustion/i, "remove YAML anchors and aliases (`&name`, `*name`): write each value out"],
  // YAML's own words for the three slips editors make most, before the general advice.
  [
    /Tabs are not allowed/,
    "replace the tab at the start of the line with spaces: a field starts at the beginning of its line, a list's items are indented with spaces",
  ],
  [/Missing closing "?quote|Missing closing '?quote/, 'close the quote on the same line (`title: "..."`), or remove the opening one'],
  [
    /Nested mappings are not allowed in compact mappings|Implicit map keys need to be followed by map values/,
    'a value that holds `: ` must be in quotes: write the whole value between `"`, e.g. `title: "Peru: a year of protests"`',
  ],
  [
    /the YAML front matter is invalid/,
    "check the indentation, and put quotes around values that contain `: ` or start with `#`, `[`, `{`, `*` or `&`",
  ],
  [/must be a set of `field: value` lines/, "write one `field: value` line per field between the two `---` lines"],
  [/could not be read/, "write plain YAML fields between the two `---` lines"],
];

/** The fields an article may have, for "did you mean" on a misspelt one. */
const FIELDS = Object.keys(ArticleFrontMatterSchema.shape);

/** Edits from `a` to `b`, a swap of two neighbouring letters counting as one (`tilte` is one from `title`). */
function editDistance(a: string, b: string): number {
  // Optimal string alignment: Levenshtein's rows, and the row before for swaps.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export function closestField(key: string): string | undefined {
  const lower = key.toLowerCase();
  const [best] = FIELDS.map((field) => ({ field, distance: editDistance(lower, field) })).sort((x, y) => x.distance - y.distance);
  return best && best.distance <= Math.max(1, Math.floor(best.field.length / 3)) ? best.field : undefined;
}

/** `problem` with a hint: its own, or one chosen by its message or its field, or none when none fits. */
export function withHint<T extends Hintable>(problem: T): T {
  const unknown = /^unknown field `([^`]+)`$/.exec(problem.message);
  const suggestion = unknown && !problem.field.includes(".") ? closestField(unknown[1]!) : undefined;
  if (suggestion)
    return { ...problem, hint: `did you mean \`${suggestion}:\`? The fields an article may have are listed in CONTRIBUTING.md` };
  // The schema's hint for a value of the wrong form only points to the guide: the field's own example says more.
  const general = problem.hint === ARTICLE_WORDING.hints.invalid_type && FIELD_HINTS[problem.field.split(".")[0] ?? ""];
  if (general) return { ...problem, hint: general };
  if (problem.hint) return problem;
  const byMessage = MESSAGE_HINTS.find(([pattern]) => pattern.test(problem.message))?.[1];
  const byField = FIELD_HINTS[problem.field.split(".")[0] ?? ""];
  const hint = byMessage ?? byField;
  return hint ? { ...problem, hint } : problem;
}
