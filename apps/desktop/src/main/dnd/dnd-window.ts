/** How long "do not disturb" lasts, as the tray menu offers it. */
export type DndChoice = 'half-hour' | 'hour' | 'tomorrow';

/** "Until tomorrow" ends at this local hour of the next day, when the working day starts. */
export const tomorrowHour = 9;

/** When a pause chosen at `now` ends, in local time. */
export function dndEnd(choice: DndChoice, now: Date): Date {
  switch (choice) {
    case 'half-hour':
      return new Date(now.getTime() + 30 * 60_000);
    case 'hour':
      return new Date(now.getTime() + 60 * 60_000);
    case 'tomorrow': {
      // Calendar arithmetic in local time, so a daylight-saving change overnight still ends at 9:00.
      const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, tomorrowHour, 0, 0, 0);
      return end;
    }
  }
}

/** The end of a pause that still runs at `now`; null when there is none or it is over. */
export function runningPause(until: Date | null, now: Date): Date | null {
  return until !== null && until.getTime() > now.getTime() ? until : null;
}

/** "until 15:30", or "until tomorrow 09:00" when it ends on another day. */
export function pauseLabel(until: Date, now: Date, formatTime: (date: Date) => string): string {
  const sameDay = until.getFullYear() === now.getFullYear() && until.getMonth() === now.getMonth() && until.getDate() === now.getDate();
  return sameDay ? `until ${formatTime(until)}` : `until tomorrow ${formatTime(until)}`;
}
