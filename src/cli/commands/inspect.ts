import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { sha256Hex } from '../../core/bundle/encoding.ts';
import { ManifestSchema, type CatalogueItem } from '../../core/bundle/schema.ts';
import { MANIFEST_PATH } from '../../core/bundle/verify.ts';
import { readBundleData } from '../bundle-dir.ts';
import { RejectedError } from '../errors.ts';

/** The stable public shape of an item for other tools (`inspect --items --json`); the order is the output order. */
export const PUBLIC_ITEM_FIELDS = [
  'id',
  'domain',
  'level1',
  'level2',
  'level3',
  'stages',
  'content',
  'basis',
  'timeLimit',
  'publisher',
  'channels',
  'audience',
  'disclosure',
  'tier',
  'url',
] as const satisfies readonly (keyof CatalogueItem)[];
export type PublicItem = Pick<CatalogueItem, (typeof PUBLIC_ITEM_FIELDS)[number]>;

export function publicItem(item: CatalogueItem): PublicItem {
  return Object.fromEntries(PUBLIC_ITEM_FIELDS.map((k) => [k, item[k]])) as PublicItem;
}

export async function readManifest(dir: string) {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, MANIFEST_PATH));
  } catch {
    throw new RejectedError(`${dir} is not a bundle: no ${MANIFEST_PATH}`);
  }
  const parsed = ManifestSchema.safeParse(JSON.parse(bytes.toString('utf8')));
  if (!parsed.success)
    throw new RejectedError(`${join(dir, MANIFEST_PATH)}: ${parsed.error.issues[0]?.message}`);
  return { manifest: parsed.data, sha256: await sha256Hex(new Uint8Array(bytes)) };
}

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description(
      'show a bundle: version, manifest hash, counts per domain and type (does not verify; use verify)',
    )
    .argument('<bundle_dir>', 'bundle folder')
    .option('--json', 'print JSON')
    .option('--items', 'print every catalogue item (with --json: a JSON array with stable fields)')
    .action(async (dir: string, opts: { json?: boolean; items?: boolean }) => {
      const { manifest, sha256 } = await readManifest(dir);
      let data;
      try {
        data = await readBundleData(dir);
      } catch (e) {
        throw new RejectedError((e as Error).message);
      }
      if (opts.items) {
        const items = data.catalogue.map(publicItem);
        if (opts.json) console.log(JSON.stringify(items, null, 2));
        else
          for (const it of items)
            console.log(
              `${it.id}  ${it.domain}  ${[it.level1, it.level2, it.level3].filter(Boolean).join(' / ')}`,
            );
        return;
      }
      const report = {
        bundleId: manifest.bundleId,
        site: manifest.site,
        siteName: manifest.siteName,
        version: manifest.version,
        createdAt: manifest.createdAt,
        expiresAt: manifest.expiresAt,
        minAppVersion: manifest.minAppVersion,
        keyId: manifest.keyId,
        manifestSha256: sha256,
        files: manifest.files.length,
        bytes: manifest.files.reduce((n, f) => n + f.size, 0),
        counts: {
          items: data.catalogue.length,
          guides: data.guides.length,
          interpretations: data.interpretations.length,
          departments: data.departments.length,
          synonyms: data.synonyms.length,
          notices: data.notices.length,
          calendarYears: data.calendar.map((y) => `${y.year}${y.published ? '' : ' (unpublished)'}`),
          attachments: manifest.files.filter((f) => f.path.startsWith('attachments/')).length,
        },
        perDomain: Object.fromEntries(
          [...new Set([...data.catalogue, ...data.guides, ...data.interpretations].map((x) => x.domain))]
            .sort()
            .map((domain) => [
              domain,
              {
                items: data.catalogue.filter((x) => x.domain === domain).length,
                guides: data.guides.filter((x) => x.domain === domain).length,
                interpretations: data.interpretations.filter((x) => x.domain === domain).length,
              },
            ]),
        ),
      };
      if (opts.json) {
        console.log(JSON.stringify(report, null, 2));
        return;
      }
      console.log(`${report.bundleId} (${report.siteName})`);
      console.log(
        `  version ${report.version}, created ${report.createdAt}, expires ${report.expiresAt}, min app ${report.minAppVersion}`,
      );
      console.log(`  signed by ${report.keyId}; manifest SHA-256 ${report.manifestSha256}`);
      console.log(`  ${report.files} files, ${report.bytes} bytes`);
      const c = report.counts;
      console.log(
        `  items ${c.items}, guides ${c.guides}, interpretations ${c.interpretations}, departments ${c.departments}, synonyms ${c.synonyms}, notices ${c.notices}, attachments ${c.attachments}, calendar ${c.calendarYears.join(', ')}`,
      );
      for (const [domain, n] of Object.entries(report.perDomain)) {
        console.log(
          `  ${domain}: ${n.items} items, ${n.guides} guides, ${n.interpretations} interpretations`,
        );
      }
    });
}
