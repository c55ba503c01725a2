/**
 * Every value a template prints goes through `html`, which escapes it unless
 * it is already `SafeHtml`. The only way to print markup is `trustedHtml`, used
 * for the sanitized article body and for markup this module built itself.
 */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

const NEEDS_ESCAPING = /[&<>"'`]/;

export function escapeHtml(value: string): string {
  // Most values (titles, dates, slugs) have nothing to escape: testing is a fraction of the cost of replacing.
  return NEEDS_ESCAPING.test(value) ? value.replace(/[&<>"'`]/g, (char) => ESCAPES[char]!) : value;
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * The static parts of each template without the indentation after a line
 * break: it is there for whoever reads the template, and a browser collapses
 * it into the line break anyway (templates put no static text in `<pre>`).
 * Values are never touched, so a code block of an article keeps its own.
 * Kept per call site: a template literal's strings array is the same object
 * every time that line runs.
 */
const dedented = new WeakMap<TemplateStringsArray, string[]>();

function dedent(strings: TemplateStringsArray): string[] {
  let parts = dedented.get(strings);
  if (!parts) {
    parts = strings.map((part) => part.replace(/\n[ \t]+/g, "\n"));
    dedented.set(strings, parts);
  }
  return parts;
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  const parts = dedent(strings);
  let out = parts[0] ?? "";
  for (let index = 0; index < values.length; index++) out += render(values[index]) + (parts[index + 1] ?? "");
  return new SafeHtml(out);
}

/**
 * ` lang="…"` when the language differs from the one the element inherits,
 * else nothing: every snippet in another language is marked, and a page in
 * one language does not repeat it on every element.
 */
export function langAttribute(lang: string, inherited: string): SafeHtml | "" {
  return lang === inherited ? "" : html` lang="${lang}"`;
}

/** For HTML that has been sanitized (article bodies) or built by `html`. Never for raw input. */
export function trustedHtml(value: string): SafeHtml {
  return new SafeHtml(value);
}

/** JSON inside `<script type="application/ld+json">`: `<` escaped so no value can close the element. */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(
    JSON.stringify(value)
      .replace(/</g, "\\u003c")
      .replace(/>/g, "\\u003e")
      .replace(/&/g, "\\u0026")
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029"),
  );
}

/**
 * A message of the interface (`{name}` placeholders) as markup: its text
 * escaped, each placeholder replaced by `values[name]`, itself escaped unless
 * it is `SafeHtml` (a link). A placeholder without a value is left as written.
 */
export function htmlMessage(template: string, values: Readonly<Record<string, HtmlValue>>): SafeHtml {
  const parts = template.split(/\{(\w+)\}/);
  return new SafeHtml(
    parts
      .map((part, index) =>
        index % 2 === 0 ? escapeHtml(part) : Object.hasOwn(values, part) ? render(values[part]) : escapeHtml(`{${part}}`),
      )
      .join(""),
  );
}
