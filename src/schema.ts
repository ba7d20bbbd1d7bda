import { readFileSync } from 'node:fs';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { resolvers } from './resolvers/index.ts';
import { assertRefCount } from './resolvers/refInputs.ts';

/** `schema.graphql` is the one source of the schema: read once, at start-up. */
export const typeDefs = gql(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

/**
 * The executable schema. Built as a Federation 2 subgraph, so the same endpoint serves frontends
 * and adds `_service` and `_entities` for a router.
 */
export function createSchema(options: SchemaOptions): GraphQLSchema {
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap }]);
  limitEntityRepresentations(schema, options.maxRefsPerQuery);
  return schema;
}

export interface SchemaOptions {
  /** The most versions one call may name: refs of `imageVersions`, representations of `_entities`. */
  readonly maxRefsPerQuery: number;
}

// `_entities` comes from @apollo/subgraph; it gets the same bound as `imageVersions`, so a single
// request cannot name thousands of versions through the router-facing field either.
function limitEntityRepresentations(schema: GraphQLSchema, max: number): void {
  const entities = schema.getQueryType()?.getFields()['_entities'];
  const resolve = entities?.resolve;
  if (!entities || !resolve) return;
  entities.resolve = (source, args: { representations?: unknown }, context, info) => {
    const { representations } = args;
    if (Array.isArray(representations)) assertRefCount(representations.length, max);
    return resolve(source, args, context, info);
  };
}
