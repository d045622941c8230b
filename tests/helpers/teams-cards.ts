import { createRequire } from "node:module";
import type { AdaptiveCard, CardAction, CardElement } from "../../src/render/teams/types.js";

/** The slice of the adaptivecards UMD build the tests use (its ESM entry does not load on Node 20). */
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { event: number; message: string }[] };
    toJSON(context?: unknown): unknown;
  };
  SerializationContext: new (
    version: unknown,
  ) => { eventCount: number; getEventAt(i: number): { event: number; message: string } };
  Versions: { v1_5: unknown };
}

const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as AdaptiveCardsModule;

/**
 * Parses a card the way the official library does for schema 1.5 and lists every parse and
 * validation event (unknown types, bad values, too many actions, duplicate ids...). Empty = valid.
 */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}

/** The card as the library re-serialises it: properties it does not know are dropped. */
export function roundTrip(json: unknown): unknown {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  return card.toJSON(new AC.SerializationContext(AC.Versions.v1_5));
}

export function elementsOf(card: AdaptiveCard): CardElement[] {
  const out: CardElement[] = [];
  const walk = (els: readonly CardElement[]) => {
    for (const el of els) {
      out.push(el);
      if (el.type === "Container") walk(el.items);
      if (el.type === "ColumnSet") for (const c of el.columns) walk(c.items ?? []);
    }
  };
  walk(card.body);
  return out;
}

export function actionsOf(card: AdaptiveCard): CardAction[] {
  return [
    ...elementsOf(card).flatMap((el) => (el.type === "ActionSet" ? el.actions : [])),
    ...(card.actions ?? []),
  ];
}

/** Every string Teams runs through its Markdown reader: TextBlock texts and FactSet titles/values. */
export function markdownOf(card: AdaptiveCard): string[] {
  return elementsOf(card).flatMap((el) => {
    if (el.type === "TextBlock") return [el.text];
    if (el.type === "FactSet") return el.facts.flatMap((f) => [f.title, f.value]);
    return [];
  });
}
