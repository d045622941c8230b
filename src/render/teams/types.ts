/**
 * The subset of Adaptive Card 1.5 JSON this renderer emits. Plain data: no SDK types, so the
 * renderer stays testable and movable to another Teams SDK.
 */

export type Spacing = "None" | "Small" | "Default" | "Medium" | "Large" | "ExtraLarge";

export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap?: boolean;
  size?: "Small" | "Default" | "Medium" | "Large" | "ExtraLarge";
  weight?: "Lighter" | "Default" | "Bolder";
  isSubtle?: boolean;
  style?: "default" | "heading";
  spacing?: Spacing;
  separator?: boolean;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet {
  type: "FactSet";
  facts: Fact[];
  spacing?: Spacing;
}

export interface Column {
  type: "Column";
  width?: "auto" | "stretch" | number;
  /** Optional in the schema; the library drops an empty list, so we omit it instead. */
  items?: CardElement[];
}

export interface ColumnSet {
  type: "ColumnSet";
  columns: Column[];
  spacing?: Spacing;
  separator?: boolean;
}

export interface Container {
  type: "Container";
  items: CardElement[];
  spacing?: Spacing;
  separator?: boolean;
  style?: "default" | "emphasis";
}

export interface ActionSet {
  type: "ActionSet";
  actions: CardAction[];
  spacing?: Spacing;
}

export interface ChoiceSetInput {
  type: "Input.ChoiceSet";
  id: string;
  label?: string;
  isMultiSelect?: boolean;
  style?: "compact" | "expanded";
  placeholder?: string;
  choices: { title: string; value: string }[];
}

export type CardElement = TextBlock | FactSet | ColumnSet | Container | ActionSet | ChoiceSetInput;

export interface SubmitAction {
  type: "Action.Submit";
  title: string;
  data: Record<string, unknown>;
}

export interface OpenUrlAction {
  type: "Action.OpenUrl";
  title: string;
  url: string;
}

export type CardAction = SubmitAction | OpenUrlAction;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  lang?: string;
  fallbackText?: string;
  body: CardElement[];
  actions?: CardAction[];
  /** Teams-only: lets wide comparisons use the whole conversation width. */
  msteams?: { width: "Full" };
}

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
export const HERO_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.hero";

export interface AdaptiveCardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}

export interface HeroCard {
  title: string;
  subtitle?: string;
  text?: string;
}

export interface HeroCardAttachment {
  contentType: typeof HERO_CARD_CONTENT_TYPE;
  content: HeroCard;
}
