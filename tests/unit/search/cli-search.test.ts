import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerSearch } from '../../../src/cli/commands/search.ts';
import { RejectedError, UsageError } from '../../../src/cli/errors.ts';
import { DATA_FILES, type DataFileKey } from '../../../src/core/bundle/schema.ts';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import { fixtureData } from './fixture.ts';

async function run(args: string[]): Promise<string> {
  const program = new Command('kiosk-bundle')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  registerSearch(program);
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return lines.join('\n');
}

describe('kiosk-bundle search', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'search-cli-'));
    const data = fixtureData();
    const all = { ...data, searchIndex: buildSearchIndex(data) } as Record<DataFileKey, unknown>;
    await mkdir(join(dir, 'data'), { recursive: true });
    for (const [key, path] of Object.entries(DATA_FILES) as [DataFileKey, string][]) {
      await writeFile(join(dir, path), JSON.stringify(all[key]));
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints exactly the documented JSON', async () => {
    const out = JSON.parse(await run(['search', dir, 'dibao', '--json', '--limit', '2'])) as {
      query: string;
      results: Array<Record<string, unknown>>;
    };
    expect(Object.keys(out)).toEqual(['query', 'results']);
    expect(out.query).toBe('dibao');
    expect(out.results).toHaveLength(2);
    expect(Object.keys(out.results[0]!)).toEqual([
      'type',
      'id',
      'domain',
      'level1',
      'level2',
      'level3',
      'title',
      'score',
    ]);
    expect(out.results[0]).toMatchObject({ type: 'item', domain: '社会救助', level1: '最低生活保障' });
  });

  it('prints a readable answer with how the query was understood', async () => {
    const out = await run(['search', dir, '户口签移']);
    expect(out).toContain('户口迁移');
    expect(out).toMatch(/1\. \[事项\] 户口迁移/);
    expect(out).toContain('did you mean');
  });

  it('rejects an unreadable bundle and bad usage', async () => {
    await expect(run(['search', join(dir, 'nope'), '低保'])).rejects.toBeInstanceOf(RejectedError);
    await expect(run(['search', join(dir, 'data'), '低保'])).rejects.toBeInstanceOf(RejectedError);
    await expect(run(['search', dir, '低保', '--limit', '0'])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['search', dir])).rejects.toMatchObject({ code: 'commander.missingArgument' });
  });

  it('has help', async () => {
    const program = new Command('kiosk-bundle').exitOverride();
    registerSearch(program);
    const help = program.commands.find((c) => c.name() === 'search')!.helpInformation();
    expect(help).toContain('--json');
    expect(help).toContain('--limit');
  });
});
