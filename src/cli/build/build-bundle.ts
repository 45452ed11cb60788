// `kiosk-bundle build`: source folder → verified-shape data → search index → signed bundle folder.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { utf8 } from '../../core/bundle/encoding.ts';
import type { SigningKey } from '../../core/bundle/keys.ts';
import {
  BundleDataSchemas,
  DATA_FILES,
  formatIssuePath,
  type DataFileKey,
  type Manifest,
  type TrustedKey,
} from '../../core/bundle/schema.ts';
import { signManifest } from '../../core/bundle/sign.ts';
import { MANIFEST_PATH, SIGNATURE_PATH } from '../../core/bundle/verify.ts';
import { buildSearchIndex } from '../../core/search/build-index.ts';
import { builtinLexicon, builtinSituations } from '../../core/search/lexicon/builtin.ts';
import { writeBundleDir } from '../bundle-dir.ts';
import type { SourceProblem } from '../problems.ts';
import { loadSource, type LoadOptions, type SourceData } from './source.ts';

export interface BuildOptions extends LoadOptions {
  sourceDir: string;
  outDir: string;
  signer: SigningKey;
  version?: number;
  now?: Date;
  /** Keys this bundle vouches for (key rotation): kiosks accepting it accept later bundles they sign. */
  delegatedKeys?: TrustedKey[];
  onStage?: (stage: 'index' | 'sign' | 'write') => void;
}

export interface BuildSummary {
  manifest: Manifest;
  itemsPerDomain: Record<string, number>;
  counts: {
    items: number;
    guides: number;
    interpretations: number;
    departments: number;
    synonyms: number;
    notices: number;
    attachments: number;
  };
  /** The built-in lexicon: its pairs (colloquial × official) and how many reach at least one document. */
  lexicon: {
    version: number;
    hash: string;
    pairs: number;
    reaching: number;
    terms: number;
    /** Built-in situations (what visitors say happened → services), and how many point to a service of the bundle. */
    situations: number;
    situationsCarried: number;
  } | null;
  warnings: SourceProblem[];
}

export type BuildResult = { ok: true; summary: BuildSummary } | { ok: false; problems: SourceProblem[] };

/** Default version: the build time as YYYYMMDDHHmm (UTC), monotonic and readable; +1 over an existing bundle. */
export async function defaultVersion(outDir: string, now: Date): Promise<number> {
  const stamp = Number(now.toISOString().replace(/[-T:]/g, '').slice(0, 12));
  try {
    const prior = JSON.parse(await readFile(join(outDir, MANIFEST_PATH), 'utf8')) as { version?: unknown };
    if (typeof prior.version === 'number' && prior.version >= stamp) return prior.version + 1;
  } catch {
    // no earlier bundle here
  }
  return stamp;
}

export async function buildBundle(opts: BuildOptions): Promise<BuildResult> {
  const source = await loadSource(opts.sourceDir, opts);
  const problems = [...source.problems];
  // The same schemas the kiosk verifies with: a build must never produce a bundle the kiosk refuses.
  problems.push(...schemaProblems(source.data));
  if (problems.some((p) => p.severity === 'error') || !source.site) return { ok: false, problems };
  const site = source.site;

  opts.onStage?.('index');
  const searchIndex = buildSearchIndex(source.data);
  const files = new Map<string, Uint8Array>();
  const data = { ...source.data, searchIndex } as Record<DataFileKey, unknown>;
  for (const [key, path] of Object.entries(DATA_FILES) as [DataFileKey, string][]) {
    files.set(path, utf8.encode(JSON.stringify(data[key])));
  }
  for (const [path, bytes] of source.attachments) files.set(path, bytes);

  opts.onStage?.('sign');
  const now = opts.now ?? new Date();
  const version = opts.version ?? (await defaultVersion(opts.outDir, now));
  const signed = await signManifest(
    files,
    {
      bundleId: `${site.site}-v${version}`,
      site: site.site,
      siteName: site.siteName,
      version,
      createdAt: now,
      expiresAt: new Date(now.getTime() + site.validDays * 86_400_000),
      minAppVersion: site.minAppVersion,
      ...(opts.delegatedKeys?.length ? { delegatedKeys: opts.delegatedKeys } : {}),
    },
    opts.signer,
  );

  opts.onStage?.('write');
  const out = new Map<string, Uint8Array | string>(files);
  out.set(MANIFEST_PATH, signed.manifestBytes);
  out.set(SIGNATURE_PATH, signed.signatureText);
  await writeBundleDir(opts.outDir, out);

  const itemsPerDomain: Record<string, number> = {};
  for (const item of source.data.catalogue)
    itemsPerDomain[item.domain] = (itemsPerDomain[item.domain] ?? 0) + 1;
  const d = source.data;
  return {
    ok: true,
    summary: {
      manifest: signed.manifest,
      itemsPerDomain,
      counts: {
        items: d.catalogue.length,
        guides: d.guides.length,
        interpretations: d.interpretations.length,
        departments: d.departments.length,
        synonyms: d.synonyms.length,
        notices: d.notices.length,
        attachments: source.attachments.size,
      },
      lexicon: searchIndex.lexicon
        ? {
            version: searchIndex.lexicon.v,
            hash: searchIndex.lexicon.hash,
            pairs: builtinLexicon().pairCount,
            reaching: searchIndex.lexicon.terms.reduce((n, p) => n + p.official.length, 0),
            terms: searchIndex.lexicon.terms.length,
            situations: builtinSituations().situations.length,
            situationsCarried: searchIndex.lexicon.situations?.length ?? 0,
          }
        : null,
      warnings: problems.filter((p) => p.severity === 'warning'),
    },
  };
}

function schemaProblems(data: SourceData): SourceProblem[] {
  const problems: SourceProblem[] = [];
  for (const key of Object.keys(data) as (keyof SourceData)[]) {
    const result = BundleDataSchemas[key].safeParse(data[key]);
    if (result.success) continue;
    for (const issue of result.error.issues.slice(0, 20)) {
      const [index] = issue.path;
      const record =
        typeof index === 'number'
          ? (data[key] as { source?: { file: string; sheet?: string; row?: number } }[])[index]
          : undefined;
      problems.push({
        severity: 'error',
        file: record?.source?.file ?? DATA_FILES[key],
        ...(record?.source?.sheet ? { sheet: record.source.sheet } : {}),
        ...(record?.source?.row ? { row: record.source.row } : {}),
        field: formatIssuePath(issue.path.slice(1)),
        message: `${formatIssuePath(issue.path.slice(1))}: ${issue.message}`,
      });
    }
  }
  return problems;
}
