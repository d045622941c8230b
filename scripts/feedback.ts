// The most down-voted answers: `npm run feedback` reads the events from Redis (REDIS_URL);
// `npm run feedback -- <log file>` reads them from the JSON log instead (lines whose msg is "feedback").
import { readFileSync } from "node:fs";
import { type FeedbackEvent, parseFeedback } from "../src/store/feedback.js";
import { FeedbackStore, RedisStore, summarize } from "../src/store/index.js";

function fromLog(path: string): FeedbackEvent[] {
  const events: FeedbackEvent[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; feedback?: unknown };
      const event = entry.msg === "feedback" ? parseFeedback(entry.feedback) : undefined;
      if (event) events.push(event);
    } catch {
      // Not every line of a log is ours; skip what does not parse.
    }
  }
  return events;
}

async function fromRedis(url: string): Promise<FeedbackEvent[]> {
  let failure: unknown;
  const kv = new RedisStore(url, { onDown: (e) => (failure ??= e), onUp: () => {} });
  const events = await new FeedbackStore(kv).recent();
  await kv.close();
  if (failure && !events.length) throw new Error(`Redis at REDIS_URL did not answer: ${String(failure)}`);
  return events;
}

const file = process.argv[2];
const url = process.env.REDIS_URL;
if (!file && !url) {
  console.error("feedback: give a log file (npm run feedback -- app.log) or set REDIS_URL");
  process.exit(2);
}
try {
  const events = file ? fromLog(file) : await fromRedis(url as string);
  const s = summarize(events);
  console.log(`${s.total} feedback events, ${s.down} 👎 (${file ? `log ${file}` : "Redis"})`);
  console.log("\nMost down-voted intents:");
  for (const i of s.byIntent)
    console.log(`  ${String(i.down).padStart(5)} 👎 ${String(i.up).padStart(5)} 👍  ${i.intent}`);
  console.log("\nMost down-voted questions (by hash; the words are never stored):");
  for (const q of s.byQuestion)
    console.log(`  ${String(q.down).padStart(5)} 👎 ${String(q.up).padStart(5)} 👍  ${q.qHash}  ${q.intent}`);
} catch (error) {
  console.error(`feedback: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
