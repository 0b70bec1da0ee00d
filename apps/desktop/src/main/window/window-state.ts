import { z } from 'zod';

const rectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});
export type Rect = z.infer<typeof rectSchema>;

const windowStateSchema = rectSchema.extend({ maximized: z.boolean() });
export type WindowState = z.infer<typeof windowStateSchema>;

/** The window's place on each display it was last on, and which display that was. */
export const windowStatesSchema = z.object({
  last: z.string().nullable(),
  byDisplay: z.record(z.string(), windowStateSchema),
});
export type WindowStates = z.infer<typeof windowStatesSchema>;

export interface DisplayArea {
  /** Electron's `Display.id`, as a string (the key under which a place is kept). */
  key: string;
  workArea: Rect;
}

export interface WindowPlacement {
  bounds: Partial<Rect> & { width: number; height: number };
  maximized: boolean;
}

/** Fits a rectangle inside an area: no larger than it (nor smaller than the minimum), and fully on it. */
export function clampToArea(rect: Rect, area: Rect, minimum: { width: number; height: number }): Rect {
  const width = Math.max(Math.min(rect.width, area.width), Math.min(minimum.width, area.width));
  const height = Math.max(Math.min(rect.height, area.height), Math.min(minimum.height, area.height));
  const x = Math.min(Math.max(rect.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(rect.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/**
 * Where the window opens: where it last was, on the display it last was on, when that display is
 * still connected (clamped to its work area, which may have shrunk). Otherwise the size it had on
 * the display it remembers and centred on the primary one, or the default size and Electron's
 * own centring when nothing is remembered.
 */
export function placeWindow(
  states: WindowStates,
  displays: readonly DisplayArea[],
  primaryKey: string,
  defaults: { width: number; height: number; minWidth: number; minHeight: number },
): WindowPlacement {
  const minimum = { width: defaults.minWidth, height: defaults.minHeight };
  const remembered = states.last === null ? undefined : states.byDisplay[states.last];
  const lastDisplay = displays.find((d) => d.key === states.last);
  if (remembered && lastDisplay) {
    return { bounds: clampToArea(remembered, lastDisplay.workArea, minimum), maximized: remembered.maximized };
  }
  const primary = displays.find((d) => d.key === primaryKey) ?? displays[0];
  const onPrimary = states.byDisplay[primaryKey] ?? remembered;
  if (!primary || !onPrimary) return { bounds: { width: defaults.width, height: defaults.height }, maximized: false };
  const area = primary.workArea;
  const centred = {
    x: area.x + Math.round((area.width - onPrimary.width) / 2),
    y: area.y + Math.round((area.height - onPrimary.height) / 2),
    width: onPrimary.width,
    height: onPrimary.height,
  };
  return { bounds: clampToArea(centred, area, minimum), maximized: onPrimary.maximized };
}

/** Remembers the window's normal (unmaximised) bounds under the display it is on now. */
export function rememberWindow(states: WindowStates, displayKey: string, bounds: Rect, maximized: boolean): WindowStates {
  return { last: displayKey, byDisplay: { ...states.byDisplay, [displayKey]: { ...bounds, maximized } } };
}
