// Bundle tool budgets: build time and bundle size (raw and gzip) for the sample district and synthetic 10k/50k
// sources; verify time. Baselines in the same run: exceljs alone reading the same spreadsheets (build), and
// SHA-256 over the same bytes (verify), so ratios show the tool's own overhead on this machine.
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { generateSigningKeyPair, parsePrivateKey } from '../../src/core/bundle/keys.ts';
import { sha256Hex } from '../../src/core/bundle/encoding.ts';
import { verifyBundle } from '../../src/core/bundle/verify.ts';
import { buildBundle } from '../../src/cli/build/build-bundle.ts';
import { exists, fsBundleReader } from '../../src/cli/bundle-dir.ts';
import { synthesize } from '../../src/cli/synth/generate.ts';
import type { Emit } from './run.ts';

const work = join(process.cwd(), '.tmp', 'bench');

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}

async function excelBaseline(sourceDir: string): Promise<number> {
  const started = performance.now();
  const catalogue = join(sourceDir, 'catalogue');
  for (const f of await readdir(catalogue)) {
    if (!f.endsWith('.xlsx')) continue;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(catalogue, f));
  }
  return performance.now() - started;
}

export default async function bench(emit: Emit): Promise<void> {
  await mkdir(work, { recursive: true });
  const pair = await generateSigningKeyPair();
  const signer = (await parsePrivateKey(pair.privatePem))!;
  const sources: { label: string; dir: string }[] = [
    { label: 'sample', dir: join(process.cwd(), 'content') },
  ];
  for (const docs of [10_000, 50_000]) {
    const dir = join(work, `synth-${docs}`);
    if (!(await exists(join(dir, 'site.yaml')))) {
      const started = performance.now();
      await synthesize({ docs, outDir: dir, seed: 1 });
      emit({
        name: `synth.${docs}.seconds`,
        value: +((performance.now() - started) / 1000).toFixed(2),
        unit: 's',
      });
    }
    sources.push({ label: `synth-${docs}`, dir });
  }

  for (const { label, dir } of sources) {
    const outDir = join(work, `bundle-${label}`);
    const excelMs = await excelBaseline(dir);
    const started = performance.now();
    const result = await buildBundle({ sourceDir: dir, outDir, signer, version: 1 });
    const buildMs = performance.now() - started;
    if (!result.ok) throw new Error(`${label}: build failed: ${result.problems[0]?.message}`);
    const c = result.summary.counts;
    const docs = c.items + c.guides + c.interpretations;
    emit({
      name: `build.${label}.seconds`,
      value: +(buildMs / 1000).toFixed(2),
      unit: 's',
      docs,
      baseline: 'exceljs read of the same xlsx',
      baselineSeconds: +(excelMs / 1000).toFixed(2),
      ratio: +(buildMs / excelMs).toFixed(2),
      budget: label === 'synth-10000' ? '< 20 s' : undefined,
    });

    let raw = 0;
    let gzip = 0;
    const all: Uint8Array[] = [];
    for (const file of await listFiles(outDir)) {
      const bytes = new Uint8Array(await readFile(file));
      all.push(bytes);
      raw += bytes.length;
      gzip += gzipSync(bytes).length;
    }
    emit({
      name: `bundle.${label}.bytes`,
      value: raw,
      unit: 'B',
      gzip,
      gzipRatio: +(gzip / raw).toFixed(3),
      docs,
    });
    const indexBytes = (await readFile(join(outDir, 'data', 'search-index.json'))).length;
    emit({
      name: `bundle.${label}.searchIndexBytes`,
      value: indexBytes,
      unit: 'B',
      shareOfBundle: +(indexBytes / raw).toFixed(3),
    });

    const hashStarted = performance.now();
    for (const bytes of all) await sha256Hex(bytes);
    const hashMs = performance.now() - hashStarted;
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const v = await verifyBundle(fsBundleReader(outDir), { trustedKeys: [signer.trusted] });
      runs.push(performance.now() - t);
      if (!v.ok) throw new Error(`${label}: verify failed: ${v.failure.message}`);
    }
    const verifyMs = runs.sort((a, b) => a - b)[1]!;
    emit({
      name: `verify.${label}.ms`,
      value: +verifyMs.toFixed(1),
      unit: 'ms',
      baseline: 'sha256 of all bundle bytes',
      baselineMs: +hashMs.toFixed(1),
      ratio: +(verifyMs / hashMs).toFixed(2),
      budget: label === 'synth-10000' ? '< 1000 ms' : undefined,
    });
  }
}
