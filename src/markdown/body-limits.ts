/**
 * Limits on the shapes of a body that make the Markdown and HTML tools slow
 * or deep, checked by one linear pass over the text before it is parsed.
 * They recurse once per level, and some take time that grows with the square
 * of a count: four kilobytes of `>` overflowed the stack, twenty kilobytes of
 * `- - - … x` took minutes, as did sixty kilobytes of `*x _x` in one
 * paragraph, and a hundred thousand references to one footnote took a
 * minute. CommonMark's own list of pathological inputs, run at up to a
 * megabyte, added more: brackets and `](` never closed, `<!--` never closed,
 * runs of `~`, thousands of references, notes, table rows and character
 * references each took from seconds to minutes. No article comes near these
 * limits, so a body that passes one is refused, naming the line and the
 * limit, instead of being parsed. What no limit foresees is stopped by the
 * parse pool's deadline (records/parse-pool.ts).
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
/** Runs of `*`, `_` or `~` in one paragraph: each may open or close emphasis (or strikethrough), and matching them is quadratic. */
export const MAX_EMPHASIS_RUNS = 1_000;
/** The square of each paragraph's runs of `*`, `_` or `~`, summed over the body: twenty paragraphs at the limit. */
export const MAX_EMPHASIS_WORK = 20 * MAX_EMPHASIS_RUNS ** 2;
/** `]` in one paragraph: each may end a link, and one never closed (`[a](b`, `[ (](`) makes the parser look to the paragraph's end. */
export const MAX_LINK_ENDS = 500;
/** `<` in one paragraph: each may open inline HTML or a comment, and one never closed makes the parser look to the paragraph's end. */
export const MAX_ANGLE_BRACKETS = 1_000;
/** Reference definitions (`[label]: address`) in the body. */
export const MAX_LINK_DEFINITIONS = 2_000;
/** Footnote definitions (`[^label]: text`) in the body. */
export const MAX_FOOTNOTE_DEFINITIONS = 1_000;
/** Rows of tables in the body, header rows included. */
export const MAX_TABLE_ROWS = 2_000;
/** Cells of tables in the body. */
export const MAX_TABLE_CELLS = 10_000;
/** Character references (`&amp;`, `&#65;`, `&#x41;`) in the body. */
export const MAX_CHARACTER_REFERENCES = 10_000;
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
/** How an HTML block begins (CommonMark's conditions, roughly): a tag, a comment, `<?`, `<!X` or CDATA at the start of a line. */
const HTML_BLOCK_START = /^ {0,3}<(?:!--|\?|![A-Za-z]|!\[CDATA\[|\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$))/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:/;
const CHARACTER_REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;
/** A table's delimiter row: cells of dashes, with a pipe somewhere unless there is one column (then the header has one). */
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * A count kept per paragraph and, squared, over the body: the parser's work
 * on a paragraph grows with the square of the count.
 */
class QuadraticCount {
  private inParagraph = 0;
  private work = 0;
  constructor(
    private readonly limit: number,
    private readonly what: string,
    private readonly hint: string,
  ) {}

  paragraphEnds(): void {
    this.inParagraph = 0;
  }

  /** Adds one; the problem when that passes a limit. */
  add(paragraphLine: number): BodyLimitProblem | undefined {
    this.inParagraph += 1;
    this.work += 2 * this.inParagraph - 1; // adds up to the square of each paragraph's count
    const limit = count(this.limit);
    if (this.inParagraph > this.limit)
      return {
        line: paragraphLine,
        message: `the paragraph holds more than ${limit} ${this.what} (at most ${limit} in one paragraph)`,
        hint: this.hint,
      };
    if (this.work > 20 * this.limit ** 2) {
      return {
        line: paragraphLine,
        message: `too many paragraphs hold hundreds of ${this.what}: by this one, their squares add up to more than ${count(20 * this.limit ** 2)} (such as 20 paragraphs of ${limit})`,
        hint: this.hint,
      };
    }
    return undefined;
  }
}

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
  const emphasisRuns = new QuadraticCount(
    MAX_EMPHASIS_RUNS,
    "runs of `*`, `_` or `~`",
    "write literal asterisks, underscores and tildes as `\\*`, `\\_` and `\\~`, or break the paragraph up",
  );
  const linkEnds = new QuadraticCount(
    MAX_LINK_ENDS,
    "closing brackets `]`",
    "write brackets that are not links as `\\[` and `\\]`, or break the paragraph up",
  );
  const angleBrackets = new QuadraticCount(
    MAX_ANGLE_BRACKETS,
    "`<` characters",
    "write a `<` that is not HTML as `\\<` or `&lt;`, or break the paragraph up",
  );
  let linkDefinitions = 0;
  let footnoteDefinitions = 0;
  let characterReferences = 0;
  let tableRows = 0;
  let tableCells = 0;
  /** Inside a table: after its delimiter row, until a blank line. */
  let inTable = false;
  let previousLine = "";
  /** The lines since the last blank one are an HTML block, which the parser reads line by line: its `<` cost nothing more. */
  let htmlBlock = false;
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
      for (const counter of [emphasisRuns, linkEnds, angleBrackets]) counter.paragraphEnds();
      paragraphLine = 0;
      inTable = false;
      previousLine = line;
      previousWasText = false;
      continue;
    }
    if (paragraphLine === 0) {
      paragraphLine = at;
      htmlBlock = HTML_BLOCK_START.test(line);
    }

    // Blockquote markers, then list items inside them.
    const quotePrefix = /^(?: {0,3}>[ \t]?)*/.exec(line)![0];
    const quotes = (quotePrefix.match(/>/g) ?? []).length;
    if (quotes > MAX_NESTING)
      return over(`blockquotes are nested ${count(quotes)} deep (at most ${MAX_NESTING})`, "remove the `>` markers that no article needs");
    let rest = line.slice(quotePrefix.length);
    const fence = /^[ \t]*(`{3,}|~{3,})/.exec(rest)?.[1];
    if (inFence) {
      if (fence && fence[0] === inFence[0] && fence.length >= inFence.length && rest.trim() === fence) inFence = "";
      containerWork += quotes + items.length;
      continue;
    }
    const indent = columns(/^[ \t]*/.exec(rest)![0]);
    if (indent > MAX_INDENT)
      return over(`the line is indented ${count(indent)} columns (at most ${MAX_INDENT})`, "remove the indentation: no article needs it");
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
          return over(
            `${count(total)} list items begin on this line, each inside the one before (\`- - - …\`; at most ${MAX_ITEMS_ON_ONE_LINE})`,
            "a list item starts a line; write the markers as text (`\\-`) if they are meant as dashes",
          );
        }
        if (wide) break; // the rest is indented code
      }
    }
    if (fence) inFence = fence;
    listItems += opened;
    if (listItems > MAX_LIST_ITEMS)
      return over(`the body has more than ${count(MAX_LIST_ITEMS)} list items`, "split the article, or write the list as paragraphs");
    const depth = quotes + items.length;
    if (depth > MAX_CONTAINER_DEPTH)
      return over(
        `lists and blockquotes are nested ${count(depth)} deep here (at most ${MAX_CONTAINER_DEPTH})`,
        "remove the indentation or `>` markers that nest them: no article needs it",
      );
    containerWork += depth;
    if (containerWork > MAX_CONTAINER_WORK) {
      return over(
        `too many lines lie deep in lists and blockquotes: by this line their depths add up to more than ${count(MAX_CONTAINER_WORK)} (such as ${count(MAX_CONTAINER_WORK / 10)} lines 10 deep)`,
        "remove the indentation that puts ordinary lines inside nested lists, or split the article",
      );
    }
    previousWasText = rest.trim() !== "" && !/^ {0,3}(?:#{1,6}(?:\s|$)|```|~~~)/.test(rest) && !THEMATIC_BREAK.test(rest);

    // Footnote references, by label (a definition's own label is not a reference).
    const references = FOOTNOTE_DEFINITION.test(line) ? line.replace(/^ {0,3}\[\^[^\]\s]+\]:/, "") : line;
    for (const [, label] of references.matchAll(FOOTNOTE_REFERENCE)) {
      const key = label!.toLowerCase();
      const times = (referencesTo.get(key) ?? 0) + 1;
      referencesTo.set(key, times);
      footnoteReferences += 1;
      if (times > MAX_REFERENCES_TO_ONE_FOOTNOTE) {
        return over(
          `footnote \`[^${label}]\` is referenced more than ${MAX_REFERENCES_TO_ONE_FOOTNOTE} times`,
          "refer to a note once where it matters; each reference adds a link back from the note",
        );
      }
      if (footnoteReferences > MAX_FOOTNOTE_REFERENCES) {
        return over(
          `the body holds more than ${count(MAX_FOOTNOTE_REFERENCES)} footnote references`,
          "split the article, or keep the notes as plain text",
        );
      }
    }

    // Characters: brackets, marker runs, emphasis runs.
    const definition = LINK_DEFINITION.test(line);
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
          return over(
            `${count(bracketDepth + more)} brackets \`[\` are open at once, nested or never closed (at most ${MAX_NESTING})`,
            "remove the brackets that no article needs, or write them as `\\[`",
          );
        }
      } else if (char === "]") {
        bracketDepth = Math.max(0, bracketDepth - 1);
        // A definition's label ends at its own `]`, and definitions are counted on their own.
        const problem = definition ? undefined : linkEnds.add(paragraphLine);
        if (problem) return problem;
      } else if (char === "<" && !htmlBlock) {
        const problem = angleBrackets.add(paragraphLine);
        if (problem) return problem;
      }
      run = char === previous ? run + 1 : 1;
      if ((char === "*" || char === "_" || char === "~") && run === 1) {
        const problem = emphasisRuns.add(paragraphLine);
        if (problem) return problem;
      }
      if ("`*_~".includes(char) && run > MAX_MARKER_RUN) {
        const whole = /^(.)\1*/.exec(line.slice(i - run + 1))![0].length;
        return over(
          `${count(whole)} marker characters (\`*\`, \`_\`, \`~\` or \`\`\`) in a row (at most ${MAX_MARKER_RUN})`,
          "remove the run of markers: it is converter debris",
        );
      }
      previous = char;
    }

    // Definitions, character references and tables: each adds work that grows faster than its count.
    if (FOOTNOTE_DEFINITION.test(line)) {
      if (++footnoteDefinitions > MAX_FOOTNOTE_DEFINITIONS)
        return over(
          `the body defines more than ${count(MAX_FOOTNOTE_DEFINITIONS)} footnotes`,
          "split the article, or keep the notes as plain text",
        );
    } else if (LINK_DEFINITION.test(line) && ++linkDefinitions > MAX_LINK_DEFINITIONS) {
      return over(
        `the body defines more than ${count(MAX_LINK_DEFINITIONS)} link references (\`[label]: address\`)`,
        "write the links inline, or split the article",
      );
    }
    if (line.includes("&")) {
      characterReferences += (line.match(CHARACTER_REFERENCE) ?? []).length;
      if (characterReferences > MAX_CHARACTER_REFERENCES) {
        return over(
          `the body holds more than ${count(MAX_CHARACTER_REFERENCES)} character references (\`&amp;\`, \`&#65;\`)`,
          "write the characters themselves: the file is UTF-8",
        );
      }
    }
    if (
      !inTable &&
      TABLE_DELIMITER.test(line) &&
      previousLine.includes("|") &&
      (line.includes("|") || previousLine.trim().startsWith("|"))
    ) {
      inTable = true;
      tableRows += 1; // the header
      tableCells += previousLine.split("|").length;
    }
    if (inTable) {
      tableRows += 1;
      tableCells += line.split("|").length;
      if (tableRows > MAX_TABLE_ROWS)
        return over(
          `the body's tables have more than ${count(MAX_TABLE_ROWS)} rows`,
          "split the table or the article, or publish the data as a file",
        );
      if (tableCells > MAX_TABLE_CELLS)
        return over(
          `the body's tables have more than ${count(MAX_TABLE_CELLS)} cells`,
          "split the table or the article, or publish the data as a file",
        );
    }
    previousLine = line;

    // HTML elements inside elements.
    for (const [, closing, name, selfClosing] of line.matchAll(HTML_TAG)) {
      if (VOID_ELEMENTS.has(name!.toLowerCase()) || selfClosing) continue;
      openElements = closing ? Math.max(0, openElements - 1) : openElements + 1;
      if (openElements > MAX_ELEMENT_NESTING)
        return over(`HTML elements are nested more than ${MAX_ELEMENT_NESTING} deep`, "remove the elements that no article needs");
    }
  }
  return undefined;
}
