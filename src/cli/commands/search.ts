// `kiosk-bundle search BUNDLE_DIR "QUERY"`: answers a query with the kiosk's own engine and ranking, so staff can
// check how a visitor's words will be understood before they ship a synonym change.
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { POLICY_VALIDITY_LABELS } from '../../core/bundle/schema.ts';
import { createSearchEngine, type SearchResponse } from '../../core/search/engine.ts';
import { readBundleData } from '../bundle-dir.ts';
import { parsePositiveInt, RejectedError, UsageError } from '../errors.ts';

const TYPE_LABELS = { item: '事项', guide: '办事指南', interpretation: '政策解读' } as const;

/** The stable JSON shape (`--json`); other tools and tests rely on exactly these fields. */
export function searchJson(response: SearchResponse): {
  query: string;
  results: Array<
    Pick<
      SearchResponse['results'][number],
      'type' | 'id' | 'domain' | 'level1' | 'level2' | 'level3' | 'title' | 'score'
    >
  >;
} {
  return {
    query: response.query,
    results: response.results.map(({ type, id, domain, level1, level2, level3, title, score }) => ({
      type,
      id,
      domain,
      level1,
      level2,
      level3,
      title,
      score,
    })),
  };
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search a bundle exactly as the kiosk would answer (same engine, same ranking)')
    .argument('<bundle_dir>', 'a bundle folder (from `kiosk-bundle build`)')
    .argument('<query>', 'what a visitor would type: 低保, dibao, 低保怎么申请…')
    .option(
      '--json',
      'print {"query", "results": [{type, id, domain, level1, level2, level3, title, score}]}',
    )
    .option('--limit <n>', 'number of results', '10')
    .action(async (dir: string, query: string, opts: { json?: boolean; limit: string }) => {
      const limit = parsePositiveInt(opts.limit, '--limit');
      if (!query.trim()) throw new UsageError('the query is empty');
      if (!(await stat(dir).catch(() => null))?.isDirectory())
        throw new RejectedError(`${dir} is not a bundle folder`);
      let engine;
      try {
        engine = createSearchEngine(await readBundleData(dir));
      } catch (e) {
        throw new RejectedError(`cannot read the bundle in ${dir}: ${(e as Error).message}`);
      }
      const response = engine.search(query, { limit });
      if (opts.json) {
        console.log(JSON.stringify(searchJson(response)));
        return;
      }
      console.log(`查询 query: ${query}`);
      console.log(`理解为 understood as: ${response.rewritten.join(' + ') || '(nothing searchable)'}`);
      if (!response.results.length) console.log('没有结果 no results');
      else if (response.closest)
        console.log('没有完全符合的结果，以下内容可能相关 no exact match; the closest documents:');
      response.results.forEach((r, i) => {
        console.log(
          `${String(i + 1).padStart(2)}. [${TYPE_LABELS[r.type]}${r.validity ? `·${POLICY_VALIDITY_LABELS[r.validity]}` : ''}] ${r.title}  (${r.id}, ${r.domain}, score ${r.score})`,
        );
      });
      if (response.total > response.results.length)
        console.log(`… ${response.total - response.results.length} more`);
      if (response.didYouMean.length)
        console.log(`您是不是要找 did you mean: ${response.didYouMean.join('、')}`);
    });
}
