import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A Map-backed localStorage for Node. */
function fakeStorage(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    dump: () => Object.fromEntries(m),
  };
}

async function load(initial: Record<string, string>) {
  const storage = fakeStorage(initial);
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  return { text: await import('./text'), storage };
}

describe('editor text', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('a borrowed text (from a link) is never saved until edited', async () => {
    const { text, storage } = await load({ 'kubeplay.editor.v1': 'mine' });
    text.borrowText('shared');
    expect(text.getText()).toBe('shared');
    expect(text.recoverableText()).toBe('mine');
    text.setText('shared'); // the editor echoing what it was given
    vi.runAllTimers();
    text.flushText();
    expect(storage.dump()['kubeplay.editor.v1']).toBe('mine');
  });

  it('the first edit of a borrowed text saves it and keeps the old text as a backup', async () => {
    const { text, storage } = await load({ 'kubeplay.editor.v1': 'mine' });
    const edits = vi.fn();
    text.onEdit(edits);
    text.borrowText('shared');
    text.setText('shared, edited');
    vi.runAllTimers();
    expect(storage.dump()).toEqual({
      'kubeplay.editor.v1': 'shared, edited',
      'kubeplay.editor.backup.v1': 'mine',
    });
    expect(edits).toHaveBeenCalledTimes(1);
    expect(text.recoverableText()).toBe('mine');
  });

  it('nothing to recover when nothing was displaced', async () => {
    const { text } = await load({});
    expect(text.recoverableText()).toBeUndefined();
    text.setText('typed');
    expect(text.recoverableText()).toBeUndefined();
  });
});
