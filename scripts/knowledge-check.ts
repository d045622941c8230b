// Validates the catalog on its own: `npm run knowledge:check [dir]`. Exits 1 with every problem, one a line.
import { resolve } from "node:path";
import { CatalogError, formatProblem } from "../src/core/catalog/errors.js";
import { loadCatalog } from "../src/core/catalog/load.js";

const dir = resolve(process.argv[2] ?? "knowledge");
try {
  const catalog = loadCatalog(dir);
  console.log(
    `knowledge ok: ${catalog.products.size} products, ${catalog.vendors.size} vendors, ${catalog.categories.size} categories, ${catalog.topics.size} topics, ${catalog.sources.size} sources`,
  );
} catch (error) {
  if (!(error instanceof CatalogError)) throw error;
  console.error(`knowledge check failed (${error.code}) in ${dir}:`);
  for (const p of error.problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
