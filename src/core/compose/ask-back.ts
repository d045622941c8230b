import type { Answer, FollowUp } from "../answer.js";
import { vocabularyOf } from "../vocabulary/load.js";
import { message } from "../vocabulary/vocabulary.js";
import { type Ctx, finish } from "./context.js";

/** A name the catalog does not cover, said plainly, with the nearest things the catalog has. */
export function notCoveredAnswer(ctx: Ctx, names: string[], closest: FollowUp[]): Answer {
  const v = vocabularyOf(ctx.catalog);
  ctx.cite.cite(["article"]);
  return finish(
    {
      intent: "not-found",
      suggestions: closest,
      unknownNames: names,
      title: message(v, ctx.lang, "notCovered.title"),
      summary: message(v, ctx.lang, "notCovered.lead", {
        names: names.join(ctx.lang === "zh" ? "、" : ", "),
        verb: message(v, ctx.lang, names.length > 1 ? "notCovered.verb.many" : "notCovered.verb.one"),
      }),
      items: [],
      sections: [],
      followUps: closest.slice(0, 3),
    },
    ctx,
  );
}

/** Too little to go on: ask what matters, with a few one-click answers, never a whole-catalog list. */
export function clarifyAnswer(ctx: Ctx): Answer {
  const v = vocabularyOf(ctx.catalog);
  const ask = (key: string) => {
    const q = message(v, ctx.lang, key);
    return { label: q, request: { type: "ask" as const, q } };
  };
  const options: FollowUp[] = [
    ask("clarify.airGapped"),
    ask("clarify.managed"),
    ask("clarify.openSource"),
    { label: message(v, ctx.lang, "clarify.kinds"), request: { type: "categories", lang: ctx.lang } },
  ];
  return finish(
    {
      intent: "clarify",
      options,
      title: message(v, ctx.lang, "clarify.title"),
      summary: message(v, ctx.lang, "clarify.summary"),
      items: [],
      sections: [],
      followUps: options.slice(0, 3),
    },
    ctx,
  );
}
