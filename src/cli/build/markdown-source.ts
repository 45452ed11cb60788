// Splits a Markdown source (guide or interpretation) into front matter, a preamble and its `##` sections,
// keeping line numbers so problems point at the right line.
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import { sha256Hex } from '../../core/bundle/encoding.ts';
import type { SourceProblem } from '../problems.ts';
import { zodProblems } from './front-matter.ts';
import { decodeText } from './text-file.ts';

export interface MarkdownSection {
  heading: string;
  body: string;
  /** 1-based line of the heading in the file. */
  line: number;
}

export interface MarkdownSource {
  frontMatter: Record<string, unknown>;
  preamble: string;
  sections: MarkdownSection[];
}

export function splitMarkdown(text: string): MarkdownSource {
  const parsed = matter(text.replace(/\r\n?/g, '\n'));
  // gray-matter drops the front matter; count its lines to keep line numbers true to the file.
  const fmLines = parsed.matter ? parsed.matter.split('\n').length + 1 : 0;
  const lines = parsed.content.split('\n');
  const sections: MarkdownSection[] = [];
  const preamble: string[] = [];
  let current: { heading: string; lines: string[]; line: number } | null = null;
  let inFence = false;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const h2 = !inFence && /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (h2) {
      if (current)
        sections.push({
          heading: current.heading,
          body: current.lines.join('\n').trim(),
          line: current.line,
        });
      current = { heading: h2[1]!.trim(), lines: [], line: i + 1 + fmLines };
    } else if (current) current.lines.push(line);
    else preamble.push(line);
  });
  if (current) {
    const c = current as { heading: string; lines: string[]; line: number };
    sections.push({ heading: c.heading, body: c.lines.join('\n').trim(), line: c.line });
  }
  return {
    frontMatter: parsed.data as Record<string, unknown>,
    preamble: preamble.join('\n').trim(),
    sections,
  };
}

async function listMarkdown(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.md') && !f.startsWith('.')).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

export interface MarkdownDoc<T> {
  name: string;
  /** Path relative to the source folder, as problems report it. */
  file: string;
  md: MarkdownSource;
  frontMatter: T;
}

/** Reads every .md file of a source sub-folder whose front matter passes `schema`; the others become problems. */
export async function readMarkdownFolder<T>(
  sourceDir: string,
  folder: string,
  schema: z.ZodType<T>,
  problems: SourceProblem[],
): Promise<MarkdownDoc<T>[]> {
  const dir = join(sourceDir, folder);
  const docs: MarkdownDoc<T>[] = [];
  for (const name of await listMarkdown(dir)) {
    const file = `${folder}/${name}`;
    let md: MarkdownSource;
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
    const fm = schema.safeParse(md.frontMatter);
    if (!fm.success) problems.push(...zodProblems(fm.error, file, 1));
    else docs.push({ name, file, md, frontMatter: fm.data });
  }
  return docs;
}

/** A stable id from a file name: the name itself when it is already a slug, else a short hash of it. */
export async function idFromFileName(prefix: string, fileName: string): Promise<string> {
  const stem = basename(fileName, extname(fileName));
  if (/^[a-z0-9][a-z0-9-]{0,90}$/.test(stem)) return stem;
  return `${prefix}-${(await sha256Hex(new TextEncoder().encode(stem))).slice(0, 10)}`;
}
