import type { Catalog } from "./catalog/catalog.js";
import type { Delivery } from "./catalog/schema.js";
import { type EntityMatch, entityIndex, findEntities } from "./entities.js";
import { detectLang, fold } from "./normalize.js";
import type { Constraint, Query } from "./query.js";
import { findAll, overlaps, type Span } from "./text-match.js";
import { vocabularyOf } from "./vocabulary/load.js";
import type { IntentId } from "./vocabulary/schema.js";
import type { ScopeName, Vocabulary } from "./vocabulary/vocabulary.js";

/** A cue or a name found in the question: what negation and exclusion act on. */
interface Item extends Span {
  kind: "entity" | "attribute" | "delivery" | "scope" | "private";
  key: string;
  entity?: EntityMatch;
  negated?: boolean;
}

const CLAUSE_MARK = ";";
const KANA = /[\u3040-\u30FF]/u;
const WORD = /[a-z0-9+#]+|[\u3400-\u9FFF]/gu;

/**
 * Folds each clause on its own and joins them with ";", so negation and exclusion never reach
 * across 「，」 or "(" into the next clause.
 */
function foldClauses(question: string, breaks: string): string {
  const parts: string[] = [];
  let current = "";
  for (const ch of question) {
    if (breaks.includes(ch)) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map(fold).filter(Boolean).join(` ${CLAUSE_MARK} `);
}

/** Every cue of a table found outside the given spans; within a table the longest cue wins. */
function cueSpans(q: string, table: Record<string, readonly string[]>, outside: readonly Span[]) {
  const found: { key: string; start: number; end: number }[] = [];
  for (const [key, cues] of Object.entries(table))
    for (const cue of cues)
      for (const span of findAll(q, cue, true))
        if (!outside.some((o) => overlaps(o, span))) found.push({ key, ...span });
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof found = [];
  for (const f of found) if (!kept.some((k) => overlaps(k, f))) kept.push(f);
  return kept;
}

/** Marker spans (negation or exclusion words) outside items and false friends. */
function markerSpans(q: string, markers: readonly string[], blocked: readonly Span[]): Span[] {
  const spans = cueSpans(q, { m: markers }, blocked).map(({ start, end }) => ({ start, end }));
  // "don t" folds to "don t": the lone "t" negates only after a word ending in n.
  return spans.filter((s) => q.slice(s.start, s.end) !== "t" || /n $/.test(q.slice(0, s.start)));
}

/** True when the text between two spans holds only filler words (no clause mark, no other content). */
function onlyFillers(between: string, v: Vocabulary, maxWords: number): boolean {
  if (between.includes(CLAUSE_MARK)) return false;
  let rest = between;
  for (const filler of [...v.fillers].filter((f) => /[\u3400-\u9FFF]/u.test(f)))
    rest = rest.split(filler).join(" ");
  const words = rest.match(WORD) ?? [];
  const content = words.filter((w) => !v.fillers.has(w) && !v.stopwords.has(w));
  return content.length === 0 && words.length <= maxWords;
}

/** Items a marker governs: the first one after it, then each one joined on by a conjunction. */
function governed(q: string, marker: Span, items: readonly Item[], v: Vocabulary, after: boolean): Item[] {
  if (after) {
    // 「外资的不要」, 「X 除外」: the marker follows what it excludes.
    const before = items.filter((i) => i.end <= marker.start).sort((a, b) => b.end - a.end)[0];
    return before && onlyFillers(q.slice(before.end, marker.start), v, 2) ? [before] : [];
  }
  const chain: Item[] = [];
  let from = marker.end;
  const joiners = new Set(v.conjunctions);
  for (const item of [...items].filter((i) => i.start >= marker.end).sort((a, b) => a.start - b.start)) {
    const gap = q.slice(from, item.start);
    if (!chain.length) {
      if (!onlyFillers(gap, v, 6)) break;
    } else {
      // Further items join the chain only by a conjunction ("except A and B", 「除了阿里和腾讯」)
      // or by standing right next to the last one ("managed cloud services").
      const words = gap.match(WORD) ?? [];
      const rest = words.filter((w) => !joiners.has(w));
      // Latin conjunctions are whole words ("or" is not in "work"); Chinese ones stand anywhere.
      const joined =
        words.length > rest.length || [...joiners].some((j) => /[^a-z0-9 ]/.test(j) && gap.includes(j));
      const last = chain[chain.length - 1] as Item;
      // Adjacency chains only like with like: "managed cloud services", not "Rancher Manager multi-cluster".
      const adjacent = words.length === 0 && (last.kind === "entity") === (item.kind === "entity");
      if (gap.includes(CLAUSE_MARK) || !(joined || adjacent) || !onlyFillers(rest.join(" "), v, 2)) break;
    }
    chain.push(item);
    from = item.end;
  }
  return chain;
}

export function understand(question: string, catalog: Catalog): Query {
  const v = vocabularyOf(catalog);
  const raw = typeof question === "string" ? question : "";
  const folded = foldClauses(raw, v.clauseBreaks);
  const entities = findEntities(folded, entityIndex(catalog));
  const intents = new Set(cueSpans(folded, v.intents, entities).map((c) => c.key as IntentId));
  // 「能不能离线」 asks whether it can: its 「不能离线」 is no needs-internet cue.
  const falseFriends = cueSpans(folded, { f: v.negationFalseFriends }, []);
  const attributeItems = cueSpans(folded, attributeTable(v), [...entities, ...falseFriends]).map(
    (c): Item => ({ kind: "attribute", ...c }),
  );
  // A longer attribute phrase ("a connection to a public cloud") owns the facet words inside it.
  const taken = [...entities, ...attributeItems];
  const items: Item[] = [
    ...entities.map((e): Item => ({ kind: "entity", key: e.term, entity: e, start: e.start, end: e.end })),
    ...attributeItems,
    ...cueSpans(folded, v.delivery, taken).map((c): Item => ({ kind: "delivery", ...c })),
    ...cueSpans(folded, v.scopes, taken).map((c): Item => ({ kind: "scope", ...c })),
  ];
  // The private editions, unless a longer delivery phrase holds the words (「私有化部署」 is self-hosting).
  const deliveryFound = items.filter((i) => i.kind === "delivery");
  for (const pe of cueSpans(folded, { p: v.privateEdition }, entities))
    if (!deliveryFound.some((d) => overlaps(d, pe) && d.end - d.start > pe.end - pe.start))
      items.push({ kind: "private", key: "private", start: pe.start, end: pe.end });
  applyNegation(folded, items, falseFriends, v);

  const excludedProducts = new Set<string>();
  const excludedVendors = new Set<string>();
  const mentions: string[][] = [];
  const vendors: string[] = [];
  const unknownNames: string[] = [];
  for (const item of items.filter((i) => i.kind === "entity")) {
    const refs = item.entity?.refs ?? [];
    const products = refs.filter((r) => r.kind === "product").map((r) => r.id);
    const vendorIds = refs.filter((r) => r.kind === "vendor").map((r) => r.id);
    const unknown = refs.find((r) => r.kind === "not-covered");
    if (unknown) {
      const name = v.notCovered.find((o) => o.id === unknown.id)?.name ?? unknown.id;
      if (!unknownNames.includes(name)) unknownNames.push(name);
      continue;
    }
    if (item.negated) {
      for (const id of products) excludedProducts.add(id);
      for (const id of vendorIds) excludedVendors.add(id);
      continue;
    }
    if (products.length) mentions.push(products);
    for (const id of vendorIds) if (!vendors.includes(id)) vendors.push(id);
  }

  const constraints: Constraint[] = [];
  const addConstraint = (c: Constraint) => {
    const same = constraints.find((x) => x.attribute === c.attribute);
    if (!same) constraints.push(c);
    else if (same.want !== c.want && c.from === "asked") same.want = c.want;
  };
  // In the order asked: answers and titles list the conditions as the question did.
  for (const item of items.filter((i) => i.kind === "attribute").sort((a, b) => a.start - b.start)) {
    const inverted = item.key.startsWith("!");
    const attribute = v.attributes.get(inverted ? item.key.slice(1) : item.key);
    if (inverted) item.negated = !item.negated;
    if (!attribute) continue;
    if (item.negated && attribute.opposite)
      addConstraint({ attribute: attribute.opposite, want: true, from: "asked" });
    else addConstraint({ attribute: attribute.id, want: !item.negated, from: "asked" });
  }
  const delivery = new Set<Delivery>();
  for (const item of items.filter((i) => i.kind === "delivery")) {
    const d = item.key as Delivery;
    delivery.add(item.negated ? (d === "managed" ? "software" : "managed") : d);
  }
  const scopes = new Set(
    items.filter((i) => i.kind === "scope" && !i.negated).map((i) => i.key as ScopeName),
  );
  const privateItems = items.filter((i) => i.kind === "private");
  const withoutPrivateEdition = privateItems.some((i) => i.negated);
  const privateEdition =
    privateItems.some((i) => !i.negated) ||
    (delivery.has("software") &&
      cueSpans(folded, { p: v.publicCloud }, [...taken, ...deliveryFound.filter((d) => d.negated)]).length >
        0);

  for (const name of nameShapedUnknowns(raw, folded, entities, v))
    if (!unknownNames.includes(name)) unknownNames.push(name);
  const products = [...new Set(mentions.flat())];
  // A context word ("we are a bank") adds its constraint only when nothing more specific was asked.
  const specific = products.length > 0 || constraints.length > 0;
  // With products named it only orders what a comparison shows first ("…三个怎么选？我们是银行").
  const hints: { attribute: string; context: string; cue: string }[] = [];
  for (const c of cueSpans(folded, contextTable(v), entities)) {
    const context = v.contexts.find((x) => x.id === c.key);
    if (!context) continue;
    if (!specific)
      addConstraint({ attribute: context.implies, want: true, from: "context", context: context.id });
    else hints.push({ attribute: context.implies, context: context.id, cue: folded.slice(c.start, c.end) });
  }

  const rest = entities.reduceRight(
    (s, e) => s.slice(0, e.start) + " ".repeat(e.end - e.start) + s.slice(e.end),
    folded,
  );
  const japanese = KANA.test(raw);
  const query: Query = {
    folded,
    lang: japanese ? "en" : detectLang(rest, folded),
    ...(japanese ? { unsupportedLang: "ja" } : {}),
    intents,
    mentions,
    products,
    vendors: vendors.filter((id) => !excludedVendors.has(id)),
    excludedProducts: [...excludedProducts],
    excludedVendors: [...excludedVendors],
    constraints,
    scopes,
    delivery,
    privateEdition,
    ...(withoutPrivateEdition ? { withoutPrivateEdition } : {}),
    unknownNames,
    ...(hints.length ? { contextHints: hints } : {}),
    yesNo:
      // "hey, quick one: can OpenShift run offline?": any clause may open the question.
      folded
        .split(` ${CLAUSE_MARK} `)
        .some((clause) => v.question.yesNoStart.some((w) => clause === w || clause.startsWith(`${w} `))) ||
      cueSpans(folded, { y: v.question.yesNoAnywhere }, []).length > 0,
    confidence: 0,
  };
  if (intents.has("focusServers")) query.focus = "servers";
  else if (intents.has("focusVendor")) query.focus = "vendor";
  else if (intents.has("focusBilling")) query.focus = "billing";
  const basedOn = cueSpans(folded, { b: v.intents.basedOn }, entities)[0];
  const known = entities.filter((e) => e.refs.some((r) => r.kind !== "not-covered"));
  if (basedOn && known.length) {
    // "What is X based on?" asks about X; "(Which Tencent product) is based on Alauda?" names the
    // base after the cue, and what stands before it only narrows the list.
    const after = known.filter((e) => e.start >= basedOn.end);
    const productBefore = known.some(
      (e) => e.end <= basedOn.start && e.refs.some((r) => r.kind === "product"),
    );
    // "Is QKE based on KubeSphere?" asks about QKE, even with a base named after the cue.
    query.basedOnSubject = after.length && !(query.yesNo && productBefore) ? "after" : "before";
    if (after.length)
      query.basedOnTargets = [
        ...new Set(after.flatMap((e) => e.refs.filter((r) => r.kind !== "not-covered").map((r) => r.id))),
      ];
  }
  const both = bothGroups(folded, v, entities);
  if (both) query.both = both;
  query.confidence = confidenceOf(query, folded, entities);
  return query;
}

/** A word written like a product name: digits among letters (K3s), or capitals past the first (OKE, MicroK8s). */
const NAME_SHAPED = /[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*/g;
const looksLikeName = (w: string) => (/\d/.test(w) && /[a-z]/i.test(w)) || /^[A-Za-z][a-z0-9]*[A-Z]/.test(w);

/**
 * Words shaped like product names that no catalog name, cue or known word explains: "Is K3s in
 * the catalog?", 「K3s 支持边缘吗」. The answer says they are not covered instead of answering
 * as if they had not been written.
 */
function nameShapedUnknowns(raw: string, folded: string, entities: readonly Span[], v: Vocabulary): string[] {
  const names: string[] = [];
  for (const m of raw.slice(0, 500).matchAll(NAME_SHAPED)) {
    const word = m[0];
    if (word.length < 2 || word.length > 24 || !looksLikeName(word)) continue;
    const f = fold(word);
    if (!f || v.notNames.has(f) || v.stopwords.has(f) || f.split(" ").every((x) => v.cueWords.has(x)))
      continue;
    // Part of a name the catalog knows ("RKE2", "EKS-D"): its folded form sits inside a matched span.
    const at = folded.indexOf(f);
    if (at >= 0 && entities.some((e) => e.start <= at && at + f.length <= e.end)) continue;
    names.push(word);
  }
  return names;
}

const contextTables = new WeakMap<Vocabulary, Record<string, string[]>>();
function contextTable(v: Vocabulary): Record<string, string[]> {
  let table = contextTables.get(v);
  if (!table) {
    table = Object.fromEntries(v.contexts.map((x) => [x.id, x.folded]));
    contextTables.set(v, table);
  }
  return table;
}

const attributeTables = new WeakMap<Vocabulary, Record<string, string[]>>();
function attributeTable(v: Vocabulary): Record<string, string[]> {
  let table = attributeTables.get(v);
  if (!table) {
    // "!beta": the attribute's not-cues ("generally available"), read as that attribute negated.
    const built: Record<string, string[]> = {};
    for (const a of v.attributes.values()) {
      built[a.id] = a.folded;
      if (a.foldedNot.length) built[`!${a.id}`] = a.foldedNot;
    }
    attributeTables.set(v, built);
    table = built;
  }
  return table;
}

/** Marks the items that a negation or exclusion word governs. */
function applyNegation(q: string, items: Item[], falseFriends: readonly Span[], v: Vocabulary): void {
  // "no ops staff" is a context phrase: its "no" negates nothing after it.
  const contexts = cueSpans(q, contextTable(v), items);
  const blocked = [...items, ...falseFriends, ...contexts];
  const before = markerSpans(q, [...new Set([...v.negation, ...v.exclusion])], blocked);
  for (const marker of before) for (const item of governed(q, marker, items, v, false)) item.negated = true;
  for (const marker of markerSpans(q, v.exclusionAfter, blocked))
    for (const item of governed(q, marker, items, v, true)) item.negated = true;
}

/** "vendors with both a managed K8s and a private edition": the facets on each side of "both/既…又". */
function bothGroups(q: string, v: Vocabulary, entities: readonly Span[]): Query["both"] {
  const mark = cueSpans(q, { b: v.question.both }, entities).sort((x, y) => x.start - y.start)[0];
  if (!mark) return undefined;
  const tail = q.slice(mark.end);
  const join = cueSpans(tail, { j: v.question.bothJoin }, []).sort((x, y) => x.start - y.start)[0];
  if (!join) return undefined;
  const halves = [tail.slice(0, join.start), tail.slice(join.end)];
  const groups = halves.map((h) => ({
    scopes: new Set(cueSpans(h, v.scopes, []).map((c) => c.key as ScopeName)),
    delivery: new Set(cueSpans(h, v.delivery, []).map((c) => c.key as Delivery)),
    privateEdition: cueSpans(h, { p: v.privateEdition }, []).length > 0,
  }));
  return groups.every((g) => g.scopes.size || g.delivery.size || g.privateEdition) ? groups : undefined;
}

/** How much of the question the vocabulary explained: words outside names and cues lower it. */
function confidenceOf(query: Query, folded: string, entities: readonly Span[]): number {
  const understood =
    query.products.length +
    query.vendors.length +
    query.constraints.length +
    query.scopes.size +
    query.delivery.size +
    query.intents.size +
    query.unknownNames.length +
    query.excludedProducts.length +
    query.excludedVendors.length;
  if (!folded) return 0;
  return understood === 0 ? 0 : Math.min(1, 0.4 + 0.2 * understood - (entities.length ? 0 : 0.1));
}
