import { Fragment } from 'react';
import { splitMatches } from './text-match';

/** Text with every match of `query` marked: React text nodes and <mark>, never HTML. */
export function HighlightedText({ text, query }: { text: string; query: string }) {
  return splitMatches(text, query).map((part, index) =>
    part.match ? (
      <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-700">
        {part.text}
      </mark>
    ) : (
      <Fragment key={index}>{part.text}</Fragment>
    ),
  );
}
