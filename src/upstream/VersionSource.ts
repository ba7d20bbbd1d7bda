import type { ImageVersionRef } from '../domain/imageVersionRef.ts';
import type { ImageRef } from '../domain/imageRef.ts';
import type { Manifest, VersionDetail } from '../domain/versionDetail.ts';
import type { CallContext, TagListQuery } from './BkRepoClient.ts';
import type { TagPage } from './decodeTagPage.ts';

/**
 * Where version data comes from: bk-repo itself, or a cache in front of it. Loaders depend on this
 * seam, never on HTTP.
 */
export interface VersionSource {
  getVersionDetail(ref: ImageVersionRef, context: CallContext): Promise<VersionDetail>;
  getManifest(ref: ImageVersionRef, context: CallContext): Promise<Manifest>;
  listTags(image: ImageRef, query: TagListQuery, context: CallContext): Promise<TagPage>;
}
