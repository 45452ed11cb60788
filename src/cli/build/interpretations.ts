// Reads interpretations/*.md: each `##` heading is a question, the text under it the answer.
import type { PolicyValidity } from '../../core/bundle/schema.ts';
import type { SourceProblem } from '../problems.ts';
import { InterpretationFrontMatterSchema } from './front-matter.ts';
import { idFromFileName, readMarkdownFolder } from './markdown-source.ts';

export interface InterpretationDraft {
  id: string;
  title: string;
  domain: string;
  department: string;
  policy: string;
  validity?: PolicyValidity;
  validityNote?: string;
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
  const out: InterpretationDraft[] = [];
  for (const { name, file, md, frontMatter: fm } of await readMarkdownFolder(
    sourceDir,
    'interpretations',
    InterpretationFrontMatterSchema,
    problems,
  )) {
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
      id: fm.id ?? (await idFromFileName('p', name)),
      title: fm.title,
      domain: fm.domain,
      department: fm.department,
      policy: fm.policy,
      // Only a policy no longer in force is marked in the bundle (absent = in force).
      ...(fm.validity !== 'in-force' ? { validity: fm.validity } : {}),
      ...(fm.validity_note ? { validityNote: fm.validity_note } : {}),
      date: fm.date ?? null,
      summary: md.preamble,
      qa,
      itemRefs: fm.items,
      file,
    });
  }
  return out;
}
