// One lint setup for every workspace: typescript-eslint's strict rules, plus the package
// boundaries that keep arrows pointing toward @parley/shared and never out of it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export function parleyConfig({ boundaries = [], browser = false } = {}) {
  return tseslint.config(
    { ignores: ['dist/**', 'out/**', 'drizzle/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
    js.configs.recommended,
    ...tseslint.configs.strict,
    {
      languageOptions: {
        globals: browser ? { ...globals.browser } : { ...globals.node },
      },
      rules: {
        '@typescript-eslint/no-explicit-any': 'error',
        '@typescript-eslint/no-non-null-assertion': 'off',
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        'no-restricted-imports': ['error', { patterns: boundaries }],
      },
    },
  );
}
