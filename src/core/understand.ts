import type { Lang } from "./answer.js";
import type { Catalog } from "./catalog/catalog.js";
import type { Delivery } from "./catalog/schema.js";
import { entityIndex, findEntities } from "./entities.js";
import {
  ATTRIBUTE_CUES,
  type AttributeName,
  DELIVERY_CUES,
  INTENT_CUES,
  PRIVATE_EDITION_CUES,
  SCOPE_CUES,
  type ScopeName,
} from "./lexicon.js";
import { detectLang, fold } from "./normalize.js";
import { findAll, hasCue, overlaps, type Span } from "./text-match.js";

export type IntentCue = keyof typeof INTENT_CUES;

/** What a question asks, before any answer is chosen. */
export interface Understanding {
  folded: string;
  lang: Lang;
  /** Product mentions in order; a mention with several ids is ambiguous. */
  productMentions: string[][];
  /** Distinct product ids, in order of mention. */
  productIds: string[];
  vendorIds: string[];
  cues: Set<IntentCue>;
  scopes: Set<ScopeName>;
  delivery: Set<Delivery>;
  privateEdition: boolean;
  attributes: Set<AttributeName>;
}

const foldedTables = new WeakMap<object, [string, string[]][]>();

/** Cue tables folded once, like the questions they are matched against. */
function foldedTable<K extends string>(table: Record<K, readonly string[]>): [K, string[]][] {
  let folded = foldedTables.get(table);
  if (!folded) {
    folded = Object.entries<readonly string[]>(table).map(([k, cues]) => [k, cues.map(fold)]);
    foldedTables.set(table, folded);
  }
  return folded as [K, string[]][];
}

const PRIVATE_EDITION_FOLDED = PRIVATE_EDITION_CUES.map(fold);

/**
 * The keys of a cue table that the question uses. Within one table the longest cue wins where
 * two overlap, so "self hosted" is not also "hosted".
 */
function keysWithCue<K extends string>(
  q: string,
  table: Record<K, readonly string[]>,
  outside: Span[],
): Set<K> {
  const found: { key: K; span: Span }[] = [];
  for (const [key, cues] of foldedTable(table)) {
    for (const cue of cues) {
      for (const span of findAll(q, cue, true))
        if (!outside.some((o) => overlaps(o, span))) found.push({ key, span });
    }
  }
  found.sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start));
  const kept: typeof found = [];
  for (const f of found) if (!kept.some((k) => overlaps(k.span, f.span))) kept.push(f);
  return new Set(kept.map((k) => k.key));
}

export function understand(question: string, catalog: Catalog): Understanding {
  const folded = fold(question);
  const entities = findEntities(folded, entityIndex(catalog));
  const productMentions = entities
    .map((e) => e.refs.filter((r) => r.kind === "product").map((r) => r.id))
    .filter((ids) => ids.length > 0);
  const productIds = [...new Set(productMentions.flat())];
  const vendorIds = [
    ...new Set(entities.flatMap((e) => e.refs.filter((r) => r.kind === "vendor").map((r) => r.id))),
  ];
  const delivery = keysWithCue(folded, DELIVERY_CUES, entities);
  const rest = entities.reduceRight(
    (s, e) => s.slice(0, e.start) + " ".repeat(e.end - e.start) + s.slice(e.end),
    folded,
  );
  return {
    folded,
    lang: detectLang(rest, folded),
    productMentions,
    productIds,
    vendorIds,
    cues: keysWithCue(folded, INTENT_CUES, entities),
    scopes: keysWithCue(folded, SCOPE_CUES, entities),
    delivery,
    privateEdition:
      hasCue(folded, PRIVATE_EDITION_FOLDED, entities) || privatePublicCloud(folded, delivery, entities),
    attributes: keysWithCue(folded, ATTRIBUTE_CUES, entities),
  };
}

/** "Self-hosted versions of public-cloud Kubernetes": software and the public cloud together mean the article's private editions. */
function privatePublicCloud(folded: string, delivery: Set<Delivery>, entities: Span[]): boolean {
  return delivery.has("software") && hasCue(folded, PUBLIC_CLOUD_FOLDED, entities);
}

const PUBLIC_CLOUD_FOLDED = ["public cloud", "公有云"].map(fold);
