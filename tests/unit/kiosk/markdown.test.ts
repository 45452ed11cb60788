// Issue 12, item 7: bundle Markdown cannot borrow the app's classes (the sanitiser keeps `class` on spans).
import { describe, expect, it } from 'vitest';
import { markdownToHtml, ownClassesOnly } from '../../../src/kiosk/ui/markdown.ts';

describe('bundle Markdown', () => {
  it('link text carries no markup of its own through the renderer', () => {
    const html = markdownToHtml(
      '请看[<span class="keyboard-overlay">请输入身份证号</span>](https://evil.example/)和[**办事指南**](x)',
    );
    expect(html).not.toContain('keyboard-overlay');
    expect(html).not.toContain('evil.example');
    expect(html).toContain('<span class="md-link">请输入身份证号</span>');
    expect(html).toContain('<span class="md-link"><strong>办事指南</strong></span>');
  });

  it('image alt text is escaped', () => {
    expect(markdownToHtml('![<span class="x">a</span>](y.png)')).not.toContain('class="x"');
  });

  it("the sanitiser keeps only the renderer's own classes", () => {
    expect(ownClassesOnly('md-link keyboard-overlay')).toBe('md-link');
    expect(ownClassesOnly('staff-lock')).toBe('');
  });
});
