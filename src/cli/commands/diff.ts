import type { Command } from 'commander';
import type { BundleData } from '../../core/bundle/schema.ts';
import { readBundleData } from '../bundle-dir.ts';
import { RejectedError } from '../errors.ts';
import { publicItem, readManifest } from './inspect.ts';

interface DomainDiff {
  added: string[];
  removed: string[];
  changed: { name: string; fields: string[] }[];
}

const itemName = (it: { level1: string; level2: string | null; level3: string | null }) =>
  [it.level1, it.level2, it.level3].filter(Boolean).join(' / ');

/** Items added, removed and changed (with the fields that changed), per domain. */
export function diffItems(oldData: BundleData, newData: BundleData): Record<string, DomainDiff> {
  const out: Record<string, DomainDiff> = {};
  const bucket = (domain: string) => (out[domain] ??= { added: [], removed: [], changed: [] });
  const oldById = new Map(oldData.catalogue.map((it) => [it.id, publicItem(it)]));
  const newById = new Map(newData.catalogue.map((it) => [it.id, publicItem(it)]));
  for (const [id, it] of newById) {
    const before = oldById.get(id);
    if (!before) {
      bucket(it.domain).added.push(itemName(it));
      continue;
    }
    const fields = (Object.keys(it) as (keyof typeof it)[]).filter(
      (k) => JSON.stringify(it[k]) !== JSON.stringify(before[k]),
    );
    if (fields.length) bucket(it.domain).changed.push({ name: itemName(it), fields });
  }
  for (const [id, it] of oldById) if (!newById.has(id)) bucket(it.domain).removed.push(itemName(it));
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b, 'zh-CN')));
}

function diffById<T extends { id: string; title: string }>(a: T[], b: T[]) {
  const am = new Map(a.map((x) => [x.id, JSON.stringify(x)]));
  const bm = new Map(b.map((x) => [x.id, JSON.stringify(x)]));
  return {
    added: b.filter((x) => !am.has(x.id)).map((x) => x.title),
    removed: a.filter((x) => !bm.has(x.id)).map((x) => x.title),
    changed: b.filter((x) => am.has(x.id) && am.get(x.id) !== bm.get(x.id)).map((x) => x.title),
  };
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description(
      'what changed between two bundles: items added, removed and changed per domain; guides; interpretations',
    )
    .argument('<old_dir>', 'the older bundle folder')
    .argument('<new_dir>', 'the newer bundle folder')
    .option('--json', 'print JSON')
    .action(async (oldDir: string, newDir: string, opts: { json?: boolean }) => {
      const [oldM, newM] = [await readManifest(oldDir), await readManifest(newDir)];
      let oldData: BundleData, newData: BundleData;
      try {
        [oldData, newData] = [await readBundleData(oldDir), await readBundleData(newDir)];
      } catch (e) {
        throw new RejectedError((e as Error).message);
      }
      const report = {
        from: oldM.manifest.version,
        to: newM.manifest.version,
        items: diffItems(oldData, newData),
        guides: diffById(oldData.guides, newData.guides),
        interpretations: diffById(oldData.interpretations, newData.interpretations),
      };
      if (opts.json) {
        console.log(JSON.stringify(report, null, 2));
        return;
      }
      console.log(`version ${report.from} → ${report.to}`);
      const domains = Object.entries(report.items);
      if (!domains.length) console.log('  catalogue: no changes');
      for (const [domain, d] of domains) {
        console.log(`  ${domain}: +${d.added.length} −${d.removed.length} ~${d.changed.length}`);
        for (const n of d.added) console.log(`    + ${n}`);
        for (const n of d.removed) console.log(`    − ${n}`);
        for (const c of d.changed) console.log(`    ~ ${c.name} (${c.fields.join(', ')})`);
      }
      for (const kind of ['guides', 'interpretations'] as const) {
        const d = report[kind];
        console.log(`  ${kind}: +${d.added.length} −${d.removed.length} ~${d.changed.length}`);
        for (const n of d.added) console.log(`    + ${n}`);
        for (const n of d.removed) console.log(`    − ${n}`);
        for (const n of d.changed) console.log(`    ~ ${n}`);
      }
    });
}
