import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseImageVersionRef } from '../../src/domain/imageVersionRef.ts';
import { GatewayError } from '../../src/errors/GatewayError.ts';

const valid = {
  projectId: 'demo',
  repoName: 'docker-local',
  packageKey: 'docker://library/nginx',
  version: '1.27',
};

function rejects(input: Partial<typeof valid>, mentions: string): void {
  assert.throws(
    () => parseImageVersionRef({ ...valid, ...input }),
    (error: unknown) =>
      error instanceof GatewayError &&
      error.code === 'BAD_USER_INPUT' &&
      error.message.includes(mentions),
  );
}

describe('parseImageVersionRef', () => {
  test('accepts docker and oci keys, names with slashes, tags and digests', () => {
    const ref = parseImageVersionRef(valid);
    assert.equal(ref.scheme, 'docker');
    assert.equal(ref.imageName, 'library/nginx');
    const oci = parseImageVersionRef({
      ...valid,
      packageKey: 'oci://a/b/c-d.e_f',
      version: `sha256:${'a'.repeat(64)}`,
    });
    assert.equal(oci.scheme, 'oci');
    assert.equal(oci.imageName, 'a/b/c-d.e_f');
  });

  test('gives the same key to equal refs and different keys to different refs', () => {
    assert.equal(parseImageVersionRef(valid).key, parseImageVersionRef({ ...valid }).key);
    assert.notEqual(
      parseImageVersionRef(valid).key,
      parseImageVersionRef({ ...valid, version: '1.28' }).key,
    );
  });

  test('rejects path traversal and encoded traversal in every part', () => {
    rejects({ projectId: '..' }, 'projectId');
    rejects({ repoName: '../../admin' }, 'repoName');
    rejects({ repoName: '%2e%2e' }, 'repoName');
    rejects({ packageKey: 'docker://../../admin' }, 'packageKey');
    rejects({ packageKey: 'docker://alpine/%2e%2e' }, 'packageKey');
    rejects({ version: '..' }, 'version');
  });

  test('rejects CR/LF, query and fragment characters', () => {
    rejects({ version: 'latest\r\nX-Evil: 1' }, 'version');
    rejects({ version: 'latest?x=1' }, 'version');
    rejects({ packageKey: 'docker://alpine?version=x' }, 'packageKey');
    rejects({ projectId: 'demo#x' }, 'projectId');
    rejects({ repoName: 'a b' }, 'repoName');
  });

  test('rejects keys without the docker:// or oci:// scheme', () => {
    rejects({ packageKey: 'alpine' }, 'docker://');
    rejects({ packageKey: 'helm://alpine' }, 'docker://');
    rejects({ packageKey: 'docker://' }, 'docker://');
    rejects({ packageKey: 'docker://Alpine' }, 'docker://');
  });

  test('rejects malformed digests and over-long tags', () => {
    rejects({ version: 'sha256:xyz' }, 'version');
    rejects({ version: 'a'.repeat(129) }, 'version');
  });

  test('names every bad part in one message, quoting what was received', () => {
    assert.throws(
      () => parseImageVersionRef({ projectId: '', repoName: '', packageKey: '', version: '' }),
      (error: unknown) =>
        error instanceof GatewayError &&
        ['projectId', 'repoName', 'packageKey', 'version'].every((part) =>
          error.message.includes(part),
        ) &&
        error.message.includes('got ""'),
    );
  });
});
