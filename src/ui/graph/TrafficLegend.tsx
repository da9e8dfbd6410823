/**
 * The traffic legend over the graph: what the pulse colours mean, and kube-proxy's backend choice as
 * a two-way switch (IPVS round-robin, or iptables' random pick). The mode changes at the next
 * request; the counters on the pods show the difference.
 */
import { memo } from 'react';
import { useStore } from '../store';
import { useT } from '../i18n';
import { setProxyMode } from '../bridge';
import type { ProxyMode } from '../../engine/config';

const MODES: ProxyMode[] = ['rr', 'random'];

export const TrafficLegend = memo(function TrafficLegend() {
  const t = useT();
  const mode = useStore((s) => s.scenario?.proxyMode ?? 'rr');
  return (
    <div className="traffic-legend" role="group" aria-label={t('traffic.legend')}>
      <span className="legend-title">{t('traffic.title')}</span>
      <span className="legend-item">
        <span className="legend-dot pulse-ok" aria-hidden="true" /> {t('traffic.ok')}
      </span>
      <span className="legend-item">
        <span className="legend-dot pulse-refused" aria-hidden="true" /> {t('traffic.refused')}
      </span>
      <span className="legend-item">
        <span className="legend-dot pulse-timeout" aria-hidden="true" /> {t('traffic.timeout')}
      </span>
      <span className="segmented" role="radiogroup" aria-label={t('header.proxy')}>
        {MODES.map((m) => (
          <button
            key={m}
            role="radio"
            aria-checked={mode === m}
            className={mode === m ? 'on' : ''}
            data-tip={t(m === 'rr' ? 'traffic.rrTip' : 'traffic.randomTip')}
            onClick={() => mode !== m && setProxyMode(m)}
          >
            {t(m === 'rr' ? 'traffic.rr' : 'traffic.random')}
          </button>
        ))}
      </span>
    </div>
  );
});
