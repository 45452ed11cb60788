import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { buildBundle } from '../build/build-bundle.ts';
import { parsePositiveInt, RejectedError, UsageError } from '../errors.ts';
import { formatProblem } from '../problems.ts';
import { readPublicKey, readSigningKey } from './key-files.ts';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description(
      'build a signed content bundle from a source folder (catalogue/, guides/, interpretations/, …)',
    )
    .argument('<source_dir>', 'bundle source folder (see docs/SOURCE-FORMAT.md)')
    .requiredOption('--out <dir>', 'bundle folder to write (replaced only when the build succeeds)')
    .requiredOption('--key <private_key>', 'signing.key from `kiosk-bundle keygen`')
    .option(
      '--version <n>',
      'bundle version, a positive integer newer than every earlier bundle (default: build time YYYYMMDDHHmm)',
    )
    .option(
      '--delegate-key <pub>',
      'public key (signing.pub) this bundle vouches for, for key rotation; repeatable',
      (v: string, p: string[]) => [...p, v],
      [] as string[],
    )
    .option('--quiet', 'print errors only')
    .action(
      async (
        sourceDir: string,
        opts: { out: string; key: string; version?: string; quiet?: boolean; delegateKey: string[] },
      ) => {
        const version = opts.version === undefined ? undefined : parsePositiveInt(opts.version, '--version');
        if (!(await stat(sourceDir).catch(() => null))?.isDirectory())
          throw new UsageError(`${sourceDir} is not a folder`);
        const signer = await readSigningKey(opts.key);
        const delegatedKeys = await Promise.all(opts.delegateKey.map(readPublicKey));
        const bar =
          process.stderr.isTTY && !opts.quiet
            ? new cliProgress.SingleBar(
                {
                  format: 'catalogue {bar} {value}/{total} {file}',
                  stream: process.stderr,
                  clearOnComplete: true,
                },
                cliProgress.Presets.shades_classic,
              )
            : null;
        let started = false;
        const result = await buildBundle({
          sourceDir,
          outDir: opts.out,
          signer,
          ...(version === undefined ? {} : { version }),
          ...(delegatedKeys.length ? { delegatedKeys } : {}),
          onCatalogueFile: (done, total, file) => {
            if (!bar) return;
            if (!started) bar.start(total, 0, { file });
            started = true;
            bar.update(done, { file });
          },
          onStage: (stage) => {
            bar?.stop();
            if (!opts.quiet && process.stderr.isTTY) process.stderr.write(`${stage}…\n`);
          },
        });
        bar?.stop();
        if (!result.ok) {
          for (const p of result.problems) console.error(formatProblem(p));
          const errors = result.problems.filter((p) => p.severity === 'error').length;
          throw new RejectedError(`${errors} error(s); no bundle written`);
        }
        const { summary } = result;
        if (!opts.quiet) {
          for (const w of summary.warnings) console.error(formatProblem(w));
          console.log(
            `built ${opts.out}: ${summary.manifest.bundleId}, version ${summary.manifest.version}, expires ${summary.manifest.expiresAt}`,
          );
          console.log(
            `  items ${summary.counts.items} in ${Object.keys(summary.itemsPerDomain).length} domains, guides ${summary.counts.guides}, interpretations ${summary.counts.interpretations}, departments ${summary.counts.departments}, synonyms ${summary.counts.synonyms}, notices ${summary.counts.notices}, attachments ${summary.counts.attachments}, warnings ${summary.warnings.length}`,
          );
          for (const [domain, n] of Object.entries(summary.itemsPerDomain)) console.log(`  ${domain}: ${n}`);
          const lx = summary.lexicon;
          if (lx)
            console.log(
              `  lexicon v${lx.version} (${lx.hash}): ${lx.reaching} of ${lx.pairs} pairs reach at least one document (${lx.terms} colloquial terms carried); ${lx.situationsCarried} of ${lx.situations} situations point to a service of the bundle`,
            );
        }
      },
    );
}
