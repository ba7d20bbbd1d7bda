import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  isAbstractType,
  type FieldNode,
  type FragmentSpreadNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type InlineFragmentNode,
  type NamedTypeNode,
  type SelectionSetNode,
} from 'graphql';
import type { GatewayContext } from '../context.ts';
import {
  parseImageVersionRef,
  type ImageVersionRef,
  type ImageVersionRefInput,
} from '../domain/imageVersionRef.ts';
import { GatewayError, VersionNotFoundError } from '../errors/GatewayError.ts';

const ENTITY_TYPE = 'ImageVersion';
const KEY_FIELDS = ['projectId', 'repoName', 'packageKey', 'version'] as const;
const ANSWERED_BY_REFERENCE = new Set<string>([...KEY_FIELDS, '__typename']);

/**
 * Resolves an `ImageVersion` entity for the federation router.
 *
 * - The representation is untrusted JSON (`_Any`): every key field must be a string and pass the
 *   same checks as `imageVersion`'s arguments, or the entity alone fails with BAD_USER_INPUT.
 * - A reference whose selection needs only key fields is answered from the reference itself, with
 *   no upstream call.
 * - Otherwise the version is loaded through the request's loader. `@apollo/subgraph` calls this
 *   function for every representation in the same tick, so the DataLoader batches them: one call
 *   per distinct version, all issued together.
 * - A version that does not exist becomes null with a NOT_FOUND error on that entity only.
 *
 * It must stay `async`: a synchronous throw would fail the whole `_entities` list instead of one
 * entity.
 */
export async function resolveImageVersionReference(
  representation: Readonly<Record<string, unknown>>,
  { loaders }: GatewayContext,
  info: GraphQLResolveInfo,
): Promise<ImageVersionRef> {
  const ref = parseImageVersionRef(keyFieldsOf(representation));
  if (selectsOnlyKeyFields(info)) return ref;
  try {
    await loaders.versionDetail.load(ref);
  } catch (error) {
    if (error instanceof VersionNotFoundError) {
      throw new GatewayError('NOT_FOUND', 'The image version does not exist.', {
        traceId: error.traceId,
      });
    }
    throw error;
  }
  return ref;
}

/** The key fields of an untrusted representation, once each is known to be a string. */
function keyFieldsOf(representation: Readonly<Record<string, unknown>>): ImageVersionRefInput {
  const { projectId, repoName, packageKey, version } = representation;
  if (
    typeof projectId === 'string' &&
    typeof repoName === 'string' &&
    typeof packageKey === 'string' &&
    typeof version === 'string'
  ) {
    return { projectId, repoName, packageKey, version };
  }
  const wrong = KEY_FIELDS.filter((field) => typeof representation[field] !== 'string');
  throw new GatewayError(
    'BAD_USER_INPUT',
    `Invalid ${ENTITY_TYPE} representation: ${wrong.join(', ')} must be ${wrong.length === 1 ? 'a string' : 'strings'}.`,
  );
}

// Every representation of one `_entities` field shares its field nodes and variables: decide once.
const keyOnlySelections = new WeakMap<
  readonly FieldNode[],
  { readonly variables: GraphQLResolveInfo['variableValues']; readonly answer: boolean }
>();

function selectsOnlyKeyFields(info: GraphQLResolveInfo): boolean {
  const known = keyOnlySelections.get(info.fieldNodes);
  if (known !== undefined && known.variables === info.variableValues) return known.answer;
  const answer = computeSelectsOnlyKeyFields(info);
  keyOnlySelections.set(info.fieldNodes, { variables: info.variableValues, answer });
  return answer;
}

/** Whether the `_entities` selection, as it applies to an ImageVersion, asks only for key fields. */
function computeSelectsOnlyKeyFields(info: GraphQLResolveInfo): boolean {
  const entityType = info.schema.getType(ENTITY_TYPE) as GraphQLObjectType;
  const visited = new Set<string>();

  const appliesTo = (typeCondition: NamedTypeNode | undefined): boolean => {
    if (typeCondition === undefined) return true;
    const type = info.schema.getType(typeCondition.name.value);
    if (type === undefined) return false;
    if (type === entityType) return true;
    return isAbstractType(type) && info.schema.isSubType(type, entityType);
  };

  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean => {
    const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
    if (skip?.['if'] === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
    return include?.['if'] !== false;
  };

  const onlyKeyFields = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.every((selection) => {
      if (!included(selection)) return true;
      switch (selection.kind) {
        case Kind.FIELD:
          return ANSWERED_BY_REFERENCE.has(selection.name.value);
        case Kind.INLINE_FRAGMENT:
          return !appliesTo(selection.typeCondition) || onlyKeyFields(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const fragment = info.fragments[name];
          // Validation forbids fragment cycles; the set only saves re-walking a repeated spread.
          if (fragment === undefined || visited.has(name)) return true;
          visited.add(name);
          return !appliesTo(fragment.typeCondition) || onlyKeyFields(fragment.selectionSet);
        }
      }
    });

  return info.fieldNodes.every(
    (node) => node.selectionSet === undefined || onlyKeyFields(node.selectionSet),
  );
}
