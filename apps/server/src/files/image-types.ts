/** Types shown inline (and given a thumbnail); every other type is only ever downloaded. */
export const inlineImageTypes = new Map([
  ['image/png', 'png'],
  ['image/jpeg', 'jpeg'],
  ['image/gif', 'gif'],
  ['image/webp', 'webp'],
] as const);

export type InlineFormat = 'png' | 'jpeg' | 'gif' | 'webp';

/** Names that promise an image: their content must be one. */
export const imageExtensions = new Set(['png', 'jpg', 'jpeg', 'jpe', 'gif', 'webp']);

export function isInlineImage(type: string): boolean {
  return inlineImageTypes.has(type as never);
}
