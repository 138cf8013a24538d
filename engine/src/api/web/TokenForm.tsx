/** Asks once for the API token (and, optionally, the tagger's name) and checks it with the engine. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { OnscreenClient } from '../../../../shared/src/api/client.js';
import { describeError } from '../../../../shared/src/ui/format.js';
import { readName, saveName, saveToken } from './session.js';

export interface TokenFormProps {
  /** Why the form is shown again (e.g. the token was refused), if it is. */
  reason?: string | null;
  onReady: (client: OnscreenClient) => void;
}

export function TokenForm({ reason = null, onReady }: TokenFormProps): JSX.Element {
  const [token, setToken] = useState('');
  const [name, setName] = useState(readName());
  const [error, setError] = useState<string | null>(reason);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const trimmed = token.trim();
    if (!trimmed) return setError('Enter the API token first.');
    setBusy(true);
    setError(null);
    const client = new OnscreenClient({ baseUrl: location.origin, token: trimmed });
    try {
      await client.status();
      saveToken(trimmed);
      saveName(name.trim());
      onReady(client);
    } catch (failure) {
      const code = (failure as { code?: string }).code;
      setError(code === 'unauthorized' || code === 'forbidden' ? 'That token was not accepted. Check it and try again.' : describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="os-signin" onSubmit={(event) => void submit(event)}>
      <h1>Sign in to onscreen</h1>
      <p class="os-muted">Enter the API token for this server. It is kept in this browser tab only, until you close it.</p>
      <p class="os-muted os-signin__where">
        No token? Whoever runs this server makes one with <code>npx onscreen token create YOUR-NAME</code> (in the folder where
        onscreen is installed) and gives it to you; it is shown only once.
      </p>
      {error && (
        <p class="os-error" role="alert">
          {error}
        </p>
      )}
      <label class="os-field">
        <span>API token</span>
        <input type="password" name="token" autocomplete="off" value={token} onInput={(e) => setToken((e.currentTarget as HTMLInputElement).value)} required autofocus />
      </label>
      <label class="os-field">
        <span>
          Your name <span class="os-muted">(optional, shown in the edit history)</span>
        </span>
        <input type="text" name="name" autocomplete="name" value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="os-button os-button--primary" disabled={isBusy}>
        {isBusy ? 'Checking…' : 'Continue'}
      </button>
    </form>
  );
}
