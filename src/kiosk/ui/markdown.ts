// Bundle Markdown → safe HTML. Raw HTML in the source is dropped by the renderer, and the result is sanitised
// with a strict allow-list, so nothing a bundle author writes can reach the DOM as markup or script.
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const marked = new Marked({
  async: false,
  gfm: true,
  breaks: true,
  renderer: {
    html: () => '',
    // Links and images leave the kiosk; show their text only (external links become QR codes in a later issue).
    // The link text is rendered from its tokens (raw HTML in it dropped, text escaped), never taken raw: raw, a
    // `<span class>` in it reached the page and borrowed the app's own classes (a fake keyboard overlay).
    link({ tokens }) {
      return `<span class="md-link">${this.parser.parseInline(tokens)}</span>`;
    },
    image: ({ text }) => `<span>${escapeHtml(text)}</span>`,
  },
});

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The only classes bundle Markdown may carry: the ones this renderer writes itself. */
export const MARKDOWN_CLASSES: ReadonlySet<string> = new Set(['md-link']);

/** A class attribute's value with every class the renderer did not write removed. */
export function ownClassesOnly(value: string): string {
  return value
    .split(/\s+/)
    .filter((c) => MARKDOWN_CLASSES.has(c))
    .join(' ');
}

/** Markdown → HTML before sanitising (exported for tests that run without a DOM). */
export function markdownToHtml(source: string): string {
  return marked.parse(source, { async: false });
}

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'span',
];

let hooked = false;

export function renderMarkdown(source: string): string {
  if (!hooked) {
    hooked = true;
    // Belt and braces: whatever reaches the sanitiser keeps only the renderer's own classes.
    DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
      if (data.attrName !== 'class') return;
      data.attrValue = ownClassesOnly(data.attrValue);
      if (!data.attrValue) data.keepAttr = false;
    });
  }
  return DOMPurify.sanitize(markdownToHtml(source), { ALLOWED_TAGS, ALLOWED_ATTR: ['class'] });
}
