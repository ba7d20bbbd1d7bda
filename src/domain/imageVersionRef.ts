import { GatewayError } from '../errors/GatewayError.ts';

/** Identifies one image version in bk-repo; every field has passed `parseImageVersionRef`. */
export interface ImageVersionRef {
  readonly projectId: string;
  readonly repoName: string;
  readonly packageKey: string;
  readonly version: string;
  /** `docker` or `oci`: the scheme of `packageKey`, which must match the repository type. */
  readonly scheme: 'docker' | 'oci';
  /** The image name inside the repository, e.g. `library/nginx`. */
  readonly imageName: string;
  /** One string per distinct version: the loader and cache key. */
  readonly key: string;
}

// bk-repo's own push-time pattern for image names (slash-separated path components).
const IMAGE_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
const PACKAGE_KEY = /^(docker|oci):\/\/(.+)$/;
// A single path segment that cannot be `.` or `..`: it must start with a letter, digit or `_`.
const PATH_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const MAX_IMAGE_NAME_LENGTH = 255;

export interface ImageVersionRefInput {
  readonly projectId: string;
  readonly repoName: string;
  readonly packageKey: string;
  readonly version: string;
}

/**
 * Checks every part of a version reference before it can reach a URL. Parts are later encoded as
 * path segments or query values, and these patterns leave no room for `..`, `%`, `?`, `#`, CR/LF
 * or whitespace, so a reference can never address another upstream path or inject a header.
 */
export function parseImageVersionRef(input: ImageVersionRefInput): ImageVersionRef {
  const problems: string[] = [];
  if (!PATH_SEGMENT.test(input.projectId)) {
    problems.push(
      `projectId must be 1-128 letters, digits, "_", "." or "-", starting with a letter, digit or "_"; got ${quote(input.projectId)}`,
    );
  }
  if (!PATH_SEGMENT.test(input.repoName)) {
    problems.push(
      `repoName must be 1-128 letters, digits, "_", "." or "-", starting with a letter, digit or "_"; got ${quote(input.repoName)}`,
    );
  }
  const keyMatch = PACKAGE_KEY.exec(input.packageKey);
  const imageName = keyMatch?.[2] ?? '';
  if (!keyMatch || imageName.length > MAX_IMAGE_NAME_LENGTH || !IMAGE_NAME.test(imageName)) {
    problems.push(
      `packageKey must be "docker://" or "oci://" followed by a lower-case image name such as docker://library/nginx; got ${quote(input.packageKey)}`,
    );
  }
  if (!TAG.test(input.version) && !DIGEST.test(input.version)) {
    problems.push(
      `version must be a tag (letters, digits, "_", "." or "-", at most 128) or a digest "sha256:<64 hex>"; got ${quote(input.version)}`,
    );
  }
  if (problems.length > 0) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      `Invalid image version reference: ${problems.join('; ')}.`,
    );
  }
  const scheme = keyMatch?.[1] === 'oci' ? 'oci' : 'docker';
  return {
    projectId: input.projectId,
    repoName: input.repoName,
    packageKey: input.packageKey,
    version: input.version,
    scheme,
    imageName,
    // None of the validated parts can contain a newline, so it separates them unambiguously.
    key: `${input.projectId}\n${input.repoName}\n${input.packageKey}\n${input.version}`,
  };
}

/** The public view of a reference, as echoed in results. */
export function refValue(ref: ImageVersionRefInput): ImageVersionRefInput {
  return {
    projectId: ref.projectId,
    repoName: ref.repoName,
    packageKey: ref.packageKey,
    version: ref.version,
  };
}

// Shows what was received without letting control characters or a huge value into the message.
function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(shown);
}
