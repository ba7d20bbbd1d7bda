export interface Platform {
  readonly os: string;
  readonly architecture: string | null;
  readonly variant: string | null;
}

/**
 * Reads bk-repo's `os/arch[/variant]` strings (current releases) or the bare `os` of the legacy
 * docker service. A multi-arch index yields one entry per index entry, in index order.
 */
export function parsePlatforms(
  platform: readonly string[] | null,
  os: string | null,
): readonly Platform[] {
  if (platform && platform.length > 0) return platform.map(parsePlatform);
  return os ? [{ os, architecture: null, variant: null }] : [];
}

function parsePlatform(text: string): Platform {
  const [os = '', architecture, variant] = text.split('/');
  return {
    os: os || 'unknown',
    architecture: architecture || null,
    variant: variant || null,
  };
}
