// Which domain goes into which file, in which template, the way the district's departments actually exported them:
// most domains as their own XLSX, a few departments' workbooks holding several domains (a 领域 column, or one sheet
// per domain), and two domains saved from Excel as CSV.
import type { Domain } from './model.ts';
import shehuiJiuzhu from './domains/shehui-jiuzhu.ts';
import yanglao from './domains/yanglao.ts';
import caizheng from './domains/caizheng.ts';
import shuishou from './domains/shuishou.ts';
import wenhua from './domains/wenhua.ts';
import falv from './domains/falv.ts';
import fupin from './domains/fupin.ts';
import jiuzai from './domains/jiuzai.ts';
import huji from './domains/huji.ts';
import zhongdaXiangmu from './domains/zhongda-xiangmu.ts';
import gonggongZiyuan from './domains/gonggong-ziyuan.ts';
import anquan from './domains/anquan.ts';
import { fangwu, zhengdi } from './domains/zhengshou.ts';
import guihua from './domains/guihua.ts';
import { baozhang, weifang } from './domains/zhufang.ts';
import shengtai from './domains/shengtai.ts';
import shipin from './domains/shipin.ts';
import chengguan from './domains/chengguan.ts';
import { jiuye, shebao } from './domains/renshe.ts';
import shenong from './domains/shenong.ts';
import jiaoyu from './domains/jiaoyu.ts';
import weijian from './domains/weijian.ts';
import shizheng from './domains/shizheng.ts';
import zhengwuGongkai from './domains/zhengwu-gongkai.ts';

export type Template = 'A' | 'B';
export type Format = 'xlsx' | 'csv-utf8-bom' | 'csv-gb18030';

export interface SheetSpec {
  name: string;
  title: string;
  domains: Domain[];
  /** A 领域 column (files holding several domains). */
  domainColumn: boolean;
}

export interface FileSpec {
  file: string;
  template: Template;
  format: Format;
  /** Who "saved" the workbook (docProps creator). */
  creator: string;
  sheets: SheetSpec[];
  /** Add a 网址 column with the items' web addresses. */
  urlColumn?: boolean;
  /** 'list': channels written as a plain 、-separated list instead of ■/□ boxes. */
  channelStyle?: 'boxes' | 'list';
  /** Header wording of the publisher column. */
  publisherHeader?: '公开主体' | '责任主体';
}

const titleA = (d: string) => `某某区${d}领域基层政务公开事项标准目录`;
const titleB = (d: string) => `某某区${d}领域政务公开事项目录`;
const single = (d: Domain, template: Template, sheetName = 'Sheet1'): SheetSpec[] => [
  {
    name: sheetName,
    title: template === 'A' ? titleA(d.name) : titleB(d.name),
    domains: [d],
    domainColumn: false,
  },
];

export const FILES: FileSpec[] = [
  // Template A (东湖区 style): 一级/二级事项, 主动公开/依申请公开.
  {
    file: '01-社会救助领域基层政务公开事项标准目录.xlsx',
    template: 'A',
    format: 'xlsx',
    creator: '区民政局',
    sheets: single(shehuiJiuzhu, 'A', '社会救助'),
    urlColumn: true,
  },
  {
    file: '02-养老服务领域基层政务公开事项标准目录.xlsx',
    template: 'A',
    format: 'xlsx',
    creator: '区民政局',
    sheets: single(yanglao, 'A'),
  },
  {
    file: '03-财政预决算领域基层政务公开事项标准目录.xlsx',
    template: 'A',
    format: 'xlsx',
    creator: '区财政局',
    sheets: single(caizheng, 'A', '财政预决算'),
    urlColumn: true,
  },
  {
    file: '04-税收管理领域政务公开事项标准目录.xlsx',
    template: 'A',
    format: 'xlsx',
    creator: '区税务局',
    sheets: single(shuishou, 'A'),
    channelStyle: 'list',
    publisherHeader: '责任主体',
  },
  {
    file: '05-某某区基层政务公开事项标准目录汇编（文化法律扶贫救灾）.xlsx',
    template: 'A',
    format: 'xlsx',
    creator: '区人民政府办公室',
    sheets: [
      {
        name: '汇编',
        title: '某某区基层政务公开事项标准目录汇编（公共文化服务、公共法律服务、扶贫、救灾）',
        domains: [wenhua, falv, fupin, jiuzai],
        domainColumn: true,
      },
    ],
    urlColumn: true,
  },
  {
    file: '06-户籍管理.csv',
    template: 'A',
    format: 'csv-utf8-bom',
    creator: '区公安分局',
    sheets: single(huji, 'A'),
  },
  // Template B (泉港区 style): 三级事项, “五公开”阶段, 公开层级.
  {
    file: '07-重大建设项目领域政务公开事项目录.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '区发展和改革局',
    sheets: single(zhongdaXiangmu, 'B', '重大建设项目'),
    urlColumn: true,
  },
  {
    file: '08-公共资源交易领域政务公开事项目录.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '区公共资源交易中心',
    sheets: single(gonggongZiyuan, 'B'),
  },
  {
    file: '09-安全生产领域政务公开事项目录.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '区应急管理局',
    sheets: single(anquan, 'B'),
  },
  {
    file: '10-区住建局政务公开事项目录（征收、保障房、危房改造）.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '区住房和城乡建设局',
    sheets: [
      {
        name: '住建领域',
        title: '某某区住房和城乡建设局政务公开事项目录',
        domains: [fangwu, baozhang, weifang],
        domainColumn: true,
      },
    ],
    urlColumn: true,
  },
  {
    file: '11-区自然资源和规划局政务公开事项目录.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '区自然资源和规划局',
    sheets: [
      { name: '国土空间规划', title: titleB(guihua.name), domains: [guihua], domainColumn: false },
      { name: '征地补偿', title: titleB(zhengdi.name), domains: [zhengdi], domainColumn: false },
    ],
  },
  {
    file: '12-生态环境领域政务公开事项目录.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '某某市某某生态环境局',
    sheets: single(shengtai, 'B'),
  },
  {
    file: '13-食品药品监管领域政务公开事项目录.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '区市场监督管理局',
    sheets: single(shipin, 'B', '食品药品监管'),
    urlColumn: true,
  },
  {
    file: '14-城市综合执法领域政务公开事项目录.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '区城市管理局',
    sheets: single(chengguan, 'B'),
    urlColumn: true,
  },
  {
    file: '15-区人社局政务公开事项目录（就业创业、社会保险）.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '区人力资源和社会保障局',
    sheets: [
      {
        name: '人社领域',
        title: '某某区人力资源和社会保障局政务公开事项目录',
        domains: [jiuye, shebao],
        domainColumn: true,
      },
    ],
    urlColumn: true,
  },
  {
    file: '16-涉农补贴领域政务公开事项目录.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '区农业农村局',
    sheets: single(shenong, 'B'),
    publisherHeader: '责任主体',
  },
  {
    file: '17-义务教育领域政务公开事项目录.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '区教育局',
    sheets: single(jiaoyu, 'B', '义务教育'),
    urlColumn: true,
  },
  {
    file: '18-卫生健康领域政务公开事项目录.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '区卫生健康局',
    sheets: single(weijian, 'B'),
  },
  {
    file: '19-市政服务.csv',
    template: 'B',
    format: 'csv-gb18030',
    creator: '区城市管理局',
    sheets: single(shizheng, 'B'),
  },
  {
    // The zone's own topic: the 政府信息公开目录 of the 区人民政府办公室 (who runs the zone).
    file: '20-政务公开领域政府信息公开目录.xlsx',
    template: 'B',
    format: 'xlsx',
    creator: '区人民政府办公室',
    sheets: [
      {
        name: '政务公开',
        title: '某某区政务公开领域政府信息公开目录',
        domains: [zhengwuGongkai],
        domainColumn: false,
      },
    ],
    urlColumn: true,
  },
];
