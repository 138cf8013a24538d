/**
 * The options page: which engine to use (address and token), a "Test connection" button, and the
 * host permission for the engine's address, asked for at the moment the user saves or tests.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ServiceStatus } from '../../../shared/src/api/types.js';
import { readStorage, requestOrigins, writeStorage } from '../browser.js';
import { describeError, ExtensionError, toErrorInfo, type ErrorDisplay } from '../errors.js';
import { ask } from '../messaging.js';
import { normaliseServerUrl, originPattern, SETTINGS_KEY, type Settings } from '../settings.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';

type Outcome = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'ok'; text: string } | { kind: 'error'; error: ErrorDisplay };

export function OptionsApp(): JSX.Element {
  const [form, setForm] = useState<Settings>({ serverUrl: '', token: '', name: '' });
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  useEffect(() => {
    void readStorage<Settings>(SETTINGS_KEY).then((saved) => saved && setForm({ name: '', ...saved }));
  }, []);

  /** Checks the address and asks for the permission; must start inside the click (a user gesture). */
  const prepare = (): { settings: Settings; granted: Promise<boolean> } | null => {
    try {
      const settings = { serverUrl: normaliseServerUrl(form.serverUrl), token: form.token.trim(), name: form.name?.trim() ?? '' };
      return { settings, granted: requestOrigins([originPattern(settings.serverUrl)]) };
    } catch (error) {
      setOutcome({ kind: 'error', error: describe(error, form.serverUrl) });
      return null;
    }
  };

  const run = async (shouldSave: boolean): Promise<void> => {
    const prepared = prepare();
    if (!prepared) return;
    const { settings } = prepared;
    // For an engine not on this computer the browser asks the user first; nothing is saved until they allow it.
    setOutcome({ kind: 'busy', text: `Waiting for your answer to the browser: allow onscreen to reach ${settings.serverUrl}?` });
    if (!(await prepared.granted.catch(() => false))) {
      setOutcome({ kind: 'error', error: { title: `The browser did not allow the extension to reach ${settings.serverUrl}.`, advice: 'Press the button again and choose "Allow".', action: 'none' } });
      return;
    }
    setOutcome({ kind: 'busy', text: shouldSave ? 'Saving…' : 'Testing…' });
    if (shouldSave) {
      await writeStorage(SETTINGS_KEY, settings);
      setForm(settings);
    }
    try {
      const status: ServiceStatus = await ask('testConnection', settings);
      const saved = shouldSave ? 'Saved. ' : '';
      setOutcome({ kind: 'ok', text: `${saved}Connected to the onscreen engine ${status.version} at ${settings.serverUrl}.` });
    } catch (error) {
      setOutcome({ kind: 'error', error: describe(error, settings.serverUrl) });
    }
  };

  const field = (key: keyof Settings) => ({
    value: form[key] ?? '',
    onInput: (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value }),
  });

  return (
    <main class="os-app ext-options">
      <h1>onscreen options</h1>
      <p class="os-muted">The extension sends videos to an onscreen engine, which finds the people and measures their screen time.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(true);
        }}
      >
        <label>
          Engine address
          <input name="serverUrl" type="url" required placeholder="http://127.0.0.1:8750" {...field('serverUrl')} />
        </label>
        <label>
          API token
          <input name="token" type="password" required autocomplete="off" {...field('token')} />
        </label>
        <label>
          Your name <span class="os-muted">(optional, shown beside your tags)</span>
          <input name="name" type="text" {...field('name')} />
        </label>
        <div class="ext-options__actions">
          <button type="submit" class="os-button os-button--primary" disabled={outcome.kind === 'busy'}>
            Save
          </button>
          <button type="button" class="os-button" disabled={outcome.kind === 'busy'} onClick={() => void run(false)}>
            Test connection
          </button>
        </div>
      </form>
      <div class="ext-options__outcome" aria-live="polite">
        {outcome.kind === 'busy' && <p class="os-muted">{outcome.text}</p>}
        {outcome.kind === 'ok' && <p class="ext-ok" role="status">✓ {outcome.text}</p>}
        {outcome.kind === 'error' && <ErrorNotice error={outcome.error} />}
      </div>
    </main>
  );
}

function describe(error: unknown, serverUrl: string): ErrorDisplay {
  const display = describeError(error instanceof ExtensionError ? error.toInfo() : toErrorInfo(error), serverUrl);
  // On this page "open Options" is no advice: say what to change here.
  const advice = display.advice
    .replace(/^Open Options and (.)/, (_, first: string) => first.toUpperCase())
    .replace('the address in Options', 'the address above');
  return { ...display, advice };
}
