// Issue 12, item 7: USB files and the manifest were read whole before any size check. Now a file larger than its
// limit (the manifest's, a signature's, or the size the manifest lists) is refused before it is read.
import { describe, expect, it, vi } from 'vitest';
import {
  BundleFileTooLargeError,
  channelBundleReader,
  fileListReader,
  MAX_MANIFEST_BYTES,
} from '../../../src/kiosk/bundle/channel-reader.ts';

/** A File whose bytes must never be read (arrayBuffer spied). */
function unreadFile(name: string, size: number): { file: File; read: ReturnType<typeof vi.fn> } {
  const file = new File([new Uint8Array(size)], name);
  const read = vi.fn(() => Promise.reject(new Error('read whole')));
  Object.defineProperty(file, 'arrayBuffer', { value: read });
  return { file, read };
}

const manifest = (files: unknown[]) => new File([JSON.stringify({ format: 1, files })], 'manifest.json');

describe('bundle size limits', () => {
  it('a huge manifest on a USB stick is refused without reading it', async () => {
    const big = unreadFile('manifest.json', MAX_MANIFEST_BYTES + 1);
    const reader = fileListReader([big.file]);
    await expect(reader.read('manifest.json')).rejects.toBeInstanceOf(BundleFileTooLargeError);
    expect(big.read).not.toHaveBeenCalled();
  });

  it('a file larger than the manifest lists is read only one byte past it; an oversized signature not at all', async () => {
    const data = unreadFile('catalogue.json', 50_000_000);
    const sliced = vi.spyOn(data.file, 'slice');
    const sig = unreadFile('manifest.sig', 10_000);
    const reader = fileListReader([
      manifest([{ path: 'catalogue.json', sha256: 'a'.repeat(64), size: 100 }]),
      data.file,
      sig.file,
    ]);
    await reader.read('manifest.json');
    await expect(reader.read('manifest.sig')).rejects.toThrow(/larger than 4096 bytes/);
    // 101 bytes: verification then refuses it as size-mismatch, as before, without the other 49,999,899.
    expect((await reader.read('catalogue.json'))!.byteLength).toBe(101);
    expect(sliced).toHaveBeenCalledWith(0, 101);
    expect(data.read).not.toHaveBeenCalled();
    expect(sig.read).not.toHaveBeenCalled();
  });

  it('files within their limits read as before', async () => {
    const reader = fileListReader([
      manifest([{ path: 'catalogue.json', sha256: 'a'.repeat(64), size: 2 }]),
      new File(['[]'], 'catalogue.json'),
    ]);
    expect(await reader.read('manifest.json')).not.toBeNull();
    expect(new TextDecoder().decode((await reader.read('catalogue.json'))!)).toBe('[]');
  });

  it('an endless HTTP manifest without Content-Length is cut off at the limit', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const fetchFn = (async () => new Response(endless, { status: 200 })) as typeof fetch;
    const reader = channelBundleReader('http://zone/bundle/', fetchFn);
    await expect(reader.read('manifest.json')).rejects.toBeInstanceOf(BundleFileTooLargeError);
    expect(pulled).toBeLessThan(MAX_MANIFEST_BYTES + 1024 * 1024);
    // A Content-Length over the limit is refused before the body.
    const declared = (async () =>
      new Response('x', {
        status: 200,
        headers: { 'content-length': String(MAX_MANIFEST_BYTES + 1) },
      })) as typeof fetch;
    await expect(channelBundleReader('http://zone/bundle/', declared).read('manifest.json')).rejects.toThrow(
      /larger than/,
    );
  });
});
