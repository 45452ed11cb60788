// Reads interpretations/*.md: each `##` heading is a question, the text under it the answer.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceProblem } from '../problems.ts';
import { InterpretationFrontMatterSchema, zodProblems } from './front-matter.ts';
import { idFromFileName, listMarkdown } from './guides.ts';
import { splitMarkdown } from './markdown-source.ts';
import { decodeText } from './text-file.ts';

export interface InterpretationDraft {
  id: string;
  title: string;
  domain: string;
  department: string;
  policy: string;
  date: string | null;
  summary: string;
  qa: { question: string; answer: string }[];
  itemRefs: string[];
  file: string;
}

export async function loadInterpretations(
  sourceDir: string,
  problems: SourceProblem[],
): Promise<InterpretationDraft[]> {
  const dir = join(sourceDir, 'interpretations');
  const out: InterpretationDraft[] = [];
  for (const name of await listMarkdown(dir)) {
    const file = `interpretations/${name}`;
    let md;
    try {
      md = splitMarkdown(decodeText(await readFile(join(dir, name))));
    } catch (e) {
      problems.push({
        severity: 'error',
        file,
        message: `无法解析 front matter (cannot parse front matter): ${(e as Error).message}`,
      });
      continue;
    }
    const fm = InterpretationFrontMatterSchema.safeParse(md.frontMatter);
    if (!fm.success) {
      problems.push(...zodProblems(fm.error, file, 1));
      continue;
    }
    const qa = md.sections.map((s) => ({
      question: s.heading.replace(/^问[：:]\s*/, ''),
      answer: s.body.replace(/^答[：:]\s*/, ''),
    }));
    md.sections.forEach((s, i) => {
      if (!qa[i]!.answer)
        problems.push({
          severity: 'error',
          file,
          row: s.line,
          message: `问题没有回答 (question without an answer): ${s.heading}`,
        });
    });
    if (!qa.length) {
      problems.push({
        severity: 'error',
        file,
        message: '没有问答 (no questions): 每个问题写作一个 ## 标题',
      });
      continue;
    }
    out.push({
      id: fm.data.id ?? (await idFromFileName('p', name)),
      title: fm.data.title,
      domain: fm.data.domain,
      department: fm.data.department,
      policy: fm.data.policy,
      date: fm.data.date ?? null,
      summary: md.preamble,
      qa,
      itemRefs: fm.data.items,
      file,
    });
  }
  return out;
}
