import type { Lang } from "./answer.js";
import type { Delivery, Support } from "./catalog/schema.js";
import { vocabularyOf } from "./vocabulary/load.js";
import { message, type Vocabulary } from "./vocabulary/vocabulary.js";

/**
 * The words the engine writes around catalog data (delivery, support levels, table rows, section
 * titles), typed. The words themselves are the `phrase.*` messages of knowledge/messages/{lang}.yaml.
 */
export interface Phrases {
  delivery: Record<Delivery, string>;
  airGapped: Record<Support, string>;
  labels: {
    vendor: string;
    categories: string;
    delivery: string;
    airGapped: string;
    billing: string;
    compute: string;
    outOfTheBox: string;
    multiCluster: string;
    traits: string;
    notes: string;
    yes: string;
    no: string;
    none: string;
  };
  sectionArticle: string;
  sectionLater: string;
  pros: string;
  cons: string;
  caveats: string;
}

function build(v: Vocabulary, lang: Lang): Phrases {
  const m = (key: string) => message(v, lang, `phrase.${key}`);
  return {
    delivery: { software: m("delivery.software"), managed: m("delivery.managed") },
    airGapped: {
      yes: m("support.yes"),
      no: m("support.no"),
      partial: m("support.partial"),
      unknown: m("support.unknown"),
    },
    labels: {
      vendor: m("label.vendor"),
      categories: m("label.categories"),
      delivery: m("label.delivery"),
      airGapped: m("label.airGapped"),
      billing: m("label.billing"),
      compute: m("label.compute"),
      outOfTheBox: m("label.outOfTheBox"),
      multiCluster: m("label.multiCluster"),
      traits: m("label.traits"),
      notes: m("label.notes"),
      yes: m("label.yes"),
      no: m("label.no"),
      none: m("label.none"),
    },
    sectionArticle: m("section.article"),
    sectionLater: m("section.later"),
    pros: m("section.pros"),
    cons: m("section.cons"),
    caveats: m("section.caveats"),
  };
}

const cache = new WeakMap<Vocabulary, Partial<Record<Lang, Phrases>>>();

/**
 * The phrases in one language, from the catalog's message catalog (the shipped one when the
 * catalog has none, or when no catalog is given).
 */
export function phrases(lang: Lang, catalog: { vocabulary?: Vocabulary } = {}): Phrases {
  const v = vocabularyOf(catalog);
  let byLang = cache.get(v);
  if (!byLang) {
    byLang = {};
    cache.set(v, byLang);
  }
  const built = byLang[lang] ?? build(v, lang);
  byLang[lang] = built;
  return built;
}
