import { demoApiPath } from '@parley/mocks';
import { startDemoServer } from './demo-server.js';

// `node --import tsx tools/demo-server/src/main.ts`: the demo API alone, on PORT (default 4200).

const port = Number(process.env.PORT ?? 4200);
if (!(Number.isInteger(port) && port >= 0 && port < 65536)) {
  process.stderr.write(`demo-server: PORT must be a port number, got "${process.env.PORT}"\n`);
  process.exit(2);
}
const server = await startDemoServer({ port, host: process.env.HOST || undefined });
// The demo's default workspace (elements.md): seed 1, 20,000 conversations, ending today in Paris.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
process.stdout.write(`Parley demo API on ${server.url}\n`);
process.stdout.write(`  e.g. ${server.url}${demoApiPath({ seed: 1, conversations: 20_000, endDate: today })}/workspace\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
