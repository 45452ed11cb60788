// The parts every published-content screen (item, guide, interpretation) shares: its heading block and its
// lists of links to related content.
import { Fragment } from 'preact';
import type { PolicyValidity } from '../../../core/bundle/schema.ts';
import { getLang, t } from '../../i18n/strings.ts';

/** One fact of the meta line: an interface label, then published text as published (Chinese). */
export interface MetaFact {
  label: string;
  published?: string;
}

/**
 * The domain as a crumb, the title as the screen's heading (focused on arrival), and a meta line of the facts
 * given (empty ones left out), separated by ' · '. In the search results' preview (`headingId` given) the title is
 * a level-2 heading of the preview pane instead: the home screen keeps its own h1.
 */
export function ContentHeading({
  crumb,
  title,
  meta = [],
  headingId,
}: {
  crumb: string;
  title: string;
  meta?: (MetaFact | '' | null | undefined)[];
  headingId?: string;
}) {
  const facts = meta.filter((f): f is MetaFact => !!f);
  return (
    <>
      <p class="crumbs" lang="zh-CN">
        {crumb}
      </p>
      {headingId ? (
        <h2 id={headingId} lang="zh-CN">
          {title}
        </h2>
      ) : (
        <h1 id="screen-title" tabIndex={-1} lang="zh-CN">
          {title}
        </h1>
      )}
      {facts.length ? (
        <p class="meta-line">
          {facts.map((f, i) => (
            <Fragment key={i}>
              {i > 0 ? ' · ' : null}
              {f.label}
              {f.published ? <span lang="zh-CN">{f.published}</span> : null}
            </Fragment>
          ))}
        </p>
      ) : null}
    </>
  );
}

export interface ContentLink {
  key: string;
  href: string;
  /** Published text: shown as published, in Chinese. */
  text: string;
  /** An interpretation of a policy no longer (fully) in force: marked after its title. */
  validity?: PolicyValidity | undefined;
}

/** (已废止) / (已修改) after the title of an interpretation whose policy is not in force; nothing otherwise. */
export function ValidityTag({ validity }: { validity?: PolicyValidity | undefined }) {
  if (!validity || validity === 'in-force') return null;
  return (
    <span class="validity-tag" lang={getLang()}>
      {t(`interp.tag.${validity}`)}
    </span>
  );
}

/** A titled list of links to related content; nothing when there is none. */
export function LinkSection({
  id,
  title,
  links,
}: {
  id: string;
  title: string;
  links: readonly ContentLink[];
}) {
  if (!links.length) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul class="link-list" aria-labelledby={id}>
        {links.map((l) => (
          <li key={l.key}>
            <a class="row-link" lang="zh-CN" href={l.href}>
              {l.text}
              <ValidityTag validity={l.validity} />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
