/** A match of a term in folded text: [start, end) offsets. */
export interface Span {
  start: number;
  end: number;
}

export const isWordChar = (c: string | undefined): boolean => c !== undefined && /[a-z0-9+#]/.test(c);

/**
 * Every occurrence of `term` in `text` (both folded). A Latin term must stand as whole words
 * ("ack" is not in "jack"); a Chinese one may stand anywhere.
 */
export function findAll(text: string, term: string, allowPlural = false): Span[] {
  const spans: Span[] = [];
  if (!term) return spans;
  const latinStart = isWordChar(term[0]);
  const latinEnd = isWordChar(term[term.length - 1]);
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
    let end = i + term.length;
    if (latinStart && isWordChar(text[i - 1])) continue;
    // Cue words match their plurals too ("kubernetes platform" in "kubernetes platforms").
    if (allowPlural && latinEnd && text[end] === "s" && !isWordChar(text[end + 1])) end += 1;
    if (latinEnd && isWordChar(text[end])) continue;
    spans.push({ start: i, end });
  }
  return spans;
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** True when any of the cues occurs in the text outside the given spans. */
export function hasCue(text: string, cues: readonly string[], outside: readonly Span[] = []): boolean {
  return cues.some((cue) => findAll(text, cue).some((s) => !outside.some((o) => overlaps(s, o))));
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), bounded for speed. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const first = rows[0] as number[];
  for (let j = 0; j <= b.length; j++) first[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}
