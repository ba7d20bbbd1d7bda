import { hash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { GatewayContext } from '../context.ts';
import { GatewayError } from '../errors/GatewayError.ts';

/** The header only the federation router sends, carrying `SUBGRAPH_SECRET`. */
export const SUBGRAPH_SECRET_HEADER = 'x-subgraph-secret';
const FEDERATION_FIELDS = new Set(['_entities', '_service']);
const FORBIDDEN_MESSAGE = '_entities and _service are reserved for the federation router.';

/**
 * When a secret is configured, `_entities` and `_service` answer only requests that carry it in
 * `x-subgraph-secret`, so a public caller cannot use the subgraph's router-only fields. Ordinary
 * fields are unaffected. Without a secret it does nothing.
 *
 * The check runs on the resolved operation, before execution, and finds the fields however they
 * are written: aliased (`a: _service { sdl }`), inside inline fragments (`... on Query { ... }`)
 * or named fragments on `Query`, at any nesting of fragments. It is deliberately strict: a field
 * under `@skip`/`@include` or in a fragment the operation does not use still needs the secret.
 */
export function subgraphSecretPlugin(
  secret: string | undefined,
): ApolloServerPlugin<GatewayContext> {
  if (secret === undefined) return {};
  const expected = digest(secret);
  // Apollo Server hands every request with the same query text the same parsed document, so the
  // walk runs once per distinct operation rather than once per request.
  const verdicts = new WeakMap<object, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          const subject = operation ?? document;
          let needsSecret = verdicts.get(subject);
          if (needsSecret === undefined) {
            needsSecret = usesFederationFields(schema, document, operation);
            verdicts.set(subject, needsSecret);
          }
          if (!needsSecret) return;
          const presented = request.http?.headers.get(SUBGRAPH_SECRET_HEADER);
          // Compare digests, so the comparison takes the same time whatever was presented.
          if (presented == null || !timingSafeEqual(digest(presented), expected)) {
            throw new GraphQLError(FORBIDDEN_MESSAGE, {
              originalError: new GatewayError('FORBIDDEN', FORBIDDEN_MESSAGE),
              extensions: { http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}

/**
 * Whether the operation, or any fragment of the document, selects `_entities` or `_service` on the
 * query root type. `TypeInfo` tracks the parent type through aliases and fragments, so only the
 * field's real name and its real parent count.
 */
export function usesFederationFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
): boolean {
  const queryType = schema.getQueryType();
  if (!queryType) return false;
  const typeInfo = new TypeInfo(schema);
  let found = false;
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      if (typeInfo.getParentType() === queryType && FEDERATION_FIELDS.has(node.name.value)) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  const roots = [
    ...(operation ? [operation] : []),
    ...document.definitions.filter(
      (definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION ||
        (operation === undefined && definition.kind === Kind.OPERATION_DEFINITION),
    ),
  ];
  for (const root of roots) {
    visit(root, visitor);
    if (found) return true;
  }
  return false;
}

function digest(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}
