import type { VersionDetail } from './versionDetail.ts';

// bk-repo writes the digest under a misspelt key (`manfiest`); older data and the legacy docker
// service used the correct spelling, and recent releases also write `manifest_digest`.
const DIGEST_KEYS = ['docker.manfiest.digest', 'docker.manifest.digest', 'manifest_digest'];
const MEDIA_TYPE_KEYS = ['docker.manifest.type', 'docker.manifest.mediaType', 'mediaType'];
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const HEX = /^[a-f0-9]{64}$/;

/** The manifest digest, `sha256:<hex>`, or null when the upstream does not tell. */
export function manifestDigest(detail: VersionDetail): string | null {
  const fromMetadata = firstString(detail, DIGEST_KEYS);
  if (fromMetadata && DIGEST.test(fromMetadata)) return fromMetadata;
  if (fromMetadata && HEX.test(fromMetadata)) return `sha256:${fromMetadata}`;
  // Current releases (those that send `fullPath`) report the manifest node's sha256 in `basic`;
  // the legacy service put the config digest there, which is not the manifest digest.
  const { sha256, fullPath } = detail.basic;
  return fullPath !== null && sha256 !== null && HEX.test(sha256) ? `sha256:${sha256}` : null;
}

/** The manifest media type, or null when the upstream does not tell. */
export function manifestMediaType(detail: VersionDetail): string | null {
  return firstString(detail, MEDIA_TYPE_KEYS);
}

function firstString(detail: VersionDetail, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = detail.metadata.find((entry) => entry.key === key)?.value;
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return null;
}
