/** The subset of the gateway's schema the baseline serves: enough for scenarios b–e. */
export const typeDefs = /* GraphQL */ `
  scalar DateTime
  scalar SafeInt
  scalar JSON

  type Query {
    imageVersion(
      projectId: String!
      repoName: String!
      packageKey: String!
      version: String!
    ): ImageVersion
  }

  type ImageVersion {
    projectId: String!
    repoName: String!
    packageKey: String!
    version: String!
    basic: ImageVersionBasic
    digest: String
    mediaType: String
    platforms: [Platform!]
    history: [HistoryEntry!]
    metadata(keys: [String!]): [MetadataEntry!]
    layers: [Layer!]
  }

  type ImageVersionBasic {
    version: String
    size: SafeInt
    createdBy: String
    createdDate: DateTime
    lastModifiedBy: String
    lastModifiedDate: DateTime
    downloadCount: SafeInt
    sha256: String
    md5: String
    domain: String
    os: String
    fullPath: String
    stageTag: [String!]
    platform: [String!]
    federatedSource: String
    projectId: String
    repoName: String
  }

  type Platform {
    os: String!
    architecture: String
    variant: String
  }

  type HistoryEntry {
    created: DateTime
    createdBy: String
    emptyLayer: Boolean!
    instruction: String
  }

  type MetadataEntry {
    key: String!
    value: JSON
    system: Boolean
    description: String
  }

  type Layer {
    mediaType: String!
    size: SafeInt!
    digest: String!
  }
`;
