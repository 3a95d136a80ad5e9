// cli/suggest.ts
function editDistance(a, b) {
  let prev = Array.from({
    length: b.length + 1
  }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [
      i
    ];
    for (let j = 1; j <= b.length; j++) {
      const swap = prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, swap));
    }
    prev = row;
  }
  return prev[b.length];
}
function nearest(given, candidates) {
  const prefixed = candidates.find((c) => given.length > 0 && c.startsWith(given));
  if (prefixed) return prefixed;
  let best, bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(given, c);
    if (d < bestDistance) [best, bestDistance] = [
      c,
      d
    ];
  }
  return best !== void 0 && bestDistance <= Math.max(given.length, best.length) / 3 ? best : void 0;
}
function didYouMean(given, candidates) {
  const n = nearest(given, candidates);
  return n === void 0 ? "" : ` (did you mean '${n}'?)`;
}

export {
  didYouMean
};
