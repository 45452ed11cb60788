// `kiosk-bundle synth`: a large, deterministic synthetic source folder for benchmarks (10k, 50k documents).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeTemplateB, type TemplateRow } from './template-b.ts';
import { CHANNELS, CONTENT_PARTS, DOMAINS, LEVEL2, PLACES, SENTENCES, TIME_LIMITS } from './vocabulary.ts';

/** mulberry32: small, fast, deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SynthOptions {
  docs: number;
  outDir: string;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SynthSummary {
  items: number;
  guides: number;
  interpretations: number;
}

export async function synthesize(opts: SynthOptions): Promise<SynthSummary> {
  const random = rng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const some = <T>(xs: readonly T[], n: number) => [...xs].sort(() => random() - 0.5).slice(0, n);
  const nGuides = Math.round(opts.docs * 0.15);
  const nInterp = Math.round(opts.docs * 0.05);
  const nItems = opts.docs - nGuides - nInterp;

  await rm(opts.outDir, { recursive: true, force: true });
  for (const d of ['catalogue', 'guides', 'interpretations'])
    await mkdir(join(opts.outDir, d), { recursive: true });
  await writeFile(
    join(opts.outDir, 'site.yaml'),
    'site: synthetic-district\nsiteName: 合成测试区政务公开专区\nvalidDays: 180\nminAppVersion: 0.1.0\n',
  );

  const perDomain = new Map<string, TemplateRow[]>();
  for (let i = 0; i < nItems; i++) {
    const v = DOMAINS[i % DOMAINS.length]!;
    const level1 = pick(v.matters);
    const row: TemplateRow = {
      level1,
      level2: pick(LEVEL2),
      level3: `${pick(PLACES)}${2020 + (i % 7)}年第${Math.floor(i / DOMAINS.length) + 1}批${level1}信息`,
      stages: some(['决策', '执行', '管理', '服务', '结果'], 1 + Math.floor(random() * 2)),
      content: some(CONTENT_PARTS, 3 + Math.floor(random() * 5)).join('、'),
      basis: `${some(v.laws, 1 + Math.floor(random() * v.laws.length)).join('、')}、《中华人民共和国政府信息公开条例》`,
      timeLimit: pick(TIME_LIMITS),
      publisher: `${v.department}、${pick(PLACES)}`,
      channels: CHANNELS.map((name) => ({ name, ticked: random() < 0.35 || name === '政府网站' })),
      publicAudience: random() < 0.85,
      proactive: random() < 0.9,
      district: random() < 0.6,
    };
    (perDomain.get(v.domain) ?? perDomain.set(v.domain, []).get(v.domain)!).push(row);
  }
  let done = 0;
  const total = perDomain.size + nGuides + nInterp;
  for (const [domain, rows] of perDomain) {
    rows.sort((a, b) => a.level1.localeCompare(b.level1));
    await writeTemplateB(join(opts.outDir, 'catalogue', `${domain}.xlsx`), domain, rows);
    opts.onProgress?.(++done, total);
  }

  const paragraph = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join('');
  // A real guide serves one or a few specific items; linking by 一级事项 alone would make links grow with the
  // catalogue and the synthetic bundle unrealistically dense.
  const itemRef = (domain: string) => {
    const r = pick(perDomain.get(domain)!);
    return { matter: r.level1, ref: `${r.level1}/${r.level2}/${r.level3}` };
  };
  for (let i = 0; i < nGuides; i++) {
    const v = DOMAINS[i % DOMAINS.length]!;
    const { matter, ref } = itemRef(v.domain);
    const md = `---
id: guide-${i + 1}
title: ${pick(PLACES)}${matter}办事指南（${i + 1}）
domain: ${v.domain}
department: ${v.department}
items: ['${ref}']
updated: 2026-0${1 + (i % 9)}-1${i % 10}
---
${paragraph(6)}

## 办理条件
${paragraph(4)}

## 申请材料
1. 申请人居民身份证原件及复印件；
2. ${matter}申请表（一式两份）；
3. ${paragraph(2)}

## 办理流程
${paragraph(5)}

## 办理时限
自受理之日起${5 + (i % 16)}个工作日内办结。

## 收费标准
不收费。

## 办理地点和时间
某某区政务服务中心${1 + (i % 30)}号窗口，工作日上午9:00—12:00，下午13:30—17:30。

## 咨询电话
0591-8${String(1000000 + i).slice(-7)}

## 监督投诉
12345政务服务便民热线。

## 常见问题
${paragraph(12)}
`;
    await writeFile(join(opts.outDir, 'guides', `guide-${i + 1}.md`), md);
    opts.onProgress?.(++done, total);
  }
  for (let i = 0; i < nInterp; i++) {
    const v = DOMAINS[i % DOMAINS.length]!;
    const { matter, ref } = itemRef(v.domain);
    const md = `---
id: interp-${i + 1}
title: 《某某区${matter}实施办法（第${i + 1}号）》政策解读
domain: ${v.domain}
department: ${v.department}
policy: 《某某区${matter}实施办法》（某府办发〔2026〕${i + 1}号）
date: 2026-05-0${1 + (i % 9)}
items: ['${ref}']
---
${paragraph(3)}

## 问：为什么要制定本办法？
答：${paragraph(3)}

## 问：哪些人可以申请${matter}？
答：${paragraph(4)}

## 问：办理需要多长时间？
答：${paragraph(2)}
`;
    await writeFile(join(opts.outDir, 'interpretations', `interp-${i + 1}.md`), md);
    opts.onProgress?.(++done, total);
  }
  const departments = [...new Map(DOMAINS.map((v) => [v.department, v])).keys()];
  await writeFile(
    join(opts.outDir, 'departments.csv'),
    `编号,名称,简称,地址,办公时间,联系电话,窗口\n${departments
      .map(
        (name, i) =>
          `dept-${i + 1},${name},${name.replace(/^区/, '')},某某区人民路${i + 1}号,工作日9:00-17:30,0591-8700${String(i).padStart(4, '0')},${i + 1}号窗口`,
      )
      .join('\n')}\n`,
  );
  await writeFile(
    join(opts.outDir, 'synonyms.csv'),
    '口语词,规范词\n低保,最低生活保障\n廉租房,公共租赁住房\n上户口,出生登记\n养老金,城乡居民基本养老保险\n失业金,失业保险金申领\n',
  );
  return { items: nItems, guides: nGuides, interpretations: nInterp };
}
