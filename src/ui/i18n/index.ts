/** UI text lookup: `useT()` returns `t(key, params)` in the chosen language. */
import { useCallback } from 'react';
import { useStore } from '../store';
import { en, type MessageKey } from './en';
import { ko } from './ko';
import type { Lang } from '../store/prefs';

export type { MessageKey };

const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, ko };

export function translate(
  lang: Lang,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const text = dictionaries[lang][key] ?? en[key];
  return params
    ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m))
    : text;
}

export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useT(): T {
  const lang = useStore((s) => s.lang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
