/** The keyboard shortcuts as data (pure, tested): what the help overlay lists and speed steps. */
import { SPEEDS } from '../worker/protocol';
import type { MessageKey } from './i18n/en';

/** Keys and what they do, as the help overlay lists them. */
export const SHORTCUTS: [keys: string, what: MessageKey][] = [
  ['Space', 'help.play'],
  ['.', 'help.step'],
  [',', 'help.back'],
  ['−  /  +', 'help.speed'],
  ['I', 'help.idle'],
  ['F', 'help.fit'],
  ['Ctrl/⌘ + Enter', 'help.apply'],
  ['?', 'help.help'],
];

/** The next speed up or down the list the speed menu offers. */
export function nextSpeed(current: number, dir: 1 | -1): number {
  if (dir > 0) return SPEEDS.find((s) => s > current) ?? SPEEDS[SPEEDS.length - 1];
  return [...SPEEDS].reverse().find((s) => s < current) ?? SPEEDS[0];
}
