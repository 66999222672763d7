import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Packages a layer must never pull in, whatever the import path: architecture.md "Layout".
const uiAndStorage = ['lit', 'lit/*', '@lit/*', 'dexie', 'comlink', '@observablehq/plot', 'd3-*', 'msw', 'msw/*'];

// Who may import whom: the table of architecture.md.
const depConstraints = [
            { sourceTag: 'type:model', onlyDependOnLibsWithTags: [], bannedExternalImports: uiAndStorage },
            { sourceTag: 'type:metrics', onlyDependOnLibsWithTags: ['type:model'], bannedExternalImports: uiAndStorage },
            {
              sourceTag: 'type:store',
              onlyDependOnLibsWithTags: ['type:model', 'type:metrics'],
              bannedExternalImports: ['lit', 'lit/*', '@lit/*', 'comlink', '@observablehq/plot', 'd3-*'],
            },
            {
              sourceTag: 'type:engine-worker',
              onlyDependOnLibsWithTags: ['type:model', 'type:metrics', 'type:store'],
              bannedExternalImports: ['lit', 'lit/*', '@lit/*', '@observablehq/plot', 'd3-*'],
            },
            {
              sourceTag: 'type:engine-client',
              onlyDependOnLibsWithTags: ['type:model', 'type:engine-worker'],
              bannedExternalImports: ['dexie', 'lit', 'lit/*', '@observablehq/plot', 'd3-*'],
            },
            {
              sourceTag: 'type:ui',
              onlyDependOnLibsWithTags: ['type:model', 'type:engine-client'],
              bannedExternalImports: ['dexie', 'comlink'],
            },
            {
              sourceTag: 'type:widget',
              onlyDependOnLibsWithTags: ['type:model', 'type:ui', 'type:engine-client'],
              bannedExternalImports: ['dexie', 'comlink'],
            },
            {
              sourceTag: 'type:mocks',
              onlyDependOnLibsWithTags: ['type:model'],
              bannedExternalImports: ['lit', 'lit/*', '@lit/*', 'dexie', 'comlink', '@observablehq/plot', 'd3-*'],
            },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:model', 'type:ui', 'type:widget', 'type:engine-client'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
];

// Browser tests of the UI layers compute expected numbers with the engine's own reference code and
// the generator (test oracles): those files, and the testing helpers, may import metrics and mocks.
const testOracleConstraints = depConstraints.map((constraint) =>
  constraint.sourceTag === 'type:ui' || constraint.sourceTag === 'type:widget'
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:metrics', 'type:mocks'], bannedExternalImports: [] }
    : constraint,
);

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'reports/**', '.bench-cache/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'No default exports (style.md).' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints,
        },
      ],
    },
  },
  {
    files: ['libs/ui/src/**/*.browser.test.ts', 'libs/widgets/src/**/*.browser.test.ts', 'libs/ui/src/testing/**/*.ts', 'libs/widgets/src/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints: testOracleConstraints }],
    },
  },
);
