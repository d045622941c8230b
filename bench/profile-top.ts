/**
 * Prints the top frames of a V8 .cpuprofile (from `node --cpu-prof`): self time and total time per
 * function, so a missed target can be traced to a line without a GUI.
 *   npx tsx bench/profile-top.ts <file.cpuprofile> [count] [filter]
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, countArg = "25", filter = ""] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx bench/profile-top.ts <file.cpuprofile> [count] [url filter]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (n: ProfileNode) => {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url ? `${relative(process.cwd(), url.replace(/^file:\/\//, ""))}:${lineNumber + 1}` : "";
  return `${functionName || "(anonymous)"} ${where}`.trim();
};

const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  all += dt;
  const node = byId.get(id);
  if (!node) return;
  self.set(label(node), (self.get(label(node)) ?? 0) + dt);
  // Inclusive time: once per distinct function on the stack (recursion counted once).
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur) as ProfileNode);
    if (!seen.has(l)) total.set(l, (total.get(l) ?? 0) + dt);
    seen.add(l);
  }
});

const count = Number(countArg);
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (of ${all.toFixed(0)} ms sampled)`);
  for (const [l, ms] of [...m]
    .filter(([l]) => !filter || l.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count))
    console.log(`${ms.toFixed(0).padStart(8)} ms ${((ms / all) * 100).toFixed(1).padStart(5)}%  ${l}`);
};
show("self time", self);
show("total time", total);
