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
