import type { Command } from 'commander';
import { parsePositiveInt } from '../errors.ts';
import { synthesize } from '../synth/generate.ts';

export function registerSynth(program: Command): void {
  program
    .command('synth')
    .description(
      'write a large synthetic bundle source (26 domains, realistic vocabulary, long guides) for benchmarks',
    )
    .requiredOption('--docs <n>', 'number of documents (items + guides + interpretations), e.g. 10000')
    .requiredOption('--out <source_dir>', 'folder to write (replaced)')
    .option('--seed <n>', 'random seed (same seed, same source)', '1')
    .action(async (opts: { docs: string; out: string; seed: string }) => {
      const docs = parsePositiveInt(opts.docs, '--docs');
      const summary = await synthesize({
        docs,
        outDir: opts.out,
        seed: parsePositiveInt(opts.seed, '--seed'),
      });
      console.log(
        `wrote ${opts.out}: ${summary.items} items, ${summary.guides} guides, ${summary.interpretations} interpretations`,
      );
    });
}
