// Reads guides/*.md: front matter plus the 办事一本通 sections as `##` headings.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { sha256Hex } from '../../core/bundle/encoding.ts';
import {
  GUIDE_SECTION_LABELS,
  GUIDE_SECTIONS,
  type Attachment,
  type GuideSection,
} from '../../core/bundle/schema.ts';
import type { SourceProblem } from '../problems.ts';
import { GuideFrontMatterSchema } from './front-matter.ts';
import { idFromFileName, readMarkdownFolder } from './markdown-source.ts';

/** Heading wordings seen in real 办事指南, mapped to the section they mean. */
const SECTION_HEADINGS: Record<string, GuideSection> = {
  办理条件: 'conditions',
  申请条件: 'conditions',
  受理条件: 'conditions',
  申请材料: 'materials',
  所需材料: 'materials',
  申报材料: 'materials',
  办理流程: 'process',
  办事流程: 'process',
  办理程序: 'process',
  办理时限: 'timeLimit',
  承诺时限: 'timeLimit',
  收费标准: 'fees',
  收费: 'fees',
  是否收费: 'fees',
  办理地点和时间: 'location',
  地点与时间: 'location',
  办理地点: 'location',
  办公地点和时间: 'location',
  咨询电话: 'phone',
  咨询方式: 'phone',
  监督投诉: 'supervision',
  监督投诉方式: 'supervision',
  投诉举报: 'supervision',
  监督电话: 'supervision',
};

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain',
};

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** A guide as read from its file; ids of linked items are resolved later, once the catalogue is known. */
export interface GuideDraft {
  id: string;
  title: string;
  domain: string;
  department: string;
  sections: Record<GuideSection, string>;
  body: string;
  attachments: Attachment[];
  itemRefs: string[];
  updated: string | null;
  file: string;
}

export async function loadGuides(
  sourceDir: string,
  attachmentFiles: Map<string, Uint8Array>,
  problems: SourceProblem[],
): Promise<GuideDraft[]> {
  const guides: GuideDraft[] = [];
  for (const { name, file, md, frontMatter: fm } of await readMarkdownFolder(
    sourceDir,
    'guides',
    GuideFrontMatterSchema,
    problems,
  )) {
    const sections = Object.fromEntries(GUIDE_SECTIONS.map((s) => [s, ''])) as Record<GuideSection, string>;
    const rest: string[] = md.preamble ? [md.preamble] : [];
    for (const section of md.sections) {
      const key = SECTION_HEADINGS[section.heading.replace(/[：:\s]/g, '')];
      if (key && !sections[key]) sections[key] = section.body;
      else if (key) {
        problems.push({
          severity: 'error',
          file,
          row: section.line,
          message: `重复的章节 (duplicate section) “${section.heading}”`,
        });
      } else rest.push(`## ${section.heading}\n\n${section.body}`);
    }
    const missing = GUIDE_SECTIONS.filter((s) => !sections[s]);
    if (missing.length) {
      problems.push({
        severity: 'warning',
        file,
        message: `缺少办事一本通章节 (missing sections): ${missing.map((s) => `## ${GUIDE_SECTION_LABELS[s]}`).join('、')}`,
      });
    }
    const attachments: Attachment[] = [];
    for (const ref of fm.attachments) {
      const att = await loadAttachment(sourceDir, ref.file, ref.name, attachmentFiles);
      if (typeof att === 'string')
        problems.push({ severity: 'error', file, field: 'attachments', message: att });
      else attachments.push(att);
    }
    guides.push({
      id: fm.id ?? (await idFromFileName('g', name)),
      title: fm.title,
      domain: fm.domain,
      department: fm.department,
      sections,
      body: rest.join('\n\n'),
      attachments,
      itemRefs: fm.items,
      updated: fm.updated ?? null,
      file,
    });
  }
  return guides;
}

/** Reads attachments/<file> and stores it content-addressed; returns an error message on failure. */
async function loadAttachment(
  sourceDir: string,
  fileName: string,
  displayName: string | undefined,
  store: Map<string, Uint8Array>,
): Promise<Attachment | string> {
  if (fileName.includes('..') || fileName.startsWith('/'))
    return `附件路径不合法 (invalid attachment path): ${fileName}`;
  const path = join(sourceDir, 'attachments', fileName);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return `附件不存在 (attachment not found): attachments/${fileName}`;
  }
  if (size > MAX_ATTACHMENT_BYTES) return `附件超过 20 MB (attachment too large): attachments/${fileName}`;
  const bytes = new Uint8Array(await readFile(path));
  const ext = extname(fileName).toLowerCase();
  const mediaType = MEDIA_TYPES[ext];
  if (!mediaType) return `不支持的附件类型 (unsupported attachment type) ${ext}: attachments/${fileName}`;
  const bundlePath = `attachments/${await sha256Hex(bytes)}${ext}`;
  store.set(bundlePath, bytes);
  return { name: displayName ?? basename(fileName, ext), path: bundlePath, mediaType, size: bytes.length };
}
