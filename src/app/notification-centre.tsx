import Bell from 'lucide-react/icons/bell';
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { useNow } from '@/components/use-now';
import type { Fired } from '@/data/attention/notify';
import { useAttentionNotifier } from '@/data/attention/use-attention-notifier';
import { useAllCampaignStats } from '@/data/campaigns/campaign-stats-query';
import { withCandidate } from '@/lib/candidate-link';
import { formatDateTime } from '@/lib/format';

function BrowserNotifications({ notifier }: { notifier: ReturnType<typeof useAttentionNotifier> }) {
  const { permission, prefs } = notifier;
  if (permission === 'unsupported')
    return <p className="text-sm text-muted-foreground">This browser cannot show notifications.</p>;
  if (permission === 'denied')
    return (
      <p className="text-sm text-muted-foreground">
        Notifications are blocked for this site in the browser&rsquo;s settings.
      </p>
    );
  const on = prefs.enabled && permission === 'granted';
  return (
    <div className="flex items-center justify-between gap-2">
      <p className="text-sm">
        {on ? 'Browser notifications are on.' : 'Browser notifications are off.'}
      </p>
      <Button
        size="sm"
        variant="outline"
        onClick={() => (on ? notifier.disable() : void notifier.enable())}
      >
        {on ? 'Turn off' : 'Turn on'}
      </Button>
    </div>
  );
}

function CampaignChoice({ notifier }: { notifier: ReturnType<typeof useAttentionNotifier> }) {
  const stats = useAllCampaignStats();
  const names = [...new Set((stats.data ?? []).map((s) => s.campaign))].sort();
  const chosen = notifier.prefs.campaigns;
  if (!names.length) return null;
  return (
    <fieldset className="grid gap-1">
      <legend className="mb-1 text-sm font-medium">
        Your campaigns{' '}
        <span className="font-normal text-muted-foreground">(none chosen: every campaign)</span>
      </legend>
      {names.map((name) => (
        <label key={name} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={chosen.includes(name)}
            onChange={(e) =>
              notifier.setCampaigns(
                e.target.checked ? [...chosen, name] : chosen.filter((c) => c !== name),
              )
            }
          />
          {name}
        </label>
      ))}
      <p className="text-xs text-muted-foreground">Entries assigned to you are always told.</p>
    </fieldset>
  );
}

/**
 * The header's notification centre (issue 18): what the attention notifications said, newest
 * first and kept across reloads, so nothing is missed while the tab was hidden or notifications
 * were off; the switch for browser notifications and the campaigns they cover.
 */
export default function NotificationCentre() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const now = useNow(30_000);
  const open = (fired: Fired) => {
    if (fired.phone)
      void navigate({ search: withCandidate(params, fired.phone, 'chat').toString() });
    else void navigate('/attention');
  };
  const notifier = useAttentionNotifier({ onOpen: open, now });
  const [shown, setShown] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Escape or a click outside closes the panel; focus goes back to the bell.
  useEffect(() => {
    if (!shown) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setShown(false);
      button.current?.focus();
    };
    const onClick = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setShown(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [shown]);

  const unread = notifier.unread;
  return (
    <div ref={root} className="relative">
      <Button
        ref={button}
        variant="outline"
        size="sm"
        aria-expanded={shown}
        aria-controls={panelId}
        title="Notifications"
        onClick={() => {
          if (!shown) notifier.markRead();
          setShown(!shown);
        }}
      >
        <Bell aria-hidden="true" />
        <span className="sr-only">Notifications</span>
        {unread > 0 && (
          <span className="rounded-full bg-amber-700 px-1.5 text-xs font-semibold text-white">
            {unread}
            <span className="sr-only"> new</span>
          </span>
        )}
      </Button>
      {shown && (
        <section
          id={panelId}
          aria-label="Notification centre"
          className="absolute top-full right-0 z-40 mt-2 grid max-h-[70vh] w-80 max-w-[calc(100vw-2rem)] gap-3 overflow-y-auto rounded-xl border bg-card p-4 shadow-lg"
        >
          <h2 className="font-semibold">Notifications</h2>
          <BrowserNotifications notifier={notifier} />
          <CampaignChoice notifier={notifier} />
          {notifier.log.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              Nothing yet. New attention entries are listed here as they open.
            </p>
          ) : (
            <>
              <ol className="grid gap-2" aria-label="What was notified">
                {notifier.log.map((fired) => (
                  <li key={fired.id}>
                    <button
                      type="button"
                      className="grid w-full gap-0.5 rounded-md border p-2 text-left text-sm outline-none hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/50"
                      onClick={() => {
                        setShown(false);
                        open(fired);
                      }}
                    >
                      <span className="font-medium">{fired.title}</span>
                      <span className="text-muted-foreground">{fired.body}</span>
                      <time
                        dateTime={new Date(fired.at).toISOString()}
                        className="text-xs text-muted-foreground"
                      >
                        {formatDateTime(new Date(fired.at))}
                        {now - fired.at < 60_000 && ' · just now'}
                      </time>
                    </button>
                  </li>
                ))}
              </ol>
              <Button size="sm" variant="ghost" className="w-fit" onClick={notifier.clear}>
                Clear the list
              </Button>
            </>
          )}
        </section>
      )}
    </div>
  );
}
