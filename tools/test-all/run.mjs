#!/usr/bin/env node
// `npm test`: every check of the repository, even when an earlier one fails — Nx lint and build
// of every project, the TypeScript typecheck, the Vitest suites, and (when present) the browser
// suites, the site build with its size budget and the browser tests of the built bundles — then
// one total as the very last line: `N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NX_INTERACTIVE: 'false',
  NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? 'true',
  FORCE_COLOR: '0',
};

/** Runs a command, echoing its output, and resolves with its exit code and output. */
function run(command, args) {
  return new Promise((resolve) => {
    process.stdout.write(`\n$ ${[command, ...args].join(' ')}\n`);
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
  });
}

const results = [];
const record = (name, passed, failed) => {
  results.push({ name, passed, failed });
};

// 1. Nx: lint and build of every project; each task is one check.
{
  const { code, output } = await run('npx', ['nx', 'run-many', '-t', 'lint,build', '--output-style=static']);
  const tasks = new Set([...output.matchAll(/^> nx run (\S+)$/gm)].map((m) => m[1]));
  const failedBlock = output.split(/^Failed tasks:$/m)[1] ?? '';
  const failed = new Set([...failedBlock.matchAll(/^- (\S+)$/gm)].map((m) => m[1]));
  if (tasks.size === 0) record('nx lint/build', 0, 1);
  else record('nx lint/build', tasks.size - failed.size, code !== 0 && failed.size === 0 ? 1 : failed.size);
}

// 2. The whole-repository typecheck (tests included, which the per-project builds leave out).
{
  const { code } = await run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  record('typecheck', code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

// 3. Node tests (Vitest), counted from its JSON report.
{
  const file = join(reports, 'vitest.json');
  const { code } = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const failedSuites = (report.testResults ?? []).filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
    record('vitest', report.numPassedTests, report.numFailedTests + failedSuites + (code !== 0 && report.numFailedTests === 0 && failedSuites === 0 ? 1 : 0));
  } else record('vitest', 0, 1);
}

/**
 * Records a @web/test-runner run from its junit report, plus the test files that failed outside
 * any test (tools/browser-tests' reporter lists those: the junit report has no test case for them).
 */
function recordWebTestRunner(name, code, junitFile, fileErrorsFile) {
  if (!existsSync(junitFile)) {
    record(name, 0, 1);
    return;
  }
  const xml = readFileSync(junitFile, 'utf8');
  const cases = [...xml.matchAll(/<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)];
  const failedCases = cases.filter((m) => /<(failure|error)\b/.test(m[2] ?? '')).length;
  const skipped = cases.filter((m) => /<skipped\b/.test(m[2] ?? '')).length;
  const failedFiles = existsSync(fileErrorsFile) ? JSON.parse(readFileSync(fileErrorsFile, 'utf8')).failedFiles.length : 0;
  const failed = failedCases + failedFiles;
  record(name, cases.length - failedCases - skipped, failed + (code !== 0 && failed === 0 ? 1 : 0));
}

// 4. Browser tests (@web/test-runner), when the repository has them.
if (existsSync(join(root, 'web-test-runner.config.mjs'))) {
  const { code } = await run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs']);
  recordWebTestRunner('web-test-runner', code, join(reports, 'wtr-junit.xml'), join(reports, 'wtr-file-errors.json'));
}

// 5. The site as `npm start` serves it: `npm run build` (Vite: dist/widgets, the apps), the bundle
//    size budget on that output, and the browser tests of the built bundles (no esbuild plugin).
{
  const { code: buildCode } = await run('npm', ['run', '--silent', 'build']);
  record('build (dist/)', buildCode === 0 ? 1 : 0, buildCode === 0 ? 0 : 1);
  if (buildCode === 0) {
    const { code: sizeCode } = await run('npm', ['run', '--silent', 'size']);
    record('size budget', sizeCode === 0 ? 1 : 0, sizeCode === 0 ? 0 : 1);
    const { code } = await run('npx', ['web-test-runner', '--config', 'web-test-runner.built.config.mjs']);
    recordWebTestRunner('wtr (built)', code, join(reports, 'wtr-built-junit.xml'), join(reports, 'wtr-built-file-errors.json'));
  } else {
    record('size budget', 0, 1);
    record('wtr (built)', 0, 1);
  }
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
process.stdout.write('\n');
for (const r of results) process.stdout.write(`${r.name.padEnd(18)} ${r.passed} passed, ${r.failed} failed\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
