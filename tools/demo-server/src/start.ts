import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoApiPath } from '@parley/mocks';
import { startDemoSite } from './demo-site.js';

// `npm start`: builds the site (`npm run build`), then serves it with the demo API on PORT
// (default 4200), HOST (default localhost). `--no-build` serves the existing dist/.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const port = Number(process.env.PORT ?? 4200);
if (!(Number.isInteger(port) && port >= 0 && port < 65536)) {
  process.stderr.write(`start: PORT must be a port number, got "${process.env.PORT}"\n`);
  process.exit(2);
}

if (!process.argv.includes('--no-build')) {
  const { buildSite } = await import('@parley/build');
  const site = await buildSite({ root });
  const widgets = Object.keys(site.graph.entries).filter((name) => name !== 'parley');
  process.stdout.write(`Built ${widgets.length} widget bundle(s) and the apps into dist/ in ${(site.durationMs / 1000).toFixed(1)} s\n`);
}

const site = await startDemoSite({ port, host: process.env.HOST || undefined, root: join(root, 'dist') });
// The demo's default workspace (elements.md): seed 1, 20,000 conversations, ending today in Paris.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
process.stdout.write(`
Parley demo on ${site.url}  (PORT=${port})

  Reports app   ${site.url}/
  Embed demo    ${site.url}/embed-demo/   (?seed=1&conversations=20000&end=${today}&faults=429,500,slow,401,malformed,drop)
  Widgets       ${site.url}/widgets/parley-<name>.js
  Demo API      ${site.url}${demoApiPath({ seed: 1, conversations: 20_000, endDate: today })}/workspace

Ctrl-C stops it.
`);
const stop = () => void site.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
