#!/usr/bin/env node
// `npx paas-bot "…"`: the ask CLI without npm's banner, so `--json` pipes cleanly. The sources are
// TypeScript, run through tsx (a runtime dependency), as `npm start` does.
import { register } from "tsx/esm/api";

register();
await import("./main.ts");
