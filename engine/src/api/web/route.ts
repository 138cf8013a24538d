/** Whether the path is the people library page. */
export function isLibraryPath(pathname: string): boolean {
  return /^\/library\/?$/.test(pathname);
}

/** Whether the path is the list of collections. */
export function isCollectionsPath(pathname: string): boolean {
  return /^\/collections\/?$/.test(pathname);
}

/** Which page a path is: the job list (`/`) or one job (`/jobs/:id`). */
export function readJobId(pathname: string): string | null {
  return readSegment(/^\/jobs\/([^/]+)\/?$/, pathname);
}

/** The collection of a collection page (`/collections/:id`), or null. */
export function readCollectionId(pathname: string): string | null {
  return readSegment(/^\/collections\/([^/]+)\/?$/, pathname);
}

function readSegment(pattern: RegExp, pathname: string): string | null {
  const match = pattern.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
