/**
 * The page's sign-in: the API token lives in this tab's sessionStorage only (never in a URL, never
 * in localStorage), and the tagger's name, shown in the edit history, in localStorage.
 */
const TOKEN_KEY = 'onscreen.token';
const NAME_KEY = 'onscreen.name';
/** Who an edit is by when the tagger gave no name. */
export const DEFAULT_EDITOR = 'tagging page';

export function readToken(): string | null {
  return read(() => sessionStorage.getItem(TOKEN_KEY));
}

export function saveToken(token: string): void {
  write(() => sessionStorage.setItem(TOKEN_KEY, token));
}

export function forgetToken(): void {
  write(() => sessionStorage.removeItem(TOKEN_KEY));
}

export function readName(): string {
  return read(() => localStorage.getItem(NAME_KEY)) ?? '';
}

export function saveName(name: string): void {
  write(() => (name ? localStorage.setItem(NAME_KEY, name) : localStorage.removeItem(NAME_KEY)));
}

/** The `by` of every edit: the tagger's name, or a neutral label. */
export function readEditor(): string {
  return readName().trim() || DEFAULT_EDITOR;
}

// Storage can throw (private modes, disabled cookies): the page then asks again, which is safe.
function read(get: () => string | null): string | null {
  try {
    return get();
  } catch {
    return null;
  }
}

function write(set: () => void): void {
  try {
    set();
  } catch {
    // see read()
  }
}
