import { DateTimeResolver, JSONResolver, SafeIntResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { ImageVersion } from './ImageVersion.ts';
import { ImageVersionError, ImageVersionResult } from './ImageVersionResult.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  SafeInt: SafeIntResolver,
  JSON: JSONResolver,
  Query,
  ImageVersion,
  ImageVersionResult,
  ImageVersionError,
};
