import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogueFile, type ImportedItem } from '../../../src/cli/import/catalogue.ts';
import type { SourceProblem } from '../../../src/cli/problems.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/catalogue');
const load = (name: string) => importCatalogueFile(join(fixtures, name), `catalogue/${name}`);
/** Items with the parts that legitimately differ between a workbook and its CSV export removed. */
const comparable = (items: ImportedItem[]) =>
  items.map(({ source, ...rest }) => ({ ...rest, row: source?.row }));
const errors = (ps: SourceProblem[]) => ps.filter((p) => p.severity === 'error');

const BASIS_A = '《国务院关于加强和改进最低生活保障工作的意见》（国发〔2012〕45号）、各地相关政策法规文件';

describe('template A (东湖区): title row, two-row header, merged 一级事项', () => {
  it('reads every item exactly', async () => {
    const { items, problems } = await load('template-a.xlsx');
    expect(problems).toEqual([]);
    expect(items[0]).toEqual({
      domain: '社会救助',
      level1: '最低生活保障',
      level2: '办事指南',
      level3: null,
      stages: [],
      content: '办理事项、办理条件、最低生活保障标准、申请材料、办理流程、办理时间和地点、联系方式',
      basis: BASIS_A,
      timeLimit: '制定或获取信息之日 10 个工作日内',
      publisher: '县级政府民政部门、乡镇政府（街道办事处）',
      channels: ['两微一端', '公开查阅点', '政务服务中心'],
      audience: ['public'],
      disclosure: ['proactive'],
      tier: [],
      url: null,
      source: { file: 'catalogue/template-a.xlsx', sheet: '社会救助', row: 4 },
    });
    expect(
      items.map((i) => [i.source?.row, i.level1, i.level2, i.channels, i.audience, i.disclosure]),
    ).toEqual([
      [4, '最低生活保障', '办事指南', ['两微一端', '公开查阅点', '政务服务中心'], ['public'], ['proactive']],
      // Rows 5 and 6 sit under the merged B4:B6.
      [5, '最低生活保障', '审核信息', ['两微一端', '公开查阅点', '政务服务中心'], ['public'], ['proactive']],
      [6, '最低生活保障', '救助结果', ['政府网站', '入户/现场'], ['specific'], ['onRequest']],
      [7, '特困人员救助供养', '办事指南', ['政府网站', '两微一端'], ['public'], ['proactive']],
      [
        8,
        '特困人员救助供养',
        '供养标准',
        ['政府网站', '其他'],
        ['public', 'specific'],
        ['proactive', 'onRequest'],
      ],
      // A new 一级事项 with a blank 二级事项: no 二级, not the previous group's.
      [9, '临时救助', null, ['便民服务站'], ['public'], ['proactive']],
    ]);
    // The 注释 block under the table is not read as items.
    expect(items).toHaveLength(6);
  });

  it('gives identical items from its CSV export (UTF-8 BOM, CRLF, merged cells left blank)', async () => {
    const xlsx = await load('template-a.xlsx');
    const csv = await load('template-a.csv');
    expect(csv.problems).toEqual([]);
    expect(csv.items[0]?.source).toEqual({ file: 'catalogue/template-a.csv', row: 4 });
    expect(comparable(csv.items)).toEqual(comparable(xlsx.items));
  });
});

describe('template B (泉港区): 三级事项, “五公开”阶段, 公开层级', () => {
  it('reads stages, tiers, merged 二级事项 and box channels', async () => {
    const { items, problems } = await load('template-b.xlsx');
    expect(problems).toEqual([]);
    expect(
      items.map((i) => [i.source?.row, i.domain, i.level1, i.level2, i.level3, i.stages, i.tier]),
    ).toEqual([
      [4, '养老服务', '养老机构管理', '养老机构备案', '备案办事指南', ['service'], ['district']],
      [
        5,
        '养老服务',
        '养老机构管理',
        '养老机构备案',
        '备案结果',
        ['management', 'result'],
        ['district', 'township'],
      ],
      [6, '养老服务', '养老机构管理', '养老机构监督检查', '检查计划', ['decision'], ['district']],
      [7, '养老服务', '养老机构管理', '养老机构监督检查', '检查结果', ['result'], ['township']],
      [8, '养老服务', '高龄津贴', '高龄津贴发放', null, ['service', 'result'], ['township']],
    ]);
    expect(items[0]?.channels).toEqual(['政府网站', '两微一端', '纸质载体', '公开查阅点', '政府服务中心']);
    expect(items[1]?.channels).toEqual(['社区/企事业单位/村公示栏（电子屏）', '其他']);
    expect(items[3]?.channels).toEqual(['政府网站']); // √ as a box mark
    expect(items[4]?.channels).toEqual(['便民服务站', '公开查阅点', '政府网站']); // a plain list
    expect(items[0]?.content).toBe('备案条件、备案材料、办理流程');
    expect(items[3]).toMatchObject({
      audience: ['public', 'specific'],
      disclosure: ['proactive', 'onRequest'],
    });
    expect(items[4]).toMatchObject({ audience: ['specific'], disclosure: ['onRequest'] });
    // The second, empty sheet is skipped silently.
    expect(items.every((i) => i.source?.sheet === '养老服务')).toBe(true);
  });

  it('gives identical items from its CSV export', async () => {
    const xlsx = await load('template-b.xlsx');
    const csv = await load('template-b.csv');
    expect(csv.problems).toEqual([]);
    expect(comparable(csv.items)).toEqual(comparable(xlsx.items));
  });
});

describe('GB18030 CSV with a one-row header in other wording', () => {
  it('decodes, maps 事项内容/依据/时限/责任主体/公开渠道/网址 and takes the domain from the file name', async () => {
    const { items, problems } = await load('12-就业创业.csv');
    expect(items.map((i) => [i.domain, i.level1, i.level2, i.publisher, i.url])).toEqual([
      ['就业创业', '就业政策法规', '政策文件', '区人社局', 'https://www.example.gov.cn/jycy/zcwj.html'],
      [
        '就业创业',
        '就业政策法规',
        '𠮷祥社区就业服务',
        '𠮷祥社区居委会',
        'http://www.example.gov.cn/jycy/zph.html',
      ],
      ['就业创业', '创业扶持', '创业担保贷款', '区人社局、区财政局', null],
    ]);
    expect(items[0]).toMatchObject({
      content: '就业创业政策文件、解读',
      basis: '《中华人民共和国就业促进法》',
      timeLimit: '20个工作日内',
      channels: ['政府网站', '两微一端', '公开查阅点'],
      audience: ['public'],
      disclosure: ['proactive'],
    });
    expect(items[1]?.channels).toEqual(['社区/企事业单位/村公示栏', '便民服务站']);
    expect(items[2]).toMatchObject({ audience: ['specific'], disclosure: ['onRequest'] });
    // 𠮷 is a surrogate pair and must come through as exactly that.
    expect([...(items[1]?.level2 ?? '')][0]?.codePointAt(0)).toBe(0x20bb7);
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'catalogue/12-就业创业.csv',
        row: 3,
        column: 'M (网址)',
        field: 'url',
        message: '网址缺少 http://，已补全为 http://www.example.gov.cn/jycy/zph.html (scheme added)',
      },
    ]);
  });

  it('matches the same sheet saved as .xlsx', async () => {
    const xlsx = await load('就业创业.xlsx');
    const csv = await load('12-就业创业.csv');
    expect(comparable(csv.items)).toEqual(comparable(xlsx.items));
  });
});

describe('quoted CSV cells, 领域 column, one-column 公开对象/公开方式', () => {
  it('keeps commas, quotes, line breaks and 𠮷; numbers rows as records', async () => {
    const { items, problems } = await load('quoted.csv');
    expect(problems).toEqual([]);
    expect(items).toEqual([
      expect.objectContaining({
        domain: '社会救助',
        level1: '最低生活保障',
        level2: '办事指南',
        content: '申请条件：户籍、收入,财产',
        basis: '《条例》第三条，"共同生活的家庭成员"的认定',
        timeLimit: '10个工作日, 逢节假日顺延',
        channels: ['政府网站', '两微一端'],
        audience: ['public'],
        disclosure: ['proactive'],
        url: 'https://example.gov.cn/a?x=1&y=2',
        source: { file: 'catalogue/quoted.csv', row: 2 },
      }),
      // Record 3 is blank; record 4 spans two lines of the file. 领域 and 一级事项 fill down.
      expect.objectContaining({
        domain: '社会救助',
        level1: '最低生活保障',
        level2: '𠮷祥街道救助',
        content: '地址：𠮷祥路 1 号\n电话："12345"',
        publisher: '𠮷祥街道办事处',
        audience: ['public', 'specific'],
        disclosure: ['proactive', 'onRequest'],
        source: { file: 'catalogue/quoted.csv', row: 4 },
      }),
      expect.objectContaining({
        domain: '就业创业',
        level1: '就业服务',
        content: '岗位名称, 人数',
        channels: ['政府网站'],
        audience: ['specific'],
        disclosure: ['onRequest'],
        source: { file: 'catalogue/quoted.csv', row: 5 },
      }),
    ]);
    // 备注 is not part of an item.
    expect(JSON.stringify(items)).not.toContain('内部备注');
  });
});

describe('workbook with several sheets', () => {
  it('reads the catalogue sheet, warns about the others, follows merges and hyperlinks', async () => {
    const { items, problems } = await load('multi-sheet.xlsx');
    expect(
      items.map((i) => [i.source?.sheet, i.source?.row, i.domain, i.level1, i.content, i.publisher, i.url]),
    ).toEqual([
      ['目录', 3, '社会保险', '社保登记', '登记条件、所需材料', '区社保中心', 'https://example.gov.cn/sb/1'],
      // 公开主体 is merged over E3:E4.
      ['目录', 4, '社会保险', '社保待遇', '发放标准', '区社保中心', null],
    ]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'catalogue/multi-sheet.xlsx',
        sheet: '说明',
        message: expect.stringContaining('no catalogue header'),
      },
      {
        severity: 'warning',
        file: 'catalogue/multi-sheet.xlsx',
        sheet: '旧版',
        message: expect.stringContaining('hidden sheet'),
      },
    ]);
  });
});

describe('errors name the file, sheet, row and column', () => {
  const expected = (file: string, sheet?: string): SourceProblem[] => {
    const at = (
      row: number,
      column: string,
      field: string,
      message: string,
      severity: 'error' | 'warning' = 'error',
    ) => ({
      severity,
      file,
      ...(sheet ? { sheet } : {}),
      row,
      column,
      field,
      message,
    });
    return [
      at(4, 'B (一级事项)', 'level1', '缺少一级事项 (no 一级事项)'),
      at(5, 'G (公开主体)', 'publisher', '缺少公开主体 (no publisher)'),
      at(
        6,
        'K-L (公开方式)',
        'disclosure',
        '公开方式未勾选：主动公开、依申请公开至少勾选一项 (neither 主动 nor 依申请 ticked)',
      ),
      at(
        7,
        'I-J (公开对象)',
        'audience',
        '公开对象未勾选：全社会、特定群体至少勾选一项 (neither 全社会 nor 特定群体 ticked)',
      ),
      at(8, 'D (公开内容)', 'content', '内容超过 4000 字（现为 4001 字） (cell over 4000 characters)'),
      at(9, 'M (网址)', 'url', '网址无效“见附件”：应以 http:// 或 https:// 开头 (invalid URL)'),
      at(10, 'I (全社会)', 'audience', '无法识别的勾选标记“部分”：请用 √ 或留空 (unrecognised tick)'),
      at(11, 'H (公开渠道和载体)', 'channels', '未勾选公开渠道和载体 (no channel ticked)', 'warning'),
    ];
  };

  it('in a workbook', async () => {
    const { items, problems } = await load('errors/rows.xlsx');
    expect(problems).toEqual(expected('catalogue/errors/rows.xlsx', '错误'));
    // Rows with errors are left out; a warning keeps its row.
    expect(items.map((i) => [i.source?.row, i.level2])).toEqual([
      [11, '无渠道'],
      [12, '正常'],
    ]);
  });

  it('in its CSV export', async () => {
    const { items, problems } = await load('errors/rows.csv');
    expect(problems).toEqual(expected('catalogue/errors/rows.csv'));
    expect(items.map((i) => i.source?.row)).toEqual([11, 12]);
  });

  it('unknown header', async () => {
    const { problems } = await load('errors/unknown-header.csv');
    expect(errors(problems)).toEqual([
      {
        severity: 'error',
        file: 'catalogue/errors/unknown-header.csv',
        row: 2,
        column: 'F (办理机构)',
        message: '无法识别的表头“办理机构” (unknown header)',
      },
    ]);
  });

  it('missing required columns', async () => {
    const { items, problems } = await load('errors/missing-columns.csv');
    expect(items).toEqual([]);
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'catalogue/errors/missing-columns.csv',
        row: 1,
        message: '表头缺少：公开主体、公开对象、公开方式 (missing columns: 公开主体, 公开对象, 公开方式)',
      },
    ]);
  });

  it.each(['errors/no-header.csv', 'errors/no-header.xlsx'])(
    'no catalogue header at all: %s',
    async (name) => {
      const { items, problems } = await load(name);
      expect(items).toEqual([]);
      expect(problems).toEqual([
        {
          severity: 'error',
          file: `catalogue/${name}`,
          message: expect.stringContaining('(no catalogue header found)'),
        },
      ]);
    },
  );

  it('malformed CSV', async () => {
    const { problems } = await load('errors/malformed.csv');
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'catalogue/errors/malformed.csv',
        message: expect.stringMatching(/^CSV 格式错误 \(malformed CSV\): .*line 3/),
      },
    ]);
  });

  it('no domain anywhere', async () => {
    const { items, problems } = await load('errors/目录.csv');
    expect(items).toEqual([]);
    expect(errors(problems)).toEqual([
      {
        severity: 'error',
        file: 'catalogue/errors/目录.csv',
        row: 1,
        field: 'domain',
        message: expect.stringContaining('(cannot tell the domain)'),
      },
    ]);
  });
});

describe('more layouts (written on the fly)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalogue-import-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const csv = async (name: string, lines: string[]) => {
    await writeFile(join(dir, name), lines.join('\r\n') + '\r\n');
    return importCatalogueFile(join(dir, name), `catalogue/${name}`);
  };
  const HEAD = '序号,一级事项,二级事项,公开内容,公开主体,公开渠道和载体,全社会,特定群体,主动公开,依申请公开';

  it('stops at a 注： block and skips empty rows, numbered blank rows and a repeated header', async () => {
    const { items, problems } = await csv('社会救助.csv', [
      HEAD,
      '1,最低生活保障,办事指南,内容,区民政局,政府网站,√,,√,',
      ',,,,,,,,,',
      '2,,,,,,,,,',
      HEAD,
      '3,,审核信息,内容,区民政局,政府网站,√,,√,',
      '注：本目录每年更新,,,,,,,,,',
      '4,不是事项,,,,,,,,',
    ]);
    expect(problems).toEqual([]);
    expect(items.map((i) => [i.source?.row, i.domain, i.level1, i.level2])).toEqual([
      [2, '社会救助', '最低生活保障', '办事指南'],
      [6, '社会救助', '最低生活保障', '审核信息'],
    ]);
  });

  it('fills 二级事项 down only within its 一级事项 group', async () => {
    const { items } = await csv('社会救助.csv', [
      HEAD,
      '1,最低生活保障,办事指南,甲,区民政局,政府网站,√,,√,',
      '2,,,乙,区民政局,政府网站,√,,√,',
      '3,临时救助,,丙,区民政局,政府网站,√,,√,',
    ]);
    expect(items.map((i) => [i.content, i.level1, i.level2])).toEqual([
      ['甲', '最低生活保障', '办事指南'],
      ['乙', '最低生活保障', '办事指南'],
      ['丙', '临时救助', null],
    ]);
  });

  it('warns about data under no header and reports a duplicated column', async () => {
    const { problems } = await csv('社会救助.csv', [
      '一级事项,公开主体,责任主体,全社会,主动公开',
      '最低生活保障,区民政局,区民政局,√,√,多出来的',
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        row: 1,
        column: 'C (责任主体)',
        field: 'publisher',
        message: expect.stringContaining('duplicate column'),
      }),
      expect.objectContaining({ severity: 'warning', row: 1, field: 'channels' }),
      expect.objectContaining({
        severity: 'warning',
        row: 2,
        column: 'F',
        message: expect.stringContaining('column without header'),
      }),
    ]);
  });

  it('checks 二级事项 and 公开主体 against the schema limits', async () => {
    const { items, problems } = await csv('社会救助.csv', [
      '一级事项,二级事项,公开主体,全社会,主动公开',
      `最低生活保障,${'二'.repeat(201)},区民政局,√,√`,
      `临时救助,,${'主'.repeat(500)},√,√`,
      `特困供养,,${'主'.repeat(501)},√,√`,
    ]);
    expect(items.map((i) => i.level1)).toEqual(['临时救助']);
    expect(problems.map((p) => [p.row, p.column, p.field])).toEqual([
      [1, undefined, 'channels'],
      [2, 'B (二级事项)', 'level2'],
      [4, 'C (公开主体)', 'publisher'],
    ]);
  });

  it('rejects URLs a kiosk cannot open', async () => {
    const { problems } = await csv('社会救助.csv', [
      '一级事项,公开主体,全社会,主动公开,公开渠道,链接',
      '甲,区民政局,√,√,政府网站,javascript:alert(1)',
      '乙,区民政局,√,√,政府网站,ftp://example.gov.cn/a',
      '丙,区民政局,√,√,政府网站,https://',
      '丁,区民政局,√,√,政府网站,https://example.gov.cn/ok',
    ]);
    expect(problems.map((p) => [p.severity, p.row, p.column])).toEqual([
      ['error', 2, 'F (链接)'],
      ['error', 3, 'F (链接)'],
      ['error', 4, 'F (链接)'],
    ]);
  });

  it('reports unreadable one-column choices, unknown stages and over-long channel names', async () => {
    const { items, problems } = await csv('社会救助.csv', [
      '一级事项,“五公开”阶段,公开主体,公开渠道和载体,公开对象,公开方式,公开层级',
      '甲,■决策,区民政局,政府网站,居民,主动公开,区级',
      '乙,■审批,区民政局,政府网站,全社会,主动公开,区级',
      `丙,■决策,区民政局,${'渠'.repeat(101)},全社会,主动公开,区级`,
      '丁,□决策,区民政局,政府网站,全社会,依申请,',
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'E (公开对象)',
        field: 'audience',
        message: expect.stringContaining('居民'),
      }),
      expect.objectContaining({
        row: 3,
        column: 'B (“五公开”阶段)',
        field: 'stages',
        message: expect.stringContaining('审批'),
      }),
      expect.objectContaining({
        row: 4,
        column: 'D (公开渠道和载体)',
        field: 'channels',
        message: expect.stringContaining('100'),
      }),
      expect.objectContaining({ severity: 'warning', row: 5, column: 'B (“五公开”阶段)', field: 'stages' }),
      expect.objectContaining({ severity: 'warning', row: 5, column: 'G (公开层级)', field: 'tier' }),
    ]);
    expect(items.map((i) => [i.level1, i.stages, i.disclosure, i.tier])).toEqual([
      ['丁', [], ['onRequest'], []],
    ]);
  });

  it('refuses other file types, saying what to save them as', async () => {
    await writeFile(join(dir, 'old.doc'), 'x');
    const { problems } = await importCatalogueFile(join(dir, 'old.doc'), 'catalogue/old.doc');
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'catalogue/old.doc',
        message: expect.stringMatching(/另存为 \.docx.*\(unsupported file type\)$/),
      },
    ]);
  });

  it('reports a file that is not a workbook', async () => {
    await writeFile(join(dir, 'broken.xlsx'), 'not a zip');
    const { problems } = await importCatalogueFile(join(dir, 'broken.xlsx'), 'catalogue/broken.xlsx');
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'catalogue/broken.xlsx',
        message: expect.stringContaining('cannot read file'),
      },
    ]);
  });
});
