import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { load as loadYaml } from "js-yaml";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { Lang } from "../answer.js";
import { CatalogError, type CatalogProblem } from "../catalog/errors.js";
import { formatPath, lineOf } from "../catalog/load.js";
import {
  AttributesFile,
  ContextFile,
  FollowUpsFile,
  IntentsFile,
  MessagesFile,
  NegationFile,
  NotCoveredFile,
  QuestionFile,
  ScopesFile,
  StopwordsFile,
} from "./schema.js";
import { compileVocabulary, type Vocabulary, type VocabularyParts } from "./vocabulary.js";

/** The vocabulary's files, relative to the catalog folder. */
export const VOCABULARY_FILES = {
  intents: "vocabulary/intents.yaml",
  scopes: "vocabulary/scopes.yaml",
  negation: "vocabulary/negation.yaml",
  context: "vocabulary/context.yaml",
  stopwords: "vocabulary/stopwords.yaml",
  notCovered: "vocabulary/not-covered.yaml",
  question: "vocabulary/question.yaml",
  followUps: "vocabulary/follow-ups.yaml",
  attributes: "attributes.yaml",
} as const;
export const MESSAGE_FILES: Record<Lang, string> = { en: "messages/en.yaml", zh: "messages/zh.yaml" };

/** Whether a catalog folder's files include a vocabulary (a test fixture may have none). */
export const hasVocabulary = (files: ReadonlyMap<string, string>): boolean =>
  files.has(VOCABULARY_FILES.intents);

/** Reads the vocabulary files of a catalog folder into `files` (missing ones are reported on build). */
export function readVocabularyFiles(dir: string, files: Map<string, string>): void {
  for (const rel of [...Object.values(VOCABULARY_FILES), ...Object.values(MESSAGE_FILES)]) {
    try {
      files.set(rel, readFileSync(join(dir, rel), "utf8"));
    } catch {
      // Reported as "file is missing" when the vocabulary is built; a folder without one uses the default.
    }
  }
}

function parse<S extends z.ZodType>(
  files: ReadonlyMap<string, string>,
  file: string,
  shape: S,
  problems: CatalogProblem[],
): z.infer<S> | undefined {
  const text = files.get(file);
  if (text === undefined) {
    problems.push({ file, path: "", message: "file is missing" });
    return undefined;
  }
  let data: unknown;
  try {
    data = loadYaml(text);
  } catch {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
    for (const e of doc.errors)
      problems.push({
        file,
        path: "",
        line: lines.linePos(e.pos[0]).line,
        message: e.message.split("\n")[0] ?? "",
      });
    if (!doc.errors.length) problems.push({ file, path: "", message: "not valid YAML" });
    return undefined;
  }
  const result = shape.safeParse(data);
  if (result.success) return result.data;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  for (const issue of result.error.issues) {
    const path = issue.path as (string | number)[];
    problems.push({ file, path: formatPath(path), line: lineOf(doc, lines, path), message: issue.message });
  }
  return undefined;
}

/** Validates and compiles the vocabulary; throws one CatalogError listing every problem. */
export function buildVocabulary(files: ReadonlyMap<string, string>): Vocabulary {
  const problems: CatalogProblem[] = [];
  const F = VOCABULARY_FILES;
  const parts = {
    intents: parse(files, F.intents, IntentsFile, problems),
    scopes: parse(files, F.scopes, ScopesFile, problems),
    negation: parse(files, F.negation, NegationFile, problems),
    context: parse(files, F.context, ContextFile, problems),
    stopwords: parse(files, F.stopwords, StopwordsFile, problems),
    notCovered: parse(files, F.notCovered, NotCoveredFile, problems),
    question: parse(files, F.question, QuestionFile, problems),
    followUps: parse(files, F.followUps, FollowUpsFile, problems),
    attributes: parse(files, F.attributes, AttributesFile, problems),
    messages: {
      en: parse(files, MESSAGE_FILES.en, MessagesFile, problems),
      zh: parse(files, MESSAGE_FILES.zh, MessagesFile, problems),
    },
  };
  if (problems.length) throw new CatalogError("CATALOG_SCHEMA", problems);
  const ok = parts as VocabularyParts;
  const ids = new Set<string>();
  ok.attributes.attributes.forEach((a, i) => {
    if (ids.has(a.id))
      problems.push({
        file: F.attributes,
        path: `attributes[${i}].id`,
        message: `attribute "${a.id}" is defined twice`,
      });
    ids.add(a.id);
  });
  ok.attributes.attributes.forEach((a, i) => {
    if (a.opposite && !ids.has(a.opposite))
      problems.push({
        file: F.attributes,
        path: `attributes[${i}].opposite`,
        message: `opposite "${a.opposite}" is not an attribute`,
      });
  });
  ok.context.contexts.forEach((c, i) => {
    if (!ids.has(c.implies))
      problems.push({
        file: F.context,
        path: `contexts[${i}].implies`,
        message: `"${c.implies}" is not an attribute`,
      });
  });
  // Every message the English catalog has must exist in every other language: a gap would show a key.
  for (const key of Object.keys(ok.messages.en))
    if (!(key in ok.messages.zh))
      problems.push({ file: MESSAGE_FILES.zh, path: key, message: "message missing" });
  if (problems.length) throw new CatalogError("CATALOG_BROKEN_REFERENCE", problems);
  return compileVocabulary(ok);
}

let shipped: Vocabulary | undefined;

/** The project's own vocabulary (knowledge/ beside the code), for catalogs whose folder has none. */
export function shippedVocabulary(): Vocabulary {
  if (!shipped) {
    const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "knowledge");
    const files = new Map<string, string>();
    readVocabularyFiles(dir, files);
    shipped = buildVocabulary(files);
  }
  return shipped;
}

/** The vocabulary a catalog's questions are read with. */
export const vocabularyOf = (catalog: { vocabulary?: Vocabulary }): Vocabulary =>
  catalog.vocabulary ?? shippedVocabulary();
