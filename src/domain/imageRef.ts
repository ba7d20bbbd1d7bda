import type { ImageVersionRef } from './imageVersionRef.ts';

/** An image (all of its versions): a version reference without the version. */
export type ImageRef = Pick<
  ImageVersionRef,
  'projectId' | 'repoName' | 'packageKey' | 'scheme' | 'imageName'
>;
