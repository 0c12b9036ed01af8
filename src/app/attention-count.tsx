import { useEffect } from 'react';
import { useNow } from '@/components/use-now';
import { useAttentionQueue } from '@/data/attention/attention-queries';
import { formatCount } from '@/lib/format';

const TITLE = 'Outreach Dashboard';

/** The header's live count of entries, also in the tab title: "(3) Outreach Dashboard". */
export default function AttentionCount() {
  const now = useNow(30_000);
  // The first page, not a count alone: the same request as the notifications' (one per refresh).
  const total = useAttentionQueue({}, { now }).data?.total;
  useEffect(() => {
    document.title = total ? `(${total}) ${TITLE}` : TITLE;
    return () => {
      document.title = TITLE;
    };
  }, [total]);
  if (!total) return null;
  return (
    <span className="ml-1.5 rounded-full bg-amber-700 px-1.5 text-xs font-semibold text-white">
      <span className="sr-only">, </span>
      {formatCount(total)}
      <span className="sr-only"> need a person</span>
    </span>
  );
}
