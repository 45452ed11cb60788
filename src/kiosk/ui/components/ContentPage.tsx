// The parts every published-content screen (item, guide, interpretation) shares: its heading block and its
// lists of links to related content.
import type { ComponentChildren } from 'preact';

/** The domain as a crumb, the title as the screen's heading (focused on arrival), and an optional meta line. */
export function ContentHeading({
  crumb,
  title,
  meta,
}: {
  crumb: string;
  title: string;
  meta?: ComponentChildren;
}) {
  return (
    <>
      <p class="crumbs" lang="zh-CN">
        {crumb}
      </p>
      <h1 id="screen-title" tabIndex={-1} lang="zh-CN">
        {title}
      </h1>
      {meta ? <p class="meta-line">{meta}</p> : null}
    </>
  );
}

export interface ContentLink {
  key: string;
  href: string;
  /** Published text: shown as published, in Chinese. */
  text: string;
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
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
