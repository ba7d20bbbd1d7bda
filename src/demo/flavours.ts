import {
  cpackDetail,
  currentDetail,
  legacyListDetail,
  legacyMapDetail,
  pre31Detail,
  type DetailOutcome,
} from './detailBodies.ts';
import type { Flavour, PackageVersion, Repository } from './fixtures.ts';
import {
  CODE,
  failure,
  registryFailure,
  success,
  type Reply,
  type ReplyContext,
} from './responses.ts';

/** A version lookup that found nothing, with what bk-repo puts in its message. */
export interface MissingVersion {
  readonly projectId: string;
  readonly repoName: string;
  readonly packageKey: string;
  readonly version: string;
}

/** How one bk-repo generation answers the version-detail endpoint (upstream reference §3.3). */
export interface FlavourBehaviour {
  readonly timeZoneHeader: boolean;
  detail(repo: Repository, version: PackageVersion): DetailOutcome;
  versionNotFound(missing: MissingVersion, context: ReplyContext): Reply;
  denied(userName: string, repo: Repository, context: ReplyContext): Reply;
}

function versionNotFoundMessage(missing: MissingVersion): string {
  return `The version [${missing.packageKey}/${missing.version}] of artifact not found in repo [${missing.projectId}|${missing.repoName}] !`;
}

function deniedMessage(userName: string, repo: Repository): string {
  return `Access denied: user[${userName}] does not have [READ] permission in project[${repo.projectId}] repo[${repo.name}]`;
}

// Permission errors come from the OCI exception handler in every generation.
function deniedWithNumericCode(userName: string, repo: Repository, context: ReplyContext): Reply {
  return registryFailure(403, CODE.requestDenied, deniedMessage(userName, repo), null, context);
}

// The legacy service caught every failure and answered `data: null` with code 0.
function nullData(_missing: MissingVersion, context: ReplyContext): Reply {
  return success('null', context);
}

export const FLAVOURS: Readonly<Record<Flavour, FlavourBehaviour>> = {
  current: {
    timeZoneHeader: true,
    detail: currentDetail,
    versionNotFound: (missing, context) =>
      failure(404, CODE.ociVersionNotFound, versionNotFoundMessage(missing), context),
    denied: deniedWithNumericCode,
  },
  cpack: {
    timeZoneHeader: false,
    detail: cpackDetail,
    versionNotFound: (missing, context) =>
      registryFailure(400, 'BLOB_UNKNOWN', versionNotFoundMessage(missing), null, context),
    denied: (userName, repo, context) =>
      registryFailure(403, 'DENIED', deniedMessage(userName, repo), null, context),
  },
  pre31: {
    timeZoneHeader: false,
    detail: pre31Detail,
    versionNotFound: (missing, context) =>
      registryFailure(400, CODE.ociVersionNotFound, versionNotFoundMessage(missing), null, context),
    denied: deniedWithNumericCode,
  },
  legacyMap: {
    timeZoneHeader: false,
    detail: (_repo, version) => legacyMapDetail(version),
    versionNotFound: nullData,
    denied: deniedWithNumericCode,
  },
  legacyList: {
    timeZoneHeader: false,
    detail: (_repo, version) => legacyListDetail(version),
    versionNotFound: nullData,
    denied: deniedWithNumericCode,
  },
};
