import type { UserSummary } from '@parley/shared';

export function fullName(user: Pick<UserSummary, 'first_name' | 'last_name'>): string {
  return `${user.first_name} ${user.last_name}`.trim();
}

export function initials(user: Pick<UserSummary, 'first_name' | 'last_name'>): string {
  const first = [...user.first_name.trim()][0] ?? '';
  const last = [...user.last_name.trim()][0] ?? '';
  return (first + last).toUpperCase() || '?';
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
const dayWithYearFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });

export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** A local calendar day, as a key for day separators. */
export function dayKey(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

export function formatDay(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  const today = dayKey(now.toISOString());
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(iso) === today) return 'Today';
  if (dayKey(iso) === dayKey(yesterday.toISOString())) return 'Yesterday';
  return d.getFullYear() === now.getFullYear() ? dayFormat.format(d) : dayWithYearFormat.format(d);
}

/** A stable hue for a person's avatar, so people are easy to tell apart at a glance. */
export function avatarHue(id: number): number {
  return (id * 137) % 360;
}

/** "Not sent: <reason>." — server messages often end with their own full stop; show only one. */
export function notSentLabel(error?: string | null): string {
  const reason = error?.trim().replace(/[.!?…]+$/u, '');
  return reason ? `Not sent: ${reason}.` : 'Not sent.';
}
