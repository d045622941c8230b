// Validates the catalog on its own: `npm run knowledge:check [dir]`. Exits 1 with every problem, one a line.
import { resolve } from "node:path";
import { CatalogError, formatProblem } from "../src/core/catalog/errors.js";
import { loadCatalog } from "../src/core/catalog/load.js";
import { qualityProblems } from "../src/core/catalog/quality.js";

const dir = resolve(process.argv[2] ?? "knowledge");
try {
  const catalog = loadCatalog(dir);
  // Editorial rules beyond the schema: public sources, strings meant for users, sourced "yes".
  const problems = qualityProblems(catalog);
  if (problems.length) {
    console.error(`knowledge check failed (CATALOG_QUALITY) in ${dir}:`);
    for (const p of problems) console.error(`  ${p.where}: ${p.message}`);
    process.exit(1);
  }
  console.log(
    `knowledge ok: ${catalog.products.size} products, ${catalog.vendors.size} vendors, ${catalog.categories.size} categories, ${catalog.topics.size} topics, ${catalog.sources.size} sources`,
  );
} catch (error) {
  if (!(error instanceof CatalogError)) throw error;
  console.error(`knowledge check failed (${error.code}) in ${dir}:`);
  for (const p of error.problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
