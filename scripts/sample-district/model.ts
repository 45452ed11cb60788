// Data model for the sample district's catalogue (某某区). Domain modules describe items compactly;
// generate.ts lays them out the way departments export the two official templates.

/** Channel codes → labels (公开渠道和载体). One character per channel keeps the data modules readable. */
export const CHANNELS = {
  网: '政府网站',
  报: '政府公报',
  微: '两微一端',
  会: '发布会/听证会',
  广: '广播电视',
  纸: '纸质载体',
  查: '公开查阅点',
  中: '政务服务中心',
  站: '便民服务站',
  户: '入户/现场',
  栏: '社区/企事业单位/村公示栏（电子屏）',
  推: '精准推送',
  他: '其他',
} as const;
export type ChannelCode = keyof typeof CHANNELS;

/** Order of the channel boxes in template A (东湖区: its worked example, with 政府公报 added). */
export const CHANNEL_ORDER_A: ChannelCode[] = [
  '网',
  '报',
  '微',
  '广',
  '查',
  '站',
  '栏',
  '推',
  '会',
  '纸',
  '中',
  '户',
  '他',
];
/** Order of the channel boxes in template B (泉港区). */
export const CHANNEL_ORDER_B: ChannelCode[] = [
  '网',
  '报',
  '微',
  '会',
  '广',
  '纸',
  '查',
  '中',
  '站',
  '户',
  '栏',
  '推',
  '他',
];

/** "五公开" stages, written by their first character in the data modules. */
export const STAGES = { 决: '决策', 执: '执行', 管: '管理', 服: '服务', 结: '结果' } as const;
export type StageCode = keyof typeof STAGES;

export type Audience = '全' | '特' | '全特';
export type Disclosure = '主' | '依' | '主依';
export type Tier = '区' | '乡' | '区乡';

export interface Item {
  l1: string;
  l2: string | null;
  l3: string | null;
  stages: StageCode[];
  content: string;
  basis: string;
  timeLimit: string;
  publisher: string;
  channels: ChannelCode[];
  audience: Audience;
  disclosure: Disclosure;
  tier: Tier;
  url: string | null;
}

export interface Domain {
  name: string;
  items: Item[];
}

export interface ItemOptions {
  /** Stages, e.g. '执结'. */
  s?: string;
  /** Channels, e.g. '网微查中'. */
  ch?: string;
  aud?: Audience;
  how?: Disclosure;
  tier?: Tier;
  /** Publisher, when it differs from the domain's default. */
  pub?: string;
  /** Path under https://www.moumou.gov.cn/ */
  url?: string;
}

export interface DomainDefaults {
  publisher: string;
  channels: string;
  tier: Tier;
  stages?: string;
}

function codes<T extends string>(s: string, allowed: Record<string, unknown>, what: string): T[] {
  const out = [...s] as T[];
  for (const c of out) if (!(c in allowed)) throw new Error(`unknown ${what} code ${c} in "${s}"`);
  return out;
}

/**
 * A domain builder. `add(l1, l2, l3, content, basis, timeLimit, options)` appends one row; a null l1/l2 repeats the
 * previous row's value (the way a merged cell reads), so the data modules look like the spreadsheet.
 */
export function domain(name: string, defaults: DomainDefaults) {
  const items: Item[] = [];
  let lastL1 = '';
  let lastL2: string | null = null;
  const api = {
    name,
    items,
    add(
      l1: string | null,
      l2: string | null | undefined,
      l3: string | null,
      content: string,
      basis: string,
      timeLimit: string,
      o: ItemOptions = {},
    ) {
      const level1 = l1 ?? lastL1;
      if (!level1) throw new Error(`${name}: first row needs 一级事项`);
      // undefined l2 = continue the merged 二级事项; null = none.
      const level2 = l2 === undefined ? lastL2 : l2;
      lastL1 = level1;
      lastL2 = level2;
      items.push({
        l1: level1,
        l2: level2,
        l3,
        stages: codes<StageCode>(o.s ?? defaults.stages ?? '服', STAGES, 'stage'),
        content,
        basis,
        timeLimit,
        publisher: o.pub ?? defaults.publisher,
        channels: codes<ChannelCode>(o.ch ?? defaults.channels, CHANNELS, 'channel'),
        audience: o.aud ?? '全',
        disclosure: o.how ?? '主',
        tier: o.tier ?? defaults.tier,
        url: o.url ? `https://www.moumou.gov.cn/${o.url}` : null,
      });
      return api;
    },
    /** The rows, with rows of one 一级事项 (and within it one 二级事项) kept together, as merged cells need. */
    done(): Domain {
      const order = (key: (i: Item) => string) => {
        const seen = new Map<string, number>();
        items.forEach((i) => seen.has(key(i)) || seen.set(key(i), seen.size));
        return (i: Item) => seen.get(key(i))!;
      };
      const l1 = order((i) => i.l1);
      const l2 = order((i) => `${i.l1}|${i.l2 ?? ''}`);
      const sorted = items
        .map((item, n) => ({ item, n }))
        .sort((a, b) => l1(a.item) - l1(b.item) || l2(a.item) - l2(b.item) || a.n - b.n);
      return { name, items: sorted.map((e) => e.item) };
    },
  };
  return api;
}

/** Common 公开时限 wordings. */
export const T = {
  d20: '信息形成或变更之日起20个工作日内',
  d10: '信息形成或变更之日起10个工作日内',
  d7: '信息形成或变更之日起7个工作日内',
  d5: '信息形成之日起5个工作日内',
  license: '作出行政许可决定之日起7个工作日内',
  penalty: '作出行政处罚决定之日起20个工作日内',
  realtime: '实时公开，信息变更后及时更新',
  year: '每年第一季度内公开上一年度情况',
  budget: '经区人民代表大会或其常务委员会批准后20日内',
  deptBudget: '区财政部门批复后20日内',
} as const;
