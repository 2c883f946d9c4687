/** Orders version labels the way people read them: 2.10 after 2.9, 2013 after 2010. */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/**
 * The version to show when none is asked for: the newest published one, or the newest
 * draft when nothing is published yet.
 */
export function pickCurrentVersion<T extends { version: string; status: 'draft' | 'published' }>(
  versions: readonly T[],
): T | undefined {
  const published = versions.filter((candidate) => candidate.status === 'published');
  const pool = published.length > 0 ? published : versions;
  return [...pool].sort((a, b) => compareVersions(a.version, b.version)).at(-1);
}
