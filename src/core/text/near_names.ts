/**
 * The names a mistyped one was probably meant to be, for "did you mean …?" in error messages
 * (`particels` → `particles`, `duration` → `durationH`, `PIW1` → `PIW-1`).
 *
 * Case-insensitive optimal string alignment distance (Levenshtein with adjacent transpositions,
 * Damerau 1964), hand-written because it is twelve lines and runs only on a refusal. A name is
 * near when its distance is at most a third of the longer name (at least 1), or when one name
 * starts with the other (a unit left off, `duration` for `durationH`); only the nearest are kept.
 */
export function nearNames(query: string, names: readonly string[], max = 3): string[] {
  const q = query.toLowerCase();
  if (q.length === 0 || q.length > 200) return [];
  const scored: { name: string; distance: number }[] = [];
  for (const name of names) {
    const n = name.toLowerCase();
    if (name === query) continue;
    const distance = alignmentDistance(q, n);
    const prefix = q.length >= 3 && (n.startsWith(q) || q.startsWith(n));
    if (distance <= Math.max(1, Math.floor(Math.max(q.length, n.length) / 3)) || prefix) scored.push({ name, distance: prefix ? Math.min(distance, 1) : distance });
  }
  const best = Math.min(...scored.map((s) => s.distance));
  return scored.filter((s) => s.distance === best).sort((a, b) => a.name.localeCompare(b.name)).slice(0, max).map((s) => s.name);
}

/** `; did you mean 'a' or 'b'?`, or '' when nothing is near. */
export function didYouMean(query: string, names: readonly string[]): string {
  const near = nearNames(query, names);
  return near.length === 0 ? '' : `; did you mean ${near.map((n) => `'${n}'`).join(' or ')}?`;
}

/** Optimal string alignment distance between a and b (insert, delete, substitute, swap two neighbours). */
function alignmentDistance(a: string, b: string): number {
  const rows = a.length + 1, cols = b.length + 1;
  const d = new Uint16Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1];
}
