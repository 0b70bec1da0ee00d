/**
 * Links that arrive before the app can follow them (a cold start by a link, macOS's `open-url`
 * before `ready`) wait here; a few at most, so a flood of launches cannot pile up.
 */
export class LinkInbox {
  private readonly waiting: string[] = [];
  private follow: ((link: string) => void) | null = null;

  constructor(private readonly capacity = 5) {}

  push(link: string): void {
    if (this.follow) this.follow(link);
    else if (this.waiting.length < this.capacity) this.waiting.push(link);
  }

  open(follow: (link: string) => void): void {
    this.follow = follow;
    for (const link of this.waiting.splice(0)) follow(link);
  }
}
