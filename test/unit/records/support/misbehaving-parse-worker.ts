/**
 * A parse worker that misbehaves on cue, to test the pool's budget: a file
 * whose name holds `hang` never finishes once its body is reached, one
 * holding `balloon` fills the heap; every other file is parsed for real.
 */
import { answerParseRequests } from "../../../../src/records/parse-requests.ts";
import { parseArticle } from "../../../../src/records/parse-article.ts";

answerParseRequests((file, bytes, onBody) => {
  const result = parseArticle(file, bytes, onBody);
  if (file.includes("hang")) for (;;);
  if (file.includes("balloon")) {
    const heap: number[][] = [];
    for (let i = 0; ; i++) heap.push(new Array<number>(1_000_000).fill(i + 0.5));
  }
  return result;
});
