import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types are generated from schema.graphql, the one source of the schema.
// Mappers tell codegen which internal model each GraphQL object type is resolved from,
// so field resolvers are type-checked against the upstream model rather than `any`.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        federation: true,
        contextType: '../context.ts#GatewayContext',
        useIndexSignature: false,
        immutableTypes: true,
        mapperTypeSuffix: 'Model',
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: {
          DateTime: { input: 'Date', output: 'Date' },
          SafeInt: { input: 'number', output: 'number' },
          JSON: { input: 'unknown', output: 'unknown' },
        },
        mappers: {
          ImageVersion: '../domain/imageVersionRef.ts#ImageVersionRef',
          ImageVersionBasic: '../domain/versionDetail.ts#VersionBasic',
          HistoryEntry: '../domain/versionDetail.ts#HistoryStep',
          MetadataEntry: '../domain/versionDetail.ts#MetadataEntry',
          Layer: '../domain/versionDetail.ts#Layer',
          Platform: '../domain/platforms.ts#Platform',
          ImageTag: '../upstream/decodeTagPage.ts#TagRecord',
          ImageVersionError: '../domain/imageVersionFailure.ts#ImageVersionFailure',
        },
      },
    },
  },
};

export default config;
