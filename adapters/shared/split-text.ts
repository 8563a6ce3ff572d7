/**
 * Splits a long text into pieces a platform accepts, so a long reply arrives whole in several
 * parts instead of cut. Breaks at a blank line, else a line end, else a space, found in the second
 * half of the room; only a single run longer than that is cut mid-word. `measure` is the size the
 * platform counts after our escaping (`&` becomes `&amp;`), so a piece fits once escaped.
 */
export function splitText(text: string, maxChars: number, measure: (s: string) => number = (s) => s.length): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (measure(rest) > maxChars) {
    let end = Math.min(rest.length, maxChars);
    // Escaping can make a piece longer than its characters: shrink until it fits.
    while (end > 1 && measure(rest.slice(0, end)) > maxChars) end = Math.max(1, Math.floor(end * 0.9));
    const cut = breakAt(rest, end);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function breakAt(s: string, end: number): number {
  if (end >= s.length) return s.length;
  const window = s.slice(0, end);
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at >= end / 2) return at + separator.length;
  }
  // No break in sight: cut, but never between the two halves of an emoji (a surrogate pair).
  const code = s.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff && end > 1 ? end - 1 : end;
}
