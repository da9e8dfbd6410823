/** User preferences (theme, language, namespace filter), remembered in localStorage. */
import type { Lang, Theme } from '../lang';

export type { Lang, Theme };

export interface PrefsState {
  theme: Theme;
  lang: Lang;
  /** Namespaces hidden in the graph (kube-system by default, as most tutorials ignore it). */
  hiddenNamespaces: string[];
  /** Editor width as a fraction of the window. */
  split: number;
  helpOpen: boolean;
  /** The first-run "what is this?" hint was dismissed. */
  hintDismissed: boolean;
}

export const PREFS_KEY = 'kubeplay.prefs.v1';
export const DEFAULT_HIDDEN_NAMESPACES = ['kube-system', 'kube-node-lease', 'kube-public'];
export const MIN_SPLIT = 0.2;
export const MAX_SPLIT = 0.7;

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

function systemLang(): Lang {
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('ko')
    ? 'ko'
    : 'en';
}

export function loadPrefs(): PrefsState {
  const base: PrefsState = {
    theme: systemTheme(),
    lang: systemLang(),
    hiddenNamespaces: DEFAULT_HIDDEN_NAMESPACES,
    split: 0.36,
    helpOpen: false,
    hintDismissed: false,
  };
  try {
    const raw = typeof localStorage !== 'undefined' ? localStorage.getItem(PREFS_KEY) : null;
    if (!raw) return base;
    const p = JSON.parse(raw) as Partial<PrefsState>;
    return {
      ...base,
      ...(p.theme === 'light' || p.theme === 'dark' ? { theme: p.theme } : {}),
      ...(p.lang === 'en' || p.lang === 'ko' ? { lang: p.lang } : {}),
      ...(Array.isArray(p.hiddenNamespaces)
        ? { hiddenNamespaces: p.hiddenNamespaces.filter((x) => typeof x === 'string') }
        : {}),
      ...(p.hintDismissed === true ? { hintDismissed: true } : {}),
      ...(typeof p.split === 'number'
        ? { split: Math.min(MAX_SPLIT, Math.max(MIN_SPLIT, p.split)) }
        : {}),
    };
  } catch {
    return base;
  }
}

export function savePrefs(p: PrefsState): void {
  try {
    const { helpOpen: _h, ...rest } = p;
    localStorage.setItem(PREFS_KEY, JSON.stringify(rest));
  } catch {
    // Storage full or disabled (private mode): preferences simply are not remembered.
  }
}
