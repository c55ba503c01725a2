/**
 * A pure function's results kept by their input, for inputs that repeat
 * across a build (a tag, an author, a date written the same way in many
 * articles). Emptied when it reaches `limit` entries, so that no input can
 * make it grow without bound; the results must not be changed by callers,
 * being shared.
 */
export function boundedMemo<Result>(compute: (input: string) => Result, limit = 100_000): (input: string) => Result {
  const kept = new Map<string, Result>();
  return (input) => {
    let result = kept.get(input);
    if (result === undefined) {
      if (kept.size >= limit) kept.clear();
      result = compute(input);
      kept.set(input, result);
    }
    return result;
  };
}
