import { History, Info, MessageCircle, Phone, StickyNote } from 'lucide-react';
import { useSearchParams } from 'react-router';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { useCandidateProfile } from '@/data/candidates/candidate-profile-query';
import { useCandidate } from '@/data/candidates/candidate-query';
import { useCandidateRefresh } from '@/data/candidates/candidate-refresh';
import { useConversation } from '@/data/chat/chat-pages-query';
import { CallHistoryView } from '@/features/calls/call-history-view';
import { CandidateDialogHeader } from '@/features/candidates/candidate-dialog-header';
import { CandidateInfoTab } from '@/features/candidates/candidate-info-tab';
import { NotesTab } from '@/features/candidates/notes-tab';
import { TimelineTab } from '@/features/candidates/timeline-tab';
import { WhatsAppChatView } from '@/features/chat/whatsapp-chat-view';
import {
  CANDIDATE_PARAM,
  candidateFocusOf,
  candidateTabOf,
  withCandidate,
  withoutCandidate,
  type CandidateFocus,
  type CandidateTab,
} from '@/lib/candidate-link';
import { normalizePhone, type PhoneError } from '@/lib/normalizers';
import { cn } from '@/lib/utils';

const TABS: { value: CandidateTab; label: string; icon: typeof Info }[] = [
  { value: 'info', label: 'Info', icon: Info },
  { value: 'notes', label: 'Notes', icon: StickyNote },
  { value: 'chat', label: 'WhatsApp Chat', icon: MessageCircle },
  { value: 'calls', label: 'Calls', icon: Phone },
  { value: 'timeline', label: 'Timeline', icon: History },
];

function whyNotAPhone(reason: PhoneError): string {
  if (reason === 'empty') return 'is empty';
  if (reason === 'not a phone number') return "isn't a phone number";
  return `is ${reason} for a phone number`;
}

/**
 * Everything about one candidate, over any page: opened and closed through the URL
 * (`?candidate=+447853723604&tab=chat`), so a link or Back reopens it where it was.
 */
export default function CandidateDetailDialog() {
  const [params, setParams] = useSearchParams();
  const requested = params.get(CANDIDATE_PARAM) ?? '';
  const phone = normalizePhone(requested);
  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) setParams((current) => withoutCandidate(current));
      }}
    >
      <DialogContent
        className={cn(phone.ok && 'h-[min(56rem,calc(100dvh-2rem))] max-w-5xl')}
        onOpenAutoFocus={(event) => {
          // Start on the open tab (arrow keys move between tabs) rather than on Refresh.
          const tab = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>(
            '[role="tab"][aria-selected="true"]',
          );
          if (tab) {
            event.preventDefault();
            tab.focus();
          }
        }}
      >
        {phone.ok ? (
          <CandidateDetail phone={phone.e164} />
        ) : (
          <DialogHeader className="border-b-0">
            <DialogTitle>Can't open this candidate</DialogTitle>
            <DialogDescription>
              The link asks for "{requested.slice(0, 40)}", which {whyNotAPhone(phone.reason)}. Open
              the candidate again from the candidates list.
            </DialogDescription>
          </DialogHeader>
        )}
      </DialogContent>
    </Dialog>
  );
}

function CandidateDetail({ phone }: { phone: string }) {
  const [params, setParams] = useSearchParams();
  const tab = candidateTabOf(params);
  const focus = candidateFocusOf(params);
  const profile = useCandidateProfile(phone);
  // The conversation comes apart from the profile, newest page first: a long one is megabytes.
  const conversation = useConversation(phone);
  const candidate = useCandidate(phone);
  const candidateId = candidate.data?.id ?? null;
  const { refresh, refreshing } = useCandidateRefresh(phone, candidateId);

  // Tab clicks replace the history entry; opening something from the timeline is a step Back undoes.
  const show = (next: CandidateTab, nextFocus: CandidateFocus = {}, replace = true) =>
    setParams(
      (current) => withCandidate(current, current.get(CANDIDATE_PARAM) ?? phone, next, nextFocus),
      { replace },
    );

  const profileState = {
    data: profile.data,
    error: profile.error,
    onRetry: () => void profile.refetch(),
  };
  const candidateState = {
    data: candidate.data,
    error: candidate.error,
    onRetry: () => void candidate.refetch(),
  };

  return (
    <>
      <CandidateDialogHeader
        phone={phone}
        candidate={candidate.data}
        profile={profile.data}
        onRefresh={() => void refresh()}
        refreshing={refreshing}
      />
      <Tabs
        value={tab}
        onValueChange={(value) => show(value as CandidateTab)}
        className="flex min-h-0 flex-1 flex-col"
      >
        <TabsList className="mx-5 mt-3 w-fit max-w-[calc(100%-2.5rem)] shrink-0">
          {TABS.map(({ value, label, icon: Icon }) => (
            <TabsTrigger key={value} value={value}>
              <Icon aria-hidden="true" />
              {label}
            </TabsTrigger>
          ))}
        </TabsList>
        <TabsContent value="info" className="min-h-0 flex-1 overflow-y-auto p-5">
          <CandidateInfoTab candidate={candidateState} profile={profileState} />
        </TabsContent>
        <TabsContent value="notes" className="min-h-0 flex-1 overflow-y-auto p-5">
          <NotesTab candidate={candidateState} />
        </TabsContent>
        <TabsContent value="chat" className="flex min-h-0 flex-1 flex-col p-5">
          <WhatsAppChatView
            key={focus.message}
            className="flex-1"
            messages={conversation.messages}
            older={conversation.older}
            phone={phone}
            isLoading={conversation.isPending && !conversation.error}
            error={conversation.error}
            onRetry={conversation.retry}
            focusMessageId={focus.message ?? null}
          />
        </TabsContent>
        <TabsContent value="calls" className="min-h-0 flex-1 overflow-y-auto p-5">
          <CallHistoryView
            calls={profile.data?.callHistory}
            phone={phone}
            isLoading={profile.isPending && !profile.isError}
            error={profile.error}
            onRetry={profileState.onRetry}
            openTranscriptId={focus.call ?? null}
            onOpenTranscriptChange={(call) => show('calls', call ? { call } : {})}
            transcriptFind={focus.find ?? null}
          />
        </TabsContent>
        <TabsContent value="timeline" className="min-h-0 flex-1 overflow-y-auto p-5">
          <TimelineTab
            profile={profileState}
            conversation={conversation}
            candidateId={candidateId}
            onOpen={(target) =>
              show(
                target.tab,
                target.tab === 'chat'
                  ? { message: target.message }
                  : target.tab === 'calls'
                    ? { call: target.call }
                    : {},
                false,
              )
            }
          />
        </TabsContent>
      </Tabs>
    </>
  );
}
