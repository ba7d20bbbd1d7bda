import type { GatewayError } from '../errors/GatewayError.ts';
import type { ImageVersionRefInput } from './imageVersionRef.ts';

/** One ref of a multi-version query that could not be read, and why. */
export interface ImageVersionFailure {
  readonly ref: ImageVersionRefInput;
  readonly error: GatewayError;
}
