// Issue 15 items 4–6 as the kiosk computes them: browse filters, an item's prefill of the application form, and the
// summary that keeps empty domains and departments off the screens.
import { describe, expect, it } from 'vitest';
import { type CatalogueItem, type Department } from '../../../src/core/bundle/schema.ts';
import { summarize } from '../../../src/kiosk/db/bundle-db.ts';
import { prefillFromItem } from '../../../src/kiosk/apply/prefill.ts';
import {
  applyFilter,
  filterFromParams,
  filterOptions,
  filterParams,
} from '../../../src/kiosk/ui/browse-filter.ts';
import { sampleData, testManifest } from './fixtures.ts';

function item(over: Partial<CatalogueItem>): CatalogueItem {
  return {
    id: over.id ?? 'x',
    domain: '政务公开',
    level1: '一级',
    level2: null,
    level3: null,
    stages: [],
    content: '',
    basis: '',
    timeLimit: '',
    publisher: '区人民政府办公室',
    channels: [],
    audience: ['public'],
    disclosure: ['proactive'],
    tier: [],
    url: null,
    guideIds: [],
    interpretationIds: [],
    ...over,
  };
}

const dept = (id: string, name: string, aliases: string[] = []): Department => ({
  id,
  name,
  aliases,
  address: '',
  hours: '',
  phone: '',
  window: '',
});

describe('browse filters', () => {
  const items = [
    item({ id: 'a', tier: ['district'], disclosure: ['proactive'], publisher: '区民政局' }),
    item({ id: 'b', tier: ['district', 'township'], disclosure: ['onRequest'], publisher: '各镇人民政府' }),
    item({
      id: 'c',
      tier: ['township'],
      disclosure: ['proactive', 'onRequest'],
      publisher: '区民政局、各镇人民政府',
    }),
    item({ id: 'd', tier: [], disclosure: ['proactive'], publisher: '区民政局' }),
  ];
  const ids = (list: CatalogueItem[]) => list.map((i) => i.id);

  it('narrows by 公开层级, 公开方式 and 公开主体 together; unlisted 层级 does not match a 层级 filter', () => {
    expect(ids(applyFilter(items, { tier: 'township' }))).toEqual(['b', 'c']);
    expect(ids(applyFilter(items, { how: 'onRequest' }))).toEqual(['b', 'c']);
    expect(ids(applyFilter(items, { dept: '各镇人民政府' }))).toEqual(['b', 'c']);
    expect(ids(applyFilter(items, { tier: 'district', how: 'proactive', dept: '区民政局' }))).toEqual(['a']);
    expect(ids(applyFilter(items, {}))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('offers only the values the items have, and round-trips through the address', () => {
    expect(filterOptions(items)).toEqual({
      tier: ['district', 'township'],
      how: ['proactive', 'onRequest'],
      dept: ['区民政局', '各镇人民政府'],
    });
    expect(filterOptions([items[3]!])).toEqual({ tier: [], how: ['proactive'], dept: ['区民政局'] });
    const f = { tier: 'township', how: 'onRequest', dept: '区民政局' } as const;
    expect(filterFromParams(new URLSearchParams(filterParams(f)))).toEqual(f);
    // Unknown values in a typed address are ignored, not trusted.
    expect(filterFromParams(new URLSearchParams('tier=city&how=x'))).toEqual({
      tier: undefined,
      how: undefined,
      dept: undefined,
    });
  });
});

describe('an 依申请公开 item prefills the form', () => {
  const departments = [dept('zfb', '区人民政府办公室', ['区政府办']), dept('mzj', '区民政局', ['民政局'])];

  it('fills the name and the department its 公开主体 names (by name or alias)', () => {
    const it1 = item({ level1: '依申请公开', level2: '申请办理结果', publisher: '区政府办' });
    expect(prefillFromItem(it1, departments)).toEqual({
      title: '依申请公开 申请办理结果',
      agencyId: 'zfb',
      agencyName: '区人民政府办公室',
    });
  });

  it('leaves the agency to the visitor when no department matches', () => {
    const it2 = item({ level1: '会议纪要', publisher: '各街道办事处、各镇人民政府' });
    expect(prefillFromItem(it2, departments)).toEqual({ title: '会议纪要' });
  });
});

describe('summary', () => {
  const manifest = testManifest(1);

  it('counts a domain of guides only by its documents and lists no department without items or guides', () => {
    const data = sampleData(1);
    data.guides.push({
      ...data.guides[0]!,
      id: 'g2',
      domain: '政务公开',
      department: '区政府办',
      itemIds: [],
    });
    data.departments.push(dept('zfb', '区人民政府办公室', ['区政府办']), dept('empty', '区档案馆'));
    const s = summarize(manifest, data);
    expect(s.domains).toEqual([
      { name: '社会救助', count: 2, docs: 1, facets: { district: 2, proactive: 2 } },
      { name: '户籍管理', count: 1, docs: 0, facets: { district: 1, proactive: 1 } },
      { name: '政务公开', count: 0, docs: 1, facets: {} },
    ]);
    expect(s.departments.map((d) => [d.id, d.count, d.docs])).toEqual([
      ['mzj', 3, 1],
      ['zfb', 0, 1],
    ]);
  });
});
