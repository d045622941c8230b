import type { z } from "zod";
import type { Lang } from "../answer.js";
import type { Delivery } from "../catalog/schema.js";
import { fold } from "../normalize.js";
import type {
  Attribute,
  AttributesFile,
  ContextFile,
  CueList,
  FollowUpsFile,
  IntentId,
  IntentsFile,
  NegationFile,
  NotCoveredFile,
  QuestionFile,
  ScopesFile,
  StopwordsFile,
} from "./schema.js";

export type ScopeName = "multi-cloud-management" | "container-platform" | "kubernetes-cluster";

export interface CompiledAttribute extends Attribute {
  folded: string[];
  foldedNot: string[];
}

/** The question vocabulary, folded once like the questions it is matched against. */
export interface Vocabulary {
  intents: Record<IntentId, string[]>;
  scopes: Record<ScopeName, string[]>;
  delivery: Record<Delivery, string[]>;
  privateEdition: string[];
  publicCloud: string[];
  attributes: ReadonlyMap<string, CompiledAttribute>;
  negation: string[];
  negationFalseFriends: string[];
  exclusion: string[];
  exclusionAfter: string[];
  conjunctions: string[];
  fillers: Set<string>;
  clauseBreaks: string;
  contexts: { id: string; implies: string; folded: string[] }[];
  stopwords: Set<string>;
  /** Capitalised words that are not offerings (ARM, CPU, SLA…), folded. */
  notNames: Set<string>;
  notCovered: { id: string; name: string; terms: string[] }[];
  messages: Record<Lang, Record<string, string>>;
  question: {
    yesNoStart: string[];
    yesNoAnywhere: string[];
    both: string[];
    bothJoin: string[];
    maker: string[];
  };
  followUps: {
    refine: string[];
    swap: string[];
    more: string[];
    why: string[];
    details: string[];
    /** Folded position words → 1-based position (-1 = last). */
    ordinals: Map<string, number>;
    /** Folded "the first N" words → N. */
    counts: Map<string, number>;
  };
  /** Every folded cue of every table: a cue is never taken for a misspelt name. */
  cueWords: Set<string>;
  /** Chinese cues, so a window holding one is not read as a misspelt Chinese name. */
  cjkCues: string[];
}

export interface VocabularyParts {
  intents: z.infer<typeof IntentsFile>;
  scopes: z.infer<typeof ScopesFile>;
  negation: z.infer<typeof NegationFile>;
  context: z.infer<typeof ContextFile>;
  stopwords: z.infer<typeof StopwordsFile>;
  notCovered: z.infer<typeof NotCoveredFile>;
  question: z.infer<typeof QuestionFile>;
  followUps: z.infer<typeof FollowUpsFile>;
  attributes: z.infer<typeof AttributesFile>;
  messages: Record<Lang, Record<string, string>>;
}

/** Every language's cues of one entry, folded, longest first. */
const all = (list: CueList): string[] =>
  [...new Set(Object.values(list).flat().map(fold).filter(Boolean))].sort((a, b) => b.length - a.length);

const mapValues = <K extends string>(o: Record<K, CueList>): Record<K, string[]> =>
  Object.fromEntries(Object.entries<CueList>(o).map(([k, v]) => [k, all(v)])) as Record<K, string[]>;

const positions = (byLang: Record<string, Record<string, number>>): Map<string, number> =>
  new Map(Object.values(byLang).flatMap((m) => Object.entries(m).map(([w, n]) => [fold(w), n] as const)));

export function compileVocabulary(parts: VocabularyParts): Vocabulary {
  const attributes = new Map<string, CompiledAttribute>(
    parts.attributes.attributes.map((a) => [
      a.id,
      { ...a, folded: all(a.cues), foldedNot: a.cuesNot ? all(a.cuesNot) : [] },
    ]),
  );
  const intents = mapValues(parts.intents.intents);
  const scopes = mapValues(parts.scopes.scopes);
  const delivery = mapValues(parts.scopes.delivery);
  const privateEdition = all(parts.scopes.privateEdition);
  const contexts = parts.context.contexts.map((c) => ({ id: c.id, implies: c.implies, folded: all(c.cues) }));
  const cueLists = [
    ...Object.values<string[]>(intents),
    ...Object.values<string[]>(scopes),
    ...Object.values<string[]>(delivery),
    privateEdition,
    ...[...attributes.values()].flatMap((a) => [a.folded, a.foldedNot]),
    ...contexts.map((c) => c.folded),
  ];
  const cueWords = new Set<string>();
  for (const list of cueLists) for (const cue of list) for (const w of cue.split(" ")) cueWords.add(w);
  return {
    intents,
    scopes,
    delivery,
    privateEdition,
    publicCloud: all(parts.scopes.publicCloud),
    attributes,
    negation: all(parts.negation.negation),
    negationFalseFriends: all(parts.negation.negationFalseFriends),
    exclusion: all(parts.negation.exclusion),
    exclusionAfter: all(parts.negation.exclusionAfter),
    conjunctions: all(parts.negation.conjunctions),
    fillers: new Set(all(parts.negation.fillers)),
    clauseBreaks: parts.negation.clauseBreaks,
    contexts,
    stopwords: new Set(all(parts.stopwords.stopwords)),
    notNames: new Set(all(parts.stopwords.notNames)),
    notCovered: parts.notCovered.offerings.map((o) => ({
      id: o.id,
      name: o.name,
      terms: [...new Set([o.name, ...o.aliases].map((t) => fold(t)).filter((t) => t.length >= 2))],
    })),
    messages: parts.messages,
    question: {
      yesNoStart: all(parts.question.yesNoStart),
      yesNoAnywhere: all(parts.question.yesNoAnywhere),
      both: all(parts.question.both),
      bothJoin: all(parts.question.bothJoin),
      maker: all(parts.question.maker),
    },
    followUps: {
      refine: all(parts.followUps.refine),
      swap: all(parts.followUps.swap),
      more: all(parts.followUps.more),
      why: all(parts.followUps.why),
      details: all(parts.followUps.details),
      ordinals: positions(parts.followUps.ordinals),
      counts: positions(parts.followUps.counts),
    },
    cueWords,
    cjkCues: cueLists.flat().filter((c) => /[\u3400-\u9FFF]/u.test(c)),
  };
}

/** Fills {name} placeholders; a missing message shows its key, so a gap is visible, never a crash. */
export function message(
  v: Vocabulary,
  lang: Lang,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const text = v.messages[lang]?.[key] ?? v.messages.en?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
