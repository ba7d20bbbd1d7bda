import {
  blob,
  build,
  imageIndex,
  imageManifest,
  MEDIA_TYPE,
  sha256Hex,
  type BuildStep,
  type Descriptor,
  type ImageIndex,
  type ImageManifest,
} from './manifests.ts';

/*
 * The demo's image manifests. Digests are real sha256 sums of labels, sizes are plausible, and
 * some layers are shared on purpose: alpine's rootfs is the base of team/backend/api, the two
 * team/backend/api versions differ only in their last three layers, and alpine's alias tags
 * (latest, 3, 3.20...) point at the very same manifest as the release they alias.
 */

const GiB = 2 ** 30;

function dockerLayer(label: string, size: number): Descriptor {
  return blob(label, size, MEDIA_TYPE.dockerLayer);
}

function ociLayer(label: string, size: number): Descriptor {
  return blob(label, size, MEDIA_TYPE.ociLayer);
}

/** A size between `min` and `max` that depends only on `label`. */
function sizeOf(label: string, min: number, max: number): number {
  return min + (Number.parseInt(sha256Hex(label).slice(0, 8), 16) % (max - min));
}

/** The classic builder's record of `ADD <archive> /`. */
function addFile(label: string): string {
  return `/bin/sh -c #(nop) ADD file:${sha256Hex(label)} in / `;
}

function alpineRootfs(release: string): Descriptor {
  return dockerLayer(`alpine-${release}-rootfs`, sizeOf(`alpine-${release}`, 3_300_000, 3_700_000));
}

function alpineSteps(release: string): BuildStep[] {
  return [
    { createdBy: addFile(`alpine-${release}-minirootfs.tar.gz`), layer: alpineRootfs(release) },
    { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/sh"]' },
  ];
}

/** The official alpine image of one release, e.g. `3.20.3`, built at `builtAt` (UTC). */
export function alpineImage(release: string, builtAt: string): ImageManifest {
  const { history, layers } = build(builtAt, alpineSteps(release));
  return imageManifest({
    format: 'docker',
    config: {
      descriptor: blob(`alpine-${release}-config`, 1_471, MEDIA_TYPE.dockerConfig),
      os: 'linux',
      architecture: 'amd64',
      history,
    },
    layers,
  });
}

const BACKEND_SERVICES = [
  'auth',
  'billing',
  'catalog',
  'checkout',
  'inventory',
  'ledger',
  'mailer',
  'notifications',
  'orders',
  'payments',
  'pricing',
  'profiles',
  'quotas',
  'ratings',
  'recommendations',
  'refunds',
  'reports',
  'search',
  'sessions',
  'shipping',
  'tax',
  'tenants',
  'uploads',
  'webhooks',
] as const;

/**
 * team/backend/api: 60 layers on top of alpine 3.20.3. The company base image was built with the
 * classic builder, the application with BuildKit, so the history mixes both notations. Only the
 * last three layers depend on `version`.
 */
export function backendApiImage(version: string, builtAt: string): ImageManifest {
  const layer = (label: string, min: number, max: number): Descriptor =>
    dockerLayer(`backend-api-${label}`, sizeOf(label, min, max));
  const serviceSteps = BACKEND_SERVICES.flatMap((service): BuildStep[] => [
    {
      createdBy: `COPY services/${service} /app/services/${service} # buildkit`,
      layer: layer(`src-${service}`, 40_000, 900_000),
    },
    {
      createdBy: `RUN /bin/sh -c make -C services/${service} generate # buildkit`,
      layer: layer(`gen-${service}`, 5_000, 120_000),
    },
  ]);
  const steps: BuildStep[] = [
    ...alpineSteps('3.20.3'),
    {
      createdBy: '/bin/sh -c apk add --no-cache ca-certificates tzdata',
      layer: layer('apk-certs', 1_200_000, 1_900_000),
    },
    {
      createdBy: '/bin/sh -c apk add --no-cache libstdc++ libgcc',
      layer: layer('apk-libstdc++', 1_000_000, 1_500_000),
    },
    { createdBy: addFile('internal-ca.crt'), layer: layer('internal-ca', 2_000, 4_000) },
    { createdBy: '/bin/sh -c #(nop)  ENV LANG=C.UTF-8' },
    { createdBy: '/bin/sh -c #(nop)  ARG VERSION=1.2' },
    {
      createdBy:
        '|1 VERSION=1.2 /bin/sh -c wget -qO- https://downloads.example.com/tini-${VERSION}.tar.gz | tar -xz -C /usr/local/bin',
      layer: layer('tini', 20_000, 40_000),
    },
    {
      createdBy: `/bin/sh -c #(nop) COPY file:${sha256Hex('entrypoint.sh')} in / `,
      layer: layer('entrypoint', 400, 900),
    },
    { createdBy: 'WORKDIR /app' },
    { createdBy: 'ENV PATH=/app/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    { createdBy: 'LABEL org.opencontainers.image.source=https://git.example.com/team/backend' },
    { createdBy: `ARG VERSION=${version}` },
    {
      createdBy: `RUN |1 VERSION=${version} /bin/sh -c apk add --no-cache git make # buildkit`,
      layer: layer('apk-build-tools', 9_000_000, 12_000_000),
    },
    { createdBy: 'COPY go.mod go.sum ./ # buildkit', layer: layer('go-mod', 3_000, 9_000) },
    {
      createdBy: 'RUN /bin/sh -c make deps # buildkit',
      layer: layer('deps', 80_000_000, 120_000_000),
    },
    ...serviceSteps,
    {
      createdBy: 'COPY . /app # buildkit',
      layer: layer(`source-${version}`, 2_000_000, 3_000_000),
    },
    {
      createdBy: 'RUN /bin/sh -c make # buildkit',
      layer: layer(`make-${version}`, 30_000_000, 40_000_000),
    },
    {
      createdBy: 'COPY /app/bin/api /app/bin/api # buildkit',
      layer: layer(`binary-${version}`, 25_000_000, 30_000_000),
    },
    { createdBy: 'EXPOSE map[8080/tcp:{}]' },
    { createdBy: 'USER 65532:65532' },
    { createdBy: 'ENTRYPOINT ["/usr/local/bin/tini" "--" "/app/bin/api"]' },
    { createdBy: 'CMD ["serve"]' },
  ];
  const { history, layers } = build(builtAt, steps);
  return imageManifest({
    format: 'docker',
    config: {
      descriptor: blob(`backend-api-${version}-config`, 9_876, MEDIA_TYPE.dockerConfig),
      os: 'linux',
      architecture: 'amd64',
      history,
    },
    layers,
  });
}

/** ml/pytorch-cuda: exactly 5 GiB, so sizes overflow a 32-bit integer. */
export function pytorchCudaImage(): ImageManifest {
  const configSize = 14_203;
  const fixed: BuildStep[] = [
    {
      createdBy: addFile('ubuntu-jammy-oci-amd64-root.tar.gz'),
      layer: dockerLayer('ubuntu-22.04-rootfs', 29_534_055),
    },
    { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]' },
    { createdBy: 'ENV NVARCH=x86_64' },
    {
      createdBy:
        'RUN |1 TARGETARCH=amd64 /bin/sh -c apt-get update && apt-get install -y cuda-libraries-12-4 # buildkit',
      layer: dockerLayer('cuda-12.4-libraries', Math.round(2.75 * GiB)),
    },
    {
      createdBy:
        'RUN |1 TARGETARCH=amd64 /bin/sh -c apt-get install -y libcudnn9-cuda-12 # buildkit',
      layer: dockerLayer('cudnn-9', Math.round(0.85 * GiB)),
    },
    {
      createdBy: 'RUN /bin/sh -c apt-get install -y python3.11 python3-pip # buildkit',
      layer: dockerLayer('python-3.11', 187_342_112),
    },
  ];
  const fixedSize = fixed.reduce((sum, step) => sum + (step.layer?.size ?? 0), configSize);
  const { history, layers } = build('2024-07-25T02:13:44.815Z', [
    ...fixed,
    {
      createdBy: 'RUN /bin/sh -c pip install torch==2.4.0 torchvision torchaudio # buildkit',
      layer: dockerLayer('torch-2.4.0', 5 * GiB - fixedSize),
    },
    { createdBy: 'WORKDIR /workspace' },
    { createdBy: 'CMD ["python3"]' },
  ]);
  return imageManifest({
    format: 'docker',
    config: {
      descriptor: blob('pytorch-cuda-2.4-config', configSize, MEDIA_TYPE.dockerConfig),
      os: 'linux',
      architecture: 'amd64',
      history,
    },
    layers,
  });
}

function nginxPlatformImage(architecture: string, variant?: string): ImageManifest {
  const arch = variant ? `${architecture}-${variant}` : architecture;
  const layer = (label: string, size: number): Descriptor =>
    ociLayer(`nginx-1.27-${arch}-${label}`, size);
  const { history, layers } = build('2024-10-02T18:04:51.52Z', [
    {
      createdBy: `# debian.sh --arch '${arch}' out/ 'bookworm' '@1727654400'`,
      layer: layer('debian-bookworm', sizeOf(`bookworm-${arch}`, 28_000_000, 29_200_000)),
    },
    { createdBy: '/bin/sh -c #(nop)  CMD ["bash"]' },
    { createdBy: 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>' },
    { createdBy: 'ENV NGINX_VERSION=1.27.2' },
    { createdBy: 'ENV NJS_VERSION=0.8.6' },
    {
      createdBy:
        'RUN /bin/sh -c set -x && groupadd --system --gid 101 nginx && apt-get update && apt-get install --no-install-recommends -y nginx=${NGINX_VERSION}-${PKG_RELEASE} # buildkit',
      layer: layer('nginx-packages', sizeOf(`nginx-packages-${arch}`, 40_000_000, 44_000_000)),
    },
    { createdBy: 'COPY docker-entrypoint.sh / # buildkit', layer: layer('entrypoint', 628) },
    {
      createdBy: 'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit',
      layer: layer('ipv6', 955),
    },
    {
      createdBy: 'COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit',
      layer: layer('envsubst', 1_208),
    },
    { createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]' },
    { createdBy: 'EXPOSE map[80/tcp:{}]' },
    { createdBy: 'STOPSIGNAL SIGQUIT' },
    { createdBy: 'CMD ["nginx" "-g" "daemon off;"]' },
  ]);
  return imageManifest({
    format: 'oci',
    config: {
      descriptor: blob(`nginx-1.27-${arch}-config`, 8_592, MEDIA_TYPE.ociConfig),
      os: 'linux',
      architecture,
      ...(variant ? { variant } : {}),
      history,
    },
    layers,
  });
}

/** BuildKit's provenance/SBOM attestation: an `unknown/unknown` manifest with no history. */
function attestationFor(subject: string): ImageManifest {
  return imageManifest({
    format: 'oci',
    config: {
      descriptor: blob(`${subject}-attestation-config`, 167, MEDIA_TYPE.ociConfig),
      os: 'unknown',
      architecture: 'unknown',
    },
    layers: [
      blob(`${subject}-provenance`, 1_424, MEDIA_TYPE.inToto),
      blob(`${subject}-sbom`, 52_810, MEDIA_TYPE.inToto),
    ],
  });
}

/** library/nginx 1.27: linux/amd64, linux/arm64/v8 and one attestation, as buildx pushes it. */
export function nginxIndex(): ImageIndex {
  return imageIndex(
    [nginxPlatformImage('amd64'), nginxPlatformImage('arm64', 'v8')],
    [attestationFor('nginx-1.27-amd64')],
  );
}

/** base/distroless: an OCI image built by Bazel, whose history dates are the Unix epoch. */
export function distrolessImage(): ImageManifest {
  const layers = [
    ociLayer('distroless-base-files', 104_193),
    ociLayer('distroless-tzdata', 471_213),
    ociLayer('distroless-nonroot-passwd', 1_061),
  ];
  return imageManifest({
    format: 'oci',
    config: {
      descriptor: blob('distroless-static-nonroot-config', 1_152, MEDIA_TYPE.ociConfig),
      os: 'linux',
      architecture: 'amd64',
      history: layers.map(() => ({
        created: '1970-01-01T00:00:00Z',
        created_by: 'bazel build //base:static_nonroot_amd64_debian12',
      })),
    },
    layers,
  });
}

/** charts/redis: a Helm chart pushed as an OCI artifact; its config has no os or architecture. */
export function redisChart(): ImageManifest {
  return imageManifest({
    format: 'oci',
    config: { descriptor: blob('redis-chart-19.0.0-config', 774, MEDIA_TYPE.helmConfig) },
    layers: [blob('redis-chart-19.0.0', 84_012, MEDIA_TYPE.helmChart)],
  });
}

/**
 * hello-world exactly as the seed API document shows it. This manifest JSON hashes to the
 * document's `docker.manifest.digest`, and 1510 + 977 is its `size` 2487.
 */
export function helloWorldImage(): ImageManifest {
  return imageManifest({
    format: 'docker',
    config: {
      descriptor: {
        mediaType: MEDIA_TYPE.dockerConfig,
        size: 1_510,
        digest: 'sha256:fce289e99eb9bca977dae136fbe2a82b6b7d4c372474c9235adc1741675f587e',
      },
      os: 'linux',
      architecture: 'amd64',
      history: [
        {
          created: '2019-01-01T01:29:27.416803627Z',
          created_by:
            '/bin/sh -c #(nop) COPY file:f77490f70ce51da25bd21bfc30cb5e1a24b2b65eb37d4af0c327ddc24f0986a6 in / ',
        },
        {
          created: '2019-01-01T01:29:27.650294696Z',
          created_by: '/bin/sh -c #(nop)  CMD ["/hello"]',
          empty_layer: true,
        },
      ],
    },
    layers: [
      {
        mediaType: MEDIA_TYPE.dockerLayer,
        size: 977,
        digest: 'sha256:1b930d010525941c1d56ec53b97bd057a67ae1865eebf042686d2a2d18271ced',
      },
    ],
  });
}

/** A small classic-builder image: one rootfs layer and a CMD, as busybox or redis look. */
export function simpleImage(
  name: string,
  builtAt: string,
  rootfsSize: number,
  cmd: string,
): ImageManifest {
  const { history, layers } = build(builtAt, [
    { createdBy: addFile(`${name}-rootfs.tar`), layer: dockerLayer(`${name}-rootfs`, rootfsSize) },
    { createdBy: `/bin/sh -c #(nop)  CMD ${cmd}` },
  ]);
  return imageManifest({
    format: 'docker',
    config: {
      descriptor: blob(
        `${name}-config`,
        sizeOf(`${name}-config`, 1_400, 7_000),
        MEDIA_TYPE.dockerConfig,
      ),
      os: 'linux',
      architecture: 'amd64',
      history,
    },
    layers,
  });
}

/**
 * A tool image on debian-slim: the tools in project `other` share this base layer, and nothing
 * with project `demo`.
 */
export function debianToolImage(tool: string, version: string, builtAt: string): ImageManifest {
  const { history, layers } = build(builtAt, [
    {
      createdBy: addFile('debian-bookworm-slim-rootfs.tar.gz'),
      layer: dockerLayer('debian-bookworm-slim-rootfs', 29_126_484),
    },
    { createdBy: '/bin/sh -c #(nop)  CMD ["bash"]' },
    {
      createdBy: `RUN /bin/sh -c apt-get update && apt-get install -y ${tool}=${version} # buildkit`,
      layer: dockerLayer(
        `${tool}-${version}-packages`,
        sizeOf(`${tool}-${version}`, 900_000, 6_000_000),
      ),
    },
    { createdBy: `ENTRYPOINT ["${tool}"]` },
  ]);
  return imageManifest({
    format: 'docker',
    config: {
      descriptor: blob(`${tool}-${version}-config`, 2_106, MEDIA_TYPE.dockerConfig),
      os: 'linux',
      architecture: 'amd64',
      history,
    },
    layers,
  });
}
