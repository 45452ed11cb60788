// The agency chosen for the visitor (issue 14): suggestions from matched items, groups, collective entries.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Department } from '../../../src/core/bundle/schema.ts';
import {
  agencyChoices,
  groupChoices,
  groupOf,
  membersOf,
  suggestAgencies,
} from '../../../src/kiosk/apply/agency.ts';

/** The sample district's departments.csv, as the bundle builder reads it (编号,名称,简称,地址,…). */
function sampleDepartments(): Department[] {
  const rows = parse(readFileSync('content/departments.csv'), { columns: true }) as Record<string, string>[];
  return rows.map((r) => ({
    id: r['编号']!,
    name: r['名称']!,
    aliases: (r['简称'] ?? '').split('、').filter(Boolean),
    address: r['地址'] ?? '',
    hours: r['办公时间'] ?? '',
    phone: r['联系电话'] ?? '',
    window: r['窗口'] ?? '',
  }));
}

const deps = sampleDepartments();
const dep = (id: string) => deps.find((d) => d.id === id)!;

describe('collective entries', () => {
  it('各街道办事处 and 各镇人民政府 become the streets and towns their address names', () => {
    expect(membersOf(dep('jiedao')).map((m) => m.name)).toEqual([
      '东城街道办事处',
      '西城街道办事处',
      '南湖街道办事处',
      '北岭街道办事处',
    ]);
    expect(membersOf(dep('zhen')).map((m) => m.name)).toEqual([
      '青山镇人民政府',
      '白沙镇人民政府',
      '桃源镇人民政府',
    ]);
    // An address that names none keeps the entry as it is.
    expect(membersOf(dep('xuexiao'))).toEqual([]);
    expect(membersOf(dep('minzheng'))).toEqual([]);
  });

  it('every choice is filed to its department; no collective entry is left as a choice', () => {
    const choices = agencyChoices(deps);
    expect(choices.find((c) => c.name === '各街道办事处')).toBeUndefined();
    expect(choices.find((c) => c.name === '西城街道办事处')).toMatchObject({ departmentId: 'jiedao' });
    expect(choices.find((c) => c.name === '区民政局')).toMatchObject({
      key: 'minzheng',
      departmentId: 'minzheng',
    });
    expect(new Set(choices.map((c) => c.key)).size).toBe(choices.length);
  });
});

describe('groups', () => {
  it('puts streets and towns, schools and the rest in their groups, each ordered by name', () => {
    expect(groupOf('东城街道办事处')).toBe('township');
    expect(groupOf('青山镇人民政府')).toBe('township');
    expect(groupOf('各义务教育学校')).toBe('institution');
    expect(groupOf('区图书馆')).toBe('institution');
    expect(groupOf('区民政局')).toBe('government');
    const groups = groupChoices(agencyChoices(deps), new Set(['minzheng']));
    expect(groups.map((g) => g.id)).toEqual(['government', 'township', 'institution']);
    const gov = groups[0]!.choices.map((c) => c.name);
    expect(gov).not.toContain('区民政局'); // shown among the suggestions instead
    expect(gov).toEqual([...gov].sort(new Intl.Collator('zh-CN').compare));
    expect(groups[1]!.choices).toHaveLength(7);
  });
});

describe('suggestions', () => {
  it('suggests the 公开主体 of the best matches first, and drops far weaker ones', () => {
    const items = [
      { publisher: '区民政局' },
      { publisher: '区民政局、各街道办事处、各镇人民政府' },
      { publisher: '区民政局' },
      { publisher: '区财政局' },
      { publisher: '区图书馆' },
    ];
    const s = suggestAgencies('低保资金发放情况', items, deps);
    expect(s[0]!.name).toBe('区民政局');
    expect(s.map((c) => c.name)).not.toContain('区图书馆');
  });

  it('a street named in the description is suggested itself, not every street', () => {
    const s = suggestAgencies('西城街道2024年低保名单', [{ publisher: '各街道办事处' }], deps);
    expect(s.map((c) => c.name)).toEqual(['西城街道办事处']);
  });

  it('aliases count (区人社局), unknown names and no matches suggest nothing', () => {
    expect(suggestAgencies('社保', [{ publisher: '区人社局' }], deps).map((c) => c.departmentId)).toEqual([
      'renshe',
    ]);
    expect(suggestAgencies('什么', [{ publisher: '不存在的机关' }], deps)).toEqual([]);
    expect(suggestAgencies('什么', [], deps)).toEqual([]);
  });
});
