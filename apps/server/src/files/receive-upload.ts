import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { ParleyError } from '@parley/shared';
import busboy from 'busboy';
import { ingestFile, type IngestedFile } from './ingest.js';
import type { FileStore } from './storage/file-store.js';

const interrupted = () => new ParleyError('invalid_input', 'The upload was interrupted before the file was complete.');
const noFile = () =>
  new ParleyError('invalid_input', 'Send one file as multipart/form-data in a field named "file".', { fields: { file: 'is required' } });

/**
 * Reads a multipart/form-data request holding one file (field `file`) and stores it as it
 * arrives; at most `maxBytes` are accepted (`tooLarge` says why, when reached).
 */
export function receiveUpload(
  req: IncomingMessage,
  store: FileStore,
  maxBytes: number,
  tooLarge: () => ParleyError,
): Promise<IngestedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        // busboy reports its limit on reaching it: one byte more than allowed is what is too many.
        limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 1024, parts: 12 },
      });
    } catch {
      reject(new ParleyError('invalid_input', 'The request must be multipart/form-data.', { fields: { _: 'must be multipart/form-data' } }));
      return;
    }
    let file: Readable | undefined;
    let settled = false;
    // The first reason the file stream was cut, which the answer gives whatever the stages below report.
    let cut: ParleyError | undefined;
    const fail = (error: ParleyError) => {
      if (settled) return;
      // While a file is being stored, its own failure (and clean-up) answers.
      if (file) {
        cut ??= error;
        file.destroy(error);
      }
      else {
        settled = true;
        reject(error);
      }
    };

    parser.on('file', (field, stream, info) => {
      if (file || field !== 'file') {
        stream.resume();
        return;
      }
      file = stream;
      stream.once('limit', () => fail(tooLarge()));
      ingestFile(store, stream, info.filename).then(
        (stored) => {
          settled = true;
          resolve(stored);
        },
        (error: unknown) => {
          settled = true;
          reject(cut ?? error);
        },
      );
    });
    parser.once('error', () => fail(interrupted()));
    parser.once('close', () => {
      if (!file) fail(noFile());
    });
    req.once('close', () => {
      if (!req.complete) fail(interrupted());
    });
    req.pipe(parser);
  });
}
