// Word .docx catalogues: mammoth turns the document into HTML (keeping merged cells as rowspan/colspan and
// Wingdings boxes as ■/□), and each table becomes a RawSheet named 表1, 表2 … with the paragraphs above it as
// its title. Merged cells end up as master → slave links with blank slaves, exactly like a workbook.
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser';
import { cellKey, cleanCell, type RawSheet } from './grid.ts';
import { NotAWordDocumentError } from './read-errors.ts';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'tr', 'div']);
/** Footnote, endnote and comment markers mammoth adds as links: not part of the cell's text. */
const NOTE_REF = /^#(?:footnote|endnote|comment)-/;

interface CellContent {
  text: string;
  link?: string;
}

/** The text a Word cell or paragraph shows: paragraphs and line breaks as \n, checkbox controls as ☑/☐. */
function contentOf(node: Node): CellContent {
  let text = '';
  let link: string | undefined;
  const walk = (n: Node) => {
    if (n.nodeType === NodeType.TEXT_NODE) {
      text += n.text;
      return;
    }
    if (n.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = n as HTMLElement;
    const tag = el.tagName.toLowerCase();
    if (tag === 'br') {
      text += '\n';
      return;
    }
    if (tag === 'input' && el.getAttribute('type') === 'checkbox') {
      text += el.hasAttribute('checked') ? '☑' : '☐';
      return;
    }
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      if (NOTE_REF.test(href)) return;
      if (/^https?:\/\//i.test(href)) link ??= href;
    }
    if (tag === 'sup' && el.querySelector('a[href^="#"]')) return;
    const block = BLOCKS.has(tag) || tag === 'td' || tag === 'th';
    if (block && text && !text.endsWith('\n')) text += '\n';
    el.childNodes.forEach(walk);
    if (block && text && !text.endsWith('\n')) text += '\n';
  };
  walk(node);
  return { text: cleanCell(text.replace(/\u00a0/g, ' ')), ...(link ? { link } : {}) };
}

const span = (el: HTMLElement, name: string) => {
  const n = Number.parseInt(el.getAttribute(name) ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? n : 1;
};

/** Lays a table's rows out on a grid the way Word draws it: a rowspan/colspan cell covers its slaves. */
function tableToSheet(table: HTMLElement, name: string, titles: string[]): RawSheet {
  const rows: string[][] = [];
  const mergedFrom: RawSheet['mergedFrom'] = new Map();
  const links: RawSheet['links'] = new Map();
  const covered = new Set<string>();
  const trs = table.childNodes
    .filter((n): n is HTMLElement => n.nodeType === NodeType.ELEMENT_NODE)
    .flatMap((el) => {
      const tag = el.tagName.toLowerCase();
      if (tag === 'tr') return [el];
      if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
        return el.childNodes.filter(
          (n): n is HTMLElement =>
            n.nodeType === NodeType.ELEMENT_NODE && (n as HTMLElement).tagName.toLowerCase() === 'tr',
        );
      }
      return [];
    });
  trs.forEach((tr, i) => {
    const r = i + 1;
    const cells: string[] = rows[r - 1] ?? [];
    let c = 1;
    for (const td of tr.childNodes) {
      if (td.nodeType !== NodeType.ELEMENT_NODE) continue;
      const el = td as HTMLElement;
      const tag = el.tagName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      while (covered.has(cellKey(r, c))) c++;
      const content = contentOf(el);
      cells[c - 1] = content.text;
      if (content.link) links.set(cellKey(r, c), content.link);
      const rs = span(el, 'rowspan');
      const cs = span(el, 'colspan');
      for (let dr = 0; dr < rs; dr++)
        for (let dc = 0; dc < cs; dc++) {
          if (dr === 0 && dc === 0) continue;
          covered.add(cellKey(r + dr, c + dc));
          mergedFrom.set(cellKey(r + dr, c + dc), { row: r, col: c });
        }
      c += cs;
    }
    rows[r - 1] = cells;
  });
  // Slaves read blank, as in a workbook.
  const width = Math.max(
    0,
    ...rows.map((r) => r.length),
    ...[...covered].map((k) => Number(k.split(':')[1])),
  );
  return {
    name,
    table: true,
    titles,
    rows: rows.map((r) => Array.from({ length: Math.min(width, r.length) }, (_, i) => r[i] ?? '')),
    mergedFrom,
    links,
  };
}

/** Every table of the document in order; tables inside tables are read as the text of their cell. */
export function tablesFromHtml(html: string): RawSheet[] {
  const root = parse(html);
  const sheets: RawSheet[] = [];
  const paragraphs: string[] = [];
  for (const node of root.childNodes) {
    if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    if (el.tagName.toLowerCase() === 'table') {
      sheets.push(tableToSheet(el, `表${sheets.length + 1}`, [...paragraphs]));
      continue;
    }
    const { text } = contentOf(el);
    if (text) paragraphs.push(...text.split('\n').filter((t) => t.trim()));
  }
  return sheets;
}

/** Says what is wrong with bytes that are not a .docx, in words a clerk can act on. */
function checkDocxBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new NotAWordDocumentError('文件为空 (empty file)');
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new NotAWordDocumentError(
      '这是旧版 Word (.doc) 或加密的文档：请在 Word/WPS 中去掉密码并另存为 .docx (legacy .doc or encrypted document)',
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new NotAWordDocumentError('文件内容不是 Word 文档 (.docx) (not a .docx document)');
  }
}

export async function parseDocxBytes(bytes: Uint8Array): Promise<RawSheet[]> {
  checkDocxBytes(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Pictures are not catalogue content: skip decoding them into data URIs.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
  } catch (e) {
    const message = (e as Error).message;
    const why = /main document part|word\/document\.xml/i.test(message)
      ? '压缩包中没有 Word 正文 (no word/document.xml)'
      : '文件已损坏 (damaged .docx)';
    throw new NotAWordDocumentError(`${why}: ${message.split('\n')[0]}`);
  }
  return tablesFromHtml(html);
}

export async function readDocxTables(absPath: string): Promise<RawSheet[]> {
  return parseDocxBytes(await readFile(absPath));
}
