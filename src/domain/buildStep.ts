/**
 * What a history entry's `created_by` says about the build step. bk-repo drops the image config's
 * `empty_layer` flag, so it is inferred from the instruction unless the upstream kept it.
 */
export interface BuildStep {
  readonly instruction: string | null;
  readonly emptyLayer: boolean;
}

// Instructions that only change the image config and never add a filesystem layer.
const CONFIG_ONLY = new Set([
  'ARG',
  'CMD',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

const KNOWN = new Set([...CONFIG_ONLY, 'ADD', 'COPY', 'RUN']);

// Classic builder: `/bin/sh -c #(nop)  CMD ["/hello"]` is a recorded instruction;
// `/bin/sh -c apk add …` without `#(nop)` is a RUN.
const CLASSIC_NOP = /^\/bin\/sh -c #\(nop\)\s+([A-Z]+)\b/;
const CLASSIC_RUN = /^\/bin\/sh -c /;
// BuildKit: `RUN /bin/sh -c make # buildkit`, `COPY . /app # buildkit`, `ENV A=b`, and RUN with
// build arguments recorded as `|2 A=1 B=2 /bin/sh -c make`.
const BUILDKIT_ARGS_RUN = /^\|\d+ /;
const LEADING_WORD = /^([A-Z]+)\b/;

export function parseBuildStep(
  createdBy: string | null,
  recordedEmptyLayer: boolean | null,
): BuildStep {
  const instruction = createdBy === null ? null : instructionOf(createdBy.trim());
  const inferredEmpty = instruction !== null && CONFIG_ONLY.has(instruction);
  return { instruction, emptyLayer: recordedEmptyLayer ?? inferredEmpty };
}

function instructionOf(command: string): string | null {
  const nop = CLASSIC_NOP.exec(command);
  if (nop?.[1]) return KNOWN.has(nop[1]) ? nop[1] : null;
  if (CLASSIC_RUN.test(command) || BUILDKIT_ARGS_RUN.test(command)) return 'RUN';
  const word = LEADING_WORD.exec(command)?.[1];
  return word !== undefined && KNOWN.has(word) ? word : null;
}
