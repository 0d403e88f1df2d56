import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/support/remove-temp-dirs.setup.ts'],
    // Generous: process-level tests (a server, a killed import) share two cores with everything else.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // PGlite is single-threaded WASM; two workers keep both cores busy without swapping.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
  },
})
