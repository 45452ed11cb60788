// Exit codes of the bundle tool: 0 ok, 1 rejected input, 2 usage.
export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;

/** Wrong arguments: printed with a hint to --help, exit 2. */
export class UsageError extends Error {}

/** Input that was read and refused (bad spreadsheet, bad bundle): exit 1. */
export class RejectedError extends Error {}

export function parsePositiveInt(value: string, name: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${name} must be a positive integer, got “${value}”`);
  }
  return Number(value);
}
