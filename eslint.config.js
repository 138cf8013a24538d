// Lint: typescript-eslint's recommended rules, plus the layering rules of STYLE.md that a linter can check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// One door per outside thing (STYLE.md): these packages may be imported only by their adapter.
const DOORS = [
  { name: 'bullmq', message: 'Only engine/src/queue/bullmq.*.ts talks to BullMQ.' },
  { name: 'onnxruntime-node', message: 'Only engine/src/adapters/onnx.adapter.ts runs models.' },
  { name: 'chart.js', message: 'Only engine/src/adapters/chart-renderer.ts knows chart.js.' },
  { name: 'chart.js/auto', message: 'Only engine/src/adapters/chart-renderer.ts knows chart.js.' },
];
const doorsBut = (...allowed) => DOORS.filter((d) => !allowed.some((a) => d.name.startsWith(a)));

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
    files: ['engine/src/**/*.ts', 'models/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: DOORS }] },
  },
  { files: ['engine/src/queue/bullmq.*.ts'], rules: { 'no-restricted-imports': ['error', { paths: doorsBut('bullmq') }] } },
  { files: ['engine/src/adapters/onnx.adapter.ts'], rules: { 'no-restricted-imports': ['error', { paths: doorsBut('onnxruntime-node') }] } },
  { files: ['engine/src/adapters/chart-renderer.ts'], rules: { 'no-restricted-imports': ['error', { paths: doorsBut('chart.js') }] } },
  {
    // Stages are pure: no adapters, no processes, no databases.
    files: ['engine/src/stages/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: DOORS, patterns: [
        { group: ['**/adapters/*', 'node:child_process', 'node:fs', 'node:fs/*', 'better-sqlite3', '@napi-rs/canvas'], message: 'Stages are pure: do I/O in an adapter.' },
      ] }],
    },
  },
  {
    // shared/ is used by every front end and imports none of them.
    files: ['shared/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: DOORS, patterns: [{ group: ['**/engine/*', '**/bot/*', '**/extension/*'], message: 'shared/ imports nothing from engine, bot or extension.' }] }] },
  },
  {
    // The bot and the extension reach the engine only through its HTTP API (shared/src/api/client.ts).
    files: ['bot/src/**/*.ts', 'extension/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: DOORS, patterns: [{ group: ['**/engine/*'], message: 'Use the API client in shared/, not engine internals.' }] }] },
  },
);
