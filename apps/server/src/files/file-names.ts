import { fileLimits } from '@parley/shared';

// Controls, format characters (bidi overrides, zero-width), and what file systems reserve.
const unsafe = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"/\\|?*]/gu;

/**
 * The name a file is shown and downloaded under: the last path segment of what the uploader
 * sent, without controls, bidi tricks or reserved characters, not starting with a dot, at most
 * 200 code points (the extension kept). Never used as a path: bytes are stored by id.
 */
export function sanitizeFileName(raw: string | undefined): string {
  const last = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let name = last.replace(unsafe, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  if (name === '' || /^_+$/.test(name)) name = 'file';
  const points = [...name];
  if (points.length > fileLimits.fileNameMaxCodePoints) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 ? [...name.slice(dot)].slice(0, 16).join('') : '';
    name = points.slice(0, fileLimits.fileNameMaxCodePoints - [...ext].length).join('') + ext;
  }
  return name;
}

/** The extension of a name, lowercased, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
