/**
 * The decoded segments of a request path (split on "/", empty ones kept), or undefined when one
 * would leave the served folder or cannot be a file name. Shared by the local servers.
 */
export function decodePathSegments(path: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    // Nothing outside the folder and nothing a file name cannot hold.
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}
