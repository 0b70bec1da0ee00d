import type { WebContents } from 'electron';
import { nextZoomLevel, zoomCommandOf } from './zoom.js';

/** Ctrl/Cmd +/−/0 on the window's page, the level remembered and put back on every load. */
export function installZoom(contents: WebContents, options: { platform: NodeJS.Platform; level: number; save: (level: number) => void }): void {
  let level = options.level;
  const apply = () => contents.setZoomLevel(level);
  contents.on('did-finish-load', apply);
  contents.on('before-input-event', (event, input) => {
    const command = zoomCommandOf(input, options.platform);
    if (!command) return;
    event.preventDefault();
    level = nextZoomLevel(level, command);
    apply();
    options.save(level);
  });
  // Ctrl + mouse wheel / pinch: the same steps.
  contents.on('zoom-changed', (_event, direction) => {
    level = nextZoomLevel(level, direction === 'in' ? 'in' : 'out');
    apply();
    options.save(level);
  });
}
