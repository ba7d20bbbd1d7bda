import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { parseImageVersionRef, refValue } from '../domain/imageVersionRef.ts';
import type { ImageVersionRef } from '../domain/imageVersionRef.ts';
import { VersionNotFoundError } from '../errors/GatewayError.ts';
import { toGatewayError } from '../errors/toGatewayError.ts';
import { imageStorage } from './imageStorage.ts';
import { imageTags } from './imageTags.ts';
import { assertRefCount, tryParse } from './refInputs.ts';

export const Query: QueryResolvers = {
  imageVersion: async (_root, args, { loaders }) => {
    const ref = parseImageVersionRef(args);
    try {
      await loaders.versionDetail.load(ref);
      return ref;
    } catch (error) {
      if (error instanceof VersionNotFoundError) return null;
      throw error;
    }
  },

  imageVersions: async (_root, { refs }, { loaders, config }) => {
    assertRefCount(refs.length, config.maxRefsPerQuery);
    // Every ref is checked before any upstream call; a malformed one fails alone.
    const parsed = refs.map((input) => tryParse(input));
    const details = await loaders.versionDetail.loadMany(
      parsed.filter((ref): ref is ImageVersionRef => !('error' in ref)),
    );
    let next = 0;
    return parsed.map((ref) => {
      if ('error' in ref) return ref;
      const detail = details[next++];
      return detail instanceof Error ? { ref: refValue(ref), error: toGatewayError(detail) } : ref;
    });
  },

  imageTags,
  imageStorage,
};
