/**
 * Connects the worker client to the store. Batches are coalesced per animation frame, so a slow
 * frame applies several worker batches in one store update instead of rendering each.
 */
import { SimClient } from '../worker/client';
import type { Batch } from '../worker/protocol';
import { parseScenario } from '../scenario/format';
import { parseDuration } from '../engine/clock';
import { applyBatch } from './store/cluster';
import { useStore } from './store';
import { borrowText, getText, onEdit, recoverableText, setText } from './editor/text';
import { translate } from './i18n';
import { hashWithoutScenario, isEmbed, linkErrorKind, linkScenario } from './share/link';
import { DEFAULT_SCENARIO } from '../scenario/default';
import type { ProxyMode } from '../engine/config';

/** Batches queued while the page is hidden (no animation frames) before they are applied anyway. */
export const MAX_QUEUED_BATCHES = 120;

let queue: Batch[] = [];
let frame = 0;

function drain(): void {
  frame = 0;
  const batches = queue;
  queue = [];
  if (batches.length === 0) return;
  useStore.setState((s) => batches.reduce((acc, b) => ({ ...acc, ...applyBatch(acc, b) }), s));
}

function enqueue(b: Batch): void {
  queue.push(b);
  if (queue.length >= MAX_QUEUED_BATCHES) drain();
  else if (!frame) frame = requestAnimationFrame(drain);
}

const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
  translate(useStore.getState().lang, k, p);

/** `?embed` or `#...&embed=1`: graph and controls only (for slides); read once at startup. */
export const EMBED =
  typeof location !== 'undefined' ? isEmbed(location.search, location.hash) : false;

export const sim = new SimClient({
  batch: enqueue,
  scenario(info, errors) {
    const st = useStore.getState();
    st.setSession({ ...(info ? { scenario: info } : {}), scenarioErrors: errors });
    if (!info && errors.length > 0)
      st.message(
        'err',
        `${t('load.errors')}\n${errors.map((e) => `${e.line}: ${e.message}`).join('\n')}\n`,
      );
  },
  output(_id, stream, text) {
    useStore.getState().message(stream, text);
  },
  done() {},
  error(message, recovered) {
    useStore
      .getState()
      .message(
        'engine',
        `${recovered ? t('messages.engine') : t('messages.engineFatal')}: ${message}\n`,
      );
  },
  restarted(count) {
    useStore.getState().setSession({ workerRestarts: count });
    useStore.getState().message('info', `${t('messages.restarted')}\n`);
  },
});

function replaceHash(hash: string): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
}

/**
 * The text to start with: a link's scenario (`#s=...`), borrowed so the user's own saved text is
 * not overwritten; after a damaged or hostile link, the default scenario (also borrowed) and the
 * reason in the message panel; otherwise the saved text.
 */
function startupText(): string {
  const link = linkScenario(location.hash);
  const st = useStore.getState();
  if (link.kind === 'none') return getText();
  if (link.kind === 'ok') {
    borrowText(link.text);
    st.message('info', `${t('link.opened')}\n`, recoverableText() ? 'restoreText' : undefined);
    // Once edited, the text is the user's own (autosaved) and the link no longer describes it.
    const off = onEdit(() => {
      off();
      replaceHash(hashWithoutScenario(location.hash));
    });
    return link.text;
  }
  replaceHash(hashWithoutScenario(location.hash));
  borrowText(DEFAULT_SCENARIO);
  st.message(
    'err',
    `${t(`link.error.${linkErrorKind(link.error)}`)}\n${t('link.fallback')}\n`,
    recoverableText() ? 'restoreText' : undefined,
  );
  return DEFAULT_SCENARIO;
}

/** Brings back the user's own text that a link displaced (message panel button). */
export function restoreOwnText(): void {
  const own = recoverableText();
  if (own === undefined) return;
  loadText(own);
}

/**
 * Starts the simulation with the saved (or default) scenario. `?paused` starts it paused and
 * `?at=30s` first runs that much simulated time at once (deterministic tests and screenshots).
 */
export function startSimulation(): void {
  const params = new URLSearchParams(location.search);
  const at = params.get('at');
  const runFor = at ? parseDuration(at) : undefined;
  sim.start(startupText(), !params.has('paused'), runFor);
}

/** Switches kube-proxy's backend choice; it applies from the next request on. */
export function setProxyMode(mode: ProxyMode): void {
  sim.setProxyMode(mode);
  const text = t(mode === 'rr' ? 'proxy.switched.rr' : 'proxy.switched.random');
  useStore.getState().showToast(text);
  useStore.getState().message('info', `${text}\n`);
}

/**
 * Applies the manifests of the editor text (`kubectl apply -f -`). Blank lines stand in for the
 * scenario header so line numbers in kubectl's errors match the editor.
 */
export function applyText(text: string): void {
  const p = parseScenario(text);
  const st = useStore.getState();
  if (!p.ok) {
    st.setSession({ scenarioErrors: p.errors.map((e) => ({ line: e.line, message: e.message })) });
    st.message('err', `${p.errors.map((e) => `${e.line}: ${e.message}`).join('\n')}\n`);
    return;
  }
  st.setSession({ scenarioErrors: [] });
  const { manifests, manifestsLine } = p.scenario;
  if (!manifests.trim()) return;
  sim.apply('\n'.repeat(Math.max(0, manifestsLine - 1)) + manifests);
}

export function applyEditor(): void {
  applyText(getText());
}

/** Rebuilds the cluster from the editor's scenario. */
export function loadEditor(): void {
  useStore.getState().clearMessages();
  sim.load(getText());
}

export function loadText(text: string): void {
  setText(text, true);
  loadEditor();
}
