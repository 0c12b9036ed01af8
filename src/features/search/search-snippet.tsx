import { snippetParts } from '@/lib/search-text';

/** A hit's snippet as text, the matched words marked; never HTML. */
export function SearchSnippet({ snippet }: { snippet: string }) {
  return (
    <span className="whitespace-pre-line">
      {snippetParts(snippet).map((part, index) =>
        part.match ? (
          <mark
            key={index}
            className="rounded-sm bg-yellow-200 px-0.5 text-foreground dark:bg-yellow-500/40"
          >
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
