import { GatewayError } from '../errors/GatewayError.ts';
import type { Manifest } from '../domain/versionDetail.ts';
import { manifestSchema } from './wireSchemas.ts';
import type { UpstreamResult } from './decodeEnvelope.ts';

/** `data` of the manifest endpoint is the stored manifest document, as a JSON string. */
export function decodeManifest(result: UpstreamResult): Manifest {
  const contractError = (cause: unknown): GatewayError =>
    new GatewayError('UPSTREAM_CONTRACT', 'bk-repo answered with an unexpected manifest.', {
      traceId: result.traceId,
      cause,
    });
  let document: unknown = result.data;
  if (typeof document === 'string') {
    try {
      document = JSON.parse(document) as unknown;
    } catch (error) {
      throw contractError(error);
    }
  }
  const parsed = manifestSchema.safeParse(document);
  if (!parsed.success) throw contractError(parsed.error);
  const manifest = parsed.data;
  return {
    mediaType: manifest.mediaType ?? null,
    layers: manifest.layers ?? [],
    manifests: (manifest.manifests ?? []).map((entry) => ({
      mediaType: entry.mediaType ?? null,
      digest: entry.digest,
      size: entry.size,
      platform: entry.platform
        ? [entry.platform.os, entry.platform.architecture, entry.platform.variant]
            .filter((part): part is string => Boolean(part))
            .join('/')
        : null,
    })),
  };
}
