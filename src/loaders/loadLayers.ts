import type { ImageVersionRef } from '../domain/imageVersionRef.ts';
import type { Layer } from '../domain/versionDetail.ts';
import type { Loaders } from './createLoaders.ts';

/**
 * The layers of a version's manifest, base layer first; empty for a multi-arch index. Only the
 * legacy docker service embeds them in the detail; current releases need the manifest call.
 */
export async function loadLayers(
  ref: ImageVersionRef,
  loaders: Loaders,
): Promise<readonly Layer[]> {
  const detail = await loaders.versionDetail.load(ref);
  return detail.layers ?? (await loaders.manifest.load(ref)).layers;
}
