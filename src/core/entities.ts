import Fuse from "fuse.js";
import type { Catalog } from "./catalog/catalog.js";
import { fold, hasCjk } from "./normalize.js";
import { editDistance, findAll, isWordChar, overlaps, type Span } from "./text-match.js";
import { vocabularyOf } from "./vocabulary/load.js";

/** "not-covered": a well-known offering the catalog lacks, named so the answer can say so. */
export type EntityKind = "product" | "vendor" | "not-covered";

export interface EntityRef {
  kind: EntityKind;
  id: string;
}

/** A name found in the question; several refs when the name is ambiguous ("TCS"). */
export interface EntityMatch extends Span {
  refs: EntityRef[];
  term: string;
  fuzzy: boolean;
}

type SizedTerm = Term & { words: number };

const shapeKey = (words: number, length: number, ch: string | undefined) => `${words}:${length}:${ch ?? ""}`;

interface Term {
  term: string;
  refs: EntityRef[];
}

export interface EntityIndex {
  /** Fuzzy search over Latin names, for "did you mean" suggestions. */
  fuse: Fuse<Term>;
  /** Every name by its lead (first Latin word, or first character), so matching tries only names that can start at a position. */
  byLead: Map<string, Term[]>;
  /**
   * Latin names by "words:length:first letter" and "words:length:second letter", so a typo is
   * compared only with names of about its length that share one of its first two letters.
   */
  byShapeFirst: Map<string, SizedTerm[]>;
  /** Latin names in sorted order, for prefix look-ups by binary search. */
  sortedLatin: SizedTerm[];
  /** Names with Chinese characters, for "contains" look-ups. */
  cjkTerms: Term[];
  /** All-Chinese names of 3+ characters by length, for homophone typos ("灵鹊云" for 灵雀云). */
  cjkByLength: Map<number, Term[]>;
  /** Chinese cue words: a window holding one is a question word, not a misspelt name. */
  cjkCues: string[];
  byShapeSecond: Map<string, SizedTerm[]>;
  /** Every folded cue word, so a cue is never taken for a misspelt product name. */
  cueWords: Set<string>;
  stopwords: Set<string>;
}

const indexes = new WeakMap<Catalog, EntityIndex>();

/** Built once per catalog (a reload makes a new catalog, and so a new index). */
export function entityIndex(catalog: Catalog): EntityIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = buildIndex(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

function buildIndex(catalog: Catalog): EntityIndex {
  const vocabulary = vocabularyOf(catalog);
  const STOPWORDS = vocabulary.stopwords;
  const byTerm = new Map<string, EntityRef[]>();
  const add = (raw: string, ref: EntityRef) => {
    // Catalog aliases may carry a remark in parentheses ("AKS Anywhere (seed typo)").
    const term = fold(raw.replace(/\s*[(（][^)）]*[)）]\s*/g, " "));
    if (term.length < 2 || STOPWORDS.has(term)) return;
    const refs = byTerm.get(term) ?? [];
    if (!refs.some((r) => r.kind === ref.kind && r.id === ref.id)) refs.push(ref);
    byTerm.set(term, refs);
  };
  for (const p of catalog.products.values()) {
    const ref = { kind: "product", id: p.id } as const;
    for (const name of [
      p.name.en,
      p.name.zh,
      ...p.aliases,
      ...p.misspellings,
      ...p.relatedTerms,
      p.id.replace(/-/g, " "),
    ])
      add(name, ref);
  }
  for (const v of catalog.vendors.values()) {
    const ref = { kind: "vendor", id: v.id } as const;
    for (const name of [v.name.en, v.name.zh, ...v.aliases, v.id]) add(name, ref);
  }
  // A catalog name always beats a not-covered one ("Rancher" is ours whatever else it names).
  for (const o of vocabulary.notCovered)
    for (const term of o.terms) if (!byTerm.has(term)) byTerm.set(term, [{ kind: "not-covered", id: o.id }]);
  // A name that is both a product and a vendor ("Rancher") means the product: it is the more specific.
  for (const [term, refs] of byTerm) {
    if (refs.some((r) => r.kind === "product"))
      byTerm.set(
        term,
        refs.filter((r) => r.kind === "product"),
      );
  }
  const terms = [...byTerm].map(([term, refs]) => ({ term, refs }));
  const cueWords = vocabulary.cueWords;
  const fuzzyTerms = terms.filter((t) => !hasCjk(t.term) && t.term.length >= 3);
  // Suggestions search product names (not every alias, misspelling or vendor): a fraction of the work.
  const names = new Set([...catalog.products.values()].map((x) => fold(x.name.en)));
  const fuse = new Fuse(
    fuzzyTerms.filter((t) => names.has(t.term)),
    {
      keys: ["term"],
      includeScore: true,
      threshold: 0.4,
      ignoreLocation: true,
    },
  );
  // Names the catalog does not cover are matched exactly: a typo of one ("joke" for "OKE") is no name.
  const latinTerms = fuzzyTerms
    .filter((t) => t.refs.some((r) => r.kind !== "not-covered"))
    .map((t) => ({ ...t, words: t.term.split(" ").length }));
  const byLead = new Map<string, Term[]>();
  for (const t of terms) {
    const key = leadAt(t.term, 0);
    const list = byLead.get(key);
    if (list) list.push(t);
    else byLead.set(key, [t]);
  }
  const byShapeFirst = new Map<string, SizedTerm[]>();
  const byShapeSecond = new Map<string, SizedTerm[]>();
  const push = (map: Map<string, SizedTerm[]>, key: string, t: SizedTerm) => {
    const list = map.get(key);
    if (list) list.push(t);
    else map.set(key, [t]);
  };
  for (const t of latinTerms) {
    push(byShapeFirst, shapeKey(t.words, t.term.length, t.term[0]), t);
    push(byShapeSecond, shapeKey(t.words, t.term.length, t.term[1]), t);
  }
  const sortedLatin = [...latinTerms].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const cjkTerms = terms.filter((t) => hasCjk(t.term));
  const cjkByLength = new Map<number, Term[]>();
  for (const t of cjkTerms) {
    if (!ALL_CJK.test(t.term) || t.term.length < 3) continue;
    const list = cjkByLength.get(t.term.length);
    if (list) list.push(t);
    else cjkByLength.set(t.term.length, [t]);
  }
  const cjkCues = vocabulary.cjkCues;
  return {
    fuse,
    cueWords,
    stopwords: STOPWORDS,
    byLead,
    byShapeFirst,
    byShapeSecond,
    sortedLatin,
    cjkTerms,
    cjkByLength,
    cjkCues,
  };
}

/** What a name must start with to stand at `i`: the whole Latin word there, or the one character. */
function leadAt(s: string, i: number): string {
  if (!isWordChar(s[i])) return s[i] ?? "";
  let end = i;
  while (isWordChar(s[end])) end++;
  return s.slice(i, end);
}

/** Names of products and vendors in a folded question: exact first (longest wins), then typos. */
export function findEntities(q: string, index: EntityIndex): EntityMatch[] {
  const candidates: EntityMatch[] = [];
  // Only the names that begin with the word (or Chinese character) at each position are tried there.
  for (let start = 0; start < q.length; start++) {
    if (isWordChar(q[start]) && isWordChar(q[start - 1])) continue;
    for (const { term, refs } of index.byLead.get(leadAt(q, start)) ?? []) {
      if (!q.startsWith(term, start)) continue;
      const end = start + term.length;
      if (isWordChar(term[term.length - 1]) && isWordChar(q[end])) continue;
      candidates.push({ start, end, refs, term, fuzzy: false });
    }
  }
  // "Is EKS a managed service?": a name ending in a stopword ("EKS-A" folds to "eks a") gives way
  // to a shorter name at the same place.
  const endsInStopword = (c: EntityMatch) => {
    const words = c.term.split(" ");
    const last = words[words.length - 1] as string;
    return words.length > 1 && last.length === 1 && index.stopwords.has(last);
  };
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i] as EntityMatch;
    const articleBeforeWord = /^ [a-z0-9]/.test(q.slice(c.end, c.end + 2));
    if (
      endsInStopword(c) &&
      articleBeforeWord &&
      candidates.some((o) => o !== c && o.start === c.start && o.end < c.end)
    )
      candidates.splice(i, 1);
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: EntityMatch[] = [];
  for (const c of candidates) if (!chosen.some((m) => overlaps(m, c))) chosen.push(c);
  for (const f of fuzzyMatches(q, chosen, index)) {
    for (let i = chosen.length - 1; i >= 0; i--)
      if (overlaps(chosen[i] as EntityMatch, f)) chosen.splice(i, 1);
    chosen.push(f);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Longer than any catalog name: such a window cannot be a misspelt name. */
const MAX_NAME_LENGTH = 48;

interface Token extends Span {
  text: string;
}

function latinTokens(q: string): Token[] {
  const tokens: Token[] = [];
  for (const m of q.matchAll(/[a-z0-9+#]+/g))
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}

/**
 * Misspelt names ("openshfit", "eks anywehre"): windows of one to three Latin words with at least
 * one word no exact match explains, compared with every Latin name by edit distance.
 */
function fuzzyMatches(q: string, exact: readonly EntityMatch[], index: EntityIndex): EntityMatch[] {
  const tokens = latinTokens(q);
  const isOpen = (t: Token) =>
    t.text.length >= 4 &&
    !index.stopwords.has(t.text) &&
    !index.cueWords.has(t.text) &&
    !exact.some((m) => overlaps(m, t));
  const found: EntityMatch[] = [];
  for (let size = 3; size >= 1; size--) {
    for (let i = 0; i + size <= tokens.length; i++) {
      const window = tokens.slice(i, i + size);
      if (!window.some(isOpen)) continue;
      const first = window[0] as Token;
      const last = window[window.length - 1] as Token;
      const span = { start: first.start, end: last.end };
      if (found.some((f) => overlaps(f, span))) continue;
      const text = window.map((t) => t.text).join(" ");
      const best = closestTerm(text, index);
      if (best) found.push({ ...span, refs: best.refs, term: best.term, fuzzy: true });
    }
  }
  return [...found, ...cjkTypos(q, [...exact, ...found], index)];
}

const ALL_CJK = /^[\u3400-\u9FFF\uF900-\uFAFF]+$/u;
const CJK_RUN = /[\u3400-\u9FFF\uF900-\uFAFF]{3,}/gu;

/**
 * Chinese names typed with one wrong character of the same sound (pinyin input picks the wrong
 * homophone): windows of unmatched Chinese text one substitution away from a name of 3+ characters.
 */
function cjkTypos(q: string, taken: readonly Span[], index: EntityIndex): EntityMatch[] {
  const cueSpans = index.cjkCues.flatMap((cue) => findAll(q, cue));
  const found: EntityMatch[] = [];
  for (const run of q.matchAll(CJK_RUN)) {
    const runStart = run.index;
    const runEnd = runStart + run[0].length;
    for (const [length, names] of index.cjkByLength) {
      for (let start = runStart; start + length <= runEnd; start++) {
        const span = { start, end: start + length };
        if ([...taken, ...found, ...cueSpans].some((t) => overlaps(t, span))) continue;
        const text = q.slice(start, start + length);
        const name = names.find((n) => substitutions(text, n.term) === 1);
        if (name) found.push({ ...span, refs: name.refs, term: name.term, fuzzy: true });
      }
    }
  }
  return found;
}

function substitutions(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/**
 * The catalog name within edit distance 1 (2 for longer names) of the text. Candidates are
 * narrowed by length and word count first: a full fuzzy search per window costs about a
 * millisecond, this a few microseconds, and it runs on every question.
 */
function closestTerm(text: string, index: EntityIndex): Term | undefined {
  if (text.length > MAX_NAME_LENGTH) return undefined;
  const allowed = text.length >= 8 ? 2 : 1;
  const words = text.split(" ").length;
  let best: { term: Term; distance: number } | undefined;
  // Typos rarely hit both of the first two letters: the candidates share the first letter, the
  // second letter, or have the text's second letter first (a swapped pair).
  const nearby = new Set<SizedTerm>();
  for (let len = text.length - allowed; len <= text.length + allowed; len++) {
    for (const t of index.byShapeFirst.get(shapeKey(words, len, text[0])) ?? []) nearby.add(t);
    for (const t of index.byShapeSecond.get(shapeKey(words, len, text[1])) ?? []) nearby.add(t);
    for (const t of index.byShapeFirst.get(shapeKey(words, len, text[1])) ?? []) nearby.add(t);
  }
  for (const item of nearby) {
    const distance = editDistance(text, item.term, allowed);
    if (distance <= allowed && distance > 0 && (!best || distance < best.distance))
      best = { term: item, distance };
  }
  return best?.term;
}

/** Latin names that begin with the prefix, in sorted order. */
export function termsStartingWith(index: EntityIndex, prefix: string): Term[] {
  const list = index.sortedLatin;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Term).term < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: Term[] = [];
  for (let i = lo; i < list.length && (list[i] as Term).term.startsWith(prefix); i++)
    out.push(list[i] as Term);
  return out;
}
