import type { Codec } from '../../src/cache/versionCodec.ts';

/** Stores strings as they are, for testing cache backends on their own. */
export const textCodec: Codec<string> = { encode: (value) => value, decode: (text) => text };
