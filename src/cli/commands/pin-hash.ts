// `kiosk-bundle pin-hash`: turns a staff PIN into the staffPin entry of kiosk-config (PBKDF2-SHA256).
import type { Command } from 'commander';
import { DEFAULT_PIN_ITERATIONS, hashPin, PIN_PATTERN } from '../../kiosk/staff/pin.ts';
import { parsePositiveInt, UsageError } from '../errors.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function registerPinHash(program: Command): void {
  program
    .command('pin-hash')
    .description('hash a staff PIN for kiosk-config (prints the "staffPin" JSON); the PIN is read from stdin')
    .option('--pin <digits>', 'the PIN (visible in the shell history: prefer stdin)')
    .option('--iterations <n>', `PBKDF2 iterations (default ${DEFAULT_PIN_ITERATIONS})`)
    .action(async (opts: { pin?: string; iterations?: string }) => {
      const iterations =
        opts.iterations === undefined
          ? DEFAULT_PIN_ITERATIONS
          : parsePositiveInt(opts.iterations, '--iterations');
      if (iterations < DEFAULT_PIN_ITERATIONS)
        throw new UsageError(`--iterations must be at least ${DEFAULT_PIN_ITERATIONS}`);
      const pin = (opts.pin ?? (await readStdin())).trim();
      if (!PIN_PATTERN.test(pin)) throw new UsageError('the PIN must be 6 to 12 digits (8 recommended)');
      console.log(JSON.stringify({ staffPin: await hashPin(pin, iterations) }, null, 2));
    });
}
