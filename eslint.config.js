import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'client/dist/', 'scripts/ferretdb/', '**/*.svelte'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Only server/config.ts reads the environment; everything else receives a Config.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through server/config.ts.' }],
    },
  },
  {
    files: ['server/config.ts', 'test/**', 'bench/**', 'scripts/**', 'vitest.config.ts', 'test/reporters/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
