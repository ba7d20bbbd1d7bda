import type { DemoUser } from './accessTokens.ts';
import type { Catalog, PreparedRepository } from './catalog.ts';
import { REGISTRY_DOMAIN } from './fixtures.ts';
import {
  CODE,
  failure,
  parameterInvalid,
  parameterMissing,
  registryFailure,
  repositoryNotFound,
  success,
  systemError,
  unauthorized,
  type Reply,
  type ReplyContext,
} from './responses.ts';
import type { Route } from './routes.ts';

export interface ApiRequest {
  readonly method: string;
  readonly pathname: string;
  readonly route: Route;
  readonly query: Readonly<Record<string, string>>;
  readonly user: DemoUser | undefined;
}

const ADDR_JSON = JSON.stringify(REGISTRY_DOMAIN);

/**
 * Answers one request the way bk-repo behind the CPack OpenAPI gateway does. Checks run in
 * bk-repo's order: token, parameters, repository exists, permission, then the lookup itself.
 */
export function answerRequest(request: ApiRequest, catalog: Catalog, context: ReplyContext): Reply {
  const { route, query, user } = request;
  if (!user) return unauthorized(context);
  if (request.method !== 'GET') {
    const message = `Request method '${request.method}' is not supported`;
    return failure(405, CODE.methodNotAllowed, message, context);
  }
  switch (route.endpoint) {
    case 'addr':
      return success(ADDR_JSON, context);
    case 'unknown':
      return failure(404, CODE.urlNotFound, `Request url [${request.pathname}] not found`, context);
    case 'versionDetail': {
      const packageKey = query['packageKey'];
      if (packageKey === undefined) return parameterMissing('packageKey', context);
      const version = query['version'];
      if (version === undefined) return parameterMissing('version', context);
      const access = checkAccess(catalog, route, user, context);
      if ('refusal' in access) return access.refusal;
      return versionDetail(access, packageKey, version);
    }
    case 'manifest': {
      const access = checkAccess(catalog, route, user, context);
      if ('refusal' in access) return access.refusal;
      return manifest(access, route.imageName, route.reference);
    }
    case 'tagList': {
      const paging = parsePaging(query, context);
      if ('refusal' in paging) return paging.refusal;
      const access = checkAccess(catalog, route, user, context);
      if ('refusal' in access) return access.refusal;
      return tagPage(access, route.imageName, paging, query['tag'] ?? '');
    }
  }
}

interface Access {
  readonly prepared: PreparedRepository;
  /** The request's context, adjusted to the headers of the repository's bk-repo generation. */
  readonly context: ReplyContext;
}

/**
 * bk-repo's permission aspect looks the repository up before checking permission, so anyone
 * learns whether a repository exists. Unknown repositories answer in the current format.
 */
function checkAccess(
  catalog: Catalog,
  location: { readonly projectId: string; readonly repoName: string },
  user: DemoUser,
  context: ReplyContext,
): Access | { readonly refusal: Reply } {
  const prepared = catalog.get(location.projectId)?.get(location.repoName);
  if (!prepared) return { refusal: repositoryNotFound(location.repoName, context) };
  const repoContext = { ...context, timeZoneHeader: prepared.flavour.timeZoneHeader };
  if (!user.canRead(location.projectId, location.repoName)) {
    return { refusal: prepared.flavour.denied(user.name, prepared.repository, repoContext) };
  }
  return { prepared, context: repoContext };
}

function versionDetail({ prepared, context }: Access, packageKey: string, version: string): Reply {
  const detail = prepared.details.get(packageKey)?.get(version);
  if (!detail) {
    const { projectId, name: repoName } = prepared.repository;
    return prepared.flavour.versionNotFound({ projectId, repoName, packageKey, version }, context);
  }
  if ('missingParameter' in detail) return parameterMissing(detail.missingParameter, context);
  return success(detail.dataJson, context);
}

function manifest({ prepared, context }: Access, imageName: string, reference: string): Reply {
  const manifestJson = prepared.manifests.get(imageName)?.get(reference);
  if (manifestJson !== undefined) return success(manifestJson, context);
  const { projectId, name: repoName } = prepared.repository;
  const message = `Artifact [/${imageName}/manifest/${reference}/manifest.json] not found in repo [${projectId}|${repoName}] !`;
  return registryFailure(404, CODE.ociFileNotFound, message, null, context);
}

interface Paging {
  readonly pageNumber: number;
  readonly pageSize: number;
}

const INTEGER = /^[+-]?\d{1,9}$/;

/**
 * `pageSize` is a required parameter; `pageNumber` is bound without `@RequestParam` into a
 * non-null Int, so bk-repo fails with a server error when it is missing.
 */
function parsePaging(
  query: Readonly<Record<string, string>>,
  context: ReplyContext,
): Paging | { readonly refusal: Reply } {
  const pageSize = query['pageSize'];
  if (pageSize === undefined) return { refusal: parameterMissing('pageSize', context) };
  if (!INTEGER.test(pageSize)) return { refusal: parameterInvalid('pageSize', context) };
  const pageNumber = query['pageNumber'];
  if (pageNumber === undefined) return { refusal: systemError(context) };
  if (!INTEGER.test(pageNumber)) return { refusal: parameterInvalid('pageNumber', context) };
  return { pageNumber: Number(pageNumber), pageSize: Number(pageSize) };
}

function tagPage(
  { prepared, context }: Access,
  imageName: string,
  paging: Paging,
  tagPrefix: string,
): Reply {
  // Spring's PageRequest rejects a size below one, which bk-repo reports as a system error.
  if (paging.pageSize < 1) return systemError(context);
  const all = prepared.tags.get(imageName) ?? [];
  const matching = tagPrefix ? all.filter((entry) => entry.tag.startsWith(tagPrefix)) : all;
  const start = (Math.max(paging.pageNumber, 1) - 1) * paging.pageSize;
  const records = matching.slice(start, start + paging.pageSize).map((entry) => entry.json);
  return success(`{"totalRecords":${matching.length},"records":[${records.join(',')}]}`, context);
}
