import { expect } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import { pageCount, renderAdaptiveCard } from "../../src/render/teams/card.js";
import { TEAMS_LIMITS } from "../../src/render/teams/limits.js";
import type { AdaptiveCard } from "../../src/render/teams/types.js";
import { adaptiveCardProblems, roundTrip } from "./teams-cards.js";

export interface RenderedPage {
  page: number;
  interactive: boolean;
  card: AdaptiveCard;
  /** UTF-8 bytes of the card JSON. */
  bytes: number;
  utf16: number;
}

/** Every page of an answer, with and without buttons back to the bot. */
export function renderEveryPage(answer: Answer): RenderedPage[] {
  return [true, false].flatMap((interactive) => {
    const n = pageCount(answer, { interactive });
    return Array.from({ length: n }, (_, i) => {
      const card = renderAdaptiveCard(answer, { page: i + 1, interactive });
      const json = JSON.stringify(card);
      return {
        page: i + 1,
        interactive,
        card,
        bytes: Buffer.byteLength(json, "utf8"),
        utf16: Buffer.byteLength(json, "utf16le"),
      };
    });
  });
}

/**
 * The official library parses the card at 1.5 without any event, keeps every property we wrote
 * (an unknown or misspelt one would be dropped on re-serialisation), and the card fits Teams.
 */
export function expectValidTeamsCard(card: AdaptiveCard, label: string): void {
  expect(adaptiveCardProblems(card), label).toEqual([]);
  const { msteams: _teamsOnly, ...portable } = card;
  expect(roundTrip(card), label).toEqual(portable);
  const json = JSON.stringify(card);
  expect(Buffer.byteLength(json, "utf8"), `${label} (UTF-8 bytes)`).toBeLessThanOrEqual(
    TEAMS_LIMITS.cardMaxBytes,
  );
  expect(Buffer.byteLength(json, "utf16le"), `${label} (UTF-16 bytes)`).toBeLessThanOrEqual(
    TEAMS_LIMITS.cardMaxUtf16Bytes,
  );
}
