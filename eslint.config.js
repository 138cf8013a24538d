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

// Rules more than one surface needs live once, in shared/ (issue 8): nobody else declares these.
const SHARED_RULES = ['formatDuration', 'formatClock', 'formatEta', 'formatPercent', 'parseHttpUrl', 'parseYouTubeUrl', 'COLOURS'];
const sharedRuleName = `/^(${SHARED_RULES.join('|')})$/`;
const ONLY_SHARED = [
  { selector: `FunctionDeclaration[id.name=${sharedRuleName}]`, message: 'Durations, clock times, ETAs, percents, URLs and the palette live once in shared/src (format/, http-url.ts, youtube-url.ts, palette.ts): import them.' },
  { selector: `VariableDeclarator[id.name=${sharedRuleName}]`, message: 'Durations, clock times, ETAs, percents, URLs and the palette live once in shared/src: import them.' },
];
// Job options and their limits are declared once, in engine/src/contracts/job-options.ts.
const ONLY_CONTRACTS = [
  { selector: "Property[key.name=/^(fps|minFaceSize)$/] MemberExpression[object.name='z']", message: 'Job options are declared once, in engine/src/contracts/job-options.ts: use jobOptionsSchema or JOB_OPTION_QUERY_FIELDS.' },
];
const UPWARD = ['../services/*', '../services/**', '../api/*', '../api/**', '../cli/*', '../cli/**', '../roots/*'];
// no-restricted-imports does not see import(): the same arrows, for dynamic imports.
const dynamicImportOf = (folders, message) => ({ selector: `ImportExpression[source.value=/^(\\.\\.\\/)+(${folders.join('|')})\\//]`, message });
const NO_DYNAMIC_UPWARD = dynamicImportOf(['services', 'api', 'cli', 'roots'], 'storage/ and queue/ may not load services/, api/, cli/ or roots/: have a composition root hand it in.');
const NO_DYNAMIC_INNER = dynamicImportOf(['storage', 'queue', 'adapters', 'stages', 'config', 'api', 'roots', 'bot'], 'CLI commands go through services/ (and contracts/, shared/); settings and roots come in the CliContext.');
const ENGINE_INNER = ['../storage/*', '../queue/*', '../adapters/*', '../adapters/**', '../stages/**', '../config/*', '../roots/*', '../../storage/*', '../../queue/*', '../../adapters/*', '../../adapters/**', '../../stages/**', '../../api/*', '../../config/*', '../../roots/*', '../../../../models/*', '../../../../bot/**'];

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
    // Storage and the queue sit below the services: no arrow back up. The queue is handed the analysis
    // use case as an AnalysisProcessor by the composition roots (engine/src/roots/); it never imports it.
    files: ['engine/src/storage/**/*.ts', 'engine/src/queue/**/*.ts'],
    ignores: ['engine/src/queue/bullmq.*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: DOORS, patterns: [{ group: UPWARD, message: 'storage/ and queue/ may not import services/, api/, cli/ or roots/: put the shared type in engine/src/contracts/, or have a composition root hand it in.' }] }] },
  },
  {
    files: ['engine/src/queue/bullmq.*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: doorsBut('bullmq'), patterns: [{ group: UPWARD, message: 'queue/ may not import services/, api/, cli/ or roots/: have a composition root hand it in.' }] }] },
  },
  {
    // The use cases sit below every entry point: they are handed what they need, and import no route, command or root.
    files: ['engine/src/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: DOORS, patterns: [{ group: ['../api/*', '../cli/*', '../cli/**', '../roots/*', '../../api/*', '../../cli/*', '../../cli/**', '../../roots/*'], message: 'services/ import no entry point (api/, cli/, roots/): have the caller hand it in.' }] }] },
  },
  {
    // Adapters are doors to the outside world: they hold no settings of their own (a root builds them
    // on its settings and hands them down) and know nothing above them.
    files: ['engine/src/adapters/**/*.ts'],
    ignores: ['engine/src/adapters/onnx.adapter.ts', 'engine/src/adapters/chart-renderer.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: DOORS, patterns: [{ group: [...UPWARD, '../config/*', '../queue/*', '../storage/*', '../../config/*'], message: 'Adapters import no settings and nothing above them: take what you need as constructor arguments.' }] }] },
  },
  {
    // The contracts are the floor: shared types and nothing else of the engine.
    files: ['engine/src/contracts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: DOORS, patterns: [{ group: [...new Set([...ENGINE_INNER, ...UPWARD])], message: 'contracts/ imports only shared/.' }] }] },
  },
  {
    // The CLI's commands are thin, like the routes: services, contracts and shared only. Settings, the
    // engine and the other process kinds' roots come from the CLI's composition root (main.ts) through
    // the CliContext that command.ts declares.
    files: ['engine/src/cli/**/*.ts'],
    ignores: ['engine/src/cli/main.ts', 'engine/src/cli/command.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: DOORS, patterns: [{ group: ENGINE_INNER, message: 'CLI commands go through services/ (and contracts/, shared/); settings and roots come in the CliContext.' }] }] },
  },
  {
    files: ['engine/src/**/*.{ts,tsx}', 'bot/src/**/*.ts', 'extension/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    ignores: ['engine/src/contracts/**'],
    rules: { 'no-restricted-syntax': ['error', ...ONLY_SHARED, ...ONLY_CONTRACTS] },
  },
  {
    files: ['engine/src/contracts/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...ONLY_SHARED] },
  },
  { files: ['engine/src/storage/**/*.ts', 'engine/src/queue/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ...ONLY_SHARED, ...ONLY_CONTRACTS, NO_DYNAMIC_UPWARD] } },
  {
    // Settings are passed in (issue 8): an adapter takes them as constructor arguments, never through a module-level setter.
    files: ['engine/src/adapters/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...ONLY_SHARED, ...ONLY_CONTRACTS, { selector: 'ExportNamedDeclaration > FunctionDeclaration[id.name=/^(configure|set)[A-Z]/]', message: 'Adapters hold no settings of their own: take them as constructor arguments (see services/engine.ts).' }] },
  },
  {
    files: ['engine/src/cli/**/*.ts'],
    ignores: ['engine/src/cli/main.ts', 'engine/src/cli/command.ts'],
    rules: { 'no-restricted-syntax': ['error', ...ONLY_SHARED, ...ONLY_CONTRACTS, NO_DYNAMIC_INNER] },
  },
  {
    // The bot and the extension reach the engine only through its HTTP API (shared/src/api/client.ts).
    files: ['bot/src/**/*.ts', 'extension/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: DOORS, patterns: [{ group: ['**/engine/*'], message: 'Use the API client in shared/, not engine internals.' }] }] },
  },
);
