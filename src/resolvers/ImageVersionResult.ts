import type {
  ImageVersionErrorResolvers,
  ImageVersionResultResolvers,
} from '../generated/resolvers-types.ts';

export const ImageVersionResult: ImageVersionResultResolvers = {
  __resolveType: (result) => ('error' in result ? 'ImageVersionError' : 'ImageVersion'),
};

export const ImageVersionError: ImageVersionErrorResolvers = {
  ref: (failure) => failure.ref,
  code: (failure) => failure.error.code,
  message: (failure) => failure.error.message,
  retryable: (failure) => failure.error.retryable,
};
