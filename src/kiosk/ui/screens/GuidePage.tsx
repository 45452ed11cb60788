// A 办事指南 with the 办事一本通 sections in order, sanitised Markdown, and its attachments.
import { useEffect, useState } from 'preact/hooks';
import {
  GUIDE_SECTIONS,
  GUIDE_SECTION_LABELS,
  type Attachment,
  type Guide,
} from '../../../core/bundle/schema.ts';
import { channelUrlOf } from '../../config/channel.ts';
import { getLang, t } from '../../i18n/strings.ts';
import { useKioskState } from '../../state.ts';
import { ContentHeading, LinkSection } from '../components/ContentPage.tsx';
import { DepartmentContactSection } from '../components/DepartmentContact.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { TakeHome } from '../components/TakeHome.tsx';
import { Loading, NotFound } from '../components/Status.tsx';
import { useAsync } from '../hooks.ts';
import { repo } from '../repo-loader.ts';
import { href } from '../router.ts';
import { itemName } from './Browse.tsx';

/** The guide with its items and department, read from the live bundle. */
export function useGuidePageData(dbName: string | undefined, id: string) {
  return useAsync(async () => {
    if (!dbName) return null;
    const r = await repo();
    const guide = await r.getGuide(dbName, id);
    if (!guide) return null;
    const [items, dept] = await Promise.all([
      r.getItems(dbName, guide.itemIds),
      r.departmentByName(dbName, guide.department),
    ]);
    return { guide, items, dept };
  }, [dbName, id]);
}

/** The heading block of a guide's page: domain, title, department and date (also the search preview's). */
export function GuideHeading({ guide, headingId }: { guide: Guide; headingId?: string }) {
  return (
    <ContentHeading
      crumb={guide.domain}
      title={guide.title}
      headingId={headingId}
      meta={[
        guide.department && { label: t('guide.department', { name: '' }), published: guide.department },
        guide.updated && { label: t('guide.updated', { date: guide.updated }) },
      ]}
    />
  );
}

export function GuidePage({ id }: { id: string }) {
  const { live, config } = useKioskState();
  const dbName = live?.dbName;
  const data = useGuidePageData(dbName, id);
  if (data.loading) return <Loading />;
  if (!data.value || !dbName) return <NotFound />;
  const { guide, items, dept } = data.value;
  const channel = config ? channelUrlOf(config) : new URL('/bundle/', location.href).href;
  return (
    <article class="screen guide-page" aria-labelledby="screen-title">
      <GuideHeading guide={guide} />
      {guide.body.trim() ? (
        <section aria-labelledby="sec-overview">
          <h2 id="sec-overview">{t('guide.overview')}</h2>
          <Markdown source={guide.body} />
        </section>
      ) : null}
      {GUIDE_SECTIONS.map((key) => (
        <section key={key} aria-labelledby={`sec-${key}`}>
          <h2 id={`sec-${key}`}>{getLang() === 'en' ? t(`guide.sec.${key}`) : GUIDE_SECTION_LABELS[key]}</h2>
          {guide.sections[key]?.trim() ? (
            <Markdown source={guide.sections[key]} />
          ) : (
            <p>{t('guide.emptySection')}</p>
          )}
        </section>
      ))}
      {guide.attachments.length > 0 ? (
        <section aria-labelledby="sec-attachments">
          <h2 id="sec-attachments">{t('guide.attachments')}</h2>
          <ul class="attachments">
            {guide.attachments.map((a) => (
              <li key={a.path}>
                <AttachmentView dbName={dbName} attachment={a} channel={channel} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <LinkSection
        id="sec-items"
        title={t('guide.items')}
        links={items.map((item) => ({ key: item.id, href: href(['item', item.id]), text: itemName(item) }))}
      />
      {dept ? <DepartmentContactSection dept={dept} /> : null}
      <TakeHome kind="guide" id={guide.id} name={guide.title} printable />
    </article>
  );
}

/** Images are shown from the bundle store; other documents become a QR code of their address on the channel. */
function AttachmentView({
  dbName,
  attachment,
  channel,
}: {
  dbName: string;
  attachment: Attachment;
  channel: string;
}) {
  const isImage = /^image\/(png|jpeg|gif|webp)$/.test(attachment.mediaType);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!isImage) return;
    let objectUrl: string | null = null;
    let alive = true;
    void repo()
      .then((r) => r.getFile(dbName, attachment.path))
      .then((bytes) => {
        if (!bytes || !alive) return;
        objectUrl = URL.createObjectURL(new Blob([bytes as BlobPart], { type: attachment.mediaType }));
        setUrl(objectUrl);
      });
    return () => {
      alive = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [dbName, attachment.path, isImage]);
  if (isImage) {
    return (
      <figure>
        {url ? <img src={url} alt={attachment.name} /> : null}
        <figcaption lang="zh-CN">{attachment.name}</figcaption>
      </figure>
    );
  }
  const label = t('guide.docQr', { name: attachment.name });
  return (
    <figure>
      <QrCode text={new URL(attachment.path, channel).href} label={label} size={200} />
      <figcaption>
        {t('guide.docQr', { name: '' })}
        <span lang="zh-CN">{attachment.name}</span>
      </figcaption>
    </figure>
  );
}
