/** `C-1042` ↔ 1042: the short reference people read out and type. */
export const formatCandidateRef = (ref: number): string => `C-${ref}`;

export function parseCandidateRef(text: string): number | null {
  const match = /^\s*C?-?(\d{1,9})\s*$/i.exec(text);
  return match ? Number(match[1]) : null;
}
