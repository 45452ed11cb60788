// Kiosk guards: no context menu, no dragging text or images out, no selection outside fields, no page zoom
// (pinch, ctrl+wheel, ctrl+plus; the app has its own 长辈版), no navigation to outside addresses (such a link
// opens a QR code to take away on a phone instead). CSS adds touch-action and user-select (styles.css).

export type ExternalLinkHandler = (url: string, label: string) => void;

const isField = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && !!t.closest('input, textarea, [contenteditable="true"]');

/** True for an address that would leave the app (another origin, or not http(s) at all). */
export function isExternal(href: string, base: string): boolean {
  if (href.startsWith('#')) return false;
  try {
    const url = new URL(href, base);
    return url.origin !== new URL(base).origin;
  } catch {
    return true;
  }
}

export function installGuards(onExternal: ExternalLinkHandler): () => void {
  const opts = { capture: true } as const;
  const prevent = (e: Event) => e.preventDefault();
  const noSelect = (e: Event) => {
    if (!isField(e.target)) e.preventDefault();
  };
  const wheel = (e: WheelEvent) => {
    if (e.ctrlKey) e.preventDefault();
  };
  const keys = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0', 'p', 's', 'o'].includes(e.key)) e.preventDefault();
  };
  const click = (e: MouseEvent) => {
    const link = (e.target as Element | null)?.closest?.('a[href]');
    if (!link) return;
    const href = link.getAttribute('href') ?? '';
    if (!isExternal(href, location.href)) return;
    e.preventDefault();
    e.stopPropagation();
    onExternal(new URL(href, location.href).href, link.textContent?.trim() ?? '');
  };
  const touch = (e: TouchEvent) => {
    if (e.touches.length > 1) e.preventDefault();
  };
  document.addEventListener('contextmenu', prevent, opts);
  document.addEventListener('dragstart', prevent, opts);
  document.addEventListener('selectstart', noSelect, opts);
  document.addEventListener('gesturestart', prevent, opts);
  document.addEventListener('touchmove', touch, { capture: true, passive: false });
  window.addEventListener('wheel', wheel, { capture: true, passive: false });
  window.addEventListener('keydown', keys, opts);
  document.addEventListener('click', click, opts);
  // A page opened in a new window would leave the kiosk's frame.
  const open = window.open;
  window.open = (url?: string | URL) => {
    if (url) onExternal(String(url), '');
    return null;
  };
  return () => {
    document.removeEventListener('contextmenu', prevent, opts);
    document.removeEventListener('dragstart', prevent, opts);
    document.removeEventListener('selectstart', noSelect, opts);
    document.removeEventListener('gesturestart', prevent, opts);
    document.removeEventListener('touchmove', touch, opts);
    window.removeEventListener('wheel', wheel, opts);
    window.removeEventListener('keydown', keys, opts);
    document.removeEventListener('click', click, opts);
    window.open = open;
  };
}
