import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from './build-site.js';
import { graphFileName, readBundleGraph } from './bundle-graph.js';
import { widgetEntries } from './entries.js';
import { type BudgetResult, budgets, checkBudgets, kb, largestModules, measureBundles, replaceSizeSection, sizeTable } from './size-budget.js';

// `npm run build`              node --import tsx tools/build/src/main.ts
// `npm run size [-- --write] [-- --why <entry>]`  node --import tsx tools/build/src/main.ts size …
//   size: the table of every bundle's gzipped size and the budgets' verdict, exit 1 when one
//   fails; --write also puts the table into BENCHMARKS.md ("Bundle sizes"); --why lists the
//   largest modules an entry loads at start (also printed for an entry over its budget).

const root = fileURLToPath(new URL('../../../', import.meta.url));
const distDir = join(root, 'dist');
const [command = 'build', ...flags] = process.argv.slice(2);

function sizeReport(why: readonly string[] = []): { table: string; results: BudgetResult[]; details: string } {
  const graphFile = join(distDir, graphFileName);
  if (!existsSync(graphFile)) throw new Error(`${relative(root, graphFile)} not found: run npm run build first`);
  const graph = readBundleGraph(graphFile);
  const { bundles, workers } = measureBundles(join(distDir, 'widgets'), graph);
  const sources = new Set(widgetEntries(root).map((entry) => entry.name));
  const results = checkBudgets(bundles, (entry) => sources.has(entry));
  const explain = new Set([...why, ...results.filter((result) => result.status === 'fail').map((result) => result.entry)]);
  const details = bundles
    .filter((bundle) => explain.has(bundle.name))
    .map((bundle) => {
      const rows = largestModules(graph, bundle.staticFiles).map((row) => `  ${kb(row.renderedBytes).padStart(6)} KB  ${row.module}  (${row.file})`);
      return `Largest modules ${bundle.file} loads at start (before minification and gzip):\n${rows.join('\n')}`;
    })
    .join('\n\n');
  return { table: sizeTable(bundles, workers), results, details };
}

function verdicts(results: readonly BudgetResult[]): string {
  return results.map((result) => `${result.status === 'pass' ? 'ok  ' : result.status === 'skip' ? 'skip' : 'FAIL'} ${result.message}`).join('\n');
}

function sizeSection(table: string, results: readonly BudgetResult[]): string {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const budget = budgets.map((b) => `\`${b.entry}.js\` with its static imports ≤ ${b.maxStaticGzipBytes / 1000} KB gz and no module of ${b.forbiddenPackages.join(', ')}`).join('; ');
  return `## Bundle sizes

\`npm run build && npm run size -- --write\` ([tools/build](tools/build/README.md)) writes this section. Each
bundle of \`dist/widgets/\` is measured gzipped (level 9, 1 KB = 1,000 bytes) alone and with every
chunk it imports statically — what a host page downloads before the widget can paint; chunks shared
by several widgets count in each. Lazy chunks (charts load Plot themselves) and the engine worker
(started once per page, shared by every widget) are listed apart. Budget: ${budget} — \`npm run size\`
fails otherwise, and \`npm test\` runs it.

Measured ${new Date().toISOString().slice(0, 10)} on commit ${commit} plus the working tree:

${table}

\`\`\`
${verdicts(results)}
\`\`\``;
}

async function main(): Promise<number> {
  switch (command) {
    case 'build': {
      const site = await buildSite({ root });
      process.stdout.write(`Built ${site.files.filter((file) => file.endsWith('.js')).length} JavaScript files into ${relative(root, site.widgetsDir)}/ and the apps into ${relative(root, site.outDir)}/ in ${(site.durationMs / 1000).toFixed(1)} s\n\n`);
      const { table, results } = sizeReport();
      process.stdout.write(`${table}\n\n${verdicts(results)}\n`);
      return 0;
    }
    case 'size': {
      const whyAt = flags.indexOf('--why');
      const { table, results, details } = sizeReport(whyAt >= 0 && flags[whyAt + 1] ? [flags[whyAt + 1]] : []);
      process.stdout.write(`${table}\n\n${verdicts(results)}\n${details === '' ? '' : `\n${details}\n`}`);
      if (flags.includes('--write')) {
        const file = join(root, 'BENCHMARKS.md');
        writeFileSync(file, replaceSizeSection(readFileSync(file, 'utf8'), sizeSection(table, results)));
        process.stdout.write(`\nBENCHMARKS.md "Bundle sizes" updated\n`);
      }
      return results.some((result) => result.status === 'fail') ? 1 : 0;
    }
    default:
      process.stderr.write(`usage: main.ts [build | size [--write] [--why <entry>]]\n`);
      return 2;
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
