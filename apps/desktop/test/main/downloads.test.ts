import { describe, expect, it } from 'vitest';
import { createDownloads, type DownloadItemPort, type DownloadWindow } from '../../src/main/files/downloads.js';

/** A window that records what it was asked to download and lets a test play `will-download`. */
class FakeWindow implements DownloadWindow {
  readonly started: string[] = [];
  private listener: ((item: DownloadItemPort) => void) | null = null;
  listeners = 0;

  downloadURL(url: string): void {
    this.started.push(url);
  }

  onWillDownload(listener: (item: DownloadItemPort) => void): void {
    this.listeners += 1;
    this.listener = listener;
  }

  willDownload(url: string) {
    const item = { url, dialog: null as { title: string; defaultPath: string } | null, cancelled: false };
    this.listener?.({
      getURL: () => url,
      setSaveDialogOptions: (options) => {
        item.dialog = options;
      },
      cancel: () => {
        item.cancelled = true;
      },
    });
    return item;
  }
}

const server = 'http://chat.example:3000';
const link = `${server}/files/AAAAAAAAAAAAAAAAAAAAAA/content?exp=1&sig=x&download=1`;

function setup() {
  const window = new FakeWindow();
  const downloads = createDownloads({ window: () => window, serverUrl: () => server, downloadsDir: () => '/home/ada/Downloads' });
  return { window, downloads };
}

describe('desktop downloads', () => {
  it("a file of the server opens the save dialog with the file's name in the downloads folder", () => {
    const { window, downloads } = setup();
    expect(downloads.download({ url: link, name: 'minutes.txt' })).toEqual({ ok: true, value: null });
    expect(window.started).toEqual([link]);
    const item = window.willDownload(link);
    expect(item.dialog).toEqual({ title: 'Save file', defaultPath: '/home/ada/Downloads/minutes.txt' });
    expect(item.cancelled).toBe(false);
  });

  it('the suggested name has no folders in it', () => {
    const { window, downloads } = setup();
    downloads.download({ url: link, name: '../../.bashrc' });
    expect(window.willDownload(link).dialog?.defaultPath).toBe('/home/ada/Downloads/bashrc');
  });

  it('a download nobody asked for is cancelled', () => {
    const { window, downloads } = setup();
    downloads.download({ url: link, name: 'a.txt' });
    window.willDownload(link);
    expect(window.willDownload('http://evil.example/payload.exe').cancelled).toBe(true);
    // Each request is good for one download.
    expect(window.willDownload(link).cancelled).toBe(true);
  });

  it('only links to the signed-in server’s files are followed', () => {
    const { window, downloads } = setup();
    expect(downloads.download({ url: 'http://evil.example/files/x', name: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(downloads.download({ url: `${server}/logout`, name: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(window.started).toEqual([]);
  });

  it('listens for downloads once, however many are asked for', () => {
    const { window, downloads } = setup();
    downloads.download({ url: link, name: 'a' });
    downloads.download({ url: `${link}&again`, name: 'b' });
    expect(window.listeners).toBe(1);
  });
});
