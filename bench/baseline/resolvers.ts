import type { BkRepoAPI, VersionArgs, WireDetail } from './BkRepoAPI.ts';

export interface BaselineContext {
  readonly dataSources: { readonly bkRepo: BkRepoAPI };
}

/** What an ImageVersion resolves from: its arguments and the detail read for them. */
interface VersionParent extends VersionArgs {
  readonly detail: WireDetail;
  readonly zone: string;
}

const DIGEST_KEYS = ['docker.manfiest.digest', 'docker.manifest.digest', 'manifest_digest'];
const MEDIA_TYPE_KEYS = ['docker.manifest.type'];
// `/bin/sh -c #(nop)  CMD [...]` (classic builder) or `COPY . /app # buildkit` name their
// instruction; any other shell command is a RUN.
const NOP = /#\(nop\)\s*([A-Z]+)/;
const LEADING_WORD = /^([A-Z]+)\b/;
const CONFIG_ONLY = new Set(
  'ARG CMD ENTRYPOINT ENV EXPOSE HEALTHCHECK LABEL MAINTAINER ONBUILD SHELL STOPSIGNAL USER VOLUME WORKDIR'.split(
    ' ',
  ),
);

function instructionOf(createdBy: string | null): string | null {
  if (createdBy === null) return null;
  const named = NOP.exec(createdBy)?.[1] ?? LEADING_WORD.exec(createdBy)?.[1];
  if (named !== undefined) return named;
  return createdBy.startsWith('/bin/sh -c ') || /^\|\d+ /.test(createdBy) ? 'RUN' : null;
}

function firstMetadata(parent: VersionParent, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = parent.detail.metadata?.find((entry) => entry.key === key)?.value;
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/** A zone-less local time read in `zone`, or an instant with its own zone, as ISO-8601 UTC. */
function toIso(text: string | null | undefined, zone: string): string | null {
  if (!text) return null;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}${zone}`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const resolvers = {
  Query: {
    imageVersion: async (
      _root: unknown,
      args: VersionArgs,
      { dataSources }: BaselineContext,
    ): Promise<VersionParent | null> => {
      const found = await dataSources.bkRepo.getVersionDetail(args);
      if (found === null) return null;
      return {
        projectId: args.projectId,
        repoName: args.repoName,
        packageKey: args.packageKey,
        version: args.version,
        ...found,
      };
    },
  },
  ImageVersion: {
    basic: ({ detail: { basic }, zone }: VersionParent) => ({
      ...basic,
      domain: basic.domain ?? basic.dockerDomain ?? null,
      createdDate: toIso(basic.createdDate, zone),
      lastModifiedDate: toIso(basic.lastModifiedDate, zone),
    }),
    digest: (parent: VersionParent) => firstMetadata(parent, DIGEST_KEYS),
    mediaType: (parent: VersionParent) => firstMetadata(parent, MEDIA_TYPE_KEYS),
    platforms: ({ detail }: VersionParent) =>
      (detail.basic.platform ?? []).map((text) => {
        const [os = '', architecture, variant] = text.split('/');
        return {
          os: os || 'unknown',
          architecture: architecture ?? null,
          variant: variant ?? null,
        };
      }),
    history: ({ detail, zone }: VersionParent) =>
      (detail.history ?? []).map((step) => {
        const createdBy = step.created_by ?? null;
        const instruction = instructionOf(createdBy);
        return {
          created: toIso(step.created, zone),
          createdBy,
          emptyLayer: step.empty_layer ?? (instruction !== null && CONFIG_ONLY.has(instruction)),
          instruction,
        };
      }),
    metadata: ({ detail }: VersionParent, { keys }: { keys?: readonly string[] | null }) => {
      const entries = (detail.metadata ?? []).map((entry) => ({
        key: entry.key,
        value: entry.value,
        system: entry.system ?? null,
        description: entry.description ?? null,
      }));
      return keys ? entries.filter((entry) => keys.includes(entry.key)) : entries;
    },
    layers: (parent: VersionParent, _args: unknown, { dataSources }: BaselineContext) =>
      dataSources.bkRepo.getLayers(parent),
  },
};
