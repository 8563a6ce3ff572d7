/**
 * Control characters in text that people type: C0 controls except tab, line feed and carriage
 * return, and DEL. PostgreSQL refuses U+0000 in text outright (the whole statement fails), and
 * none of them belongs in a name, a comment, an email or a search.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Removes them: for chat text, where dropping an invisible character changes nothing a person meant. */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

export function hasControlCharacter(text: string): boolean {
  CONTROL_CHARACTERS.lastIndex = 0;
  return CONTROL_CHARACTERS.test(text);
}

/** Where the first control character in a JSON-like value is, e.g. `{ path: ['comment'], codePoint: 'U+0000' }`. */
export interface ControlCharacterFound {
  path: string[];
  codePoint: string;
}

/** Walks strings, arrays and plain objects (keys too); null when the value is clean. */
export function findControlCharacter(value: unknown, path: string[] = []): ControlCharacterFound | null {
  if (typeof value === 'string') {
    CONTROL_CHARACTERS.lastIndex = 0;
    const match = CONTROL_CHARACTERS.exec(value);
    if (!match) return null;
    const code = match[0].charCodeAt(0);
    return { path, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findControlCharacter(item, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findControlCharacter(key, [...path, key]) ?? findControlCharacter(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
