#!/usr/bin/env node
// The `parley` command: TypeScript sources run through tsx, so `npm install` is the only step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
