// Validates the catalog on its own: `npm run knowledge:check [dir]`. Exits 1 with every problem, one a
// line; never a stack trace, whatever the folder holds.
import { resolve } from "node:path";
import { formatProblem } from "../src/core/catalog/errors.js";
import { asCatalogError, loadCatalog } from "../src/core/catalog/load.js";

const dir = resolve(process.argv[2] ?? "knowledge");
try {
  const catalog = loadCatalog(dir);
  console.log(
    `knowledge ok: ${catalog.products.size} products, ${catalog.vendors.size} vendors, ${catalog.categories.size} categories, ${catalog.topics.size} topics, ${catalog.sources.size} sources`,
  );
} catch (thrown) {
  const error = asCatalogError(thrown);
  console.error(`knowledge check failed (${error.code}) in ${dir}:`);
  for (const p of error.problems) console.error(`  ${formatProblem(p)}`);
  process.exitCode = 1;
}
