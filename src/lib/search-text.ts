// The search box's rules and the search's snippets, shared by the page, the header and the API.

/** Shorter queries are not sent: two letters already match thousands of words as prefixes. */
const SEARCH_MIN_LENGTH = 2;
/** The search reads the first 200 characters (search_tsquery); the box says so beyond. */
export const SEARCH_MAX_LENGTH = 200;

/** Why a query is not searched, in words for the page; null when it is searched. */
export function searchQueryProblem(query: string): string | null {
  const trimmed = query.trim();
  if (trimmed === '') return 'Type a word, a phrase in "quotes", a name or a phone number.';
  if ([...trimmed].length < SEARCH_MIN_LENGTH)
    return `Type at least ${SEARCH_MIN_LENGTH} characters to search.`;
  return null;
}

export interface SnippetPart {
  text: string;
  /** This part is what matched the query. */
  match: boolean;
}

// search_conversations marks each match between U+0002 and U+0003 (removed from the text first,
// so no stored character can pose as a marker).
const START = '\u0002';
const STOP = '\u0003';

/** A snippet as plain-text parts, the matches marked; never HTML. */
export function snippetParts(snippet: string | null | undefined): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  for (const [index, piece] of (snippet ?? '').split(START).entries()) {
    if (index === 0) {
      push(piece.replaceAll(STOP, ''), false);
      continue;
    }
    const stop = piece.indexOf(STOP);
    if (stop < 0) push(piece, true);
    else {
      push(piece.slice(0, stop), true);
      push(piece.slice(stop + 1).replaceAll(STOP, ''), false);
    }
  }
  return parts;
}

/** The first matched words of a snippet: what to look for in the transcript the hit opens. */
export function firstMatch(parts: SnippetPart[]): string | null {
  return parts.find((part) => part.match)?.text.trim() || null;
}
