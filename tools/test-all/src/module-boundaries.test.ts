import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// architecture.md's import table is enforced by @nx/enforce-module-boundaries: these probes show
// the lint fails when a layer imports what it must not, and passes for what it may.

const root = fileURLToPath(new URL('../../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  // The rule reads Nx's project graph; computing it once makes it available to ESLint.
  execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }, stdio: 'ignore' });
  eslint = new ESLint({ cwd: root });
}, 120_000);

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries (architecture.md "Layout")', () => {
  const banned: [string, string][] = [
    ['libs/metrics', 'dexie'],
    ['libs/metrics', 'lit'],
    ['libs/metrics', 'comlink'],
    ['libs/metrics', '@observablehq/plot'],
    ['libs/model', 'dexie'],
    ['libs/mocks', 'lit'],
  ];
  for (const [project, dependency] of banned) {
    it(`fails lint when ${project} imports ${dependency}`, async () => {
      const errors = await boundaryErrors(`${project}/src/probe.ts`, `import * as x from '${dependency}';\nexport const y = x;\n`);
      expect(errors).toEqual([expect.stringContaining(`is not allowed to import "${dependency}"`)]);
    });
  }

  it('fails lint when metrics imports mocks (only model is allowed)', async () => {
    const errors = await boundaryErrors('libs/metrics/src/probe.ts', `import { generateWorkspace } from '@parley/mocks';\nexport const y = generateWorkspace;\n`);
    expect(errors).toEqual([expect.stringContaining('can only depend on libs tagged with "type:model"')]);
  });

  it('fails lint when model imports anything of ours', async () => {
    const errors = await boundaryErrors('libs/model/src/probe.ts', `import { Dictionary } from '@parley/metrics';\nexport const y = Dictionary;\n`);
    expect(errors).toHaveLength(1);
  });

  it('passes lint for what the table allows', async () => {
    expect(await boundaryErrors('libs/metrics/src/probe.ts', `import { collections } from '@parley/model';\nexport const y = collections;\n`)).toEqual([]);
    expect(await boundaryErrors('tools/cli/src/probe.ts', `import { Dictionary } from '@parley/metrics';\nimport { generateWorkspace } from '@parley/mocks';\nexport const y = [Dictionary, generateWorkspace];\n`)).toEqual([]);
  });
});
