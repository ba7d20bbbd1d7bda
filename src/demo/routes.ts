/** The endpoints the demo serves, as the request log names them. */
export type DemoEndpoint = 'versionDetail' | 'manifest' | 'tagList' | 'addr' | 'unknown';

export type Route =
  | { readonly endpoint: 'versionDetail'; readonly projectId: string; readonly repoName: string }
  | {
      readonly endpoint: 'manifest';
      readonly projectId: string;
      readonly repoName: string;
      readonly imageName: string;
      /** A tag or `sha256:<hex>`. */
      readonly reference: string;
    }
  | {
      readonly endpoint: 'tagList';
      readonly projectId: string;
      readonly repoName: string;
      readonly imageName: string;
    }
  | { readonly endpoint: 'addr' }
  | { readonly endpoint: 'unknown' };

const UNKNOWN: Route = { endpoint: 'unknown' };
const ADDR: Route = { endpoint: 'addr' };

/**
 * Matches a request path below `prefix` (no trailing slash) the way bk-repo's `/ext` mappings do.
 * Segments are percent-decoded one by one, so `sha256%3A...` is a digest, and image names are the
 * raw segments between the repository and the tag.
 */
export function parseRoute(pathname: string, prefix: string): Route {
  const base = `${prefix}/ext/`;
  if (!pathname.startsWith(base)) return UNKNOWN;
  const segments = decodeSegments(pathname.slice(base.length));
  if (!segments) return UNKNOWN;
  const [head = '', ...rest] = segments;
  switch (head) {
    case 'addr':
      return rest.length === 0 ? ADDR : UNKNOWN;
    case 'version': {
      const [detail, projectId, repoName, ...extra] = rest;
      if (detail !== 'detail' || !projectId || !repoName || extra.length > 0) return UNKNOWN;
      return { endpoint: 'versionDetail', projectId, repoName };
    }
    case 'manifest': {
      const [projectId, repoName, ...nameAndReference] = rest;
      const reference = nameAndReference.pop();
      if (!projectId || !repoName || !reference || nameAndReference.length === 0) return UNKNOWN;
      return {
        endpoint: 'manifest',
        projectId,
        repoName,
        imageName: nameAndReference.join('/'),
        reference,
      };
    }
    case 'tag': {
      const [projectId, repoName, ...name] = rest;
      if (!projectId || !repoName || name.length === 0) return UNKNOWN;
      return { endpoint: 'tagList', projectId, repoName, imageName: name.join('/') };
    }
    default:
      return UNKNOWN;
  }
}

/** Decoded, non-empty segments; undefined for an empty segment or a malformed escape. */
function decodeSegments(path: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') return undefined;
    try {
      segments.push(decodeURIComponent(raw));
    } catch {
      return undefined;
    }
  }
  return segments;
}
