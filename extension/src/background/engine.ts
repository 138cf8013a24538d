/** The worker's connection to the engine: the settings, the host permission, and the typed client. */
import { OnscreenClient } from '../../../shared/src/api/client.js';
import { hasOrigins, readStorage } from '../browser.js';
import { ExtensionError } from '../errors.js';
import { isConfigured, originPattern, SETTINGS_KEY, type Settings } from '../settings.js';

export async function readSettings(): Promise<Settings | undefined> {
  return readStorage<Settings>(SETTINGS_KEY);
}

/** A client for the engine in `settings` (default: the saved ones), once the browser lets us reach it. */
export async function connectEngine(settings?: Settings): Promise<OnscreenClient> {
  const chosen = settings ?? (await readSettings());
  if (!isConfigured(chosen)) {
    throw new ExtensionError({ code: 'not_configured', message: 'onscreen is not connected to an engine yet.' });
  }
  if (!(await hasOrigins([originPattern(chosen.serverUrl)]))) {
    throw new ExtensionError({ code: 'no_permission', message: `The extension may not reach ${chosen.serverUrl} yet.` });
  }
  return new OnscreenClient({ baseUrl: chosen.serverUrl, token: chosen.token });
}
