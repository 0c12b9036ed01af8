import MessageSquare from 'lucide-react/icons/message-square';
import Phone from 'lucide-react/icons/phone';
import { Link, useSearchParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { StatusBadge } from '@/components/status-badge';
import type { NamedSearchPage } from '@/data/search/search-query';
import { withCandidate } from '@/lib/candidate-link';
import { formatPhone, normalizePhone } from '@/lib/normalizers';
import { firstMatch, snippetParts } from '@/lib/search-text';
import { SearchSnippet } from './search-snippet';

type Hit = NamedSearchPage['hits'][number];

interface CandidateGroup {
  key: string;
  phone: string | null;
  name: string | null;
  campaign: string | null;
  status: string | null;
  hits: Hit[];
}

/**
 * Hits grouped by candidate (a phone in any stored form is one person), each group where its
 * newest hit is: the hits come newest first.
 */
function groupByCandidate(hits: Hit[]): CandidateGroup[] {
  const groups = new Map<string, CandidateGroup>();
  for (const hit of hits) {
    const phone = normalizePhone(hit.phone);
    const key = phone.ok ? phone.e164 : `session:${hit.sessionId ?? hit.id}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        phone: phone.ok ? phone.e164 : hit.phone,
        name: hit.candidateName,
        campaign: hit.campaign,
        status: hit.status,
        hits: [],
      };
      groups.set(key, group);
    }
    group.hits.push(hit);
  }
  return [...groups.values()];
}

const SENDER_LABEL: Record<string, string> = {
  user: 'Candidate',
  agent: 'Agent',
  system: 'System',
  tool: 'Tool',
};

function hitLink(params: URLSearchParams, phone: string, hit: Hit): string {
  const focus =
    hit.kind === 'message'
      ? withCandidate(params, phone, 'chat', { message: Number(hit.id) })
      : withCandidate(params, phone, 'calls', {
          call: hit.id,
          find: firstMatch(snippetParts(hit.snippet)) ?? undefined,
        });
  return `?${focus.toString()}`;
}

export function SearchResults({ hits }: { hits: Hit[] }) {
  const [params] = useSearchParams();
  return (
    <ol className="grid gap-4" aria-label="Results by candidate">
      {groupByCandidate(hits).map((group) => (
        <li key={group.key} className="rounded-xl border bg-card">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b px-4 py-3">
            <h2 className="font-medium">
              {group.name ?? (group.phone ? formatPhone(group.phone) : 'Unknown number')}
            </h2>
            {group.name && group.phone && (
              <span className="text-sm text-muted-foreground">{formatPhone(group.phone)}</span>
            )}
            {group.campaign && (
              <span className="text-sm text-muted-foreground">{group.campaign}</span>
            )}
            <StatusBadge status={group.status} />
          </div>
          <ul className="divide-y">
            {group.hits.map((hit) => {
              const Icon = hit.kind === 'message' ? MessageSquare : Phone;
              const what =
                hit.kind === 'message'
                  ? `Message${hit.sender ? ` · ${SENDER_LABEL[hit.sender] ?? hit.sender}` : ''}`
                  : 'Call';
              const content = (
                <>
                  <span className="flex items-center gap-2 text-xs text-muted-foreground">
                    <Icon aria-hidden="true" className="size-3.5" />
                    <span>{what}</span>
                    <span aria-hidden="true">·</span>
                    <DateTime value={hit.at} fallback="no date" />
                  </span>
                  <span className="line-clamp-3 text-sm">
                    <SearchSnippet snippet={hit.snippet} />
                  </span>
                </>
              );
              return (
                <li key={`${hit.kind}:${hit.id}`}>
                  {group.phone && normalizePhone(group.phone).ok ? (
                    <Link
                      to={hitLink(params, group.phone, hit)}
                      className="grid gap-1 px-4 py-3 outline-none hover:bg-muted/50 focus-visible:ring-[3px] focus-visible:ring-ring/50"
                      aria-label={`${what}, open ${hit.kind === 'message' ? 'in the chat' : 'its transcript'}`}
                    >
                      {content}
                    </Link>
                  ) : (
                    // No phone to open the candidate by: the hit is shown, not linked.
                    <div className="grid gap-1 px-4 py-3">{content}</div>
                  )}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
