// Public read-only pages for phones (issue 14): items, guides and interpretations from the published channel,
// escaped, rate limited; the status look-up page for a receipt code.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReceiptCode } from '../../../src/core/application/receipt.ts';
import { publishBundle } from '../../../src/cli/commands/publish.ts';
import { openPglite } from '../../../src/server/db/database.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { makeBundle } from '../bundle/bundle-fixture.ts';

describe('public pages', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const work = await mkdtemp(join(tmpdir(), 'public-pages-'));
    const bundle = await makeBundle({
      mutateData: (d) => {
        const items = d.catalogue as { level3: string | null; content: string }[];
        items[0]!.level3 = '<script>alert(1)</script>';
        items[0]!.content = '办理条件 & 材料\n第二行';
      },
    });
    for (const [path, bytes] of bundle.files) {
      await mkdir(dirname(join(work, 'b', path)), { recursive: true });
      await writeFile(join(work, 'b', path), bytes);
    }
    const channel = join(work, 'channel');
    await publishBundle({ bundleDir: join(work, 'b'), channelDir: channel, trustedKeys: [bundle.trusted] });
    server = await startServer({
      bundleDir: channel,
      database: await openPglite(),
      dataDir: join(work, 'data'),
      staffToken: 'tok',
      logger: false,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves an item of the live bundle as escaped HTML, linking its guide', async () => {
    const res = await fetch(`${server.url}/p/item/i000000000001`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('最低生活保障');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('办理条件 &amp; 材料');
    expect(html).toContain('区民政局、各街道办事处');
    expect(html).toContain('href="/p/guide/dibao"');
  });

  it('serves a guide with its 办事一本通 sections, and 404 for what the bundle lacks', async () => {
    const guide = await fetch(`${server.url}/p/guide/dibao`);
    expect(guide.status).toBe(200);
    const html = await guide.text();
    expect(html).toContain('最低生活保障申请');
    expect(html).toContain('办理条件');
    expect((await fetch(`${server.url}/p/item/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/p/interpretation/nope`)).status).toBe(404);
  });

  it('the status page asks for the phone digits and answers without finding an unknown code', async () => {
    const code = generateReceiptCode();
    const form = await fetch(`${server.url}/p/status/${code}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('联系电话的后4位');
    const none = await fetch(`${server.url}/p/status/${code}?phone4=1234`);
    expect(none.status).toBe(404);
    expect(await none.text()).toContain('没有找到这份申请');
    expect((await fetch(`${server.url}/p/status/${code}?phone4=12`)).status).toBe(400);
    expect((await fetch(`${server.url}/p/status/not-a-code`)).status).toBe(400);
  });

  it('is rate limited per client address', async () => {
    let limited = 0;
    for (let i = 0; i < 40; i++) if ((await fetch(`${server.url}/p/guide/dibao`)).status === 429) limited++;
    expect(limited).toBeGreaterThan(0);
  });
});
