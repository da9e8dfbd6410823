/**
 * Share: puts the editor's scenario into the URL fragment (nothing is uploaded), copies the link,
 * and shows it in a text field as a fallback when the clipboard is not available. A checkbox makes
 * it an embed link for slides (graph and controls only).
 */
import { useRef, useState } from 'react';
import { useT } from '../i18n';
import { useStore } from '../store';
import { Popover } from '../Popover';
import { getText } from '../editor/text';
import { shareLink, type ShareLink } from './link';
import { MAX_ENCODED_LENGTH } from '../../scenario/url';
import { ShareIcon } from '../icons';

type CopyState = 'idle' | 'copied' | 'failed';

export function ShareButton() {
  const t = useT();
  const [link, setLink] = useState<ShareLink | undefined>();
  const [embed, setEmbed] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const field = useRef<HTMLInputElement>(null);

  const make = (forEmbed: boolean) => {
    const l = shareLink(`${location.origin}${location.pathname}`, getText(), forEmbed);
    setLink(l);
    setCopy('idle');
    if (!l.ok) return;
    if (!forEmbed)
      history.replaceState(history.state, '', `${location.pathname}${location.search}${l.hash}`);
    void copyText(l.url);
  };

  const copyText = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
      useStore.getState().showToast(t('share.copied'));
    } catch {
      setCopy('failed');
    }
    requestAnimationFrame(() => field.current?.select());
  };

  return (
    <Popover
      label={t('share.label')}
      tip={t('share.tip')}
      align="right"
      testId="share-button"
      onOpen={() => {
        setEmbed(false);
        make(false);
      }}
      button={
        <>
          <ShareIcon /> {t('share.button')}
        </>
      }
    >
      <div className="share-panel">
        <h2>{t('share.title')}</h2>
        {link && !link.ok ? (
          <p className="error-text" role="alert">
            {t('share.tooLong', { n: link.length, max: MAX_ENCODED_LENGTH })}
          </p>
        ) : (
          <>
            <div className="share-row">
              <input
                ref={field}
                className="share-url"
                readOnly
                aria-label={t('share.url')}
                value={link?.ok ? link.url : ''}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="share-url"
              />
              <button className="btn primary" onClick={() => link?.ok && void copyText(link.url)}>
                {t('share.copy')}
              </button>
            </div>
            <p className="share-status" role="status" aria-live="polite">
              {copy === 'copied'
                ? t('share.copied')
                : copy === 'failed'
                  ? t('share.copyFailed')
                  : ''}
            </p>
            <label className="share-embed">
              <input
                type="checkbox"
                checked={embed}
                onChange={(e) => {
                  setEmbed(e.target.checked);
                  make(e.target.checked);
                }}
              />{' '}
              {t('share.embed')}
            </label>
          </>
        )}
        <p className="muted small">{t('share.privacy')}</p>
      </div>
    </Popover>
  );
}
