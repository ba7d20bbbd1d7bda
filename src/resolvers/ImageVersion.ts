import type { ImageVersionResolvers } from '../generated/resolvers-types.ts';
import { manifestDigest, manifestMediaType } from '../domain/manifestFacts.ts';
import { parsePlatforms } from '../domain/platforms.ts';
import { loadLayers } from '../loaders/loadLayers.ts';
import { resolveImageVersionReference } from './entityReference.ts';

/**
 * An ImageVersion is resolved from its validated reference alone; each field that needs bk-repo
 * data asks the request's loader, so however many fields and versions a query selects, each
 * version costs one detail call.
 */
export const ImageVersion: ImageVersionResolvers = {
  __resolveReference: resolveImageVersionReference,
  basic: async (ref, _args, { loaders }) => (await loaders.versionDetail.load(ref)).basic,
  digest: async (ref, _args, { loaders }) => manifestDigest(await loaders.versionDetail.load(ref)),
  mediaType: async (ref, _args, { loaders }) =>
    manifestMediaType(await loaders.versionDetail.load(ref)),
  platforms: async (ref, _args, { loaders }) => {
    const { basic } = await loaders.versionDetail.load(ref);
    return parsePlatforms(basic.platform, basic.os);
  },
  history: async (ref, _args, { loaders }) => (await loaders.versionDetail.load(ref)).history,
  metadata: async (ref, { keys }, { loaders }) => {
    const { metadata } = await loaders.versionDetail.load(ref);
    if (!keys) return metadata;
    const wanted = new Set(keys);
    return metadata.filter((entry) => wanted.has(entry.key));
  },
  layers: (ref, _args, { loaders }) => loadLayers(ref, loaders),
};
