import { LIMITS } from "../../src/render/slack/limits.js";

/** Block Kit as plain JSON, the way a test walks it (and the way Slack receives it). */
type Json = Record<string, unknown>;

export interface Interactive {
  action_id: string;
  block_id?: string;
  type: string;
  value?: string;
  url?: string;
  /** A button's label. */
  text?: string;
  options?: { text: string; value: string }[];
}

const asObjects = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const textOf = (o: unknown): Json | undefined => (o && typeof o === "object" ? (o as Json) : undefined);

/** Every element that sends a block_actions payload when used: buttons, menus, URL buttons. */
export function interactiveElements(blocks: unknown[]): Interactive[] {
  const out: Interactive[] = [];
  for (const block of asObjects(blocks)) {
    const elements = [...asObjects(block.elements), ...(block.accessory ? [block.accessory as Json] : [])];
    for (const e of elements) {
      if (typeof e.action_id !== "string") continue;
      const item: Interactive = { action_id: e.action_id, type: String(e.type) };
      if (typeof block.block_id === "string") item.block_id = block.block_id;
      if (typeof e.value === "string") item.value = e.value;
      if (typeof e.url === "string") item.url = e.url;
      if (e.type === "button" && typeof textOf(e.text)?.text === "string")
        item.text = String(textOf(e.text)?.text);
      if (Array.isArray(e.options)) {
        item.options = asObjects(e.options).map((o) => ({
          text: String(textOf(o.text)?.text),
          value: String(o.value),
        }));
      }
      out.push(item);
    }
  }
  return out;
}

/** Every mrkdwn string in the blocks: section text, fields, context elements. */
export function mrkdwnTexts(blocks: unknown[]): string[] {
  const texts: string[] = [];
  const visit = (t: unknown) => {
    const o = textOf(t);
    if (o?.type === "mrkdwn" && typeof o.text === "string") texts.push(o.text);
  };
  for (const block of asObjects(blocks)) {
    visit(block.text);
    for (const f of asObjects(block.fields)) visit(f);
    if (block.type === "context") for (const e of asObjects(block.elements)) visit(e);
  }
  return texts;
}

/** Every limit in LIMITS, checked on a message or view; returns what is wrong (empty when all is well). */
export function limitViolations(blocks: unknown[], maxBlocks: number = LIMITS.messageBlocks): string[] {
  const bad: string[] = [];
  const list = asObjects(blocks);
  const check = (ok: boolean, what: string) => {
    if (!ok) bad.push(what);
  };
  const textLimit = (t: unknown, max: number, where: string) => {
    const o = textOf(t);
    const s = typeof o?.text === "string" ? o.text : "";
    check(s.trim().length >= 1 && s.length <= max, `${where}: text length ${s.length} not in 1..${max}`);
  };
  check(list.length <= maxBlocks, `${list.length} blocks > ${maxBlocks}`);
  const blockIds = new Set<string>();
  list.forEach((block, i) => {
    const at = `block ${i} (${String(block.type)})`;
    if (typeof block.block_id === "string") {
      check(block.block_id.length <= LIMITS.blockId, `${at}: block_id too long`);
      check(!blockIds.has(block.block_id), `${at}: duplicate block_id`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case "header":
        textLimit(block.text, LIMITS.headerText, at);
        check(textOf(block.text)?.type === "plain_text", `${at}: header must be plain_text`);
        break;
      case "section": {
        const fields = asObjects(block.fields);
        check(block.text !== undefined || fields.length > 0, `${at}: section without text or fields`);
        if (block.text !== undefined) textLimit(block.text, LIMITS.sectionText, at);
        check(fields.length <= LIMITS.sectionFields, `${at}: ${fields.length} fields`);
        fields.forEach((f, j) => textLimit(f, LIMITS.fieldText, `${at} field ${j}`));
        break;
      }
      case "context": {
        const elements = asObjects(block.elements);
        check(
          elements.length >= 1 && elements.length <= LIMITS.contextElements,
          `${at}: ${elements.length} elements`,
        );
        elements.forEach((e, j) => textLimit(e, LIMITS.contextText, `${at} element ${j}`));
        break;
      }
      case "actions": {
        const elements = asObjects(block.elements);
        check(
          elements.length >= 1 && elements.length <= LIMITS.actionsElements,
          `${at}: ${elements.length} elements`,
        );
        break;
      }
      case "divider":
        break;
      default:
        bad.push(`${at}: unexpected block type`);
    }
    const elements = [...asObjects(block.elements), ...(block.accessory ? [block.accessory as Json] : [])];
    const actionIds = new Set<string>();
    for (const e of elements) {
      if (typeof e.action_id !== "string") continue;
      check(e.action_id.length <= LIMITS.actionId, `${at}: action_id too long`);
      check(!actionIds.has(e.action_id), `${at}: duplicate action_id ${e.action_id}`);
      actionIds.add(e.action_id);
      if (e.type === "button") {
        textLimit(e.text, LIMITS.buttonText, `${at} button`);
        check(textOf(e.text)?.type === "plain_text", `${at}: button text must be plain_text`);
        if (typeof e.value === "string") check(e.value.length <= LIMITS.actionValue, `${at}: value too long`);
        if (typeof e.url === "string") check(e.url.length <= LIMITS.url, `${at}: url too long`);
        check(typeof e.value === "string" || typeof e.url === "string", `${at}: button without value or url`);
      }
      if (e.type === "static_select") {
        const options = asObjects(e.options);
        check(
          options.length >= 1 && options.length <= LIMITS.selectOptions,
          `${at}: ${options.length} options`,
        );
        textLimit(e.placeholder, LIMITS.placeholderText, `${at} placeholder`);
        for (const o of options) {
          textLimit(o.text, LIMITS.optionText, `${at} option`);
          check(
            typeof o.value === "string" && o.value.length <= LIMITS.optionValue,
            `${at}: option value too long`,
          );
        }
      }
    }
  });
  return bad;
}

/** A hostile string survives only as escaped text: no `<!…>`, `<@…>`, `<#…>` or foreign link may appear. */
export function unescapedTokens(texts: string[], allowed: RegExp[] = []): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const token of text.match(/<[^>]*>/g) ?? []) {
      if (!allowed.some((a) => a.test(token))) found.push(token);
    }
    // A bare '&' that does not start one of the three entities Slack decodes would show up mangled.
    for (const amp of text.match(/&(?!amp;|lt;|gt;)/g) ?? []) found.push(amp);
  }
  return found;
}
