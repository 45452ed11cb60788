// Lays a catalogue sheet out as a grid of cell texts plus merge ranges, exactly as the official templates draw it:
// a title row, a two-row grouped header, merged 领域/一级事项/二级事项 cells, √ ticks and ■/□ boxes.
import type { SheetSpec, FileSpec } from './layout.ts';
import {
  CHANNELS,
  CHANNEL_ORDER_A,
  CHANNEL_ORDER_B,
  STAGES,
  type ChannelCode,
  type Item,
  type StageCode,
} from './model.ts';

export interface Merge {
  top: number; // 1-based
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  rows: string[][];
  merges: Merge[];
  /** 1-based row numbers of the header rows (title excluded). */
  headerRows: [number, number];
  columns: ColumnKind[];
}

export type ColumnKind =
  | 'seq'
  | 'domain'
  | 'l1'
  | 'l2'
  | 'l3'
  | 'stages'
  | 'content'
  | 'basis'
  | 'time'
  | 'publisher'
  | 'channels'
  | 'aud-public'
  | 'aud-specific'
  | 'how-proactive'
  | 'how-request'
  | 'tier-district'
  | 'tier-township'
  | 'url';

const TICK = '√';

function channelCell(item: Item, spec: FileSpec): string {
  const b = spec.template === 'B';
  const label = (c: ChannelCode): string => {
    if (c === '纸') return b ? '纸质载体' : '纸质媒介';
    if (c === '他') {
      if (!item.channels.includes('他')) return b ? '其他______' : '其他';
      return item.disclosure.includes('依') ? '其他（依申请答复）' : '其他（自助查询终端）';
    }
    return CHANNELS[c];
  };
  if (spec.channelStyle === 'list') return item.channels.map(label).join('、');
  const box = (c: ChannelCode) => `${item.channels.includes(c) ? '■' : '□'}${label(c)}`;
  if (!b) return CHANNEL_ORDER_A.map(box).join(' ');
  // Template B draws the boxes two to a line, the 公示栏 box alone on its line.
  const o = CHANNEL_ORDER_B;
  const lines: ChannelCode[][] = [
    [o[0]!, o[1]!],
    [o[2]!, o[3]!],
    [o[4]!, o[5]!],
    [o[6]!, o[7]!],
    [o[8]!, o[9]!],
    [o[10]!],
    [o[11]!, o[12]!],
  ];
  return lines.map((l) => l.map(box).join(' ')).join('\n');
}

function stageCell(item: Item): string {
  return (Object.keys(STAGES) as StageCode[])
    .map((s) => `${item.stages.includes(s) ? '■' : '□'}${STAGES[s]}`)
    .join('\n');
}

export function buildGrid(sheet: SheetSpec, spec: FileSpec): Grid {
  const b = spec.template === 'B';
  const cols: ColumnKind[] = ['seq'];
  if (sheet.domainColumn) cols.push('domain');
  cols.push('l1', 'l2');
  if (b) cols.push('l3', 'stages');
  cols.push(
    'content',
    'basis',
    'time',
    'publisher',
    'channels',
    'aud-public',
    'aud-specific',
    'how-proactive',
    'how-request',
  );
  if (b) cols.push('tier-district', 'tier-township');
  if (spec.urlColumn) cols.push('url');
  const n = cols.length;
  const idx = (k: ColumnKind) => cols.indexOf(k) + 1;

  const single: Partial<Record<ColumnKind, string>> = {
    seq: '序号',
    domain: '领域',
    stages: '“五公开”阶段',
    content: b ? '公开内容（要素）' : '公开内容',
    basis: '公开依据',
    time: '公开时限',
    publisher: spec.publisherHeader ?? '公开主体',
    channels: '公开渠道和载体',
    url: '网址',
  };
  const sub: Partial<Record<ColumnKind, string>> = {
    l1: '一级事项',
    l2: '二级事项',
    l3: '三级事项',
    'aud-public': '全社会',
    'aud-specific': '特定群体',
    'how-proactive': b ? '主动' : '主动公开',
    'how-request': b ? '依申请' : '依申请公开',
    'tier-district': '区级',
    'tier-township': '乡级',
  };
  const groups: [string, ColumnKind, ColumnKind][] = [
    ['公开事项', 'l1', b ? 'l3' : 'l2'],
    ['公开对象', 'aud-public', 'aud-specific'],
    ['公开方式', 'how-proactive', 'how-request'],
  ];
  if (b) groups.push(['公开层级', 'tier-district', 'tier-township']);

  const rows: string[][] = [];
  const merges: Merge[] = [];
  const title = Array<string>(n).fill('');
  title[0] = sheet.title;
  rows.push(title);
  merges.push({ top: 1, left: 1, bottom: 1, right: n });

  const h1 = Array<string>(n).fill('');
  const h2 = Array<string>(n).fill('');
  cols.forEach((k, i) => {
    if (single[k] !== undefined) {
      h1[i] = single[k]!;
      merges.push({ top: 2, left: i + 1, bottom: 3, right: i + 1 });
    }
    if (sub[k] !== undefined) h2[i] = sub[k]!;
  });
  for (const [label, from, to] of groups) {
    h1[idx(from) - 1] = label;
    merges.push({ top: 2, left: idx(from), bottom: 2, right: idx(to) });
  }
  rows.push(h1, h2);

  // Data rows.
  const flat: { domain: string; item: Item }[] = sheet.domains.flatMap((d) =>
    d.items.map((item) => ({ domain: d.name, item })),
  );
  const first = rows.length + 1;
  flat.forEach(({ domain, item }, i) => {
    const r = Array<string>(n).fill('');
    const set = (k: ColumnKind, v: string) => {
      const j = cols.indexOf(k);
      if (j >= 0) r[j] = v;
    };
    set('seq', String(i + 1));
    set('domain', domain);
    set('l1', item.l1);
    set('l2', item.l2 ?? '');
    set('l3', item.l3 ?? '');
    set('stages', stageCell(item));
    set('content', item.content);
    set('basis', item.basis);
    set('time', item.timeLimit);
    set('publisher', item.publisher);
    set('channels', channelCell(item, spec));
    set('aud-public', item.audience.includes('全') ? TICK : '');
    set('aud-specific', item.audience.includes('特') ? TICK : '');
    set('how-proactive', item.disclosure.includes('主') ? TICK : '');
    set('how-request', item.disclosure.includes('依') ? TICK : '');
    set('tier-district', item.tier.includes('区') ? TICK : '');
    set('tier-township', item.tier.includes('乡') ? TICK : '');
    set('url', item.url ?? '');
    rows.push(r);
  });

  // Merge runs of equal 领域 / 一级事项 / 二级事项 (each within the enclosing run), blanking the cells below.
  const keyOf = (k: 'domain' | 'l1' | 'l2', e: { domain: string; item: Item }) =>
    k === 'domain'
      ? e.domain
      : k === 'l1'
        ? `${e.domain}|${e.item.l1}`
        : `${e.domain}|${e.item.l1}|${e.item.l2 ?? ''}`;
  for (const k of ['domain', 'l1', 'l2'] as const) {
    const col = cols.indexOf(k);
    if (col < 0) continue;
    let start = 0;
    for (let i = 1; i <= flat.length; i++) {
      if (i < flat.length && keyOf(k, flat[i]!) === keyOf(k, flat[start]!)) continue;
      if (i - start > 1 && rows[first - 1 + start]![col] !== '') {
        merges.push({ top: first + start, left: col + 1, bottom: first + i - 1, right: col + 1 });
        for (let j = start + 1; j < i; j++) rows[first - 1 + j]![col] = '';
      }
      start = i;
    }
  }
  return { rows, merges, headerRows: [2, 3], columns: cols };
}
