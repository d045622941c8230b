import type { Answer, FollowUp, Request } from "./answer.js";
import type { Catalog } from "./catalog/catalog.js";
import { compareAnswer } from "./compose/compare.js";
import { Ctx } from "./compose/context.js";
import { categoriesAnswer, categoryAnswer, vendorAnswer } from "./compose/lists.js";
import { helpAnswer, notFoundAnswer } from "./compose/meta.js";
import { productAnswer } from "./compose/products.js";
import { topicAnswer } from "./compose/topics.js";
import { type EntityRef, entityIndex, termsStartingWith } from "./entities.js";
import { hasCjk } from "./normalize.js";
import type { Query } from "./query.js";
import { RULES, withNotices } from "./routing.js";
import { editDistance } from "./text-match.js";
import { understand } from "./understand.js";
import { vocabularyOf } from "./vocabulary/load.js";

/**
 * Answers a free-text question from the catalog. Pure and synchronous; never throws on any
 * input string (a failure to understand is a "not-found" answer, not an error).
 */
export function answer(question: string, catalog: Catalog): Answer {
  const text = typeof question === "string" ? question : "";
  const u = understand(text, catalog);
  const ctx = new Ctx(catalog, u.lang, { type: "ask", q: text.slice(0, 500) });
  return route(ctx, u);
}

/** Answers what a button asked for. Unknown ids give a not-found answer in the request's language. */
export function respond(request: Request, catalog: Catalog): Answer {
  if (request.type === "ask") return answer(request.q, catalog);
  const ctx = new Ctx(catalog, request.lang, request);
  switch (request.type) {
    case "product":
      return catalog.products.has(request.id)
        ? productAnswer(ctx, [request.id], false)
        : notFoundAnswer(ctx, []);
    case "compare": {
      const ids = request.ids.filter((id) => catalog.products.has(id));
      return ids.length >= 2 ? compareAnswer(ctx, ids) : notFoundAnswer(ctx, []);
    }
    case "category": {
      const c = catalog.categories.get(request.id);
      return c ? categoryAnswer(ctx, [c]) : notFoundAnswer(ctx, []);
    }
    case "vendor":
      return catalog.vendors.has(request.id) ? vendorAnswer(ctx, [request.id]) : notFoundAnswer(ctx, []);
    case "topic":
      return topicAnswer(ctx, request.id) ?? notFoundAnswer(ctx, []);
    case "categories":
      return categoriesAnswer(ctx);
    case "help":
      return helpAnswer(ctx);
  }
}

/** Which routing rule answers a question, and the typed query it was read as: for tests and debugging. */
export function explain(question: string, catalog: Catalog): { rule: string; query: Query } {
  const query = understand(question, catalog);
  const ctx = new Ctx(catalog, query.lang, { type: "ask", q: question.slice(0, 500) });
  return { rule: RULES.find((r) => r.when(ctx, query))?.name ?? "none", query };
}

/** Answers a typed query (a question already understood, or a follow-up rebuilt from a turn). */
export function route(ctx: Ctx, q: Query): Answer {
  const rule = RULES.find((r) => r.when(ctx, q));
  const answered = rule ? rule.answer(ctx, q) : notFoundAnswer(ctx, suggestionsFor(ctx, q.folded));
  return withNotices(ctx, q, answered);
}

/** Products that something recommends as its Kubernetes, or that are distributions themselves. */
export function distributionIds(ctx: Ctx): string[] {
  const ids = new Set<string>();
  for (const p of ctx.catalog.products.values()) {
    if (p.traits.some((t) => t.trait === "distribution")) ids.add(p.id);
    for (const r of p.relations)
      if (r.type === "recommends" && ctx.catalog.products.has(r.target)) ids.add(r.target);
  }
  return [...ids];
}

/**
 * Names the question may have meant: names a word begins ("kube" → KubeSphere, what a search box
 * sends while the user types), Chinese names containing the text, then fuse.js look-alikes.
 */
export function suggestionsFor(ctx: Ctx, folded: string): FollowUp[] {
  const index = entityIndex(ctx.catalog);
  const refs: EntityRef[] = [];
  const add = (candidates: readonly EntityRef[]) => {
    for (const r of candidates) if (!refs.some((x) => x.id === r.id)) refs.push(r);
  };
  const stopwords = vocabularyOf(ctx.catalog).stopwords;
  const words = folded.split(" ").filter((w) => w.length <= 24 && !stopwords.has(w));
  for (const word of words.filter((w) => w.length >= 3 && /^[a-z0-9+#]+$/.test(w)).slice(0, 3)) {
    for (const t of termsStartingWith(index, word)) add(t.refs);
  }
  for (const word of words.filter((w) => hasCjk(w) && w.length >= 2).slice(0, 3)) {
    for (const t of index.cjkTerms) if (t.term.includes(word)) add(t.refs);
  }
  // Fuse is thorough but costs about a millisecond a word (more on a big catalog): only when the
  // cheap look-ups found nothing, and for a few Latin words of name-like length.
  const fuzzyWords = refs.length ? [] : words.filter((w) => w.length >= 4 && /^[a-z0-9+#]+$/.test(w));
  // The longest unknown words are the likeliest names.
  for (const word of fuzzyWords.sort((a, b) => b.length - a.length).slice(0, 2)) {
    for (const { item } of index.fuse.search(word, { limit: 3 }))
      if (editDistance(word, item.term, 3) <= 3) add(item.refs);
  }
  return refs.slice(0, 3).flatMap((ref): FollowUp[] => {
    const entity =
      ref.kind === "product" ? ctx.catalog.products.get(ref.id) : ctx.catalog.vendors.get(ref.id);
    if (!entity) return [];
    const request: Request =
      ref.kind === "product"
        ? { type: "product", id: ref.id, lang: ctx.lang }
        : { type: "vendor", id: ref.id, lang: ctx.lang };
    return [{ label: ctx.l(entity.name), request }];
  });
}
