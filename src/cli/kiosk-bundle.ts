// `kiosk-bundle`: the hall staff's tool to build, check, inspect, compare and search content bundles.
import { Command, CommanderError } from 'commander';
import { registerBuild } from './commands/build.ts';
import { registerDiff } from './commands/diff.ts';
import { registerInspect } from './commands/inspect.ts';
import { registerKeygen } from './commands/keygen.ts';
import { registerKiosks } from './commands/kiosks.ts';
import { registerPinHash } from './commands/pin-hash.ts';
import { registerPublish } from './commands/publish.ts';
import { registerSearch } from './commands/search.ts';
import { registerSynth } from './commands/synth.ts';
import { registerVerify } from './commands/verify.ts';
import { EXIT_OK, EXIT_REJECTED, EXIT_USAGE, UsageError } from './errors.ts';

export function createProgram(): Command {
  const program = new Command('kiosk-bundle')
    .description('Build, verify and inspect signed content bundles for the disclosure-zone kiosk.')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerKeygen(program);
  registerBuild(program);
  registerVerify(program);
  registerInspect(program);
  registerDiff(program);
  registerSearch(program);
  registerSynth(program);
  registerPublish(program);
  registerPinHash(program);
  registerKiosks(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return EXIT_OK;
      return EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      console.error(`usage error: ${e.message} (add --help for usage)`);
      return EXIT_USAGE;
    }
    console.error(`error: ${(e as Error).message}`);
    return EXIT_REJECTED;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('kiosk-bundle.ts')) {
  process.exitCode = await main(process.argv.slice(2));
}
