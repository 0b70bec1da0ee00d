import { defineConfig } from 'vitest/config';

// One runner for both worlds: main-process tests run in node; the renderer's tests pick their
// own environment per file (or through their own config) under test/renderer.
export default defineConfig({
  // Component tests render .tsx as the app's build does (React's automatic JSX runtime).
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
