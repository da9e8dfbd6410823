/** The top bar: playback controls, clock, scenario, Apply/Load, proxy mode, theme and language. */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from './store';
import { useT } from './i18n';
import { applyEditor, loadEditor, sim } from './bridge';
import { clockText, speedText } from './format';
import { SPEEDS } from '../worker/protocol';
import {
  BackIcon,
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
    <div className="clock" aria-label={t('header.clock')} data-trace={trace}>
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
        <span data-testid="sim-state">{state}</span>
      </span>
    </div>
  );
});

export function Header() {
  const t = useT();
  const { playing, speed, canBack } = useStore(
    useShallow((s) => ({
      playing: s.clock.playing,
      speed: s.clock.speed,
      canBack: s.clock.canStepBack,
    })),
  );
  const scenario = useStore((s) => s.scenario);
  const { theme, lang, setPrefs } = useStore(
    useShallow((s) => ({ theme: s.theme, lang: s.lang, setPrefs: s.setPrefs })),
  );
  const proxyMode = scenario?.proxyMode ?? 'rr';
  const title = lang === 'ko' && scenario?.titleKo ? scenario.titleKo : scenario?.title;

  return (
    <header className="app-header">
      <div className="brand">
        <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
          <polygon points="16,2 28,9 28,23 16,30 4,23 4,9" />
          <circle cx="16" cy="16" r="5" />
        </svg>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="controls" role="toolbar" aria-label={t('header.clock')}>
        <button
          className="btn icon"
          onClick={() => sim.back()}
          disabled={!canBack}
          aria-label={t('header.back')}
          title={`${t('header.back')} (,)`}
        >
          <BackIcon />
        </button>
        <button
          className="btn icon primary"
          onClick={() => sim.togglePlay()}
          aria-label={playing ? t('header.pause') : t('header.play')}
          title={`${playing ? t('header.pause') : t('header.play')} (Space)`}
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        <button
          className="btn icon"
          onClick={() => sim.step()}
          aria-label={t('header.step')}
          title={`${t('header.step')} (.)`}
        >
          <StepIcon />
        </button>
        <label className="speed">
          <span className="visually-hidden">{t('header.speed')}</span>
          <select
            aria-label={t('header.speed')}
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
          title={t('header.idle')}
        >
          <FastIcon />
        </button>
        <button
          className="btn icon"
          onClick={() => sim.reset()}
          aria-label={t('header.reset')}
          title={t('header.reset')}
        >
          <ResetIcon />
        </button>
        <Clock />
      </div>
      <div className="scenario-name" title={t('header.scenario')}>
        {title}
      </div>
      <div className="actions">
        <button className="btn primary" onClick={applyEditor} title="Ctrl+Enter">
          {t('header.apply')}
        </button>
        <button className="btn" onClick={loadEditor}>
          {t('header.load')}
        </button>
        <button
          className="badge"
          aria-label={`${t('header.proxy')}: ${t(proxyMode === 'rr' ? 'proxy.rr' : 'proxy.random')}`}
          onClick={() => sim.setProxyMode(proxyMode === 'rr' ? 'random' : 'rr')}
        >
          {t(proxyMode === 'rr' ? 'proxy.rr' : 'proxy.random')}
        </button>
        <button
          className="btn icon"
          onClick={() => setPrefs({ theme: theme === 'dark' ? 'light' : 'dark' })}
          aria-label={theme === 'dark' ? t('header.theme.light') : t('header.theme.dark')}
        >
          {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
        </button>
        <button
          className="btn"
          onClick={() => setPrefs({ lang: lang === 'en' ? 'ko' : 'en' })}
          aria-label={t('header.lang.label')}
          lang={lang === 'en' ? 'ko' : 'en'}
        >
          {t('header.lang')}
        </button>
        <button
          className="btn icon"
          onClick={() => setPrefs({ helpOpen: true })}
          aria-label={t('header.help')}
          title={`${t('header.help')} (?)`}
        >
          ?
        </button>
      </div>
    </header>
  );
}
