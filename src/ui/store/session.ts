/**
 * What the user did and what came back: the loaded scenario, the message panel (scenario errors,
 * kubectl output of Apply, engine errors), the selected object and its YAML.
 */
import type { LineError, ScenarioInfo } from '../../worker/protocol';

/** Messages kept in the panel. */
export const MAX_MESSAGES = 100;

export type MessageKind = 'out' | 'err' | 'engine' | 'info';

/** Something a message offers to do (a button beside it). */
export type MessageAction = 'restoreText';

export interface Message {
  id: number;
  kind: MessageKind;
  text: string;
  action?: MessageAction;
}

/** A short confirmation shown over the app for a few seconds (link copied, proxy mode changed). */
export interface Toast {
  id: number;
  text: string;
}

export interface EditorMarker {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

export interface SessionState {
  /** Markers of the scenario editor (YAML syntax, schema, scenario header), sorted by line. */
  markers: EditorMarker[];
  /** Which text the editor shows: the scenario or the selected object's live YAML. */
  editorTab: 'scenario' | 'object';
  scenario?: ScenarioInfo;
  /** Errors of the last Load (scenario header), by line. */
  scenarioErrors: LineError[];
  messages: Message[];
  selected?: string;
  /** YAML of the selected object, once the worker answered. */
  selectedYaml?: { uid: string; text: string };
  workerRestarts: number;
  /** Bumped to ask the graph to fit the view (fit button, `F`). */
  fitRequests: number;
  toast?: Toast;
  /** The step whose caption the user closed (the next step's caption shows again). */
  captionClosed: number;
}

export const initialSession: SessionState = {
  markers: [],
  editorTab: 'scenario',
  scenarioErrors: [],
  messages: [],
  workerRestarts: 0,
  fitRequests: 0,
  captionClosed: -2,
};

let nextMessage = 1;

export function addMessage(
  messages: Message[],
  kind: MessageKind,
  text: string,
  action?: MessageAction,
): Message[] {
  const last = messages[messages.length - 1];
  // Output of one command arrives in pieces; keep consecutive pieces of the same kind together.
  if (
    !action &&
    last &&
    !last.action &&
    last.kind === kind &&
    (kind === 'out' || kind === 'err') &&
    !last.text.endsWith('\n\n')
  ) {
    return [...messages.slice(0, -1), { ...last, text: last.text + text }];
  }
  return [...messages, { id: nextMessage++, kind, text, ...(action ? { action } : {}) }].slice(
    -MAX_MESSAGES,
  );
}
