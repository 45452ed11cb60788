import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../../src/cli/build/build-bundle.ts';
import { generateSigningKeyPair, parsePrivateKey } from '../../../src/core/bundle/keys.ts';
import { builtinLexicon, builtinSituations } from '../../../src/core/search/lexicon/builtin.ts';

describe('kiosk-bundle build and the lexicon', () => {
  let out = '';
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('reports how many lexicon pairs reach at least one document of the bundle', async () => {
    out = await mkdtemp(join(tmpdir(), 'lexicon-build-'));
    const signer = (await parsePrivateKey((await generateSigningKeyPair()).privatePem))!;
    const result = await buildBundle({
      sourceDir: 'tests/fixtures/source-mini',
      outDir: join(out, 'b'),
      signer,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lx = result.summary.lexicon!;
    expect(lx.hash).toBe(builtinLexicon().hash);
    expect(lx.pairs).toBe(builtinLexicon().pairCount);
    // The mini source is a 社会救助 catalogue: the 最低生活保障 pairs reach it, most others cannot.
    expect(lx.reaching).toBeGreaterThan(0);
    expect(lx.reaching).toBeLessThan(lx.pairs);
    // And of the situations, those pointing to its services (老伴走了 → 丧葬补助金 does not).
    expect(lx.situations).toBe(builtinSituations().situations.length);
    expect(lx.situationsCarried).toBeGreaterThan(0);
    expect(lx.situationsCarried).toBeLessThan(lx.situations);
  });
});
