// Attachments that guides link to: a one-page PDF application form (text in the standard Adobe-GB1 font STSong-Light,
// so nothing is embedded and the file stays tiny) and PNG flow charts rendered by headless Chromium when available.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
// pngjs comes with qrcode (a dependency); used to store the screenshot as 8-bit grayscale, which keeps it small.
import { PNG } from 'pngjs';

const LIMIT = 50 * 1024;

/** UCS-2 big-endian hex for the UniGB-UCS2-H encoding (BMP only). */
function hex(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff) throw new Error(`not in the BMP: ${ch}`);
    out += cp.toString(16).padStart(4, '0');
  }
  return `<${out.toUpperCase()}>`;
}

class Page {
  ops: string[] = [];
  text(x: number, y: number, size: number, s: string): this {
    this.ops.push(`BT /F1 ${size} Tf ${x} ${y} Td ${hex(s)} Tj ET`);
    return this;
  }
  rect(x: number, y: number, w: number, h: number): this {
    this.ops.push(`${x} ${y} ${w} ${h} re S`);
    return this;
  }
  line(x1: number, y1: number, x2: number, y2: number): this {
    this.ops.push(`${x1} ${y1} m ${x2} ${y2} l S`);
    return this;
  }
}

function pdf(page: Page, title: string): Buffer {
  const content = `0.6 w\n${page.ops.join('\n')}\n`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    `<< /Title <FEFF${hex(title).slice(1, -1)}> /Producer (moumou-district sample generator) /CreationDate (D:20260302090000+08'00') >>`,
  ];
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Info ${objs.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** 最低生活保障申请表 (A4): applicant, family members, reason, undertaking, review boxes. */
export function dibaoForm(): Buffer {
  const p = new Page();
  const L = 50;
  const W = 495;
  p.text(200, 790, 20, '最低生活保障申请表');
  p.text(L, 765, 10, '申请类别：□城市最低生活保障  □农村最低生活保障            编号：__________');
  let y = 740;
  const row = (h: number, cells: [string, number][]) => {
    p.rect(L, y - h, W, h);
    let x = L;
    for (const [label, w] of cells) {
      if (x > L) p.line(x, y, x, y - h);
      if (label) p.text(x + 4, y - h / 2 - 4, 10, label);
      x += w;
    }
    y -= h;
  };
  row(26, [
    ['申请人姓名', 70],
    ['', 95],
    ['性别', 40],
    ['', 50],
    ['出生年月', 60],
    ['', 180],
  ]);
  row(26, [
    ['身份证号码', 70],
    ['', 235],
    ['联系电话', 60],
    ['', 130],
  ]);
  row(26, [
    ['户籍地址', 70],
    ['', 425],
  ]);
  row(26, [
    ['现居住地址', 70],
    ['', 425],
  ]);
  row(22, [['家庭成员情况（含申请人，共同生活的家庭成员均须填写）', 495]]);
  row(22, [
    ['姓名', 70],
    ['与申请人关系', 80],
    ['身份证号码', 150],
    ['就业或健康状况', 105],
    ['月收入（元）', 90],
  ]);
  for (let i = 0; i < 6; i++)
    row(22, [
      ['', 70],
      ['', 80],
      ['', 150],
      ['', 105],
      ['', 90],
    ]);
  row(70, [
    ['申请理由', 70],
    ['', 425],
  ]);
  p.rect(L, y - 86, W, 86);
  p.text(
    L + 4,
    y - 18,
    10,
    '承诺与授权：本人承诺所填内容及提交材料真实、完整，如有虚假，愿承担相应法律责任；',
  );
  p.text(L + 4, y - 34, 10, '同意并授权民政部门及相关机构核对本人及共同生活家庭成员的收入、财产状况。');
  p.text(L + 4, y - 66, 10, '申请人（签字或手印）：______________        申请日期：______年____月____日');
  y -= 86;
  row(60, [
    ['镇（街道）受理意见', 110],
    ['', 385],
  ]);
  row(60, [
    ['区民政局审核确认意见', 110],
    ['', 385],
  ]);
  p.text(
    L,
    y - 20,
    9,
    '注：本表一式两份，由户籍所在地或经常居住地镇人民政府（街道办事处）便民服务中心受理。咨询电话：0591-88611710',
  );
  p.text(L, y - 36, 9, '某某区民政局制  2026年3月');
  return pdf(p, '最低生活保障申请表');
}

function flowHtml(title: string, steps: [string, string][], note: string): string {
  const boxes = steps
    .map(
      ([h, t], i) =>
        `<div class="box"><b>${i + 1}. ${h}</b><span>${t}</span></div>${i < steps.length - 1 ? '<div class="arrow">▼</div>' : ''}`,
    )
    .join('');
  return `<!doctype html><meta charset="utf-8"><style>
body{margin:0;background:#fff;font-family:"Noto Sans CJK SC",sans-serif;color:#000;width:640px}
h1{font-size:26px;text-align:center;margin:18px 0 12px}
.box{border:3px solid #1f4e79;border-radius:10px;margin:0 60px;padding:8px 14px;text-align:center;background:#fff}
.box b{display:block;font-size:21px}.box span{font-size:16px}
.arrow{text-align:center;font-size:22px;color:#1f4e79;line-height:28px}
p{font-size:14px;margin:12px 30px;text-align:center}</style>
<h1>${title}</h1>${boxes}<p>${note}</p>`;
}

function chromium(): string | null {
  for (const c of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'])
    if (existsSync(c)) return c;
  return null;
}

function renderPng(html: string, height: number, out: string): boolean {
  const bin = chromium();
  if (!bin) return false;
  const dir = mkdtempSync(join(tmpdir(), 'flow-'));
  try {
    const page = join(dir, 'flow.html');
    writeFileSync(page, html);
    const shot = join(dir, 'flow.png');
    const r = spawnSync(
      bin,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        `--window-size=640,${height}`,
        `--screenshot=${shot}`,
        `file://${page}`,
      ],
      { stdio: 'pipe', timeout: 60_000 },
    );
    if (r.status !== 0 || !existsSync(shot)) return false;
    const png = PNG.sync.read(readFileSync(shot));
    writeFileSync(out, PNG.sync.write(png, { colorType: 0, inputHasAlpha: true, deflateLevel: 9 }));
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function writeAttachments(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const form = join(dir, '最低生活保障申请表.pdf');
  writeFileSync(form, dibaoForm());
  files.push(form);
  const charts: [string, string, [string, string][], string, number][] = [
    [
      '最低生活保障办理流程图.png',
      '最低生活保障办理流程',
      [
        ['申请', '向户籍所在地镇（街道）便民服务中心提出书面申请'],
        ['受理', '材料齐全的当场受理，不齐全的一次性告知'],
        ['调查核对', '入户调查，家庭经济状况信息核对'],
        ['审核与公示', '镇（街道）提出审核意见，在村（社区）公示7天'],
        ['审核确认', '区民政局审核确认，不符合条件的书面说明理由'],
        ['发放与公布', '次月起按月发放，保障对象名单长期公布'],
      ],
      '办理时限：自受理之日起30个工作日内（特殊情况可延长至45个工作日）',
      730,
    ],
    [
      '公共租赁住房申请流程图.png',
      '公共租赁住房申请流程',
      [
        ['申请', '向户籍所在地街道（镇）提交申请材料'],
        ['初审', '街道（镇）入户调查、初审，公示7天'],
        ['复审', '区住建局会同民政、公安等部门联审'],
        ['轮候', '复审通过的家庭进入轮候名册'],
        ['配租', '按轮候顺序摇号选房，签订租赁合同'],
      ],
      '咨询电话：0591-88610710（区住建局住房保障科）',
      680,
    ],
  ];
  for (const [name, title, steps, note, height] of charts) {
    const out = join(dir, name);
    if (renderPng(flowHtml(title, steps, note), height, out)) files.push(out);
    else if (existsSync(out)) console.warn(`chromium not available: kept the committed ${name}`);
    else throw new Error(`cannot render ${name}: install chromium`);
  }
  for (const f of files) {
    const size = statSync(f).size;
    if (size > LIMIT) throw new Error(`${f} is ${size} bytes, over the 50 KB limit`);
    console.log(`${String(size).padStart(6)} B  ${f.slice(dir.length - 'attachments'.length)}`);
  }
}
