/**
 * The top bar: playback controls and the simulated clock, the scenario and its steps, Apply/Load/
 * Share, the kube-proxy mode, theme, language and help. Every control has a tooltip naming its
 * shortcut (shortcuts.ts); in embed mode (slides) the editor's actions give way to a link to the
 * full playground.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from './store';
import { useT } from './i18n';
import { applyEditor, EMBED, loadEditor, setProxyMode, sim } from './bridge';
import { clockText, speedText } from './format';
import { SPEEDS } from '../worker/protocol';
import { StepTimeline } from './scenario/StepTimeline';
import { ShareButton } from './share/ShareButton';
import { EMBED_KEY } from './share/link';
import {
  BackIcon,
  ExternalIcon,
  FastIcon,
  MoonIcon,
  PauseIcon,
  PlayIcon,
  ResetIcon,
  StepIcon,
  SunIcon,
} from './icons';

const Clock = memo(function Clock() {
  const t = useT();
  const { now, steps, playing, idle, fast, trace } = useStore(
    useShallow((s) => ({
      now: s.clock.now,
      steps: s.clock.steps,
      playing: s.clock.playing,
      idle: s.clock.idle,
      fast: s.clock.fastForward,
      trace: s.traceHash,
    })),
  );
  const state = fast
    ? t('status.fast')
    : playing
      ? idle
        ? t('status.idle')
        : t('status.playing')
      : t('status.paused');
  return (
    <div
      className="clock"
      aria-label={t('header.clock')}
      data-trace={trace}
      data-tip={t('header.clockTip')}
    >
      <time
        data-testid="sim-clock"
        dateTime={now ? new Date(now).toISOString() : undefined}
        data-ms={now}
      >
        {clockText(now)}
      </time>
      <span className="clock-meta">
        <span data-testid="sim-steps" data-steps={steps}>
          {t('header.events', { n: steps })}
        </span>
        {' · '}
        <span
          data-testid="sim-state"
          className={`state-${fast ? 'fast' : playing ? 'playing' : 'paused'}`}
        >
          {state}
        </span>
      </span>
    </div>
  );
});

/** The full playground with the same scenario (embed mode's way out). */
function openFullHref(): string {
  const hash = location.hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p && p !== EMBED_KEY && p !== `${EMBED_KEY}=1`)
    .join('&');
  return `${location.pathname}${hash ? `#${hash}` : ''}`;
}

export function Header() {
  const t = useT();
  const { playing, speed, canBack } = useStore(
    useShallow((s) => ({
      playing: s.clock.playing,
      speed: s.clock.speed,
      canBack: s.clock.canStepBack,
    })),
  );
  const proxyMode = useStore((s) => s.scenario?.proxyMode ?? 'rr');
  const { theme, lang, setPrefs } = useStore(
    useShallow((s) => ({ theme: s.theme, lang: s.lang, setPrefs: s.setPrefs })),
  );
  const proxyText = t(proxyMode === 'rr' ? 'proxy.rr' : 'proxy.random');
  const playLabel = playing ? t('header.pause') : t('header.play');

  return (
    <header className="app-header">
      <div className="brand">
        <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
          <polygon points="16,2 28,9 28,23 16,30 4,23 4,9" />
          <circle cx="16" cy="16" r="5" />
        </svg>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="controls" role="toolbar" aria-label={t('header.playback')}>
        <button
          className="btn icon"
          onClick={() => sim.back()}
          disabled={!canBack}
          aria-label={t('header.back')}
          aria-keyshortcuts=","
          data-tip={`${t('header.back')} (,)`}
        >
          <BackIcon />
        </button>
        <button
          className="btn icon primary"
          onClick={() => sim.togglePlay()}
          aria-label={playLabel}
          aria-keyshortcuts="Space"
          data-tip={`${playLabel} (${t('key.space')})`}
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        <button
          className="btn icon"
          onClick={() => sim.step()}
          aria-label={t('header.step')}
          aria-keyshortcuts="."
          data-tip={`${t('header.step')} (.)`}
        >
          <StepIcon />
        </button>
        <label className="speed" data-tip={`${t('header.speed')} (− / +)`}>
          <span className="visually-hidden">{t('header.speed')}</span>
          <select
            aria-label={t('header.speed')}
            aria-keyshortcuts="- +"
            value={speed}
            onChange={(e) => sim.setSpeed(Number(e.target.value))}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {speedText(s)}
              </option>
            ))}
          </select>
        </label>
        <button
          className="btn icon"
          onClick={() => sim.runUntilIdle()}
          aria-label={t('header.idle')}
          aria-keyshortcuts="I"
          data-tip={`${t('header.idle')} (I)`}
        >
          <FastIcon />
        </button>
        <button
          className="btn icon"
          onClick={() => sim.reset()}
          aria-label={t('header.reset')}
          data-tip={t('header.resetTip')}
        >
          <ResetIcon />
        </button>
        <Clock />
      </div>
      <div className="scenario-name">
        <StepTimeline />
      </div>
      <div className="actions">
        {!EMBED && (
          <>
            <button
              className="btn primary"
              onClick={applyEditor}
              aria-keyshortcuts="Control+Enter"
              data-tip={`${t('header.applyTip')} (Ctrl+Enter)`}
            >
              {t('header.apply')}
            </button>
            <button className="btn" onClick={loadEditor} data-tip={t('header.loadTip')}>
              {t('header.load')}
            </button>
            <ShareButton />
          </>
        )}
        {EMBED && (
          <a
            className="btn"
            href={openFullHref()}
            target="_blank"
            rel="noopener"
            data-tip={t('embed.openTip')}
          >
            {t('embed.open')} <ExternalIcon />
          </a>
        )}
        <button
          className={`badge proxy-${proxyMode}`}
          aria-label={`${t('header.proxy')}: ${proxyText}`}
          data-tip={t(proxyMode === 'rr' ? 'proxy.tip.rr' : 'proxy.tip.random')}
          onClick={() => setProxyMode(proxyMode === 'rr' ? 'random' : 'rr')}
        >
          {proxyText}
        </button>
        <button
          className="btn icon"
          onClick={() => setPrefs({ theme: theme === 'dark' ? 'light' : 'dark' })}
          aria-label={theme === 'dark' ? t('header.theme.light') : t('header.theme.dark')}
          data-tip={theme === 'dark' ? t('header.theme.light') : t('header.theme.dark')}
        >
          {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
        </button>
        <button
          className="btn"
          onClick={() => setPrefs({ lang: lang === 'en' ? 'ko' : 'en' })}
          aria-label={t('header.lang.label')}
          data-tip={t('header.lang.label')}
          lang={lang === 'en' ? 'ko' : 'en'}
        >
          {t('header.lang')}
        </button>
        <button
          className="btn icon"
          onClick={() => setPrefs({ helpOpen: true })}
          aria-label={t('header.help')}
          aria-keyshortcuts="?"
          data-tip={`${t('header.help')} (?)`}
        >
          ?
        </button>
      </div>
    </header>
  );
}
