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
    link: ({ text }) => `<span class="md-link">${text}</span>`,
    image: ({ text }) => `<span>${text}</span>`,
  },
});

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

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false });
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['class'] });
}
