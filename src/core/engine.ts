import type { Answer, FollowUp, Request } from "./answer.js";
import type { Catalog } from "./catalog/catalog.js";
import type { Category } from "./catalog/schema.js";
import { compareAnswer } from "./compose/compare.js";
import { Ctx } from "./compose/context.js";
import { categoriesAnswer, categoryAnswer, filterAnswer, vendorAnswer } from "./compose/lists.js";
import { aboutAnswer, helpAnswer, notFoundAnswer } from "./compose/meta.js";
import { productAnswer } from "./compose/products.js";
import { distributionsAnswer, otherPlayersAnswer, topicAnswer } from "./compose/topics.js";
import { type EntityRef, entityIndex, termsStartingWith } from "./entities.js";
import { type AttributeName, STOPWORDS } from "./lexicon.js";
import { hasCjk } from "./normalize.js";
import { editDistance } from "./text-match.js";
import { type Understanding, understand } from "./understand.js";

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

function route(ctx: Ctx, u: Understanding): Answer {
  const { cues } = u;
  const attributes = [...u.attributes];
  const categories = categoriesAsked(ctx.catalog, u);
  const hasProducts = u.productIds.length > 0;
  const constrained = attributes.length > 0 || categories.length > 0;

  if (!u.folded || (cues.has("help") && !hasProducts && !u.vendorIds.length && !constrained))
    return helpAnswer(ctx);
  if (cues.has("otherPlayers") && !hasProducts) return otherPlayersAnswer(ctx);
  if (cues.has("about") && !hasProducts && !u.vendorIds.length && !constrained) return aboutAnswer(ctx);

  const comparable = comparisonIds(ctx, u);
  if (comparable.length >= 2 && (cues.has("compare") || !constrained)) return compareAnswer(ctx, comparable);

  if (cues.has("distributions") && !hasProducts && attributes.length) {
    return filterAnswer(ctx, {
      attributes,
      categories,
      vendorIds: u.vendorIds,
      onlyIds: distributionIds(ctx),
    });
  }
  if (cues.has("distributions") && !hasProducts) {
    // The distributions the article names are the ones its managed multi-cloud ("Anywhere") products recommend.
    const anywhere = [...ctx.catalog.categories.values()].filter(
      (c) => c.delivery === "managed" && c.scope === "multi-cloud-management",
    );
    return distributionsAnswer(ctx, categories.length ? categories : anywhere);
  }
  // "What is X based on?" is about X; "what is based on X?" lists the products built on X.
  const basedOnSomething = u.productIds.filter((id) =>
    ctx.catalog.products.get(id)?.relations.some((r) => r.type === "based-on"),
  );
  if (cues.has("basedOn") && basedOnSomething.length && !cues.has("list"))
    return productAnswer(ctx, [basedOnSomething[0] as string], false, { attributes, basedOn: true });
  if (cues.has("basedOn") && (hasProducts || u.vendorIds.length) && !u.attributes.size) {
    return filterAnswer(ctx, {
      attributes: [],
      categories: [],
      vendorIds: [],
      basedOn: [...u.productIds, ...u.vendorIds],
    });
  }
  if (hasProducts && !(constrained && u.productIds.length > 4)) {
    const first = u.productMentions[0] ?? [];
    if (first.length > 1) return productAnswer(ctx, first, true);
    if (u.productIds.length === 1 || !constrained)
      return productAnswer(ctx, [u.productIds[0] as string], false, {
        attributes,
        prosCons: cues.has("prosCons"),
      });
  }
  const anywhereProducts = ctx.catalog.topics.get("anywhere")?.products ?? [];
  if (cues.has("anywhereTopic") && cues.has("compare") && !constrained && anywhereProducts.length >= 2)
    return compareAnswer(ctx, anywhereProducts);
  if (cues.has("anywhereTopic") && !constrained)
    return topicAnswer(ctx, "anywhere") ?? notFoundAnswer(ctx, []);
  if (cues.has("categories") && !categories.length && !attributes.length && !u.vendorIds.length)
    return categoriesAnswer(ctx, cues.has("prosCons"));
  if (cues.has("prosCons") && !categories.length && !attributes.length && !u.vendorIds.length)
    return categoriesAnswer(ctx, true);
  if (attributes.length || (categories.length && u.vendorIds.length)) {
    return filterAnswer(ctx, {
      attributes: attributes as AttributeName[],
      categories,
      vendorIds: u.vendorIds,
    });
  }
  if (categories.length) return categoryAnswer(ctx, categories, cues.has("prosCons"));
  if (u.vendorIds.length) return vendorAnswer(ctx, u.vendorIds);
  if (cues.has("vendors")) {
    const sellers = [...ctx.catalog.vendors.values()].filter((v) => !v.otherPlayer).map((v) => v.id);
    return vendorAnswer(ctx, sellers, true);
  }
  if (cues.has("allProducts")) return filterAnswer(ctx, { attributes: [], categories: [], vendorIds: [] });
  if (cues.has("help")) return helpAnswer(ctx);
  return notFoundAnswer(ctx, suggestionsFor(ctx, u.folded));
}

/** Products that something recommends as its Kubernetes, or that are distributions themselves. */
function distributionIds(ctx: Ctx): string[] {
  const ids = new Set<string>();
  for (const p of ctx.catalog.products.values()) {
    if (p.traits.some((t) => t.trait === "distribution")) ids.add(p.id);
    for (const r of p.relations)
      if (r.type === "recommends" && ctx.catalog.products.has(r.target)) ids.add(r.target);
  }
  return [...ids];
}

/** Products to put side by side: named products, else each named vendor's products when few. */
function comparisonIds(ctx: Ctx, u: Understanding): string[] {
  const clear = u.productMentions.filter((m) => m.length === 1).map((m) => m[0] as string);
  const ids = [...new Set(clear)];
  if (ids.length >= 2) return ids.slice(0, 4);
  if (u.cues.has("compare") && u.vendorIds.length >= 2) {
    const fromVendors = u.vendorIds.flatMap((v) => [...(ctx.catalog.productsByVendor.get(v) ?? [])]);
    if (fromVendors.length >= 2 && fromVendors.length <= 4) return fromVendors;
  }
  return [];
}

/** The article's categories a question names by their facets (delivery, scope) or as private editions. */
function categoriesAsked(catalog: Catalog, u: Understanding): Category[] {
  let scopes = new Set<string>(u.scopes);
  let delivery = new Set<string>(u.delivery);
  if (u.privateEdition) {
    scopes = new Set(["kubernetes-cluster"]);
    delivery = new Set(["software"]);
  }
  if (!scopes.size && !delivery.size) return [];
  // "Managed" alone with an attribute ("managed and air-gapped?") is a filter, not a category list.
  return [...catalog.categories.values()]
    .filter((c) => (!scopes.size || scopes.has(c.scope)) && (!delivery.size || delivery.has(c.delivery)))
    .sort((a, b) => a.order - b.order);
}

/**
 * Names the question may have meant: names a word begins ("kube" → KubeSphere, what a search box
 * sends while the user types), Chinese names containing the text, then fuse.js look-alikes.
 */
function suggestionsFor(ctx: Ctx, folded: string): FollowUp[] {
  const index = entityIndex(ctx.catalog);
  const refs: EntityRef[] = [];
  const add = (candidates: readonly EntityRef[]) => {
    for (const r of candidates) if (!refs.some((x) => x.id === r.id)) refs.push(r);
  };
  const words = folded.split(" ").filter((w) => w.length <= 24 && !STOPWORDS.has(w));
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
