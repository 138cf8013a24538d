import { userInfo } from 'node:os';

/** Who edits from this machine's command line: the login name, or "cli" where there is none (some containers). */
export function currentUser(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}
