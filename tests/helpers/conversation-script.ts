import { expect } from "vitest";

/** What one reply of a front door shows, read back from what it sent. */
export interface Seen {
  intent: string;
  /** The answer's item ids, in order (from the 👍 / 👎 data, the API's answer). */
  items: string[];
  /** Everything visible, to look for the lead or "Page 2". */
  text: string;
}

export interface ScriptStep {
  q: string;
  intent: string;
  items?: string[];
  has?: string[];
  not?: string[];
  text?: RegExp;
}

// Confirmed first, then partly (KubeSphere: open-source downloads stopped in 2025).
const AIR_GAPPED_OPEN = ["rancher-rke", "redhat-acm", "rancher", "kubesphere"];
const HUAWEI = ["huawei-mcp", "huawei-cce"];

/**
 * The scripted conversation, per language: list → narrow → swap → compare by position →
 * why → more. The same script runs through Slack (a thread), Teams (a personal chat) and the
 * playground (/api/ask with a conversation id); each front door says how a message is sent.
 */
export const SCRIPTS: Record<"en" | "zh", ScriptStep[]> = {
  en: [
    { q: "which options work fully air-gapped?", intent: "filter", has: ["redhat-openshift", "kubesphere"] },
    { q: "which of those are open source?", intent: "filter", items: AIR_GAPPED_OPEN, text: /Of the 17/ },
    { q: "and Huawei?", intent: "filter", items: HUAWEI },
    { q: "compare the first two", intent: "compare", items: HUAWEI },
    { q: "why?", intent: "compare", items: HUAWEI, text: /Why these 2/ },
    // Page 2: the second page of the comparison, or the page of all its sources.
    { q: "more", intent: "compare", items: HUAWEI, text: /Page 2 of|All sources/ },
  ],
  zh: [
    { q: "哪些方案支持全内网部署？", intent: "filter", has: ["kubesphere"] },
    {
      q: "这些里面哪些是国产的",
      intent: "filter",
      has: ["kubesphere", "daocloud-dce"],
      not: ["redhat-openshift", "amazon-eks"],
      text: /在上一条回答的 17 项中/,
    },
    { q: "那华为呢", intent: "filter", items: HUAWEI },
    { q: "对比前两个", intent: "compare", items: HUAWEI },
    { q: "为什么", intent: "compare", items: HUAWEI, text: /为什么是这 2 项/ },
    { q: "更多", intent: "compare", items: HUAWEI, text: /第 2 页|全部来源/ },
  ],
};

/** Sends each message of a script and checks what came back. */
export async function runScript(steps: ScriptStep[], send: (q: string) => Promise<Seen>): Promise<void> {
  for (const step of steps) {
    const seen = await send(step.q);
    expect(seen.intent, step.q).toBe(step.intent);
    if (step.items) expect(seen.items, step.q).toEqual(step.items);
    for (const id of step.has ?? []) expect(seen.items, step.q).toContain(id);
    for (const id of step.not ?? []) expect(seen.items, step.q).not.toContain(id);
    if (step.text) expect(seen.text, step.q).toMatch(step.text);
  }
}
