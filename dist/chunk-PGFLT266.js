// workers/claims.ts
function itemCount(task) {
  return task.kind === "groups" ? task.groups.length : task.paths.length;
}
function newClaims(count) {
  return new SharedArrayBuffer(4 * (count + 1));
}
function claimNext(claims, count, claimant) {
  const index = Atomics.add(claims, 0, 1);
  if (index >= count) return -1;
  Atomics.store(claims, 1 + index, claimant);
  return index;
}

export {
  itemCount,
  newClaims,
  claimNext
};
