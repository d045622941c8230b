// Development and tests only: runs the TypeScript catalog worker under tsx (a devDependency), which
// a worker thread does not inherit from its parent. Production runs dist/server/catalog-worker.js.
import { register } from "tsx/esm/api";

register();
await import("./catalog-worker.ts");
