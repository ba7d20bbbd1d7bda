import type { Codec } from '../../src/cache/versionCodec.ts';

/** Stores strings as they are, weighing one byte per character, for testing cache backends alone. */
export const textCodec: Codec<string> = {
  encode: (value) => value,
  decode: (text) => text,
  weigh: (value) => value.length,
};
