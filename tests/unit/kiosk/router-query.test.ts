// Issue 12, item 7: the search text stayed in Chromium's History database across idle resets (`#/?q=…`): every
// address a page takes is recorded there. The text is now kept in memory per history entry, never in the address.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentRoute, home, navigate, rememberQuery } from '../../../src/kiosk/ui/router.ts';

/** A browser's session history, recording every address the page takes (what the History database would keep). */
function fakeBrowser(start: string) {
  const entries: { state: unknown; url: string }[] = [{ state: null, url: start }];
  let at = 0;
  const addresses: string[] = [start];
  const history = {
    get state() {
      return entries[at]!.state;
    },
    pushState(state: unknown, _t: string, url?: string) {
      entries.splice(at + 1);
      entries.push({ state: structuredClone(state), url: url ?? entries[at]!.url });
      at++;
      addresses.push(entries[at]!.url);
    },
    replaceState(state: unknown, _t: string, url?: string) {
      entries[at] = { state: structuredClone(state), url: url ?? entries[at]!.url };
      addresses.push(entries[at]!.url);
    },
    back() {
      at = Math.max(0, at - 1);
    },
  };
  const location = {
    get hash() {
      return entries[at]!.url.replace(/^[^#]*/, '');
    },
  };
  vi.stubGlobal('history', history);
  vi.stubGlobal('location', location);
  vi.stubGlobal('window', new EventTarget());
  return { addresses, history };
}

describe('search text and the address', () => {
  let browser: ReturnType<typeof fakeBrowser>;
  beforeEach(() => {
    browser = fakeBrowser('#/');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('the text typed never reaches an address, and 返回 from a result brings it back', () => {
    rememberQuery('低');
    rememberQuery('低保');
    expect(currentRoute().params.get('q')).toBe('低保');
    navigate('#/item/sj-001');
    expect(currentRoute().params.get('q')).toBeNull();
    browser.history.back();
    expect(currentRoute().params.get('q')).toBe('低保');
    expect(browser.addresses.join(' ')).not.toContain(encodeURIComponent('低保'));
    expect(browser.addresses.join(' ')).not.toContain('低保');
    expect(browser.addresses.every((a) => !a.includes('q='))).toBe(true);
  });

  it('an address that still carries ?q= loses it as soon as the text is remembered', () => {
    browser = fakeBrowser(`#/?q=${encodeURIComponent('最低生活保障')}`);
    expect(currentRoute().params.get('q')).toBe('最低生活保障');
    rememberQuery('最低生活保障');
    expect(location.hash).toBe('#/');
    expect(currentRoute().params.get('q')).toBe('最低生活保障');
  });

  it('首页 from a search leaves it (a new entry), and 返回 brings the text back', () => {
    rememberQuery('低保');
    home();
    expect(currentRoute().params.get('q')).toBeNull();
    browser.history.back();
    expect(currentRoute().params.get('q')).toBe('低保');
  });

  it('another page at the same depth does not inherit an earlier text', () => {
    navigate('#/');
    rememberQuery('社保');
    browser.history.back();
    navigate('#/');
    expect(currentRoute().params.get('q')).toBeNull();
  });
});
