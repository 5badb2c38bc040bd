import { defineConfig } from 'vitest/config';
import { isPdfjsNoise } from './src/pdfjs-noise.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores here: keep workers few so spawned CLIs and loopback servers are not starved.
    maxWorkers: 2,
    // pdfjs fires stray rejections after a corrupt PDF has already failed (stack-notes.md).
    onUnhandledError: (error) => (isPdfjsNoise(error) ? false : undefined),
  },
});
