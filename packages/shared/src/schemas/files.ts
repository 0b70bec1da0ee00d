import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

/** File limits; the server's settings may lower or raise the per-file size and the quota. */
export const fileLimits = {
  /** The most files one message carries. */
  attachmentsPerMessage: 10,
  defaultMaxUploadMb: 25,
  defaultQuotaMb: 1024,
  /** How long a download link works once issued. */
  linkTtlMs: 60 * 60 * 1000,
  /** A file uploaded but never shown in a message is removed after this long. */
  unattachedTtlMs: 24 * 60 * 60 * 1000,
  /** The longest side of a thumbnail, in pixels. */
  thumbnailMaxSide: 400,
  /** An image with more pixels than this is refused (a decompression bomb). */
  maxImagePixels: 50_000_000,
  fileNameMaxCodePoints: 200,
} as const;

/** Random, unguessable, URL-safe: 128 bits in base64url. */
export const fileIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be a file id');
export type FileId = z.infer<typeof fileIdSchema>;

/**
 * A stored file as a message carries it. `width` and `height` are present for images (shown
 * inline from a thumbnail), so a client reserves the space before the picture arrives.
 */
export const attachmentSchema = z.object({
  file_id: fileIdSchema,
  name: z.string(),
  /** The type sniffed from the bytes, never the one the uploader claimed. */
  type: z.string(),
  size: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentIdsSchema = z
  .array(fileIdSchema)
  .max(fileLimits.attachmentsPerMessage, `must hold at most ${fileLimits.attachmentsPerMessage} files`)
  .refine((ids) => new Set(ids).size === ids.length, 'must not name a file twice');

/** Where an upload is going: the room with another user, or a group. */
export const uploadQuerySchema = z.union([
  z.object({ other_user_id: z.string().regex(/^[1-9][0-9]*$/, 'must be a positive integer').transform(Number) }),
  z.object({ chat_group_id: z.string().regex(/^[1-9][0-9]*$/, 'must be a positive integer').transform(Number) }),
]);

export const uploadResponseSchema = z.object({ file: attachmentSchema });
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

/** Links that open a file without headers (an `<img>`), valid until `expires_at`. */
export const fileLinkSchema = z.object({
  file_id: fileIdSchema,
  url: z.string(),
  /** Images only: a small version for the message list. */
  thumbnail_url: z.string().nullable(),
  /** The same file with `Content-Disposition: attachment`, for a download button. */
  download_url: z.string(),
  expires_at: timestampSchema,
});
export type FileLink = z.infer<typeof fileLinkSchema>;

export const fileResponseSchema = z.object({ file: attachmentSchema, link: fileLinkSchema });
export type FileResponse = z.infer<typeof fileResponseSchema>;

export const fileLinksRequestSchema = z.object({
  file_ids: z.array(fileIdSchema).min(1).max(100),
});
/** The links of the files the caller may read; the others are left out. */
export const fileLinksResponseSchema = z.object({ links: z.array(fileLinkSchema) });
export type FileLinksResponse = z.infer<typeof fileLinksResponseSchema>;

/** The conversation a file was uploaded to, as stored. */
export const fileTargetSchema = z.union([
  z.object({ other_user_id: idSchema }),
  z.object({ chat_group_id: idSchema }),
]);
