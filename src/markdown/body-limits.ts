/**
 * Limits on the shapes of a body that make the Markdown and HTML tools slow
 * or deep, checked by one linear pass over the text before it is parsed.
 * They recurse once per level, and some take time that grows with the square
 * of a count: four kilobytes of `>` overflowed the stack, twenty kilobytes of
 * `- - - … x` took minutes, as did sixty kilobytes of `*x _x` in one
 * paragraph, and a hundred thousand references to one footnote took a
 * minute. No article comes near these limits, so a body that passes one is
 * refused, naming the line and the limit, instead of being parsed.
 *
 * The scan estimates what the parser will build (it does not parse): list
 * depth comes from indentation, as CommonMark's rules give it, counting a
 * paragraph's lazy continuation lines as still inside the list.
 */

/** Blockquotes inside blockquotes, brackets inside brackets. */
export const MAX_NESTING = 100;
/** HTML elements inside elements. */
export const MAX_ELEMENT_NESTING = 200;
/** Lists and blockquotes inside each other, at any line. */
export const MAX_CONTAINER_DEPTH = 50;
/** List items that begin on one line, each inside the one before (`- - - x`). */
export const MAX_ITEMS_ON_ONE_LINE = 10;
/** The depth in lists and blockquotes of every line, summed: the parser's work per line grows with its depth. */
export const MAX_CONTAINER_WORK = 50_000;
/** List items in the whole body. */
export const MAX_LIST_ITEMS = 5_000;
/** Columns of indentation. */
export const MAX_INDENT = 400;
/** The longest run of one Markdown marker character (`` ` ``, `*`, `_`, `~`). */
export const MAX_MARKER_RUN = 100;
/** Runs of `*` or `_` in one paragraph: each may open or close emphasis, and matching them is quadratic. */
export const MAX_EMPHASIS_RUNS = 1_000;
/** The square of each paragraph's runs of `*` or `_`, summed over the body: twenty paragraphs at the limit. */
export const MAX_EMPHASIS_WORK = 20 * MAX_EMPHASIS_RUNS ** 2;
/** References to one footnote: each adds a link back from the note. */
export const MAX_REFERENCES_TO_ONE_FOOTNOTE = 100;
/** Footnote references in the whole body. */
export const MAX_FOOTNOTE_REFERENCES = 2_000;

export interface BodyLimitProblem {
  /** 1-based line of the body where the limit is passed. */
  line: number;
  message: string;
  hint: string;
}

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_MARKER = /^([-+*]|\d{1,9}[.)])(?:([ \t]+)|$)/;
/** Lines that start a block of their own, so never continue a paragraph lazily. */
const BLOCK_START = /^ {0,3}(?:[-+*]\s|\d{1,9}[.)]\s|#{1,6}(?:\s|$)|```|~~~|<|>|\|)/;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\s]+\]:/;
const FOOTNOTE_REFERENCE = /\[\^([^\]\s]+)\]/g;
const HTML_TAG = /<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g;

const count = (n: number) => n.toLocaleString("en");

function columns(whitespace: string): number {
  let width = 0;
  for (const char of whitespace) width = char === "\t" ? width + 4 - (width % 4) : width + 1;
  return width;
}

/** The first place where a body passes a limit, or undefined when it is within all of them. */
export function findBodyOverLimit(markdown: string): BodyLimitProblem | undefined {
  const lines = markdown.split("\n");
  /** Content columns of the open list items, innermost last. */
  const items: number[] = [];
  let listItems = 0;
  let containerWork = 0;
  let bracketDepth = 0;
  let openElements = 0;
  let paragraphLine = 0;
  let emphasisRuns = 0;
  let emphasisWork = 0;
  let footnoteReferences = 0;
  const referencesTo = new Map<string, number>();
  let previousWasText = false;
  /** The fence of the open code block, or "". */
  let inFence = "";

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const at = index + 1;
    const over = (message: string, hint: string): BodyLimitProblem => ({ line: at, message, hint });

    if (line.trim() === "") {
      bracketDepth = 0; // a link cannot cross a blank line
      emphasisRuns = 0;
      paragraphLine = 0;
      previousWasText = false;
      continue;
    }
    if (paragraphLine === 0) paragraphLine = at;

    // Blockquote markers, then list items inside them.
    const quotePrefix = /^(?: {0,3}>[ \t]?)*/.exec(line)![0];
    const quotes = (quotePrefix.match(/>/g) ?? []).length;
    if (quotes > MAX_NESTING) return over(`blockquotes are nested ${count(quotes)} deep (at most ${MAX_NESTING})`, "remove the `>` markers that no article needs");
    let rest = line.slice(quotePrefix.length);
    const fence = /^[ \t]*(`{3,}|~{3,})/.exec(rest)?.[1];
    if (inFence) {
      if (fence && fence[0] === inFence[0] && fence.length >= inFence.length && rest.trim() === fence) inFence = "";
      containerWork += quotes + items.length;
      continue;
    }
    const indent = columns(/^[ \t]*/.exec(rest)![0]);
    if (indent > MAX_INDENT) return over(`the line is indented ${count(indent)} columns (at most ${MAX_INDENT})`, "remove the indentation: no article needs it");
    const lazy = previousWasText && !BLOCK_START.test(rest) && !THEMATIC_BREAK.test(rest);
    if (!lazy) while (items.length && items[items.length - 1]! > indent) items.pop();
    let opened = 0;
    if (!THEMATIC_BREAK.test(rest)) {
      let column = indent;
      rest = rest.trimStart();
      let marker: RegExpExecArray | null;
      // A marker opens an item when it is at most three columns right of the innermost item's content.
      while (column - (items[items.length - 1] ?? 0) <= 3 && (marker = LIST_MARKER.exec(rest))) {
        const spaces = marker[2] ?? "";
        const wide = spaces === "" || columns(spaces) > 4;
        column += marker[1]!.length + (wide ? 1 : columns(spaces));
        items.push(column);
        opened++;
        rest = rest.slice(marker[0].length);
        if (opened > MAX_ITEMS_ON_ONE_LINE) {
          const total = opened + (rest.match(/(?:^|[ \t])(?:[-+*]|\d{1,9}[.)])(?=[ \t])/g) ?? []).length;
          return over(`${count(total)} list items begin on this line, each inside the one before (\`- - - …\`; at most ${MAX_ITEMS_ON_ONE_LINE})`,
            "a list item starts a line; write the markers as text (`\\-`) if they are meant as dashes");
        }
        if (wide) break; // the rest is indented code
      }
    }
    if (fence) inFence = fence;
    listItems += opened;
    if (listItems > MAX_LIST_ITEMS) return over(`the body has more than ${count(MAX_LIST_ITEMS)} list items`, "split the article, or write the list as paragraphs");
    const depth = quotes + items.length;
    if (depth > MAX_CONTAINER_DEPTH) return over(`lists and blockquotes are nested ${count(depth)} deep here (at most ${MAX_CONTAINER_DEPTH})`, "remove the indentation or `>` markers that nest them: no article needs it");
    containerWork += depth;
    if (containerWork > MAX_CONTAINER_WORK) {
      return over(`too many lines lie deep in lists and blockquotes: by this line their depths add up to more than ${count(MAX_CONTAINER_WORK)} (such as ${count(MAX_CONTAINER_WORK / 10)} lines 10 deep)`,
        "remove the indentation that puts ordinary lines inside nested lists, or split the article");
    }
    previousWasText = rest.trim() !== "" && !/^ {0,3}(?:#{1,6}(?:\s|$)|```|~~~)/.test(rest) && !THEMATIC_BREAK.test(rest);

    // Characters: brackets, marker runs, emphasis runs.
    let previous = "";
    let run = 0;
    for (let i = 0; i < line.length; i += 1) {
      const char = line[i]!;
      if (char === "\\") {
        i += 1;
        previous = "";
        continue;
      }
      if (char === "[") {
        bracketDepth += 1;
        if (bracketDepth > MAX_NESTING) {
          const more = (line.slice(i + 1).match(/\[/g) ?? []).length;
          return over(`brackets \`[\` are nested ${count(bracketDepth + more)} deep (at most ${MAX_NESTING})`, "remove the brackets that no article needs, or write them as `\\[`");
        }
      } else if (char === "]") bracketDepth = Math.max(0, bracketDepth - 1);
      run = char === previous ? run + 1 : 1;
      if ((char === "*" || char === "_") && run === 1) {
        emphasisRuns += 1;
        if (emphasisRuns > MAX_EMPHASIS_RUNS) {
          return { line: paragraphLine, message: `the paragraph holds more than ${count(MAX_EMPHASIS_RUNS)} runs of \`*\` or \`_\` (at most ${count(MAX_EMPHASIS_RUNS)} in one paragraph)`,
            hint: "write literal asterisks and underscores as `\\*` and `\\_`, or break the paragraph up" };
        }
        emphasisWork += 2 * emphasisRuns - 1; // adds up to the square of each paragraph's count
        if (emphasisWork > MAX_EMPHASIS_WORK) {
          return { line: paragraphLine, message: `too many paragraphs hold hundreds of runs of \`*\` or \`_\`: by this one, their squares add up to more than ${count(MAX_EMPHASIS_WORK)} (such as 20 paragraphs of ${count(MAX_EMPHASIS_RUNS)})`,
            hint: "write literal asterisks and underscores as `\\*` and `\\_`, or split the article" };
        }
      }
      if ("`*_~".includes(char) && run > MAX_MARKER_RUN) {
        const whole = /^(.)\1*/.exec(line.slice(i - run + 1))![0].length;
        return over(`${count(whole)} marker characters (\`*\`, \`_\`, \`~\` or \`\`\`) in a row (at most ${MAX_MARKER_RUN})`, "remove the run of markers: it is converter debris");
      }
      previous = char;
    }

    // Footnote references, by label (a definition's own label is not a reference).
    const references = FOOTNOTE_DEFINITION.test(line) ? line.replace(/^ {0,3}\[\^[^\]\s]+\]:/, "") : line;
    for (const [, label] of references.matchAll(FOOTNOTE_REFERENCE)) {
      const key = label!.toLowerCase();
      const times = (referencesTo.get(key) ?? 0) + 1;
      referencesTo.set(key, times);
      footnoteReferences += 1;
      if (times > MAX_REFERENCES_TO_ONE_FOOTNOTE) {
        return over(`footnote \`[^${label}]\` is referenced more than ${MAX_REFERENCES_TO_ONE_FOOTNOTE} times`,
          "refer to a note once where it matters; each reference adds a link back from the note");
      }
      if (footnoteReferences > MAX_FOOTNOTE_REFERENCES) {
        return over(`the body holds more than ${count(MAX_FOOTNOTE_REFERENCES)} footnote references`, "split the article, or keep the notes as plain text");
      }
    }

    // HTML elements inside elements.
    for (const [, closing, name, selfClosing] of line.matchAll(HTML_TAG)) {
      if (VOID_ELEMENTS.has(name!.toLowerCase()) || selfClosing) continue;
      openElements = closing ? Math.max(0, openElements - 1) : openElements + 1;
      if (openElements > MAX_ELEMENT_NESTING) return over(`HTML elements are nested more than ${MAX_ELEMENT_NESTING} deep`, "remove the elements that no article needs");
    }
  }
  return undefined;
}
