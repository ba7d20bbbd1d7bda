import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GraphQLError } from 'graphql';
import { formatError } from '../../src/errors/formatError.ts';
import { GatewayError } from '../../src/errors/GatewayError.ts';

const resolverError = (original: Error) =>
  new GraphQLError(original.message, { path: ['imageVersion'], originalError: original });

describe('formatError', () => {
  test('shows a gateway error with its code, retryable flag and trace id only', () => {
    const error = resolverError(
      new GatewayError('UPSTREAM_TIMEOUT', 'bk-repo did not answer in time.', {
        traceId: 'trace-1',
        cause: new Error('connect ETIMEDOUT 10.0.0.1:80 http://secret-host/ext?token=x'),
      }),
    );
    const formatted = formatError(
      { ...error.toJSON(), extensions: { response: { body: 'x' } } },
      error,
    );
    assert.deepEqual(formatted, {
      message: 'bk-repo did not answer in time.',
      path: ['imageVersion'],
      extensions: { code: 'UPSTREAM_TIMEOUT', retryable: true, traceId: 'trace-1' },
    });
  });

  test('masks unknown errors and their messages and stacks', () => {
    const error = resolverError(new TypeError('Cannot read properties of undefined (token abc)'));
    const formatted = formatError(
      { ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      error,
    );
    assert.deepEqual(formatted, {
      message: 'Unexpected error.',
      path: ['imageVersion'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true },
    });
  });

  test('reports operation problems as BAD_USER_INPUT with their explanation', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".');
    const formatted = formatError(
      { message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      error,
    );
    assert.deepEqual(formatted, {
      message: 'Cannot query field "nope" on type "Query".',
      extensions: { code: 'BAD_USER_INPUT', retryable: false },
    });
  });

  test('masks a resolver crash even when it carries an operation-error code', () => {
    const error = resolverError(new Error('internal detail'));
    const formatted = formatError(
      { message: 'internal detail', extensions: { code: 'BAD_USER_INPUT' } },
      error,
    );
    assert.equal(formatted.extensions?.['code'], 'INTERNAL_SERVER_ERROR');
    assert.equal(formatted.message, 'Unexpected error.');
  });
});
