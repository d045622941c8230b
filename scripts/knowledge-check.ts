// Validates the catalog on its own: `npm run knowledge:check [dir]`. Exits 1 with every problem, one a
// line; never a stack trace, whatever the folder holds.
import { resolve } from "node:path";
import { formatProblem } from "../src/core/catalog/errors.js";
import { asCatalogError, loadCatalog } from "../src/core/catalog/load.js";
import { qualityProblems } from "../src/core/catalog/quality.js";

const dir = resolve(process.argv[2] ?? "knowledge");
try {
  const catalog = loadCatalog(dir);
  // Editorial rules beyond the schema: public sources, strings meant for users, sourced "yes".
  const problems = qualityProblems(catalog);
  if (problems.length) {
    console.error(`knowledge check failed (CATALOG_QUALITY) in ${dir}:`);
    for (const p of problems) console.error(`  ${p.where}: ${p.message}`);
    process.exitCode = 1;
  } else {
    console.log(
      `knowledge ok: ${catalog.products.size} products, ${catalog.vendors.size} vendors, ${catalog.categories.size} categories, ${catalog.topics.size} topics, ${catalog.sources.size} sources`,
    );
  }
} catch (thrown) {
  const error = asCatalogError(thrown);
  console.error(`knowledge check failed (${error.code}) in ${dir}:`);
  for (const p of error.problems) console.error(`  ${formatProblem(p)}`);
  process.exitCode = 1;
}
