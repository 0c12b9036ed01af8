import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/session-query';
import { useAttentionQueue } from './attention-queries';
import {
  DEFAULT_PREFS,
  type Fired,
  type NotifyEntry,
  type NotifyPrefs,
  describeBurst,
  entryKey,
  newAssignments,
  newEntries,
} from './notify';

/** Entries arriving within this long of each other make one notification. */
const BURST_MS = 4_000;
/** What the notification centre keeps. */
const LOG_LIMIT = 50;
/** Entries opened while the tab was closed are told on return, up to this long ago. */
const CATCH_UP_MS = 24 * 3_600_000;

const KEYS = {
  prefs: 'outreach.attention.notify',
  log: 'outreach.attention.fired',
  readAt: 'outreach.attention.read-at',
  since: 'outreach.attention.since',
};

// localStorage may be full, blocked or hold something else: never let that break the page.
function load<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}
function save(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // the centre still works for this tab
  }
}

const notificationsSupported = () => typeof Notification !== 'undefined';

export type Permission = NotificationPermission | 'unsupported';

/**
 * Watches the queue for new entries (in the user's campaigns or assigned to them) and tells the
 * user: one browser notification per burst (when they opted in and the browser allows), and
 * always an item in the notification centre, kept across reloads. Entries opened while the tab
 * was closed are told, grouped, on return.
 */
export function useAttentionNotifier({
  onOpen,
  now,
}: {
  onOpen: (fired: Fired) => void;
  /** Ticking in the caller: snoozes end on time (see useAttentionQueue). */
  now: number;
}) {
  const me = useSession().data?.userId;
  const queue = useAttentionQueue({}, { now });
  const [prefs, setPrefsState] = useState<NotifyPrefs>(() => ({
    ...DEFAULT_PREFS,
    ...load(KEYS.prefs, DEFAULT_PREFS),
  }));
  const [log, setLog] = useState<Fired[]>(() => load<Fired[]>(KEYS.log, []));
  const [readAt, setReadAt] = useState<number>(() => load(KEYS.readAt, 0));
  const [permission, setPermission] = useState<Permission>(() =>
    notificationsSupported() ? Notification.permission : 'unsupported',
  );

  const told = useRef(new Set<string>());
  const since = useRef<number | null>(null);
  const pending = useRef<{ entries: NotifyEntry[]; assigned: ReturnType<typeof newAssignments> }>({
    entries: [],
    assigned: [],
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // What a notification fired later (or clicked) needs: the newest, without re-arming timers.
  const latest = useRef({ prefs, permission, onOpen });
  useEffect(() => {
    latest.current = { prefs, permission, onOpen };
  });

  const flush = useCallback(() => {
    timer.current = undefined;
    const { entries, assigned } = pending.current;
    pending.current = { entries: [], assigned: [] };
    const said = describeBurst(entries, assigned, Date.now());
    if (!said) return;
    const fired: Fired = { ...said, id: `${Date.now()}-${Math.random()}`, at: Date.now() };
    setLog((current) => {
      const next = [fired, ...current].slice(0, LOG_LIMIT);
      save(KEYS.log, next);
      return next;
    });
    const { prefs: p, permission: allowed } = latest.current;
    if (p.enabled && allowed === 'granted') {
      // One tag for every burst: the system shows the newest, not a pile.
      const notification = new Notification(fired.title, { body: fired.body, tag: 'attention' });
      notification.onclick = () => {
        window.focus();
        latest.current.onOpen(fired);
        notification.close();
      };
    }
  }, []);

  const data = queue.data;
  useEffect(() => {
    if (!data || !me) return;
    if (since.current === null) {
      const stored = load<number | null>(KEYS.since, null);
      since.current = stored !== null && Date.now() - stored < CATCH_UP_MS ? stored : Date.now();
    }
    const fresh = newEntries(data.entries, data.claims, {
      since: since.current,
      told: told.current,
      me,
      prefs,
    });
    const assigned = newAssignments(data.claims.values(), {
      since: since.current,
      told: told.current,
      me,
    });
    // Everything seen now is old news from here on, told or not (another campaign).
    for (const entry of data.entries) told.current.add(entryKey(entry));
    for (const claim of assigned) told.current.add(`${claim.sessionId}#${claim.updatedAt}`);
    since.current = Number.NEGATIVE_INFINITY;
    save(KEYS.since, Date.now());
    if (!fresh.length && !assigned.length) return;
    pending.current.entries.push(...fresh);
    pending.current.assigned.push(...assigned);
    timer.current ??= setTimeout(flush, BURST_MS);
  }, [data, me, prefs, flush]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const setPrefs = (next: NotifyPrefs) => {
    setPrefsState(next);
    save(KEYS.prefs, next);
  };

  return {
    prefs,
    permission,
    log,
    unread: log.filter((f) => f.at > readAt).length,
    markRead: () => {
      const at = Date.now();
      setReadAt(at);
      save(KEYS.readAt, at);
    },
    clear: () => {
      setLog([]);
      save(KEYS.log, []);
    },
    setCampaigns: (campaigns: string[]) => setPrefs({ ...prefs, campaigns }),
    /** Asks the browser's permission (a click is required) and switches notifications on. */
    enable: async () => {
      if (!notificationsSupported()) return;
      const answer = await Notification.requestPermission();
      setPermission(answer);
      setPrefs({ ...prefs, enabled: answer === 'granted' });
    },
    disable: () => setPrefs({ ...prefs, enabled: false }),
  };
}
