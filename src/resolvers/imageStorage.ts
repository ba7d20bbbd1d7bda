import {
  refValue,
  type ImageVersionRef,
  type ImageVersionRefInput,
} from '../domain/imageVersionRef.ts';
import type { ImageVersionFailure } from '../domain/imageVersionFailure.ts';
import type { Layer } from '../domain/versionDetail.ts';
import { toGatewayError } from '../errors/toGatewayError.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import type { Loaders } from '../loaders/createLoaders.ts';
import { loadLayers } from '../loaders/loadLayers.ts';
import { assertRefCount, tryParse } from './refInputs.ts';

interface Usage {
  readonly ref: ImageVersionRef;
  readonly size: number;
  readonly layers: readonly Layer[];
}

interface LayerUse {
  readonly size: number;
  readonly versions: ImageVersionRefInput[];
}

/**
 * What a set of versions really costs in storage. Each distinct ref is read once (detail, plus the
 * manifest when the detail has no layers); a ref that cannot be read is reported in `errors` and
 * left out of every total. A layer used by several versions counts once in the distinct totals.
 */
export const imageStorage: NonNullable<QueryResolvers['imageStorage']> = async (
  _root,
  { refs },
  { loaders, config },
) => {
  assertRefCount(refs.length, config.maxRefsPerQuery);
  // Each distinct ref once, valid or not, in the order first given.
  const distinct = new Map<string, ImageVersionRef | ImageVersionFailure>();
  for (const input of refs) {
    const parsed = tryParse(input);
    const key = 'error' in parsed ? `invalid:${JSON.stringify(parsed.ref)}` : parsed.key;
    if (!distinct.has(key)) distinct.set(key, parsed);
  }

  const outcomes = await Promise.all(
    [...distinct.values()].map(async (entry) =>
      'error' in entry ? entry : usageOf(entry, loaders),
    ),
  );
  const usages = outcomes.filter((outcome): outcome is Usage => !('error' in outcome));
  const failures = outcomes.filter((outcome): outcome is ImageVersionFailure => 'error' in outcome);

  const layers = new Map<string, LayerUse>();
  for (const { ref, layers: used } of usages) {
    // A version listing one blob twice still uses it once.
    for (const layer of new Map(used.map((entry) => [entry.digest, entry])).values()) {
      const use = layers.get(layer.digest) ?? { size: layer.size, versions: [] };
      use.versions.push(refValue(ref));
      layers.set(layer.digest, use);
    }
  }
  const sharedLayers = [...layers.entries()]
    .filter(([, use]) => use.versions.length > 1)
    .map(([digest, use]) => ({ digest, size: use.size, versions: use.versions }))
    .sort((a, b) => b.size - a.size || a.digest.localeCompare(b.digest));

  return {
    versions: usages.map((usage) => refValue(usage.ref)),
    errors: failures,
    totalSize: sum(usages.map((usage) => usage.size)),
    distinctLayerCount: layers.size,
    distinctLayerSize: sum([...layers.values()].map((use) => use.size)),
    sharedLayers,
  };
};

async function usageOf(
  ref: ImageVersionRef,
  loaders: Loaders,
): Promise<Usage | ImageVersionFailure> {
  try {
    const [detail, layers] = await Promise.all([
      loaders.versionDetail.load(ref),
      loadLayers(ref, loaders),
    ]);
    return { ref, size: detail.basic.size ?? 0, layers };
  } catch (error) {
    return { ref: refValue(ref), error: toGatewayError(error) };
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
