import { defineConfig } from 'vitest/config';

// One Vitest project per Nx project, so `vitest run --project metrics` is each project's `test` target
// and `vitest run` alone runs every Node test once.
const nodeProjects = ['libs/model', 'libs/metrics', 'libs/mocks', 'libs/store', 'tools/integration', 'tools/cli', 'tools/demo-server', 'tools/bench', 'tools/test-all', 'tools/build'];

export default defineConfig({
  test: {
    projects: nodeProjects.map((root) => ({
      test: {
        name: root.split('/')[1],
        root,
        include: ['src/**/*.test.ts'],
        exclude: ['src/**/*.browser.test.ts'],
        environment: 'node',
        testTimeout: 60_000,
      },
    })),
  },
});
