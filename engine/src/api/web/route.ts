/** Whether the path is the people library page. */
export function isLibraryPath(pathname: string): boolean {
  return /^\/library\/?$/.test(pathname);
}

/** Which page a path is: the job list (`/`) or one job (`/jobs/:id`). */
export function readJobId(pathname: string): string | null {
  const match = /^\/jobs\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
