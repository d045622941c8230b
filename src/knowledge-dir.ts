import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The catalog folder: $KNOWLEDGE_DIR, else knowledge/ at the project root (found from this file, not the cwd). */
export function defaultKnowledgeDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KNOWLEDGE_DIR
    ? resolve(env.KNOWLEDGE_DIR)
    : resolve(dirname(fileURLToPath(import.meta.url)), "..", "knowledge");
}
