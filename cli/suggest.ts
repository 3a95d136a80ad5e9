/**
 * "Did you mean": the valid name nearest to a misspelled one.
 * @module
 */

/** Edit distance (insertions, deletions, substitutions) between `a` and `b`. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const swap = prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, swap));
    }
    prev = row;
  }
  return prev[b.length];
}

/**
 * The candidate nearest to `given`: one that starts with it, else the closest by edit
 * distance when that is at most a third of the longer name (so nonsense suggests nothing).
 */
function nearest(given: string, candidates: readonly string[]): string | undefined {
  const prefixed = candidates.find((c) => given.length > 0 && c.startsWith(given));
  if (prefixed) return prefixed;
  let best: string | undefined, bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(given, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(given.length, best.length) / 3
    ? best
    : undefined;
}

/** `" (did you mean 'x'?)"`, or `""` when nothing is near. */
export function didYouMean(given: string, candidates: readonly string[]): string {
  const n = nearest(given, candidates);
  return n === undefined ? "" : ` (did you mean '${n}'?)`;
}
