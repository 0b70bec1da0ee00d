import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PreferencesStore, defaultPreferences } from '../../src/main/preferences/preferences-store.js';

const fileIn = async () => join(await mkdtemp(join(tmpdir(), 'parley-prefs-')), 'preferences.json');

describe('desktop preferences', () => {
  it('start from the defaults: no pause, not at login, 100 %, no remembered place', async () => {
    expect(await new PreferencesStore(await fileIn()).read()).toEqual(defaultPreferences);
  });

  it('keep what was changed across a restart, writes landing in order', async () => {
    const file = await fileIn();
    const store = new PreferencesStore(file);
    await Promise.all([store.update({ zoomLevel: 0.5 }), store.update({ zoomLevel: 1 }), store.update({ openAtLogin: true })]);
    const again = await new PreferencesStore(file).read();
    expect(again).toMatchObject({ zoomLevel: 1, openAtLogin: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ zoomLevel: 1 });
  });

  it('a damaged value falls back alone; a damaged file falls back whole', async () => {
    const file = await fileIn();
    await writeFile(file, JSON.stringify({ dndUntil: 'tomorrow-ish', openAtLogin: true, zoomLevel: 99, windowStates: { last: 3 } }));
    expect(await new PreferencesStore(file).read()).toEqual({ ...defaultPreferences, openAtLogin: true });
    await writeFile(file, '{not json');
    expect(await new PreferencesStore(file).read()).toEqual(defaultPreferences);
  });
});
