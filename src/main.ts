/**
 * `npm start`: one server on PORT (default 3978) with every configured front door — Slack, Teams
 * (local Emulator mode without credentials), the playground at / — plus /healthz and /readyz.
 * Configuration comes from the environment and .env; see docs/running.md.
 */
import { config as loadDotenv } from "dotenv";
import { serveFromEnv } from "./server/process.js";

loadDotenv({ quiet: true });
await serveFromEnv(process.env);
