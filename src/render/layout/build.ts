import type { Answer, EvidenceLevel, FollowUp, Lang, ProductView, Request } from "../../core/answer.js";
import { type StringKey, t } from "../strings.js";
import { LAYOUT_LIMITS as L } from "./limits.js";
import type { Action, Element, Layout, Line } from "./model.js";
import { numberSources } from "./sources.js";
import { clip, clipCited, fill, firstSentence, weight } from "./text.js";

/**
 * The answer's layout: the one place that knows how each intent reads. Everything after this
 * (Slack, Teams, text) converts elements without looking at the intent.
 */
export function buildLayout(answer: Answer): Layout {
  const { lang } = answer;
  const lead = clipCited(answer.summary.trim(), L.leadChars);
  const notices = (answer.notices ?? []).map((n) => clip(n, L.noticeChars)).filter(Boolean);
  const head = weight(lead) + notices.reduce((s, n) => s + weight(n), 0);
  const body = intentBody(answer);
  const pages = paginate(body, head);
  const picker = pickerOf(answer, body);
  // A follow-up the body already offers as a button (an option, an example) is not offered twice.
  const offered = new Set(
    body.flatMap((e) =>
      e.kind === "actions"
        ? e.actions.flatMap((a) => (a.kind === "request" ? [JSON.stringify(a.request)] : []))
        : [],
    ),
  );
  const followUps = answer.followUps
    .filter((f) => !offered.has(JSON.stringify(f.request)))
    .map((f) => followUp(f));
  return numberSources(
    {
      lang,
      request: answer.request,
      title: answer.title.trim() || t(lang, "helpTitle"),
      lead,
      notices,
      pages: pages.map((elements) => ({ elements: picker ? [...elements, picker] : elements, cites: [] })),
      sources: [],
      followUps,
      feedback: { intent: answer.intent, items: answer.items.map((i) => i.id) },
    },
    answer.sources,
    L.sourcesShown,
  );
}

const followUp = (f: FollowUp, role: "followUp" | "example" = "followUp"): Action => ({
  kind: "request",
  role,
  label: f.label,
  request: f.request,
});

/** The only per-intent switch: what the body of each kind of answer holds, in reading order. */
function intentBody(answer: Answer): Element[] {
  const { lang } = answer;
  const sections = sectionElements(answer);
  switch (answer.intent) {
    case "product":
      if (!answer.ambiguous && answer.items.length === 1)
        return productDetail(answer, answer.items[0] as ProductView, sections);
      return [...itemGroups(answer), ...sections];
    case "compare":
      return [...comparison(answer), ...sections];
    case "categories":
      return [
        {
          kind: "group",
          lines: answer.categories.map((c) => ({
            label: clip(c.name, L.titleChars),
            meta: fill(t(lang, "teamsProductCount"), { n: c.productCount }),
            text: clip(c.summary, L.lineChars),
            open: { type: "category", id: c.id, lang },
          })),
        },
        ...sections,
      ];
    case "other-players":
      return [
        {
          kind: "group",
          lines: answer.vendors.map((v) => ({
            label: clip(v.name, L.titleChars),
            ...(v.note ? { text: clipCited(v.note, L.lineChars * 2) } : {}),
            open: { type: "vendor", id: v.id, lang },
          })),
        },
        ...sections,
      ];
    case "help":
      return [
        ...sections,
        ...(answer.examples.length
          ? [
              {
                kind: "actions" as const,
                title: t(lang, "tryAsking"),
                actions: answer.examples.map((q) =>
                  followUp({ label: q, request: { type: "ask", q } }, "example"),
                ),
              },
            ]
          : []),
      ];
    case "clarify":
      return [{ kind: "actions", actions: answer.options.map((o) => followUp(o)) }, ...sections];
    case "not-found":
      return [
        ...(answer.suggestions.length
          ? [
              {
                kind: "actions" as const,
                title: t(lang, "slackDidYouMean"),
                actions: answer.suggestions.map((s) => followUp(s)),
              },
            ]
          : []),
        ...sections,
      ];
    case "vendor":
    case "filter":
    case "category":
    case "topic":
    case "distributions":
    case "about":
      return [...itemGroups(answer), ...sections];
  }
}

function sectionElements(answer: Answer): Element[] {
  return answer.sections
    .filter((s) => s.bullets.length > 0 || s.title.trim())
    .map((s) => ({
      kind: "bullets" as const,
      title: clip(s.title, L.titleChars),
      bullets: s.bullets.map((b) => clipCited(b, L.bulletChars)),
    }));
}

/** "[1][3]" in the answer's own numbering (its sources' order), for facts that carry source ids. */
function markers(answer: Answer, ids: readonly string[]): string {
  const ns = [...new Set(ids.map((id) => answer.sources.findIndex((s) => s.id === id) + 1))].filter(
    (n) => n > 0,
  );
  return ns.length ? ` ${ns.map((n) => `[${n}]`).join("")}` : "";
}

/** One product in full: its facts, its notes, what the answer says about it, its buttons. */
function productDetail(answer: Answer, item: ProductView, sections: Element[]): Element[] {
  const { lang } = answer;
  const join = lang === "zh" ? "、" : ", ";
  const body: Element[] = [
    {
      kind: "facts",
      rows: [
        { label: t(lang, "vendor"), value: item.vendor },
        { label: t(lang, "category"), value: item.categories.map((c) => c.name).join(join) || "—" },
        { label: t(lang, "delivery"), value: item.deliveryLabel },
        { label: t(lang, "airGapped"), value: clip(item.airGappedLabel, L.factChars) },
      ],
    },
  ];
  if (item.summary && !answer.summary.includes(item.summary))
    body.push({ kind: "paragraph", text: clip(item.summary, L.leadChars) });
  // Its buttons stay with its facts on the first page; the notes and sections may page on.
  const actions: Action[] = [
    {
      kind: "request",
      role: "compareWith",
      label: t(lang, "compareWith"),
      request: { type: "product", id: item.id, lang },
    },
  ];
  if (item.url) actions.push({ kind: "url", label: t(lang, "officialSite"), url: item.url });
  body.push({ kind: "actions", actions });
  if (item.notes.length > 0)
    body.push({
      kind: "bullets",
      title: t(lang, "slackNotes"),
      bullets: item.notes.map((n) => clipCited(`${n.text}${markers(answer, n.sources)}`, L.bulletChars)),
    });
  body.push(...sections);
  return body;
}

const LEVELS: readonly EvidenceLevel[] = ["yes", "partial", "unconfirmed", "no"];
const LEVEL_KEYS: Record<EvidenceLevel, StringKey> = {
  yes: "matchYes",
  partial: "matchPartial",
  unconfirmed: "matchUnconfirmed",
  no: "matchNo",
};

/** The products as one-line overviews, grouped by how well they match, else by category. */
function itemGroups(answer: Answer): Element[] {
  const { lang, items } = answer;
  if (items.length === 0) return [];
  const line = (item: ProductView): Line => ({
    label: clip(item.name, L.titleChars),
    meta: clip(item.vendor, L.metaChars),
    text: reasonOf(answer, item),
    open: { type: "product", id: item.id, lang },
  });
  const groups: Element[] = [];
  if (items.some((i) => i.match)) {
    for (const level of LEVELS) {
      const of = items.filter((i) => (i.match?.level ?? "unconfirmed") === level);
      if (of.length)
        groups.push({
          kind: "group",
          title: `${t(lang, LEVEL_KEYS[level])} (${of.length})`,
          lines: of.map(line),
        });
    }
  } else {
    const byCategory = new Map<string, ProductView[]>();
    for (const item of items) {
      const key = item.categories[0]?.name ?? "";
      byCategory.set(key, [...(byCategory.get(key) ?? []), item]);
    }
    const grouped = byCategory.size > 1 && items.length > 3 && answer.intent !== "category";
    if (grouped)
      for (const [name, of] of byCategory)
        groups.push({
          kind: "group",
          ...(name ? { title: `${name} (${of.length})` } : {}),
          lines: of.map(line),
        });
    else groups.push({ kind: "group", lines: items.map(line) });
  }
  const more = (answer.totalItems ?? items.length) - items.length;
  if (more > 0) groups.push({ kind: "paragraph", text: fill(t(lang, "nMoreItems"), { n: more }) });
  return groups;
}

/**
 * Why a product is in the list: the composer's reason, citing the sources of its match level, when
 * it gives one; else what the product is.
 */
function reasonOf(answer: Answer, item: ProductView): string {
  if (!item.match?.reason) return clip(firstSentence(item.summary), L.lineChars);
  return clipCited(`${item.match.reason}${markers(answer, item.match.sources)}`, L.lineChars);
}

/** A comparison: the rows that differ side by side, the rows every product shares as one list. */
function comparison(answer: Answer & { intent: "compare" }): Element[] {
  const { lang, items } = answer;
  const columns = items.map((i) => clip(i.name, L.titleChars));
  const rows = answer.comparison.rows.map((r) => ({
    label: clip(r.label, L.titleChars),
    values: columns.map((_, i) => clipCited(r.values[i]?.trim() || "—", L.cellChars)),
  }));
  const same = rows.filter((r) => r.values.length > 1 && r.values.every((v) => v === r.values[0]));
  const differ = rows.filter((r) => !same.includes(r));
  const out: Element[] = [];
  if (differ.length) out.push({ kind: "table", columns, rows: differ });
  if (same.length)
    out.push({
      kind: "facts",
      title: t(lang, "sameForAll"),
      rows: same.map((r) => ({ label: r.label, value: r.values[0] as string })),
    });
  return out;
}

/**
 * Details one click away: every line of the answer that opens something (all pages, so any
 * product's details are one click from the first page) becomes a picker, buttons when few, a menu
 * when many; a list of products can also be compared.
 */
function pickerOf(answer: Answer, body: Element[]): Element | undefined {
  const lines = body.flatMap((e) =>
    e.kind === "group" ? e.lines.flatMap((l) => (l.open ? [{ label: l.label, request: l.open }] : [])) : [],
  );
  const choices =
    lines.length > 0 || answer.intent !== "compare"
      ? lines
      : answer.items.map((i) => ({
          label: clip(i.name, L.titleChars),
          request: productRequest(i.id, answer.lang),
        }));
  if (choices.length === 0) return undefined;
  const compare =
    answer.intent !== "compare" && choices.filter((c) => c.request.type === "product").length >= 2;
  return { kind: "picker", choices, compare };
}

const productRequest = (id: string, lang: Lang): Request => ({ type: "product", id, lang });

/** The parts a long element can be split into between pages: lines, bullets, rows. */
type Entry = Line | string | { label: string; values: string[] };

function entriesOf(e: Element): Entry[] | undefined {
  switch (e.kind) {
    case "group":
      return e.lines;
    case "bullets":
      return e.bullets;
    case "table":
      return e.rows;
    default:
      // Facts stay whole: a product's facts belong together on its first page.
      return undefined;
  }
}

function withEntries(e: Element, entries: Entry[]): Element {
  switch (e.kind) {
    case "group":
      return { ...e, lines: entries as Line[] };
    case "bullets":
      return { ...e, bullets: entries as string[] };
    case "table":
      return { ...e, rows: entries as { label: string; values: string[] }[] };
    default:
      return e;
  }
}

function entryWeight(entry: Entry): number {
  if (typeof entry === "string") return weight(entry) + 4;
  if ("values" in entry) return entry.values.reduce((s, v) => s + weight(v) + 4, weight(entry.label));
  return lineWeight(entry);
}

/** Lines of a list and rows of a table a page may hold, whatever their length. */
const entryCap = (e: Element): number =>
  e.kind === "group" ? L.linesPerPage : e.kind === "table" ? L.rowsPerPage : Number.POSITIVE_INFINITY;

/**
 * Cuts the body into pages of about `L.pageWeight` (characters, CJK counted double), splitting
 * long lists, bullet sections and tables between their lines or rows, so the first page is short
 * and nothing is lost. A continued element keeps its title (and a table its columns).
 */
export function paginate(elements: Element[], headWeight: number): Element[][] {
  const pages: Element[][] = [[]];
  let used = headWeight;
  // Lines (or rows) already on the page: the cap is per page, across the groups on it.
  let counted = 0;
  const current = () => pages[pages.length - 1] as Element[];
  const newPage = () => {
    pages.push([]);
    used = 0;
    counted = 0;
  };
  for (const element of elements) {
    const entries = entriesOf(element);
    if (!entries) {
      const w = elementWeight(element);
      // Buttons stay with what they act on.
      if (used + w > L.pageWeight && current().length > 0 && element.kind !== "actions") newPage();
      current().push(element);
      used += w;
      continue;
    }
    const headOf = withEntries(element, []);
    const titleWeight = elementWeight(headOf) + 10;
    if (used + titleWeight > L.pageWeight && current().length > 0) newPage();
    used += titleWeight;
    let chunk: Entry[] = [];
    for (const entry of entries) {
      const w = entryWeight(entry);
      const full = used + w > L.pageWeight || counted >= entryCap(element);
      if (full && (chunk.length > 0 || current().length > 0)) {
        if (chunk.length > 0) current().push(withEntries(element, chunk));
        chunk = [];
        newPage();
        used = titleWeight;
      }
      chunk.push(entry);
      used += w;
      if (entryCap(element) !== Number.POSITIVE_INFINITY) counted += 1;
    }
    if (chunk.length > 0 || entries.length === 0) current().push(withEntries(element, chunk));
  }
  return pages;
}

const lineWeight = (l: Line) => weight(l.label) + weight(l.meta ?? "") + weight(l.text ?? "") + 12;

function elementWeight(e: Element): number {
  switch (e.kind) {
    case "paragraph":
      return weight(e.text);
    case "group":
      return e.lines.reduce((s, l) => s + lineWeight(l), weight(e.title ?? ""));
    case "bullets":
      return e.bullets.reduce((s, b) => s + weight(b) + 4, weight(e.title ?? ""));
    case "facts":
      return e.rows.reduce((s, r) => s + weight(r.label) + weight(r.value) + 4, weight(e.title ?? ""));
    case "table":
      return e.rows.reduce(
        (s, r) => s + weight(r.label) + r.values.reduce((x, v) => x + weight(v) + 4, 0),
        e.columns.reduce((s, c) => s + weight(c), 0),
      );
    case "actions":
      return e.actions.length * 10;
    default:
      return 0;
  }
}
