import {
  parseImageVersionRef,
  refValue,
  type ImageVersionRef,
  type ImageVersionRefInput,
} from '../domain/imageVersionRef.ts';
import type { ImageVersionFailure } from '../domain/imageVersionFailure.ts';
import { GatewayError } from '../errors/GatewayError.ts';
import { toGatewayError } from '../errors/toGatewayError.ts';

/** Rejects a whole multi-version query over the ref limit, before any upstream call. */
export function assertRefCount(count: number, max: number): void {
  if (count > max) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      `Too many refs: at most ${max} image versions can be read in one query; got ${count}.`,
    );
  }
}

/** A checked ref, or the BAD_USER_INPUT failure of that ref alone. */
export function tryParse(input: ImageVersionRefInput): ImageVersionRef | ImageVersionFailure {
  try {
    return parseImageVersionRef(input);
  } catch (error) {
    return { ref: refValue(input), error: toGatewayError(error) };
  }
}
