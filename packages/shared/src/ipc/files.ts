import { z } from 'zod';
import { fileIdSchema } from '../schemas/files.js';
import { idSchema } from '../schemas/common.js';
import { defineInvoke } from './contract.js';

/** Where an upload goes: the room with a user, or a group (never the bot chat). */
export const uploadTargetSchema = z.union([
  z.object({ otherUserId: idSchema }).strict(),
  z.object({ groupId: idSchema }).strict(),
]);
export type UploadTarget = z.infer<typeof uploadTargetSchema>;

export const uploadIdSchema = z.string().min(1).max(64);

export const uploadRequestSchema = z
  .object({
    uploadId: uploadIdSchema,
    target: uploadTargetSchema,
    name: z.string().max(1024),
    type: z.string().max(255),
    bytes: z.instanceof(Uint8Array),
  })
  .strict();
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

/** How far an upload is, as the uploading side sees it. */
export interface UploadProgress {
  uploadId: string;
  sent: number;
  total: number;
}

/** A file to save: its download link and the name to suggest. */
export const downloadRequestSchema = z.object({ url: z.url(), name: z.string().max(1024) }).strict();
export type DownloadRequest = z.infer<typeof downloadRequestSchema>;

export const filesIpc = {
  upload: defineInvoke('files', 'upload', z.tuple([uploadRequestSchema])),
  cancelUpload: defineInvoke('files', 'cancelUpload', z.tuple([uploadIdSchema])),
  discard: defineInvoke('files', 'discard', z.tuple([fileIdSchema])),
  links: defineInvoke('files', 'links', z.tuple([z.array(fileIdSchema).min(1).max(100)])),
  download: defineInvoke('files', 'download', z.tuple([downloadRequestSchema])),
} as const;
