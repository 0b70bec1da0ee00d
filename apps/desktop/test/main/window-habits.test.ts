import { describe, expect, it } from 'vitest';
import { clampToArea, placeWindow, rememberWindow, type DisplayArea, type WindowStates } from '../../src/main/window/window-state.js';
import { windowDefaults } from '../../src/main/window/track-place.js';
import { nextZoomLevel, zoomCommandOf, type KeyInput } from '../../src/main/zoom/zoom.js';

const laptop: DisplayArea = { key: '1', workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitor: DisplayArea = { key: '2', workArea: { x: 1440, y: 0, width: 2560, height: 1415 } };
const none: WindowStates = { last: null, byDisplay: {} };

describe('window place per display', () => {
  it('opens at the default size, centred by Electron, when nothing is remembered', () => {
    expect(placeWindow(none, [laptop], '1', windowDefaults)).toEqual({ bounds: { width: 1100, height: 720 }, maximized: false });
  });

  it('opens where it was on the display it was last on, each display keeping its own place', () => {
    let states = rememberWindow(none, '2', { x: 1600, y: 100, width: 1800, height: 1100 }, false);
    states = rememberWindow(states, '1', { x: 40, y: 60, width: 1200, height: 800 }, true);
    expect(placeWindow(states, [laptop, monitor], '1', windowDefaults)).toEqual({ bounds: { x: 40, y: 60, width: 1200, height: 800 }, maximized: true });
    states = rememberWindow(states, '2', { x: 1600, y: 100, width: 1800, height: 1100 }, false);
    expect(placeWindow(states, [laptop, monitor], '1', windowDefaults)).toEqual({ bounds: { x: 1600, y: 100, width: 1800, height: 1100 }, maximized: false });
  });

  it('when that display is gone, comes back on the primary one, centred and fitted, never off screen', () => {
    const states = rememberWindow(none, '2', { x: 3000, y: 900, width: 1800, height: 1100 }, false);
    const placement = placeWindow(states, [laptop], '1', windowDefaults);
    expect(placement.bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
    const smaller = placeWindow(rememberWindow(none, '2', { x: 3000, y: 900, width: 1000, height: 700 }, false), [laptop], '1', windowDefaults);
    expect(smaller.bounds).toEqual({ x: 220, y: 113, width: 1000, height: 700 });
  });

  it('a display that shrank (a new resolution) still holds the whole window', () => {
    const states = rememberWindow(none, '2', { x: 3500, y: 1200, width: 1800, height: 1100 }, false);
    const shrunk: DisplayArea = { key: '2', workArea: { x: 1440, y: 0, width: 1920, height: 1040 } };
    const { bounds } = placeWindow(states, [laptop, shrunk], '1', windowDefaults);
    expect(bounds).toEqual({ x: 1560, y: 0, width: 1800, height: 1040 });
  });

  it('clamping keeps the minimum size unless the display itself is smaller', () => {
    expect(clampToArea({ x: 0, y: 0, width: 100, height: 100 }, laptop.workArea, { width: 720, height: 480 })).toEqual({ x: 0, y: 25, width: 720, height: 480 });
    expect(clampToArea({ x: 0, y: 0, width: 900, height: 900 }, { x: 0, y: 0, width: 640, height: 400 }, { width: 720, height: 480 })).toEqual({ x: 0, y: 0, width: 640, height: 400 });
  });
});

describe('zoom', () => {
  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, meta: false, alt: false, ...mods });
  it('Ctrl +, −, 0 on Windows and Linux; Cmd on a Mac', () => {
    expect(zoomCommandOf(key('=', { control: true }), 'linux')).toBe('in');
    expect(zoomCommandOf(key('+', { control: true }), 'win32')).toBe('in');
    expect(zoomCommandOf(key('-', { control: true }), 'win32')).toBe('out');
    expect(zoomCommandOf(key('0', { control: true }), 'linux')).toBe('reset');
    expect(zoomCommandOf(key('=', { meta: true }), 'darwin')).toBe('in');
    expect(zoomCommandOf(key('=', { control: true }), 'darwin')).toBeNull();
    expect(zoomCommandOf(key('=', { control: true, type: 'keyUp' }), 'linux')).toBeNull();
    expect(zoomCommandOf(key('0'), 'linux')).toBeNull();
    expect(zoomCommandOf(key('0', { control: true, alt: true }), 'linux')).toBeNull();
  });

  it('steps by half a level, stops at the ends, and 0 resets', () => {
    expect(nextZoomLevel(0, 'in')).toBe(0.5);
    expect(nextZoomLevel(0.5, 'out')).toBe(0);
    expect(nextZoomLevel(5, 'in')).toBe(5);
    expect(nextZoomLevel(-3, 'out')).toBe(-3);
    expect(nextZoomLevel(2.5, 'reset')).toBe(0);
  });
});
