// Case-insensitive search in text shown to people (chat, transcripts): matching and splitting, so a
// hit can be highlighted with plain spans, never by building HTML.

export interface TextPart {
  text: string;
  match: boolean;
}

function pattern(query: string, flags: string): RegExp | null {
  const trimmed = query.trim();
  if (!trimmed) return null;
  return new RegExp(trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
}

/** A matcher for `query` (trimmed, any case); null when there is nothing to look for. */
export function textMatcher(query: string): ((text: string) => boolean) | null {
  const regex = pattern(query, 'iu');
  return regex && ((text) => regex.test(text));
}

/** `text` cut around every match of `query`; one unmatched part when there is none. */
export function splitMatches(text: string, query: string): TextPart[] {
  const regex = pattern(query, 'giu');
  if (!regex) return [{ text, match: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(regex)) {
    if (found.index > last) parts.push({ text: text.slice(last, found.index), match: false });
    parts.push({ text: found[0], match: true });
    last = found.index + found[0].length;
  }
  if (last < text.length || parts.length === 0)
    parts.push({ text: text.slice(last), match: false });
  return parts;
}
