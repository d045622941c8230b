import { fold } from "../normalize.js";
import type { Query } from "../query.js";
import { findAll, hasCue } from "../text-match.js";
import type { Vocabulary } from "../vocabulary/vocabulary.js";

/** How a message relates to the previous answer, when it does. */
export type FollowUpKind =
  | { kind: "more" }
  | { kind: "why" }
  | { kind: "refine" }
  | { kind: "swap" }
  | { kind: "position"; positions: number[]; compare: boolean };

/** Latin words plus Chinese characters counted by two: about how much a message says. */
function size(folded: string): number {
  const latin = folded.match(/[a-z0-9+#]+/g)?.length ?? 0;
  const cjk = folded.match(/[\u3400-\u9FFF]/gu)?.length ?? 0;
  return latin + Math.ceil(cjk / 2);
}

/** The 1-based positions a message points at ("the first two", 「第三个」, "first and third"). */
function positionsIn(folded: string, v: Vocabulary): number[] {
  const found: { at: number; n: number[] }[] = [];
  for (const [word, n] of v.followUps.counts) {
    const hits = findAll(folded, word);
    // "the first two" / 「前两个」: a count word after "first" (or a Chinese count on its own).
    for (const h of hits)
      if (/[\u3400-\u9FFF]/u.test(word) || /\bfirst $/.test(folded.slice(0, h.start)))
        found.push({ at: h.start, n: Array.from({ length: n }, (_, i) => i + 1) });
  }
  if (found.length) return found[0]?.n ?? [];
  for (const [word, n] of v.followUps.ordinals)
    for (const h of findAll(folded, word)) found.push({ at: h.start, n: [n] });
  return found.sort((a, b) => a.at - b.at).flatMap((f) => f.n);
}

/**
 * Whether a message refines the previous answer, and how. A message that names what it asks
 * about and says no follow-up word stands on its own.
 */
export function followUpOf(question: string, q: Query, v: Vocabulary): FollowUpKind | undefined {
  const folded = fold(question);
  const f = v.followUps;
  const named = q.products.length > 0 || q.vendors.length > 0;
  // A message that asks for something of its own ("open source" holds "source") is not a bare "why?".
  const short = size(folded) <= 6 && q.constraints.length === 0;
  if (!named && short && hasCue(folded, f.why)) return { kind: "why" };
  if (!named && short && hasCue(folded, f.more)) return { kind: "more" };
  if (!named) {
    const positions = positionsIn(folded, v);
    if (positions.length)
      return { kind: "position", positions, compare: q.intents.has("compare") || positions.length > 1 };
  }
  if (hasCue(folded, f.refine)) return { kind: "refine" };
  if (named && size(folded) <= 5 && hasCue(folded, f.swap) && !q.intents.has("compare"))
    return { kind: "swap" };
  return undefined;
}
