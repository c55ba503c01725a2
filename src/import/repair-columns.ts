/**
 * Text converted from a print page breaks where the columns and pages broke:
 * a sentence stops (`... and to dis-`), a caption or box comes between, and
 * the sentence goes on (`organize them.`). This joins such pieces again: a
 * paragraph that starts in lower case continues the most recent paragraph
 * left open (no final punctuation, or a hyphen), across anything in between,
 * and a word split by a hyphen is rejoined. The pieces in between stay where
 * they were, after the joined paragraph. Nothing is added or reworded.
 */
import { fold, startsLowercase } from "./markdown-text.ts";
import { ALL_STOPWORDS } from "./stopwords.ts";

export interface Piece {
  /** Markdown of the piece as it will appear in the body. */
  markdown: string;
  /** Paragraph text that may be joined; headings are not. */
  joinable: boolean;
  /** A caption or pull quote: it may not be left open for a continuation. */
  caption?: boolean;
  /** Source lines the piece holds. */
  lines: number[];
}

/** How far back (in pieces) a continuation may look for its open paragraph. */
const LOOK_BACK = 10;

function isOpen(markdown: string): boolean {
  const text = markdown
    .trim()
    .replace(/[*_]+$/, "")
    .trim();
  if (text === "") return false;
  if (/[\p{L}]-$/u.test(text)) return true;
  return !/[.!?…:;"”’»)\]]$/.test(text);
}

/** Joins `a` and its continuation `b`, rejoining a word split by a hyphen. */
export function joinContinuation(a: string, b: string): string {
  const left = a.replace(/\s+$/, "");
  const right = b.replace(/^\s+/, "");
  // "... Provision-**" + "**al Workers ...**": one bold run, one word.
  const closing = /(\p{L})-(\*{1,3}|_{1,3})$/u.exec(left);
  if (closing) {
    const marker = closing[2]!;
    const base = left.slice(0, left.length - marker.length - 1);
    if (right.startsWith(marker)) return base + right.slice(marker.length);
    // "... the Indige-**" + "nous Peoples ...": close the bold after the rejoined word.
    const word = /^[\p{L}\p{N}'’-]+/u.exec(right)?.[0] ?? "";
    return base + word + marker + right.slice(word.length);
  }
  if (/\p{L}-$/u.test(left)) {
    return left.slice(0, -1) + right;
  }
  return `${left} ${right}`;
}

/** Ends on a word that cannot end a sentence (`... must send delegations to`). */
function endsOnFunctionWord(markdown: string): boolean {
  const text = markdown
    .trim()
    .replace(/[*_]+$/, "")
    .trim();
  const last = /([\p{L}]+)$/u.exec(text)?.[1];
  return last !== undefined && ALL_STOPWORDS.has(fold(last)) && !/[.!?…:;"”’»)\]]$/.test(text);
}

/** Joins continued paragraphs; returns the pieces in reading order. */
export function repairColumns(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (piece.joinable && startsLowercase(piece.markdown)) {
      let target = -1;
      // A slogan set in bold over two lines: "**FOR A UNITED COMMAND**" + "**of workers ...**".
      const previous = out[out.length - 1];
      const marker = /^(\*{1,3}|_{1,3})/.exec(piece.markdown.trim())?.[1];
      if (previous?.joinable && marker && previous.markdown.trim().endsWith(marker) && isOpen(previous.markdown)) target = out.length - 1;
      for (let i = out.length - 1; target === -1 && i >= Math.max(0, out.length - LOOK_BACK); i--) {
        if (out[i]!.joinable && !out[i]!.caption && isOpen(out[i]!.markdown)) {
          target = i;
          break;
        }
      }
      // A lone lower-case start right after a closed paragraph (`U.S.` / `transnationals.`) still continues it.
      if (target === -1) {
        for (let i = out.length - 1; i >= Math.max(0, out.length - 3); i--) {
          if (out[i]!.joinable && !out[i]!.caption) {
            target = i;
            break;
          }
        }
      }
      if (target >= 0) {
        const open = out[target]!;
        out[target] = { markdown: joinContinuation(open.markdown, piece.markdown), joinable: true, lines: [...open.lines, ...piece.lines] };
        continue;
      }
    }
    // "... delegations to" + "Lima to strengthen ...": a sentence cut after a function word goes on.
    const previous = out[out.length - 1];
    const opening = /^(\*{1,3}|_{1,3})/.exec(piece.markdown.trim())?.[1];
    const sameEmphasis = opening !== undefined && opening === /(\*{1,3}|_{1,3})$/.exec(previous?.markdown.trim() ?? "")?.[1];
    if (
      piece.joinable &&
      (!piece.caption || sameEmphasis) &&
      previous?.joinable &&
      (!previous.caption || sameEmphasis) &&
      endsOnFunctionWord(previous.markdown)
    ) {
      out[out.length - 1] = {
        ...previous,
        markdown: joinContinuation(previous.markdown, piece.markdown),
        lines: [...previous.lines, ...piece.lines],
      };
      continue;
    }
    out.push({ ...piece, lines: [...piece.lines] });
  }
  return out;
}
