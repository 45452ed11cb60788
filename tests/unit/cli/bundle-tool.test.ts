import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const fixture = join(process.cwd(), 'tests/fixtures/source-mini');
let tmp: string;
let key: string;
let pub: string;
let bundle: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'kiosk-bundle-'));
  expect((await runCli('keygen', '--out', join(tmp, 'keys'))).code).toBe(0);
  key = join(tmp, 'keys/signing.key');
  pub = join(tmp, 'keys/signing.pub');
  bundle = join(tmp, 'bundle');
  const built = await runCli('build', fixture, '--out', bundle, '--key', key, '--version', '3');
  expect(built.err).toBe('');
  expect(built.code).toBe(0);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function copySource(edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(join(tmp, 'src-'));
  await cp(fixture, dir, { recursive: true });
  await edit(dir);
  return dir;
}

describe('keygen', () => {
  it('writes a private key readable only by its owner, and refuses to overwrite it', async () => {
    expect((await stat(key)).mode & 0o777).toBe(0o600);
    expect(await readFile(pub, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const again = await runCli('keygen', '--out', join(tmp, 'keys'));
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
  });
});

describe('build', () => {
  it('prints a summary and writes a bundle that verify accepts', async () => {
    const r = await runCli('verify', bundle, '--pubkey', pub);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^OK mini-district-v3: version 3/);
  });

  it('links guides and interpretations to items both ways', async () => {
    const items = JSON.parse((await runCli('inspect', bundle, '--items', '--json')).out) as {
      id: string;
      level1: string;
      level2: string;
    }[];
    const guides = JSON.parse(await readFile(join(bundle, 'data/guides.json'), 'utf8')) as {
      itemIds: string[];
      attachments: { path: string }[];
    }[];
    const catalogue = JSON.parse(await readFile(join(bundle, 'data/catalogue.json'), 'utf8')) as {
      id: string;
      guideIds: string[];
      interpretationIds: string[];
    }[];
    const dibao = items.filter((i) => i.level1 === '最低生活保障').map((i) => i.id);
    expect(guides[0]!.itemIds.sort()).toEqual(dibao.sort());
    const guideItem = catalogue.find(
      (c) => c.id === items.find((i) => i.level2 === '办事指南' && i.level1 === '最低生活保障')!.id,
    )!;
    expect(guideItem.guideIds).toEqual(['dibao']);
    expect(guideItem.interpretationIds).toEqual(['dibao-jiedu']);
    // Attachments are stored content-addressed.
    expect(guides[0]!.attachments[0]!.path).toMatch(/^attachments\/[0-9a-f]{64}\.txt$/);
    expect(await readdir(join(bundle, 'attachments'))).toHaveLength(1);
  });

  it('inspect --items --json prints every item with exactly the stable fields', async () => {
    const items = JSON.parse((await runCli('inspect', bundle, '--items', '--json')).out) as Record<
      string,
      unknown
    >[];
    expect(items).toHaveLength(3);
    for (const it of items) {
      expect(Object.keys(it).sort()).toEqual(
        [
          'id',
          'domain',
          'level1',
          'level2',
          'level3',
          'stages',
          'content',
          'basis',
          'timeLimit',
          'publisher',
          'channels',
          'audience',
          'disclosure',
          'tier',
          'url',
        ].sort(),
      );
    }
    expect(items[1]).toMatchObject({
      domain: '社会救助',
      level1: '最低生活保障',
      level2: '审核信息',
      level3: null,
      audience: ['public'],
      disclosure: ['proactive'],
      channels: ['政府网站', '公开查阅点'],
    });
  });

  it('inspect --json reports version, manifest hash and counts per domain', async () => {
    const report = JSON.parse((await runCli('inspect', bundle, '--json')).out);
    expect(report).toMatchObject({
      version: 3,
      site: 'mini-district',
      counts: { items: 3, guides: 1, interpretations: 1, synonyms: 2 },
    });
    expect(report.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.perDomain['社会救助']).toEqual({ items: 3, guides: 1, interpretations: 1 });
    expect(report.counts.calendarYears).toEqual(['2026', '2027 (unpublished)']);
  });

  it('writes no bundle and exits 1 naming file, row and column when the source has an error', async () => {
    const dir = await copySource(async (d) => {
      const csvPath = join(d, 'catalogue/社会救助.csv');
      const csv = await readFile(csvPath, 'utf8');
      await writeFile(
        csvPath,
        csv.replace('区民政局、各街道办事处,■政府网站 □政府公报', ',■政府网站 □政府公报'),
      );
    });
    const out = join(tmp, 'never');
    const r = await runCli('build', dir, '--out', out, '--key', key);
    expect(r.code).toBe(1);
    expect(r.err).toContain('catalogue/社会救助.csv');
    expect(r.err).toMatch(/第4行|row 4/);
    expect(r.err).toContain('公开主体');
    await expect(stat(out)).rejects.toThrow();
  });

  it('leaves an existing bundle untouched when a rebuild fails', async () => {
    const before = await readFile(join(bundle, 'manifest.json'));
    const dir = await copySource((d) => writeFile(join(d, 'site.yaml'), 'site: Not A Slug\nsiteName: x\n'));
    const r = await runCli('build', dir, '--out', bundle, '--key', key);
    expect(r.code).toBe(1);
    expect(r.err).toContain('site.yaml');
    expect(await readFile(join(bundle, 'manifest.json'))).toEqual(before);
  });

  it.each([
    [
      'guides/dibao.md',
      (s: string) => s.replace('## 办理时限\n自受理之日起30个工作日内办结。\n', ''),
      'warning',
      /missing sections\): ## 办理时限$/,
    ],
    [
      'interpretations/dibao-jiedu.md',
      (s: string) => s.replace('答：自受理之日起30个工作日内。', ''),
      'error',
      /第14行.*question without an answer/,
    ],
    [
      'departments.csv',
      (s: string) => `${s}minzheng,另一个局,,,,,\n`,
      'error',
      /departments\.csv 第3行.*duplicate id/,
    ],
    [
      'calendar.yaml',
      (s: string) => s.replace('2026-10-10', '2026-10-12'),
      'error',
      /2026-10-12.*must be a weekend day/,
    ],
    ['notices.yaml', (s: string) => `${s}  - bad: [\n`, 'error', /notices\.yaml 第\d+行.*malformed YAML/],
    [
      'interpretations/dibao-jiedu.md',
      (s: string) => s.replace('date: 2026-04-10', 'validity: 过期\ndate: 2026-04-10'),
      'error',
      /validity.*有效、已修改 或 已废止.*not "过期"/,
    ],
    [
      'guides/dibao.md',
      (s: string) => s.replace('file: form.txt', 'file: nothere.pdf'),
      'error',
      /attachment not found/,
    ],
  ])('reports a problem in %s precisely', async (file, edit, severity, pattern) => {
    const dir = await copySource(async (d) =>
      writeFile(join(d, file), edit(await readFile(join(d, file), 'utf8'))),
    );
    const out = join(dir, 'out');
    const r = await runCli('build', dir, '--out', out, '--key', key);
    expect(r.code).toBe(severity === 'error' ? 1 : 0);
    const line = r.err.split('\n').find((l) => l.includes(file));
    expect(line).toMatch(severity === 'error' ? /^错误 error/ : /^警告 warning/);
    expect(line).toMatch(pattern);
  });
});

describe('policy validity (有效性) of interpretations', () => {
  it('carries 已废止 into the bundle, marks it in search, and ranks it below the policy in force', async () => {
    const dir = await copySource(async (d) => {
      const current = await readFile(join(d, 'interpretations/dibao-jiedu.md'), 'utf8');
      // The same interpretation once more, for an older policy that the current one replaced (its file sorts first, so
      // only the marking can put it second).
      const old = current
        .replace('《迷你区最低生活保障实施办法》政策解读', '《迷你区最低生活保障暂行办法》政策解读')
        .replace('（迷府规〔2026〕1号）', '（迷府规〔2019〕2号）')
        .replace(
          'date: 2026-04-10',
          'validity: 已废止\nvalidity_note: 由迷府规〔2026〕1号替代\ndate: 2019-04-10',
        );
      await writeFile(join(d, 'interpretations/dibao-2019-jiedu.md'), old);
    });
    const out = join(dir, 'out');
    const built = await runCli('build', dir, '--out', out, '--key', key);
    expect(built.code).toBe(0);
    const interps = JSON.parse(await readFile(join(out, 'data/interpretations.json'), 'utf8')) as {
      id: string;
      validity?: string;
      validityNote?: string;
    }[];
    expect(interps.find((p) => p.id === 'dibao-2019-jiedu')).toMatchObject({
      validity: 'repealed',
      validityNote: '由迷府规〔2026〕1号替代',
    });
    // In force: no marking at all (bundles built before the field read the same).
    expect(interps.find((p) => p.id === 'dibao-jiedu')).not.toHaveProperty('validity');

    const json = JSON.parse((await runCli('search', out, '低保政策解读', '--json')).out) as {
      results: { id: string }[];
    };
    const ids = json.results.map((r) => r.id);
    expect(ids).toContain('dibao-2019-jiedu');
    expect(ids.indexOf('dibao-jiedu')).toBeLessThan(ids.indexOf('dibao-2019-jiedu'));
    const text = (await runCli('search', out, '低保政策解读')).out;
    expect(text).toMatch(/\[政策解读·已废止\] 《迷你区最低生活保障暂行办法》政策解读/);
    // Its own title still finds it first.
    const own = JSON.parse((await runCli('search', out, '迷你区最低生活保障暂行办法', '--json')).out) as {
      results: { id: string }[];
    };
    expect(own.results[0]!.id).toBe('dibao-2019-jiedu');
  });
});

describe('verify refuses altered copies with the right reason', () => {
  it.each([
    [
      'a changed data file',
      async (d: string) => {
        const p = join(d, 'data/catalogue.json');
        await writeFile(p, (await readFile(p, 'utf8')).replace('区民政局', '区财政局'));
      },
      'hash-mismatch',
    ],
    [
      'a deleted attachment',
      async (d: string) => {
        const [f] = await readdir(join(d, 'attachments'));
        await rm(join(d, 'attachments', f!));
      },
      'missing-file',
    ],
    [
      'a changed manifest',
      async (d: string) => {
        const p = join(d, 'manifest.json');
        await writeFile(p, (await readFile(p, 'utf8')).replace('"version": 3', '"version": 4'));
      },
      'bad-signature',
    ],
  ])('%s', async (_label, alter, code) => {
    const copy = await mkdtemp(join(tmp, 'copy-'));
    await cp(bundle, copy, { recursive: true });
    await alter(copy);
    const r = await runCli('verify', copy, '--pubkey', pub, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, code });
  });

  it('a key it does not trust, a version not newer, an expiry passed', async () => {
    await runCli('keygen', '--out', join(tmp, 'other'));
    expect(
      JSON.parse((await runCli('verify', bundle, '--pubkey', join(tmp, 'other/signing.pub'), '--json')).out)
        .code,
    ).toBe('unknown-key');
    expect(
      JSON.parse((await runCli('verify', bundle, '--pubkey', pub, '--newer-than', '3', '--json')).out).code,
    ).toBe('not-newer');
    expect(
      JSON.parse(
        (await runCli('verify', bundle, '--pubkey', pub, '--now', '2099-01-01T00:00:00Z', '--json')).out,
      ).code,
    ).toBe('expired');
  });
});

describe('diff', () => {
  it('lists items added, removed and changed per domain', async () => {
    const dir = await copySource(async (d) => {
      const p = join(d, 'catalogue/社会救助.csv');
      let csv = await readFile(p, 'utf8');
      csv = csv.replace('初审对象名单及相关信息', '初审对象名单、审核结果及相关信息');
      csv = csv.replace(
        /3,临时救助[^\r]*\r\n/,
        '3,特困人员救助供养,办事指南,特困人员认定条件,《社会救助暂行办法》,20个工作日内,区民政局,■政府网站,√,,√,\r\n',
      );
      await writeFile(p, csv);
    });
    const newer = join(tmp, 'bundle-new');
    expect((await runCli('build', dir, '--out', newer, '--key', key, '--version', '4')).code).toBe(0);
    const report = JSON.parse((await runCli('diff', bundle, newer, '--json')).out);
    expect(report.items['社会救助']).toEqual({
      added: ['特困人员救助供养 / 办事指南'],
      removed: ['临时救助 / 办事指南'],
      changed: [{ name: '最低生活保障 / 审核信息', fields: ['content'] }],
    });
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['build', fixture, '--out', '/tmp/x']],
    [['build', fixture, '--out', '/tmp/x', '--key', 'k', '--version', 'abc']],
    [['frobnicate']],
    [['verify', '/tmp']],
  ])('%j', async (argv) => {
    expect((await runCli(...argv)).code).toBe(2);
  });

  it('every sub-command has --help, and the installed bin runs', () => {
    for (const cmd of ['keygen', 'build', 'verify', 'inspect', 'diff', 'search', 'synth']) {
      const r = spawnSync(process.execPath, ['bin/kiosk-bundle.js', cmd, '--help'], { encoding: 'utf8' });
      expect(r.status, `${cmd} --help`).toBe(0);
      expect(r.stdout).toContain(`Usage: kiosk-bundle ${cmd}`);
    }
  });
});
