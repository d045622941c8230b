import type { Catalog } from "./catalog.js";
import type { AttributeValue, Localized, Source } from "./schema.js";

/**
 * Editorial rules the schema cannot express, checked by `npm run knowledge:check` and the
 * consistency test: every source can be opened by a user, every shown string speaks to users (not
 * to the catalog's editors), and a product's own "yes" rests on more than the 2022 article.
 */
export interface QualityProblem {
  /** Where: "source <id>", "product <id> attributes.air-gapped", "vendor <id> facts[2]"… */
  where: string;
  message: string;
}

/** Words that address the catalog's editors or point at internal files: never shown to users. */
export const EDITOR_PATTERNS: readonly RegExp[] = [
  /\bask which one\b/i,
  /\bwhich one is meant\b/i,
  /\bconfirm (that )?the user\b/i,
  /\bcheck that the user\b/i,
  /\bconfirm which\b/i,
  /请先确认/,
  /\bthe user means\b/i,
  /\bTODO\b/,
  /\bFIXME\b/,
  /\beditors?\b/i,
  /\breference notes\b/i,
  /NOTES\.md/,
  /shared\/reference/,
  /no citable location/i,
  /code search/i,
  /需确认/,
  /需先确认/,
  /请确认用户/,
  /用户指的是/,
  /待补充/,
  /待确认/,
];

/** A source users can open: a URL, or a published document with its title and date. */
export function isPublic(s: Source): boolean {
  if (/no citable location|code search|NOTES\.md|shared\/reference/i.test(`${s.title} ${s.locator ?? ""}`))
    return false;
  return s.url !== undefined || s.published !== undefined;
}

const texts = (l: Localized | undefined): string[] => (l ? [l.en, l.zh] : []);

/** Every user-facing string of the catalog, with where it is. */
export function userFacingStrings(catalog: Catalog): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const add = (where: string, l: Localized | undefined) => {
    for (const text of texts(l)) out.push({ where, text });
  };
  for (const v of catalog.vendors.values()) {
    add(`vendor ${v.id} name`, v.name);
    v.facts.forEach((f, i) => add(`vendor ${v.id} facts[${i}]`, f.text));
    v.links.forEach((l, i) => add(`vendor ${v.id} links[${i}]`, l.label));
    if (v.origin) {
      add(`vendor ${v.id} origin.headquarters`, v.origin.headquarters);
      add(`vendor ${v.id} origin.note`, v.origin.note);
    }
  }
  for (const p of catalog.products.values()) {
    add(`product ${p.id} name`, p.name);
    add(`product ${p.id} summary`, p.summary);
    p.facts.forEach((f, i) => add(`product ${p.id} facts[${i}]`, f.text));
    p.traits.forEach((t, i) => add(`product ${p.id} traits[${i}]`, t.note));
    p.relations.forEach((r, i) => add(`product ${p.id} relations[${i}]`, r.note));
    p.links.forEach((l, i) => add(`product ${p.id} links[${i}]`, l.label));
    if (p.airGapped) add(`product ${p.id} airGapped`, p.airGapped.note);
    for (const [id, v] of Object.entries(p.attributes))
      for (const x of Array.isArray(v) ? v : [v]) add(`product ${p.id} attributes.${id}`, x.note);
  }
  for (const c of catalog.categories.values()) {
    add(`category ${c.id} name`, c.name);
    add(`category ${c.id} definition`, c.definition);
    add(`category ${c.id} billingNote`, c.billingNote);
    add(`category ${c.id} airGapped`, c.airGapped.reason);
    for (const list of [c.pros, c.cons, c.caveats]) for (const x of list) add(`category ${c.id}`, x);
    for (const [id, v] of Object.entries(c.attributes)) add(`category ${c.id} attributes.${id}`, v.note);
  }
  for (const t of catalog.topics.values()) {
    add(`topic ${t.id} title`, t.title);
    add(`topic ${t.id} summary`, t.summary);
    t.facts.forEach((f, i) => add(`topic ${t.id} facts[${i}]`, f.text));
    for (const pt of t.points) {
      add(`topic ${t.id} point`, pt.title);
      for (const d of pt.details) add(`topic ${t.id} point`, d);
    }
  }
  for (const s of catalog.sources.values()) out.push({ where: `source ${s.id} title`, text: s.title });
  return out;
}

export function qualityProblems(catalog: Catalog): QualityProblem[] {
  const problems: QualityProblem[] = [];
  for (const s of catalog.sources.values())
    if (!isPublic(s))
      problems.push({
        where: `source ${s.id}`,
        message: "has no public location: give it a url, or the published date of a document users can find",
      });
  for (const { where, text } of userFacingStrings(catalog)) {
    const hit = EDITOR_PATTERNS.find((re) => re.test(text));
    if (hit)
      problems.push({ where, message: `addresses editors, not users (${hit}): "${text.slice(0, 80)}"` });
  }
  for (const v of catalog.vendors.values())
    for (const id of v.origin?.sources ?? [])
      if (!catalog.sources.has(id))
        problems.push({ where: `vendor ${v.id} origin`, message: `unknown source '${id}'` });
  for (const p of catalog.products.values())
    if (p.airGapped)
      problems.push({
        where: `product ${p.id} airGapped`,
        message:
          "the old airGapped field is no longer read: write attributes.air-gapped with a level instead",
      });
  for (const p of catalog.products.values())
    for (const [attr, value] of Object.entries(p.attributes))
      for (const x of Array.isArray(value) ? value : [value])
        problems.push(...valueProblems(`product ${p.id} attributes.${attr}`, x, catalog));
  return problems;
}

function valueProblems(where: string, v: AttributeValue, catalog: Catalog): QualityProblem[] {
  const out: QualityProblem[] = [];
  for (const id of v.sources)
    if (!catalog.sources.has(id)) out.push({ where, message: `unknown source '${id}'` });
  if ((v.level === "yes" || v.level === "partial") && v.sources.every((s) => s === "article"))
    out.push({
      where,
      message: `'${v.level}' rests on the 2022 article alone: cite a vendor or later document, or make it 'unconfirmed'`,
    });
  if (v.level === "unconfirmed" && !v.asOf)
    out.push({ where, message: "an unconfirmed value needs asOf: when the search for a document was made" });
  return out;
}
