// Writes catalogue rows as an XLSX in the 泉港区 template (three levels, 五公开, 公开层级), the way a
// department exports it: a title row, a two-row grouped header, merged 一级事项 cells.
import ExcelJS from 'exceljs';

export interface TemplateRow {
  level1: string;
  level2: string;
  level3: string;
  stages: string[];
  content: string;
  basis: string;
  timeLimit: string;
  publisher: string;
  channels: { name: string; ticked: boolean }[];
  publicAudience: boolean;
  proactive: boolean;
  district: boolean;
}

const STAGE_NAMES = ['决策', '执行', '管理', '服务', '结果'];
const tick = (b: boolean) => (b ? '√' : '');

export async function writeTemplateB(path: string, domain: string, rows: TemplateRow[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.addRow([`某某区${domain}领域基层政务公开事项标准目录`]);
  ws.mergeCells(1, 1, 1, 17);
  ws.addRow([
    '序号',
    '公开事项',
    '',
    '',
    '“五公开”阶段',
    '公开内容（要素）',
    '公开依据',
    '公开时限',
    '公开主体',
    '公开渠道和载体',
    '公开对象',
    '',
    '公开方式',
    '',
    '公开层级',
    '',
  ]);
  ws.addRow([
    '',
    '一级事项',
    '二级事项',
    '三级事项',
    '',
    '',
    '',
    '',
    '',
    '',
    '全社会',
    '特定群体',
    '主动',
    '依申请',
    '区级',
    '乡级',
  ]);
  ws.mergeCells(2, 2, 2, 4);
  ws.mergeCells(2, 11, 2, 12);
  ws.mergeCells(2, 13, 2, 14);
  ws.mergeCells(2, 15, 2, 16);
  for (const c of [1, 5, 6, 7, 8, 9, 10]) ws.mergeCells(2, c, 3, c);
  let groupStart = 4;
  rows.forEach((r, i) => {
    ws.addRow([
      i + 1,
      r.level1,
      r.level2,
      r.level3,
      STAGE_NAMES.map((s) => `${r.stages.includes(s) ? '■' : '□'}${s}`).join('\n'),
      r.content,
      r.basis,
      r.timeLimit,
      r.publisher,
      r.channels.map((c) => `${c.ticked ? '■' : '□'}${c.name}`).join(' '),
      tick(r.publicAudience),
      tick(!r.publicAudience),
      tick(r.proactive),
      tick(!r.proactive),
      tick(r.district),
      tick(!r.district),
    ]);
    const rowNo = i + 4;
    const next = rows[i + 1];
    if (!next || next.level1 !== r.level1) {
      if (rowNo > groupStart) ws.mergeCells(groupStart, 2, rowNo, 2);
      groupStart = rowNo + 1;
    }
  });
  await wb.xlsx.writeFile(path);
}
