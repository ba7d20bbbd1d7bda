import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ImageVersionRef as ImageVersionRefModel } from '../domain/imageVersionRef.ts';
import type { VersionBasic as VersionBasicModel, HistoryStep as HistoryStepModel, MetadataEntry as MetadataEntryModel, Layer as LayerModel } from '../domain/versionDetail.ts';
import type { Platform as PlatformModel } from '../domain/platforms.ts';
import type { TagRecord as TagRecordModel } from '../upstream/decodeTagPage.ts';
import type { ImageVersionFailure as ImageVersionFailureModel } from '../domain/imageVersionFailure.ts';
import type { GatewayContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An instant in time as an ISO-8601 / RFC 3339 string with an offset, such as `2024-05-01T02:20:30.123Z`.
   * bk-repo sends zone-less local times; the gateway resolves them in the upstream's time zone and
   * returns the instant in UTC.
   */
  DateTime: { input: Date; output: Date; }
  /** Any JSON value: string, number, boolean, null, array or object. */
  JSON: { input: unknown; output: unknown; }
  /**
   * An integer that is exact up to 2^53 - 1 and serializes as a JSON number. Used for byte sizes and
   * counters, which pass 2^31 for large images.
   */
  SafeInt: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The closed catalogue of error codes the gateway reports. */
export type ErrorCode =
  /** An argument is malformed or over a limit. */
  | 'BAD_USER_INPUT'
  /** bk-repo denied the caller read access. */
  | 'FORBIDDEN'
  /** An unexpected error inside the gateway. */
  | 'INTERNAL_SERVER_ERROR'
  /** The project, repository, package or version does not exist. */
  | 'NOT_FOUND'
  /** The request has no `X-DEVOPS-ACCESS-TOKEN`, or bk-repo rejected it. */
  | 'UNAUTHENTICATED'
  /** bk-repo answered with a body the gateway does not understand. */
  | 'UPSTREAM_CONTRACT'
  /** bk-repo did not answer within the deadline. */
  | 'UPSTREAM_TIMEOUT'
  /** bk-repo could not be reached, reset the connection, or answered with a server error. */
  | 'UPSTREAM_UNAVAILABLE';

/** One step of the image's build history. */
export type HistoryEntry = {
  readonly __typename?: 'HistoryEntry';
  /** When the step ran. */
  readonly created: Maybe<Scalars['DateTime']['output']>;
  /** The raw command recorded for the step. */
  readonly createdBy: Maybe<Scalars['String']['output']>;
  /** Whether the step made no filesystem layer (metadata-only steps such as CMD, ENV, LABEL). */
  readonly emptyLayer: Scalars['Boolean']['output'];
  /** The Dockerfile instruction of the step, e.g. `RUN`, `COPY`, `CMD`; null when it cannot be told. */
  readonly instruction: Maybe<Scalars['String']['output']>;
};

/** The storage cost of a set of image versions. */
export type ImageStorage = {
  readonly __typename?: 'ImageStorage';
  /** How many distinct layers the versions use. */
  readonly distinctLayerCount: Scalars['Int']['output'];
  /** The bytes the distinct layers take, each layer counted once. */
  readonly distinctLayerSize: Scalars['SafeInt']['output'];
  /** The refs that could not be read, and why; they are left out of every total. */
  readonly errors: ReadonlyArray<ImageVersionError>;
  /** The layers used by more than one version, largest first. */
  readonly sharedLayers: ReadonlyArray<SharedLayer>;
  /** The sum of the versions' own sizes, as if nothing were shared. */
  readonly totalSize: Scalars['SafeInt']['output'];
  /** The versions that were read, each once. */
  readonly versions: ReadonlyArray<ImageVersionRefValue>;
};

/** A tag-list record: a cheap summary of one version. */
export type ImageTag = {
  readonly __typename?: 'ImageTag';
  /** How often the tag was downloaded. */
  readonly downloadCount: Maybe<Scalars['SafeInt']['output']>;
  /** Who last changed the tag. */
  readonly lastModifiedBy: Maybe<Scalars['String']['output']>;
  /** When the tag was last changed. */
  readonly lastModifiedDate: Maybe<Scalars['DateTime']['output']>;
  /** The tag. */
  readonly name: Scalars['String']['output'];
  /** The pull address, `<domain>/<project>/<repo>/<name>:<tag>`. */
  readonly registryUrl: Maybe<Scalars['String']['output']>;
  /** Bytes, as the tag list reports them. */
  readonly size: Maybe<Scalars['SafeInt']['output']>;
  /** The promotion stage tags of the version. */
  readonly stageTag: ReadonlyArray<Scalars['String']['output']>;
};

/** One image version (a tag or a digest) of a Docker or OCI image stored in bk-repo. */
export type ImageVersion = {
  readonly __typename?: 'ImageVersion';
  /** The version's basic facts: size, dates, checksums, stage tags. Fields a given bk-repo release does not send are null. */
  readonly basic: Maybe<ImageVersionBasic>;
  /** The manifest digest, `sha256:<hex>`, read from the version's metadata. */
  readonly digest: Maybe<Scalars['String']['output']>;
  /** The image's build history, oldest step first. Empty for a multi-arch index. */
  readonly history: Maybe<ReadonlyArray<HistoryEntry>>;
  /** The layers of the image manifest, base layer first. Empty for a multi-arch index. */
  readonly layers: Maybe<ReadonlyArray<Layer>>;
  /** The manifest media type, e.g. `application/vnd.oci.image.index.v1+json` for a multi-arch index. */
  readonly mediaType: Maybe<Scalars['String']['output']>;
  /** The version's metadata entries, all of them or only the given keys. */
  readonly metadata: Maybe<ReadonlyArray<MetadataEntry>>;
  /** `docker://` or `oci://` followed by the image name. */
  readonly packageKey: Scalars['String']['output'];
  /** The platforms this version runs on; a multi-arch index lists every entry, in index order. */
  readonly platforms: Maybe<ReadonlyArray<Platform>>;
  /** The bk-repo project id. */
  readonly projectId: Scalars['String']['output'];
  /** The repository name inside the project. */
  readonly repoName: Scalars['String']['output'];
  /** The tag, or the manifest digest, this version is known by. */
  readonly version: Scalars['String']['output'];
};


/** One image version (a tag or a digest) of a Docker or OCI image stored in bk-repo. */
export type ImageVersionMetadataArgs = {
  keys?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
};

/** Basic facts about an image version, the union of every bk-repo response shape. */
export type ImageVersionBasic = {
  readonly __typename?: 'ImageVersionBasic';
  /** Who pushed the version. */
  readonly createdBy: Maybe<Scalars['String']['output']>;
  /** When the version was pushed. */
  readonly createdDate: Maybe<Scalars['DateTime']['output']>;
  /** The registry domain (legacy docker service only; `domain` or `dockerDomain` upstream). */
  readonly domain: Maybe<Scalars['String']['output']>;
  /** How often the version was downloaded. */
  readonly downloadCount: Maybe<Scalars['SafeInt']['output']>;
  /** The federated cluster the version was replicated from (bk-repo 3.6 and later). */
  readonly federatedSource: Maybe<Scalars['String']['output']>;
  /** The manifest's path inside the repository, e.g. `/alpine/manifest/latest/manifest.json`. */
  readonly fullPath: Maybe<Scalars['String']['output']>;
  /** Who last changed the version. */
  readonly lastModifiedBy: Maybe<Scalars['String']['output']>;
  /** When the version was last changed. */
  readonly lastModifiedDate: Maybe<Scalars['DateTime']['output']>;
  /** Hex MD5 of the manifest node (current bk-repo only). */
  readonly md5: Maybe<Scalars['String']['output']>;
  /** The operating system from the image config (legacy docker service only). */
  readonly os: Maybe<Scalars['String']['output']>;
  /** Platforms as bk-repo writes them, `os/arch[/variant]`. */
  readonly platform: Maybe<ReadonlyArray<Scalars['String']['output']>>;
  /** The project id as bk-repo reports it. */
  readonly projectId: Maybe<Scalars['String']['output']>;
  /** The repository name as bk-repo reports it. */
  readonly repoName: Maybe<Scalars['String']['output']>;
  /** Hex SHA-256. Current bk-repo: of the manifest; the legacy docker service: of the image config (the image id). */
  readonly sha256: Maybe<Scalars['String']['output']>;
  /** Bytes. For a single manifest, the config plus all layers; for a multi-arch index, the size of the index document itself. */
  readonly size: Maybe<Scalars['SafeInt']['output']>;
  /** The promotion stage tags, e.g. `@prerelease`, `@release`. */
  readonly stageTag: Maybe<ReadonlyArray<Scalars['String']['output']>>;
  /** The version name: the tag, or `sha256:<hex>` for a child manifest of a multi-arch push. */
  readonly version: Maybe<Scalars['String']['output']>;
};

/** A page of image versions. */
export type ImageVersionConnection = {
  readonly __typename?: 'ImageVersionConnection';
  /** The versions on this page, with their cursors. */
  readonly edges: ReadonlyArray<ImageVersionEdge>;
  /** The versions on this page. */
  readonly nodes: ReadonlyArray<ImageVersion>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
  /** How many versions match, over all pages. */
  readonly totalCount: Scalars['SafeInt']['output'];
};

/** One version in a page, with what the tag list already tells about it. */
export type ImageVersionEdge = {
  readonly __typename?: 'ImageVersionEdge';
  /** Pass as `after` to read the versions that follow this one. */
  readonly cursor: Scalars['String']['output'];
  /** The version; its details load only when selected. */
  readonly node: ImageVersion;
  /** What the tag list says of the version, with no detail call. */
  readonly tag: ImageTag;
};

/** Why one ref of a multi-version query could not be read. */
export type ImageVersionError = {
  readonly __typename?: 'ImageVersionError';
  /** The error code, from the same catalogue as `errors[].extensions.code`. */
  readonly code: ErrorCode;
  /** A human-readable explanation. */
  readonly message: Scalars['String']['output'];
  /** The ref that failed. */
  readonly ref: ImageVersionRefValue;
  /** Whether the same request may succeed if tried again later. */
  readonly retryable: Scalars['Boolean']['output'];
};

/** Identifies one image version in bk-repo. */
export type ImageVersionRef = {
  /** `docker://` or `oci://` followed by the image name. */
  readonly packageKey: Scalars['String']['input'];
  /** The bk-repo project id. */
  readonly projectId: Scalars['String']['input'];
  /** The repository name inside the project. */
  readonly repoName: Scalars['String']['input'];
  /** A tag, or a manifest digest `sha256:<64 hex>`. */
  readonly version: Scalars['String']['input'];
};

/** An image version reference, echoed back in results. */
export type ImageVersionRefValue = {
  readonly __typename?: 'ImageVersionRefValue';
  /** `docker://` or `oci://` followed by the image name. */
  readonly packageKey: Scalars['String']['output'];
  /** The bk-repo project id. */
  readonly projectId: Scalars['String']['output'];
  /** The repository name inside the project. */
  readonly repoName: Scalars['String']['output'];
  /** A tag, or a manifest digest. */
  readonly version: Scalars['String']['output'];
};

/** The result for one ref of `imageVersions`: the version, or why it could not be read. */
export type ImageVersionResult = ImageVersion | ImageVersionError;

/** One layer (blob) of an image manifest. */
export type Layer = {
  readonly __typename?: 'Layer';
  /** The layer digest, `sha256:<hex>`. */
  readonly digest: Scalars['String']['output'];
  /** The layer media type, e.g. `application/vnd.oci.image.layer.v1.tar+gzip`. */
  readonly mediaType: Scalars['String']['output'];
  /** Compressed size in bytes. */
  readonly size: Scalars['SafeInt']['output'];
};

/** One metadata entry of a version. */
export type MetadataEntry = {
  readonly __typename?: 'MetadataEntry';
  /** A description of the entry, when bk-repo has one. */
  readonly description: Maybe<Scalars['String']['output']>;
  /** The metadata key, e.g. `docker.manifest.type`. */
  readonly key: Scalars['String']['output'];
  /** Whether bk-repo itself wrote the entry; null when the upstream does not say. */
  readonly system: Maybe<Scalars['Boolean']['output']>;
  /** The value, of any JSON type. */
  readonly value: Maybe<Scalars['JSON']['output']>;
};

/** Relay-style page information. */
export type PageInfo = {
  readonly __typename?: 'PageInfo';
  /** The cursor of the last version on this page. */
  readonly endCursor: Maybe<Scalars['String']['output']>;
  /** Whether more versions follow this page. */
  readonly hasNextPage: Scalars['Boolean']['output'];
  /** Whether versions come before this page. */
  readonly hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first version on this page. */
  readonly startCursor: Maybe<Scalars['String']['output']>;
};

/** An operating system and CPU architecture an image runs on. */
export type Platform = {
  readonly __typename?: 'Platform';
  /** The CPU architecture, e.g. `amd64`, `arm64`; null when only the OS is known. */
  readonly architecture: Maybe<Scalars['String']['output']>;
  /** The operating system, e.g. `linux`; `unknown` for attestation entries of an index. */
  readonly os: Scalars['String']['output'];
  /** The CPU variant, e.g. `v8` for `arm64/v8`. */
  readonly variant: Maybe<Scalars['String']['output']>;
};

export type Query = {
  readonly __typename?: 'Query';
  /** The real storage cost of a set of image versions: layers shared by several versions count once. */
  readonly imageStorage: ImageStorage;
  /**
   * The versions (tags) of one image, newest first, as a Relay-style connection. Each node's details
   * load lazily, so selecting only `version` costs one tag-list call per page.
   */
  readonly imageTags: ImageVersionConnection;
  /**
   * The details of one image version. Null, without an error, when bk-repo says the package or the
   * version does not exist. Needs the caller's `X-DEVOPS-ACCESS-TOKEN` header.
   */
  readonly imageVersion: Maybe<ImageVersion>;
  /**
   * Many image versions in one request, for dashboards: one result per ref, in the order given.
   * A failing ref becomes an `ImageVersionError` and never fails the others. Duplicate refs cost one
   * upstream call.
   */
  readonly imageVersions: ReadonlyArray<ImageVersionResult>;
};


export type QueryImageStorageArgs = {
  refs: ReadonlyArray<ImageVersionRef>;
};


export type QueryImageTagsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  packageKey: Scalars['String']['input'];
  projectId: Scalars['String']['input'];
  repoName: Scalars['String']['input'];
  tagPrefix?: InputMaybe<Scalars['String']['input']>;
};


export type QueryImageVersionArgs = {
  packageKey: Scalars['String']['input'];
  projectId: Scalars['String']['input'];
  repoName: Scalars['String']['input'];
  version: Scalars['String']['input'];
};


export type QueryImageVersionsArgs = {
  refs: ReadonlyArray<ImageVersionRef>;
};

/** A layer that several versions share. */
export type SharedLayer = {
  readonly __typename?: 'SharedLayer';
  /** The layer digest. */
  readonly digest: Scalars['String']['output'];
  /** Compressed size in bytes. */
  readonly size: Scalars['SafeInt']['output'];
  /** The versions that use this layer. */
  readonly versions: ReadonlyArray<ImageVersionRefValue>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  ImageVersion: ImageVersion;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  ImageVersion:
    ( { __typename: 'ImageVersion' }
    & GraphQLRecursivePick<FederationTypes['ImageVersion'], {"projectId":true,"repoName":true,"packageKey":true,"version":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  ImageVersionResult:
    | ( ImageVersionRefModel )
    | ( ImageVersionFailureModel )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ErrorCode: ErrorCode;
  HistoryEntry: ResolverTypeWrapper<HistoryStepModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ImageStorage: ResolverTypeWrapper<Omit<ImageStorage, 'errors'> & { errors: ReadonlyArray<ResolversTypes['ImageVersionError']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ImageTag: ResolverTypeWrapper<TagRecordModel>;
  ImageVersion: ResolverTypeWrapper<ImageVersionRefModel>;
  ImageVersionBasic: ResolverTypeWrapper<VersionBasicModel>;
  ImageVersionConnection: ResolverTypeWrapper<Omit<ImageVersionConnection, 'edges' | 'nodes'> & { edges: ReadonlyArray<ResolversTypes['ImageVersionEdge']>, nodes: ReadonlyArray<ResolversTypes['ImageVersion']> }>;
  ImageVersionEdge: ResolverTypeWrapper<Omit<ImageVersionEdge, 'node' | 'tag'> & { node: ResolversTypes['ImageVersion'], tag: ResolversTypes['ImageTag'] }>;
  ImageVersionError: ResolverTypeWrapper<ImageVersionFailureModel>;
  ImageVersionRef: ImageVersionRef;
  ImageVersionRefValue: ResolverTypeWrapper<ImageVersionRefValue>;
  ImageVersionResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ImageVersionResult']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Layer: ResolverTypeWrapper<LayerModel>;
  MetadataEntry: ResolverTypeWrapper<MetadataEntryModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Platform: ResolverTypeWrapper<PlatformModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  SharedLayer: ResolverTypeWrapper<SharedLayer>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  HistoryEntry: HistoryStepModel;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  ImageStorage: Omit<ImageStorage, 'errors'> & { errors: ReadonlyArray<ResolversParentTypes['ImageVersionError']> };
  Int: Scalars['Int']['output'];
  ImageTag: TagRecordModel;
  ImageVersion: ImageVersionRefModel;
  ImageVersionBasic: VersionBasicModel;
  ImageVersionConnection: Omit<ImageVersionConnection, 'edges' | 'nodes'> & { edges: ReadonlyArray<ResolversParentTypes['ImageVersionEdge']>, nodes: ReadonlyArray<ResolversParentTypes['ImageVersion']> };
  ImageVersionEdge: Omit<ImageVersionEdge, 'node' | 'tag'> & { node: ResolversParentTypes['ImageVersion'], tag: ResolversParentTypes['ImageTag'] };
  ImageVersionError: ImageVersionFailureModel;
  ImageVersionRef: ImageVersionRef;
  ImageVersionRefValue: ImageVersionRefValue;
  ImageVersionResult: ResolversUnionTypes<ResolversParentTypes>['ImageVersionResult'];
  JSON: Scalars['JSON']['output'];
  Layer: LayerModel;
  MetadataEntry: MetadataEntryModel;
  PageInfo: PageInfo;
  Platform: PlatformModel;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  SharedLayer: SharedLayer;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type HistoryEntryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['HistoryEntry'] = ResolversParentTypes['HistoryEntry']> = {
  created?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  emptyLayer?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  instruction?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ImageStorageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageStorage'] = ResolversParentTypes['ImageStorage']> = {
  distinctLayerCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  distinctLayerSize?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  errors?: Resolver<ReadonlyArray<ResolversTypes['ImageVersionError']>, ParentType, ContextType>;
  sharedLayers?: Resolver<ReadonlyArray<ResolversTypes['SharedLayer']>, ParentType, ContextType>;
  totalSize?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  versions?: Resolver<ReadonlyArray<ResolversTypes['ImageVersionRefValue']>, ParentType, ContextType>;
};

export type ImageTagResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageTag'] = ResolversParentTypes['ImageTag']> = {
  downloadCount?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  lastModifiedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastModifiedDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registryUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  size?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  stageTag?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ImageVersionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageVersion'] = ResolversParentTypes['ImageVersion'], FederationReferenceType extends FederationReferenceTypes['ImageVersion'] = FederationReferenceTypes['ImageVersion']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ImageVersion']> | FederationReferenceType, FederationReferenceType, ContextType>;
  basic?: Resolver<Maybe<ResolversTypes['ImageVersionBasic']>, ParentType, ContextType>;
  digest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Maybe<ReadonlyArray<ResolversTypes['HistoryEntry']>>, ParentType, ContextType>;
  layers?: Resolver<Maybe<ReadonlyArray<ResolversTypes['Layer']>>, ParentType, ContextType>;
  mediaType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  metadata?: Resolver<Maybe<ReadonlyArray<ResolversTypes['MetadataEntry']>>, ParentType, ContextType, Partial<ImageVersionMetadataArgs>>;
  packageKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  platforms?: Resolver<Maybe<ReadonlyArray<ResolversTypes['Platform']>>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  repoName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ImageVersionBasicResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageVersionBasic'] = ResolversParentTypes['ImageVersionBasic']> = {
  createdBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  domain?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  downloadCount?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  federatedSource?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fullPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastModifiedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastModifiedDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  md5?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  os?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  platform?: Resolver<Maybe<ReadonlyArray<ResolversTypes['String']>>, ParentType, ContextType>;
  projectId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  repoName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  size?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  stageTag?: Resolver<Maybe<ReadonlyArray<ResolversTypes['String']>>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ImageVersionConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageVersionConnection'] = ResolversParentTypes['ImageVersionConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['ImageVersionEdge']>, ParentType, ContextType>;
  nodes?: Resolver<ReadonlyArray<ResolversTypes['ImageVersion']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
};

export type ImageVersionEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageVersionEdge'] = ResolversParentTypes['ImageVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ImageVersion'], ParentType, ContextType>;
  tag?: Resolver<ResolversTypes['ImageTag'], ParentType, ContextType>;
};

export type ImageVersionErrorResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageVersionError'] = ResolversParentTypes['ImageVersionError']> = {
  code?: Resolver<ResolversTypes['ErrorCode'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ref?: Resolver<ResolversTypes['ImageVersionRefValue'], ParentType, ContextType>;
  retryable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ImageVersionRefValueResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageVersionRefValue'] = ResolversParentTypes['ImageVersionRefValue']> = {
  packageKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  repoName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImageVersionResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageVersionResult'] = ResolversParentTypes['ImageVersionResult']> = {
  __resolveType: TypeResolveFn<'ImageVersion' | 'ImageVersionError', ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LayerResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Layer'] = ResolversParentTypes['Layer']> = {
  digest?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mediaType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
};

export type MetadataEntryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['MetadataEntry'] = ResolversParentTypes['MetadataEntry']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PlatformResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Platform'] = ResolversParentTypes['Platform']> = {
  architecture?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  os?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  imageStorage?: Resolver<ResolversTypes['ImageStorage'], ParentType, ContextType, RequireFields<QueryImageStorageArgs, 'refs'>>;
  imageTags?: Resolver<ResolversTypes['ImageVersionConnection'], ParentType, ContextType, RequireFields<QueryImageTagsArgs, 'first' | 'packageKey' | 'projectId' | 'repoName'>>;
  imageVersion?: Resolver<Maybe<ResolversTypes['ImageVersion']>, ParentType, ContextType, RequireFields<QueryImageVersionArgs, 'packageKey' | 'projectId' | 'repoName' | 'version'>>;
  imageVersions?: Resolver<ReadonlyArray<ResolversTypes['ImageVersionResult']>, ParentType, ContextType, RequireFields<QueryImageVersionsArgs, 'refs'>>;
};

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SharedLayerResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SharedLayer'] = ResolversParentTypes['SharedLayer']> = {
  digest?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  versions?: Resolver<ReadonlyArray<ResolversTypes['ImageVersionRefValue']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  DateTime?: GraphQLScalarType;
  HistoryEntry?: HistoryEntryResolvers<ContextType>;
  ImageStorage?: ImageStorageResolvers<ContextType>;
  ImageTag?: ImageTagResolvers<ContextType>;
  ImageVersion?: ImageVersionResolvers<ContextType>;
  ImageVersionBasic?: ImageVersionBasicResolvers<ContextType>;
  ImageVersionConnection?: ImageVersionConnectionResolvers<ContextType>;
  ImageVersionEdge?: ImageVersionEdgeResolvers<ContextType>;
  ImageVersionError?: ImageVersionErrorResolvers<ContextType>;
  ImageVersionRefValue?: ImageVersionRefValueResolvers<ContextType>;
  ImageVersionResult?: ImageVersionResultResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Layer?: LayerResolvers<ContextType>;
  MetadataEntry?: MetadataEntryResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Platform?: PlatformResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  SharedLayer?: SharedLayerResolvers<ContextType>;
};

