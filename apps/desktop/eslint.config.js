import globals from 'globals';
import { parleyConfig } from '@parley/eslint-config';

const serverBoundary = ['@parley/server*', '../../server/*', '../../../server/*'];

// Main and preload run in Node/Electron; the renderer is a web page and must never reach for
// Node or Electron directly: everything it needs goes through window.parley.
export default [
  ...parleyConfig({ boundaries: serverBoundary }),
  {
    files: ['src/renderer/**', 'test/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [...serverBoundary, '**/main/**', '**/preload/**', 'node:*'],
        },
      ],
    },
  },
  {
    // Playwright specs and the renderer bench run in Node (driving a browser): Node modules are theirs.
    files: ['e2e/**', 'bench/**', 'playwright.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/main/**', 'src/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...serverBoundary, '**/renderer/**'] }],
    },
  },
];
