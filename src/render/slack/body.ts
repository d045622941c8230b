import type { Answer, FollowUp, Request, SourceView } from "../../core/answer.js";
import { t } from "../strings.js";
import { actionRows, context, mrkdwn, sections, stateButton } from "./elements.js";
import { comparisonBlocks, itemBlocks } from "./items.js";
import { LIMITS } from "./limits.js";
import { escapeMrkdwn, mrkdwnLink, truncateMrkdwn } from "./mrkdwn.js";
import type { KnownBlock, SectionBlock } from "./types.js";

/** A group of blocks that belongs together on one page; `item` (the product's name) marks a product. */
export interface Unit {
  blocks: KnownBlock[];
  item?: string;
}

const unit = (blocks: KnownBlock[], item?: string): Unit =>
  item === undefined ? { blocks } : { blocks, item };

/** The answer's content in reading order, to be cut into pages. */
export function bodyUnits(answer: Answer): Unit[] {
  const units: Unit[] = [];
  if (answer.summary.trim()) units.push(unit(sections(escapeMrkdwn(answer.summary))));
  units.push(...intentUnits(answer));
  for (const s of answer.sections) {
    if (s.bullets.length === 0) continue;
    const text = `*${escapeMrkdwn(s.title)}*\n${s.bullets.map((b) => `• ${escapeMrkdwn(b)}`).join("\n")}`;
    units.push(unit(sections(text)));
  }
  if (answer.intent !== "compare") {
    const full = answer.items.length === 1;
    answer.items.forEach((item, i) => {
      units.push(unit(itemBlocks(answer, item, i, full), item.name));
    });
  }
  const sources = sourceBlocks(answer);
  if (sources.length > 0) units.push(unit(sources));
  const followUps = followUpBlocks(answer);
  if (followUps.length > 0) units.push(unit(followUps));
  return units;
}

function intentUnits(answer: Answer): Unit[] {
  const { lang } = answer;
  switch (answer.intent) {
    case "compare":
      return comparisonBlocks(answer).map((b) => unit(b));
    case "categories":
      return answer.categories.map((c, i) =>
        unit([
          withButton(
            `*${escapeMrkdwn(c.name)}* (${c.productCount} ${escapeMrkdwn(t(lang, "slackProducts"))})\n${escapeMrkdwn(c.summary)}`,
            stateButton("category", i, t(lang, "details"), { request: { type: "category", id: c.id, lang } }),
          ),
        ]),
      );
    case "other-players":
      return answer.vendors.map((v, i) =>
        unit([
          withButton(
            `*${escapeMrkdwn(v.name)}*\n${escapeMrkdwn(v.note)}`,
            stateButton("vendor", i, t(lang, "details"), { request: { type: "vendor", id: v.id, lang } }),
          ),
        ]),
      );
    case "help":
      return answer.examples.length === 0
        ? []
        : [
            unit([
              ...sections(`*${escapeMrkdwn(t(lang, "tryAsking"))}*`),
              ...actionRows(
                answer.examples.map((q, i) => stateButton("example", i, q, { request: { type: "ask", q } })),
              ),
            ]),
          ];
    case "clarify":
      return answer.options.length === 0
        ? []
        : [unit([...followUpRows(answer.options, 100)])];
    case "not-found":
      return answer.suggestions.length === 0
        ? []
        : [
            unit([
              ...sections(`*${escapeMrkdwn(t(lang, "slackDidYouMean"))}*`),
              ...followUpRows(answer.suggestions, 100),
            ]),
          ];
    default:
      return [];
  }
}

function withButton(escaped: string, button: ReturnType<typeof stateButton>): SectionBlock {
  const block: SectionBlock = { type: "section", text: mrkdwn(escaped, LIMITS.sectionText) };
  if (button) block.accessory = button;
  return block;
}

function followUpRows(followUps: FollowUp[], indexBase: number): KnownBlock[] {
  return actionRows(
    followUps.map((f, i) => stateButton("followUp", indexBase + i, f.label, { request: f.request })),
  );
}

function followUpBlocks(answer: Answer): KnownBlock[] {
  const { lang, items } = answer;
  const buttons = followUpRows(answer.followUps, 0);
  const ids = items.map((i) => i.id);
  const offersCompare =
    answer.intent !== "compare" &&
    ids.length >= 2 &&
    ids.length <= 4 &&
    !answer.followUps.some((f) => f.request.type === "compare" && sameIds(f.request, ids));
  if (!offersCompare) return buttons;
  const compareAll = stateButton("compareAll", undefined, t(lang, "slackCompareThese"), {
    request: { type: "compare", ids, lang },
  });
  return [...actionRows([compareAll]), ...buttons];
}

const sameIds = (r: Request & { type: "compare" }, ids: string[]): boolean =>
  r.ids.length === ids.length && r.ids.every((id) => ids.includes(id));

/** "Sources: <url|title> (as of) · …", packed into as few context elements and blocks as the limits allow. */
export function sourceBlocks(answer: Answer): KnownBlock[] {
  if (answer.sources.length === 0) return [];
  const label = `*${escapeMrkdwn(t(answer.lang, "sources"))}:*`;
  const texts: string[] = [];
  let current = label;
  for (const s of answer.sources) {
    const entry = sourceText(s);
    if (current.length + 3 + entry.length > LIMITS.contextText) {
      texts.push(current);
      current = entry;
    } else {
      current = current === label ? `${current} ${entry}` : `${current} · ${entry}`;
    }
  }
  texts.push(current);
  const blocks: KnownBlock[] = [];
  // Three full elements per block (of the ten allowed) keep a long source list pageable.
  const perBlock = Math.min(3, LIMITS.contextElements);
  for (let i = 0; i < texts.length; i += perBlock) blocks.push(context(texts.slice(i, i + perBlock)));
  return blocks;
}

function sourceText(s: SourceView): string {
  const where = !s.url && s.locator ? `, ${escapeMrkdwn(s.locator)}` : "";
  return truncateMrkdwn(`${mrkdwnLink(s.url, s.title)} (${escapeMrkdwn(s.asOf)}${where})`, 1500);
}
