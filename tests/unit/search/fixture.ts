// A small hand-written bundle for unit tests of the engine (independent of the sample district's evolution).
import type { BundleData, CatalogueItem, Guide } from '../../../src/core/bundle/schema.ts';

export function item(
  id: string,
  domain: string,
  level1: string,
  level2: string | null,
  level3: string | null,
  publisher: string,
  content = '',
): CatalogueItem {
  return {
    id,
    domain,
    level1,
    level2,
    level3,
    stages: ['service'],
    content: content || `${level1}的办理事项、办理条件、申请材料`,
    basis: '《中华人民共和国政府信息公开条例》',
    timeLimit: '信息形成或变更之日起20个工作日内',
    publisher,
    channels: ['政府网站'],
    audience: ['public'],
    disclosure: ['proactive'],
    tier: ['district'],
    url: null,
    guideIds: [],
    interpretationIds: [],
  };
}

export function guide(
  id: string,
  title: string,
  domain: string,
  department: string,
  itemIds: string[],
  materials = '',
): Guide {
  return {
    id,
    title,
    domain,
    department,
    sections: {
      conditions: '具有本区户籍。',
      materials: materials || '居民身份证、户口簿。',
      process: '申请、受理、审核、公示。',
      timeLimit: '20个工作日。',
      fees: '不收费。',
      location: '区政务服务中心。',
      phone: '12345',
      supervision: '区纪委监委。',
    },
    body: '## 常见问题\n\n问：可以网上办理吗？答：可以。',
    attachments: [],
    itemIds,
    updated: '2026-03-01',
  };
}

export function fixtureData(): Omit<BundleData, 'searchIndex'> {
  const catalogue = [
    item('sj1', '社会救助', '最低生活保障', '政策文件', null, '区民政局'),
    item('sj2', '社会救助', '最低生活保障', '审核信息', null, '区民政局', '初审对象名单及相关信息'),
    item('sj3', '社会救助', '最低生活保障', '办事指南', null, '区民政局'),
    item('sj4', '社会救助', '特困人员救助供养', '办事指南', null, '区民政局'),
    item('sj5', '社会救助', '临时救助', '救助结果', null, '区民政局'),
    item('sj6', '社会救助', '医疗救助', '办事指南', null, '区医疗保障局'),
    item('yl1', '养老服务', '高龄津贴', '办事指南', null, '区民政局'),
    item('yl2', '养老服务', '养老机构备案', '备案信息', null, '区民政局'),
    item('hj1', '户籍管理', '户口迁移', '办事指南', null, '某某市公安局某某分局'),
    item('hj2', '户籍管理', '户口迁移', '办理结果', null, '某某市公安局某某分局'),
    item('hj3', '户籍管理', '居住证办理', '办事指南', null, '某某市公安局某某分局'),
    item('hj4', '户籍管理', '出生登记', '办事指南', null, '某某市公安局某某分局'),
    item('sb1', '社会保险', '城乡居民基本养老保险', '待遇领取', '养老金申领', '区社会保险中心'),
    item('sb2', '社会保险', '企业职工基本养老保险', '待遇申领', '退休待遇申领', '区社会保险中心'),
    item('sb3', '社会保险', '失业保险金申领', '办事指南', '申领条件和材料', '区社会保险中心'),
    item('jy1', '义务教育', '义务教育招生入学', '报名', '报名和材料审核', '区教育局'),
    item('jy2', '义务教育', '义务教育招生入学', '录取', '录取结果', '区教育局'),
    item('zf1', '保障性住房', '公共租赁住房', '申请', '办事指南', '区住房和城乡建设局'),
    item('zf2', '保障性住房', '公共租赁住房', '配租', '配租结果', '区住房和城乡建设局'),
    item('cz1', '财政预决算', '财政预算', '政府预算', null, '区财政局'),
    item('ss1', '税收管理', '税收违法', '欠税公告', null, '区税务局'),
    item('hb1', '生态环境', '排污许可', '许可结果', '排污许可证核发信息', '区生态环境局'),
  ];
  const guides = [
    guide('dibao-shenqing', '最低生活保障申请办事指南', '社会救助', '区民政局', ['sj3']),
    guide('hukou-qianyi', '户口迁移办事指南', '户籍管理', '某某市公安局某某分局', ['hj1']),
    guide(
      'ruxue',
      '义务教育招生入学报名指南',
      '义务教育',
      '区教育局',
      ['jy1'],
      '户口簿、房产证明、儿童预防接种证。',
    ),
  ];
  return {
    catalogue,
    guides,
    interpretations: [
      {
        id: 'dibao-jiedu',
        title: '《某某区最低生活保障实施办法》政策解读',
        domain: '社会救助',
        department: '区民政局',
        policy: '《某某区最低生活保障实施办法》',
        date: '2026-04-10',
        summary: '明确保障标准。',
        qa: [
          { question: '哪些家庭可以申请最低生活保障？', answer: '共同生活的家庭成员人均收入低于当地标准。' },
        ],
        itemIds: ['sj1'],
      },
    ],
    departments: [
      { id: 'mz', name: '区民政局', aliases: ['民政局'], address: '', hours: '', phone: '', window: '' },
      {
        id: 'rs',
        name: '区社会保险中心',
        aliases: ['社保中心'],
        address: '',
        hours: '',
        phone: '',
        window: '',
      },
    ],
    notices: [],
    synonyms: [
      { term: '低保', official: ['最低生活保障'] },
      { term: '养老金', official: ['城乡居民基本养老保险', '企业职工基本养老保险'] },
      { term: '廉租房', official: ['公共租赁住房'] },
      { term: '上学', official: ['义务教育招生入学'] },
      { term: '社保查询', official: ['个人权益记录'] },
    ],
    calendar: [],
  };
}
