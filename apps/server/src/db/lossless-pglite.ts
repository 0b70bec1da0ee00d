import { messages as protocol, PGlite, type ExecProtocolOptions, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

type BackendMessage = protocol.BackendMessage;

// PGlite decodes every column value with a default `TextDecoder`, which takes a leading U+FEFF
// for a byte-order mark and drops it: a message "\uFEFFhi" would come back as "hi". This decoder
// keeps it, so a value reads back exactly as PostgreSQL stored it.
const keepEveryCodePoint = new TextDecoder('utf-8', { ignoreBOM: true });
const bomBytes = [0xef, 0xbb, 0xbf] as const;
const dataRowType = 0x44; // 'D'

function isDataRow(message: BackendMessage): message is protocol.DataRowMessage {
  return message instanceof protocol.DataRowMessage;
}

function startsWithBom(bytes: Uint8Array, at: number, length: number): boolean {
  return length >= 3 && bytes[at] === bomBytes[0] && bytes[at + 1] === bomBytes[1] && bytes[at + 2] === bomBytes[2];
}

/**
 * Walks the raw backend messages next to the ones PGlite parsed (the same data rows, in the same
 * order) and decodes again only the fields whose bytes start with a BOM: every other field was
 * decoded losslessly already.
 */
function restoreLeadingBoms(messages: BackendMessage[], raw: Uint8Array): void {
  const rows = messages.filter(isDataRow);
  if (rows.length === 0 || raw.byteLength === 0) return;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  let rowIndex = 0;
  for (let at = 0; at + 5 <= raw.byteLength && rowIndex < rows.length; ) {
    const type = raw[at];
    const length = view.getInt32(at + 1);
    const end = at + 1 + length;
    if (type === dataRowType) {
      const row = rows[rowIndex++]!;
      const count = view.getInt16(at + 5);
      let field = at + 7;
      for (let i = 0; i < count; i++) {
        const size = view.getInt32(field);
        field += 4;
        if (size > 0 && startsWithBom(raw, field, size)) {
          row.fields[i] = keepEveryCodePoint.decode(raw.subarray(field, field + size));
        }
        if (size > 0) field += size;
      }
    }
    at = end;
  }
}

/**
 * PGlite with every text value read back as stored, and the extensions our migrations create
 * (pg_trgm for the bot's text search). Every query, exec and transaction statement goes through
 * `execProtocolStream`; it is answered here from `execProtocol`, which returns the raw bytes too.
 */
export class LosslessPGlite extends PGlite {
  constructor(options: Omit<PGliteOptions, 'extensions'>) {
    super({ ...options, extensions: { pg_trgm } });
  }

  override async execProtocolStream(message: Uint8Array, options?: ExecProtocolOptions): Promise<BackendMessage[]> {
    const { messages, data } = await this.execProtocol(message, options);
    restoreLeadingBoms(messages, data);
    return messages;
  }
}
