// A hall clerk's source folder as it really arrives: catalogues in mixed forms, one broken file, a .doc that
// cannot be read, and no site.yaml. Good files must import regardless, and the build must not refuse the folder.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../../src/cli/build/build-bundle.ts';
import { loadSource } from '../../../src/cli/build/source.ts';
import { generateSigningKeyPair, parsePrivateKey } from '../../../src/core/bundle/keys.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/catalogue');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'catalogue-folder-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function sourceFolder(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'catalogue'), { recursive: true });
  for (const [target, fixture] of Object.entries(files)) {
    await copyFile(join(fixtures, fixture), join(dir, 'catalogue', target));
  }
  return dir;
}

describe('a catalogue folder in mixed forms', () => {
  it('imports the good files whatever their form; a broken one is named, a .doc is flagged', async () => {
    const dir = await sourceFolder('mixed', {
      '社会救助.docx': 'template-a.docx',
      '养老服务.xls': 'template-b.xls',
      '损坏.docx': 'errors/truncated.docx',
      '旧目录.doc': 'errors/legacy-word.docx',
    });
    await writeFile(join(dir, 'site.yaml'), 'site: moumou-district\nsiteName: 某某区政务公开专区\n');
    const { data, problems, site } = await loadSource(dir);
    const perFile = new Map<string, number>();
    for (const i of data.catalogue) {
      const key = `${i.source?.file} ${i.domain}`;
      perFile.set(key, (perFile.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(perFile)).toEqual({
      'catalogue/社会救助.docx 社会救助': 6,
      'catalogue/养老服务.xls 养老服务': 5,
    });
    expect(problems.filter((p) => p.file.startsWith('catalogue/'))).toEqual([
      {
        severity: 'warning',
        file: 'catalogue/旧目录.doc',
        message: expect.stringContaining('另存为 .docx'),
      },
      {
        severity: 'error',
        file: 'catalogue/损坏.docx',
        message: expect.stringContaining('(damaged .docx)'),
      },
    ]);
    expect(site).toMatchObject({ site: 'moumou-district', siteName: '某某区政务公开专区' });
    expect(problems.some((p) => p.file === 'site.yaml')).toBe(false);
  });
});

describe('a folder without site.yaml', () => {
  it('gets a site named after the area the catalogue titles name, with a warning', async () => {
    const dir = await sourceFolder('no-site', {
      '社会救助.xlsx': 'template-a.xlsx',
      '养老服务.csv': 'template-b-flat.csv',
    });
    const { site, problems } = await loadSource(dir);
    expect(site).toEqual({
      site: 'moumouqu',
      siteName: '某某区政务公开专区',
      validDays: 180,
      minAppVersion: '0.1.0',
    });
    expect(problems).toContainEqual({
      severity: 'warning',
      file: 'site.yaml',
      message: expect.stringMatching(/site: moumouqu、siteName: 某某区政务公开专区.*\(site\.yaml missing/),
    });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('falls back to the folder name when no title names an area', async () => {
    const dir = await sourceFolder('东湖专区', { '养老服务.docx': 'template-b.docx' });
    const { site } = await loadSource(dir);
    expect(site).toMatchObject({ site: 'donghuzhuanqu', siteName: '政务公开专区' });
  });

  it('builds a signed bundle instead of refusing the folder', async () => {
    const dir = await sourceFolder('build', { '社会救助.docx': 'template-a.docx' });
    const pair = await generateSigningKeyPair();
    const signer = (await parsePrivateKey(pair.privatePem))!;
    const result = await buildBundle({
      sourceDir: dir,
      outDir: join(root, 'bundle'),
      signer,
      version: 1,
      now: new Date('2026-12-03T00:00:00Z'),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary.manifest).toMatchObject({ site: 'moumouqu', siteName: '某某区政务公开专区' });
    expect(result.summary.counts.items).toBe(6);
    expect(result.summary.warnings.map((w) => w.file)).toContain('site.yaml');
  });
});
