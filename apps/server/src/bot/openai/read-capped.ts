/** Thrown when a response body is larger than we are willing to hold in memory. */
export class BodyTooLargeError extends Error {
  constructor(maxBytes: number) {
    super(`response body larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The body as text, refusing more than `maxBytes`: a misbehaving endpoint must not be able to
 * make the server buffer an unbounded answer.
 */
export async function readCappedText(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
