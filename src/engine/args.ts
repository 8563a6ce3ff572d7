/**
 * Turns a command's argument string into named fields: positional words by the command's layout
 * (a name ending in `*` takes the rest), and `key:value` / `key:"two words"` options it declares.
 */
export interface ArgLayout {
  positional: readonly string[];
  options?: readonly string[];
}

const TOKEN = /(\w+):"([^"]*)"|"([^"]*)"|\S+/g;

interface Token {
  raw: string;
  start: number;
  option?: { key: string; value: string };
  word?: string;
}

function tokenize(raw: string, options: readonly string[]): Token[] {
  const tokens: Token[] = [];
  for (const m of raw.matchAll(TOKEN)) {
    const start = m.index;
    if (m[1] !== undefined && options.includes(m[1].toLowerCase())) {
      tokens.push({ raw: m[0], start, option: { key: m[1].toLowerCase(), value: m[2] ?? '' } });
      continue;
    }
    const colon = /^(\w+):(.+)$/.exec(m[0]);
    if (colon?.[1] && colon[2] && options.includes(colon[1].toLowerCase())) {
      tokens.push({ raw: m[0], start, option: { key: colon[1].toLowerCase(), value: colon[2] } });
      continue;
    }
    tokens.push({ raw: m[0], start, word: m[3] ?? m[0] });
  }
  return tokens;
}

export function layoutArgs(raw: string, layout: ArgLayout): Record<string, string> {
  const options = layout.options ?? [];
  const tokens = tokenize(raw, options);
  const out: Record<string, string> = {};
  for (const t of tokens) if (t.option) out[t.option.key] = t.option.value.trim();
  const words = tokens.filter((t) => t.word !== undefined);
  let i = 0;
  for (const name of layout.positional) {
    if (i >= words.length) break;
    if (name.endsWith('*')) {
      const rest = words.slice(i);
      // Without options the rest is taken verbatim (a comment keeps its line breaks and colons).
      const first = rest[0];
      out[name.slice(0, -1)] = options.length === 0 && first ? raw.slice(first.start).trim() : rest.map((w) => w.word).join(' ');
      i = words.length;
      break;
    }
    out[name] = words[i]?.word ?? '';
    i++;
  }
  if (i < words.length)
    out._extra = words
      .slice(i)
      .map((w) => w.word)
      .join(' ');
  return out;
}
