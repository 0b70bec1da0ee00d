import { highlightPieces, type HighlightRange } from '@parley/shared';

/** Text with the matched words in <mark>; rendered as text nodes, never parsed as markup. */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly HighlightRange[] }) {
  return (
    <>
      {highlightPieces(text, ranges).map((piece, i) => (piece.match ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
    </>
  );
}
