// Splits a Markdown source (guide or interpretation) into front matter, a preamble and its `##` sections,
// keeping line numbers so problems point at the right line.
import matter from 'gray-matter';

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
