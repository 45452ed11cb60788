// Renders bundle Markdown through the sanitiser; the renderer code is loaded on first use.
import { useAsync } from '../hooks.ts';

let loader: Promise<typeof import('../markdown.ts')> | null = null;

export function Markdown({ source, class: cls }: { source: string; class?: string }) {
  const html = useAsync(async () => {
    loader ??= import('../markdown.ts');
    return (await loader).renderMarkdown(source);
  }, [source]).value;
  // The string comes from renderMarkdown: raw HTML dropped, then DOMPurify with an allow-list.
  return (
    <div class={`markdown ${cls ?? ''}`} lang="zh-CN" dangerouslySetInnerHTML={{ __html: html ?? '' }} />
  );
}
