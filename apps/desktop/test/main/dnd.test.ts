import { beforeEach, describe, expect, it } from 'vitest';
import { DndController, unlessPaused } from '../../src/main/dnd/dnd-controller.js';
import { trayLook } from '../../src/main/dnd/dnd-tray.js';
import { dndEnd, pauseLabel, runningPause } from '../../src/main/dnd/dnd-window.js';
import { trayView } from '../../src/main/notifications/unread-state.js';
import { trayMenuTemplate } from '../../src/main/tray/tray-menu.js';
import { trayIconPath } from '../../src/main/tray/tray-icons.js';
import { FakeTimers } from '../../../../packages/shared/test/client/fakes/fake-timers.js';

// 14:10 local time on a Wednesday.
const start = new Date(2026, 11, 2, 14, 10, 0).getTime();
const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

describe('pause windows', () => {
  const now = new Date(start);
  it('30 minutes and 1 hour count from now', () => {
    expect(dndEnd('half-hour', now).getTime() - start).toBe(30 * 60_000);
    expect(dndEnd('hour', now).getTime() - start).toBe(60 * 60_000);
  });

  it('"until tomorrow" ends at 9:00 local time the next day, also just before midnight', () => {
    const end = dndEnd('tomorrow', now);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([2026, 11, 3, 9, 0]);
    const lateOnNewYearsEve = dndEnd('tomorrow', new Date(2026, 11, 31, 23, 59));
    expect([lateOnNewYearsEve.getFullYear(), lateOnNewYearsEve.getMonth(), lateOnNewYearsEve.getDate(), lateOnNewYearsEve.getHours()]).toEqual([2027, 0, 1, 9]);
  });

  it('a pause is running only before its end', () => {
    const end = new Date(start + 1000);
    expect(runningPause(end, now)).toBe(end);
    expect(runningPause(end, new Date(start + 1000))).toBeNull();
    expect(runningPause(null, now)).toBeNull();
  });

  it('the label names the day when the pause ends on another one', () => {
    expect(pauseLabel(new Date(start + 30 * 60_000), now, hhmm)).toBe('until 14:40');
    expect(pauseLabel(dndEnd('tomorrow', now), now, hhmm)).toBe('until tomorrow 09:00');
  });
});

describe('do not disturb', () => {
  let timers: FakeTimers;
  let stored: string | null;
  let changes: (Date | null)[];
  let dnd: DndController;
  const make = () =>
    new DndController({
      now: () => new Date(start + timers.now),
      timers,
      load: () => Promise.resolve(stored),
      save: (until) => {
        stored = until;
        return Promise.resolve();
      },
      changed: (until) => changes.push(until),
    });
  beforeEach(() => {
    timers = new FakeTimers();
    stored = null;
    changes = [];
    dnd = make();
  });

  it('a pause holds notifications back, is remembered, and ends by itself', async () => {
    const shown: string[] = [];
    const show = unlessPaused(dnd, (n: string) => shown.push(n));
    await dnd.pause('half-hour');
    show('during');
    expect(shown).toEqual([]);
    expect(stored).toBe(new Date(start + 30 * 60_000).toISOString());
    timers.advance(30 * 60_000);
    await Promise.resolve();
    expect(dnd.paused).toBe(false);
    expect(stored).toBeNull();
    expect(changes.at(-1)).toBeNull();
    show('after');
    expect(shown).toEqual(['after']);
  });

  it('a pause survives a restart, and one that ended while the app was closed is dropped', async () => {
    await dnd.pause('hour');
    const again = make();
    await again.restore();
    expect(again.pausedUntil?.getTime()).toBe(start + 60 * 60_000);

    stored = new Date(start - 1).toISOString();
    const late = make();
    await late.restore();
    expect(late.paused).toBe(false);
    expect(stored).toBeNull();
  });

  it('the clock decides even when the timer is late (the computer slept)', async () => {
    await dnd.pause('half-hour');
    timers.now += 31 * 60_000; // time passed, no timer ran
    expect(dnd.paused).toBe(false);
  });

  it('resuming early ends the pause and its timer; a new choice replaces the old one', async () => {
    await dnd.pause('tomorrow');
    await dnd.pause('half-hour');
    expect(timers.scheduled).toEqual([30 * 60_000]);
    await dnd.resume();
    expect(timers.scheduled).toEqual([]);
    expect(dnd.paused).toBe(false);
  });
});

describe('the tray while paused', () => {
  it('keeps the unread count and badge, says until when, and draws the paused glyph', () => {
    const look = trayLook(trayView(3), 'until 14:40');
    expect(look).toEqual({ icon: 'unread', badgeCount: 3, paused: true, tooltip: 'Parley — 3 unread — notifications paused until 14:40' });
    expect(trayLook(trayView(0), null)).toEqual({ icon: 'idle', badgeCount: 0, paused: false, tooltip: 'Parley' });
    expect(trayIconPath('/icons', 'dark', true, true)).toBe('/icons/tray-dark-paused-unread.png');
    expect(trayIconPath('/icons', 'light', false)).toBe('/icons/tray-light.png');
  });

  const calls: string[] = [];
  const act = {
    open: () => calls.push('open'),
    pause: (choice: string) => calls.push(`pause ${choice}`),
    resume: () => calls.push('resume'),
    restartToUpdate: () => calls.push('restart'),
    setOpenAtLogin: (on: boolean) => calls.push(`login ${on}`),
    quit: () => calls.push('quit'),
  };
  type Item = { label?: string; click?: () => void; submenu?: Item[]; enabled?: boolean; type?: string };
  const find = (items: Item[], label: string): Item | undefined => items.flatMap((i) => [i, ...(i.submenu ?? [])]).find((i) => i.label === label);

  it('offers 30 minutes, 1 hour and until tomorrow, then only "Resume" while paused', () => {
    const menu = trayMenuTemplate({ pausedLabel: null, updateReady: false, openAtLogin: false }, act) as Item[];
    for (const label of ['For 30 minutes', 'For 1 hour', 'Until tomorrow']) find(menu, label)?.click?.();
    expect(calls).toEqual(['pause half-hour', 'pause hour', 'pause tomorrow']);
    expect(find(menu, 'Resume notifications')).toBeUndefined();
    expect(find(menu, 'Restart to update')).toBeUndefined();

    const paused = trayMenuTemplate({ pausedLabel: 'until 14:40', updateReady: true, openAtLogin: true }, act) as Item[];
    expect(find(paused, 'Notifications paused until 14:40')?.enabled).toBe(false);
    expect(find(paused, 'Pause notifications')).toBeUndefined();
    find(paused, 'Resume notifications')?.click?.();
    find(paused, 'Restart to update')?.click?.();
    expect(calls.slice(-2)).toEqual(['resume', 'restart']);
  });
});
