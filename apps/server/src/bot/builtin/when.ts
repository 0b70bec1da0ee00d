// Times are written in UTC: the server does not know the user's time zone, and saying so is more
// honest than guessing. It also keeps every reply deterministic for a given `now`.
const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const dayMs = 24 * 60 * 60 * 1000;

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function clock(at: Date): string {
  return `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`;
}

function utcDayNumber(at: Date): number {
  return Math.floor(at.getTime() / dayMs);
}

/** "Wednesday, 25 November 2026, 16:31 UTC" */
export function formatNow(now: Date): string {
  const day = days[now.getUTCDay()] ?? '';
  const month = monthNames[now.getUTCMonth()] ?? '';
  return `${day}, ${now.getUTCDate()} ${month} ${now.getUTCFullYear()}, ${clock(now)} UTC`;
}

/** A past moment relative to `now`: "today 14:02", "yesterday 09:15", "3 Nov 14:02", "3 Nov 2025". */
export function formatWhen(at: Date, now: Date): string {
  if (Number.isNaN(at.getTime())) return 'at an unknown time';
  const daysAgo = utcDayNumber(now) - utcDayNumber(at);
  if (daysAgo === 0) return `today ${clock(at)}`;
  if (daysAgo === 1) return `yesterday ${clock(at)}`;
  const date = `${at.getUTCDate()} ${months[at.getUTCMonth()] ?? ''}`;
  if (at.getUTCFullYear() === now.getUTCFullYear()) return `${date} ${clock(at)}`;
  return `${date} ${at.getUTCFullYear()}`;
}
