// Lint: typescript-eslint's recommended rules, plus the layering rules of STYLE.md that a linter can check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'samples/', 'models/weights/', 'test-artifacts/', 'onscreen-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', performance: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', structuredClone: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Stages are pure: no adapters, no processes, no databases.
    files: ['engine/src/stages/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/adapters/*', 'node:child_process', 'node:fs', 'node:fs/*', 'bullmq', 'better-sqlite3', 'onnxruntime-node', '@napi-rs/canvas', 'chart.js'], message: 'Stages are pure: do I/O in an adapter.' },
      ] }],
    },
  },
  {
    // shared/ is used by every front end and imports none of them.
    files: ['shared/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/engine/*', '**/bot/*', '**/extension/*'], message: 'shared/ imports nothing from engine, bot or extension.' }] }] },
  },
  {
    // The bot and the extension reach the engine only through its HTTP API (shared/src/api/client.ts).
    files: ['bot/src/**/*.ts', 'extension/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/engine/*'], message: 'Use the API client in shared/, not engine internals.' }] }] },
  },
);
