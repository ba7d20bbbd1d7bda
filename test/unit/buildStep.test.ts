import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBuildStep } from '../../src/domain/buildStep.ts';

describe('parseBuildStep', () => {
  const cases: Array<[string, string | null, boolean]> = [
    ['/bin/sh -c #(nop)  CMD ["/hello"]', 'CMD', true],
    ['/bin/sh -c #(nop) COPY file:f77490f70ce51da25bd in / ', 'COPY', false],
    ['/bin/sh -c #(nop) ADD file:0e1d in / ', 'ADD', false],
    ['/bin/sh -c #(nop)  ENV PATH=/usr/local/bin', 'ENV', true],
    ['/bin/sh -c #(nop)  LABEL maintainer=x', 'LABEL', true],
    ['/bin/sh -c apk add --no-cache curl', 'RUN', false],
    ['RUN /bin/sh -c make build # buildkit', 'RUN', false],
    ['|2 VERSION=1.2 TARGET=x /bin/sh -c make', 'RUN', false],
    ['COPY . /app # buildkit', 'COPY', false],
    ['ADD file:abc in / ', 'ADD', false],
    ['ENV PATH=/usr/local/sbin', 'ENV', true],
    ['WORKDIR /app', 'WORKDIR', true],
    ['CMD ["/bin/sh"]', 'CMD', true],
    ['ENTRYPOINT ["/entry.sh"]', 'ENTRYPOINT', true],
    ['ARG VERSION=1', 'ARG', true],
    ['something a tool wrote', null, false],
  ];
  for (const [command, instruction, emptyLayer] of cases) {
    test(`reads ${JSON.stringify(command)} as ${instruction ?? 'unknown'}`, () => {
      assert.deepEqual(parseBuildStep(command, null), { instruction, emptyLayer });
    });
  }

  test('prefers the empty_layer flag the image config recorded', () => {
    assert.deepEqual(parseBuildStep('WORKDIR /app', false), {
      instruction: 'WORKDIR',
      emptyLayer: false,
    });
    assert.deepEqual(parseBuildStep('/bin/sh -c true', true), {
      instruction: 'RUN',
      emptyLayer: true,
    });
  });

  test('knows nothing of a step without a command', () => {
    assert.deepEqual(parseBuildStep(null, null), { instruction: null, emptyLayer: false });
  });
});
