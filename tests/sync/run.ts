import { QueryClient } from '@tanstack/react-query';
import pg from 'pg';
import { campaignKeys } from '@/data/campaigns/keys';
import type { CampaignSession } from '@/data/campaigns/campaign-sessions-query';
import { candidateKeys } from '@/data/candidates/keys';
import { chatKeys } from '@/data/chat/keys';
import { liveKeys } from '@/data/live/keys';
import type { LiveSession } from '@/data/live/live-sessions-query';
import { connectionStore } from '@/data/realtime/connection-store';
import { signIn, signOut } from '@/lib/auth-api';
import type { CandidateSummary, ChatPage } from '@/lib/backend-types';
import { formatPhone } from '@/lib/normalizers';
import { DEMO_STAFF } from '../../stack/demo';
import { signedInClient, stackInfo } from '../support/clients';
import { pause } from '../support/realtime';
import { Applier, cleanUp, insertCandidates } from './apply';
import { canonicalJson } from './canonical';
import { type HeldQuery, compareHeldQueries, heldQueries, loadFreshPages } from './compare-queries';
import { Generator } from './generator';
import { tallChatLayout } from './layout';
import { checkModel } from './model-checks';
import type { NumberedOp } from './model';
import {
  type Region,
  dialogsOf,
  isBusy,
  markLiveDialogs,
  regionsOf,
  scrollChatsToEnd,
  textDiff,
  textOf,
} from './rendered';
import {
  type Divergence,
  type SyncResult,
  firstDivergentOp,
  formatDivergence,
  replayCommand,
} from './report';
import { type MountedTree, mountFresh, mountLive, screensOf } from './screens';
import { openProbe, settle, watchCache } from './settle';
import { CAMPAIGN, type World, createWorld } from './world';

// One run of the model-based sync test ("live equals fresh"): the screens open on the real stack
// with the app's realtime, the generator's operations written as the agent writes them, and at
// each checkpoint (and at the end), once the writes have settled, every query the screens hold
// compared with a fresh load, the model's predictions checked on those fresh loads, and the
// rendered text compared with a fresh render of the same screens.

const STAFF = DEMO_STAFF[0]!;

export interface RunOptions {
  seed: number;
  operations: number;
  log?: (line: string) => void;
}

async function until<T>(
  check: () => T | undefined | null | false,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`harness: timed out waiting for ${what}`);
    await pause(25);
  }
}

/** The regions' text once it has stopped changing (renders after data land in transitions). */
async function stableText(regions: () => Region[], what: string): Promise<string[][]> {
  const read = () => regions().map((r) => textOf(r.element));
  let previous = read();
  const deadline = Date.now() + 15_000;
  for (;;) {
    await pause(300);
    const current = read();
    if (JSON.stringify(current) === JSON.stringify(previous) && !isBusy(regions())) return current;
    if (Date.now() > deadline) throw new Error(`harness: the ${what} text did not settle`);
    previous = current;
  }
}

/** Row keys named in a piece of text: tags, session and call ids, phones and names. */
function keysIn(
  text: string,
  world: World,
  handleOf: (id: number) => number | undefined,
): string[] {
  const keys = new Set<string>();
  for (const [, kind, id] of text.matchAll(/«(msg|call):([^\s»]+)/g)) keys.add(`${kind}:${id}`);
  for (const [id] of text.matchAll(new RegExp(`${world.prefix}s\\d+`, 'g')))
    keys.add(`session:${id}`);
  for (const [id] of text.matchAll(new RegExp(`${world.prefix}c\\d+`, 'g'))) keys.add(`call:${id}`);
  for (const [, id] of text.matchAll(/"?id"?[=:](\d+)/g)) {
    const handle = handleOf(Number(id));
    if (handle !== undefined) keys.add(`msg:${handle}`);
  }
  for (const phone of world.phones)
    if (
      text.includes(phone.e164) ||
      text.includes(formatPhone(phone.e164)) ||
      (phone.candidateName && text.includes(phone.candidateName))
    )
      keys.add(`phone:${phone.index}`);
  return [...keys];
}

export async function runSync({ seed, operations, log = console.log }: RunOptions): Promise<{
  result: SyncResult;
  divergences: Divergence[];
}> {
  const started = Date.now();
  const world = createWorld(seed);
  const screens = screensOf(world);
  const generator = new Generator(world);
  const db = new pg.Client({ connectionString: stackInfo().dbUrl });
  await db.connect();
  const applier = new Applier(db, world);
  const handles = new Map<number, number>();
  const handleOf = (id: number) => {
    if (handles.size !== applier.messageIds.size)
      for (const [handle, dbId] of applier.messageIds) handles.set(dbId, handle);
    return handles.get(id);
  };
  const divergences: Divergence[] = [];
  const applied: NumberedOp[] = [];
  let checkpoints = 0;
  let reconnects = 0;
  let live: MountedTree | undefined;
  const cleanups: (() => unknown)[] = [];
  const result = (error?: string): SyncResult => ({
    seed,
    operations: applied.length,
    divergences: divergences.length,
    checkpoints,
    durationMs: Date.now() - started,
    reconnects,
    toasted: { transcripts: 0, of: 0 },
    first: divergences[0] ? formatDivergence(divergences[0], 0) : null,
    replay: replayCommand(seed, operations),
    ...(error && { error }),
  });

  try {
    await cleanUp(db, world);
    await insertCandidates(db, world);
    const probeClient = await signedInClient(STAFF.email, STAFF.password);
    const probe = await openProbe(probeClient);
    cleanups.push(() => probe.close());
    await applier.apply({ ops: generator.setup(), transaction: true });
    if (probe.unpublished.length)
      log(
        `note: realtime does not publish ${probe.unpublished.join(', ')}: writes there bring no event`,
      );
    const expectedEvents = () => applier.expectedEvents(probe.unpublished);
    await until(
      () => probe.received() >= expectedEvents(),
      'realtime to deliver the setup',
      60_000,
    );

    cleanups.push(tallChatLayout());
    await signIn(STAFF.email, STAFF.password);
    cleanups.push(() => signOut());
    live = await mountLive(screens);
    const liveTree = live;
    const liveRegions = () => regionsOf(liveTree, 'live', screens);
    await until(() => connectionStore.get().status === 'live', 'realtime to be Live');
    await until(() => dialogsOf('fresh').size === screens.length, 'the candidate dialogs');
    markLiveDialogs();
    await until(() => !isBusy(liveRegions()), 'the screens to load');
    // The chat holds two pages: older ones load as the reader scrolls up, here by the button
    // (unless something loaded them already).
    const pagesHeld = () =>
      (
        liveTree.queryClient.getQueryData(chatKeys.conversation(world.open.e164)) as
          { pages: unknown[] } | undefined
      )?.pages.length ?? 0;
    const older = await until(
      () =>
        pagesHeld() >= 2 ||
        (Array.from(
          document.querySelectorAll('[data-sync-tree="live"] [data-chat-older] button'),
        ).find((b) => b.textContent === 'Load older messages') as HTMLButtonElement | undefined),
      'the older-messages button',
    );
    if (older !== true) older.click();
    await until(() => pagesHeld() >= 2, 'the second page of the chat');
    let wasLive = true;
    const stopWatching = connectionStore.subscribe(() => {
      const isLive = connectionStore.get().status === 'live';
      if (wasLive && !isLive) reconnects += 1;
      wasLive = isLive;
    });
    cleanups.push(stopWatching);
    const cache = watchCache(liveTree.queryClient);
    cleanups.push(cache.stop);

    const checkpoint = async (window: [number, number]) => {
      checkpoints += 1;
      const number = checkpoints;
      const phases: string[] = [];
      let phaseStart = Date.now();
      const phase = (name: string) => {
        phases.push(`${name} ${((Date.now() - phaseStart) / 1000).toFixed(1)} s`);
        phaseStart = Date.now();
      };
      await settle({
        probe,
        expectedEvents: expectedEvents(),
        queryClient: liveTree.queryClient,
        cache,
      });
      if (dialogsOf('live').size !== screens.length || dialogsOf('fresh').size !== 0)
        throw new Error('harness: a candidate dialog of the live tree was mounted again');
      const found: Pick<Divergence, 'kind' | 'subject' | 'details' | 'keys'>[] = [];
      phase('settle');
      const held = heldQueries(liveTree.queryClient);
      if (number === 1)
        log(
          `the screens hold ${held.length} queries: ${held.map((h) => JSON.stringify(h.key)).join(' ')}`,
        );
      scrollChatsToEnd('live');
      const liveText = await stableText(liveRegions, 'live');

      // (a) every held query against a fresh load of it.
      const loader = new QueryClient();
      const { divergences: dataDivergences, fresh } = await compareHeldQueries(held, loader);
      for (const d of dataDivergences)
        found.push({
          kind: 'data',
          subject: d.subject,
          details: d.differences.map(
            (x) => `${x.path}${x.item ? ` (${x.item})` : ''}: live ${x.live} · fresh ${x.fresh}`,
          ),
          keys: keysIn(JSON.stringify([d.key, d.differences]), world, handleOf),
        });

      phase('live text and fresh loads');
      // The model's predictions on fresh loads.
      const heldBy = (prefix: readonly unknown[]) =>
        held.filter((h) =>
          prefix.every((part, i) => canonicalJson(h.key[i]) === canonicalJson(part)),
        );
      const freshOf = <T>(h: HeldQuery) => fresh.get(h.hash) as T;
      const conversation = heldBy(chatKeys.conversation(world.open.e164))[0];
      const profile = heldBy(candidateKeys.profile(world.open.e164))[0];
      const wholeConversation = conversation
        ? ((await loadFreshPages(conversation.query, loader)).pages as ChatPage[])
            .toReversed()
            .flatMap((p) => p.messages)
        : null;
      for (const d of checkModel(
        generator.model,
        handleOf,
        (handle) => applier.messageIds.get(handle),
        {
          conversation: wholeConversation,
          profile: profile ? freshOf<CandidateSummary>(profile) : null,
          liveSessions: heldBy([...liveKeys.all, 'sessions']).map((h) => freshOf<LiveSession[]>(h)),
          campaignSessions: heldBy([...campaignKeys.all, 'sessions', CAMPAIGN]).map((h) =>
            freshOf<{ rows: CampaignSession[] }>(h),
          ),
        },
      ))
        found.push({ kind: 'model', ...d });

      phase('model');
      // (b) the rendered text against a fresh render of the same screens.
      const freshTree = mountFresh(screens);
      try {
        const freshRegions = () => regionsOf(freshTree, 'fresh', screens);
        await until(
          () => freshRegions().every((r) => r.element) && !isBusy(freshRegions()),
          'the fresh screens to load',
        );
        alignConversation(freshTree.queryClient, conversation, fresh);
        await until(() => freshTree.queryClient.isFetching() === 0, 'the fresh screens to load');
        scrollChatsToEnd('fresh');
        const freshText = await stableText(freshRegions, 'fresh');
        for (const [i, region] of liveRegions().entries()) {
          const hunks = textDiff(liveText[i]!, freshText[i]!, 50);
          if (!hunks.length) continue;
          found.push({
            kind: 'text',
            subject: `rendered ${region.name}`,
            details: [
              ...hunks
                .slice(0, 3)
                .flatMap((h) => [
                  `at piece ${h.at}, after ${JSON.stringify(h.context.slice(0, 3).map(clip))}:`,
                  `  live:  ${JSON.stringify(h.live.slice(0, 6).map(clip))}`,
                  `  fresh: ${JSON.stringify(h.fresh.slice(0, 6).map(clip))}`,
                ]),
              ...(hunks.length > 3 ? [`… and ${hunks.length - 3} more differences`] : []),
            ],
            keys: keysIn(
              JSON.stringify(hunks.map((h) => [h.context, h.live, h.fresh])),
              world,
              handleOf,
            ),
          });
        }
      } finally {
        freshTree.unmount();
      }

      phase('fresh render');
      const changed = heldQueries(liveTree.queryClient).filter((h) => {
        const before = held.find((x) => x.hash === h.hash);
        return !before || canonicalJson(before.data) !== canonicalJson(h.data);
      });
      if (changed.length)
        log(
          `  note: the live cache moved during checkpoint ${number}: ${changed.map((h) => JSON.stringify(h.key)).join(', ')}`,
        );

      for (const d of found) {
        const { op, matched, related } = firstDivergentOp(applied, window, d.keys);
        const divergence = {
          ...d,
          checkpoint: number,
          window,
          firstOp: op,
          firstOpMatched: matched,
          related,
        };
        divergences.push(divergence);
        log(formatDivergence(divergence, divergences.length - 1));
      }
      const heldMessages = conversation
        ? (conversation.data as { pages: ChatPage[] }).pages.flatMap((p) => p.messages).length
        : 0;
      log(
        `checkpoint ${number} after ${window[1]} operations: ${found.length} divergences ` +
          `(${held.length} queries, ${heldMessages} messages held; text of ${liveText.length} regions, ` +
          `${liveText.reduce((n, t) => n + t.length, 0)} pieces; model: ${generator.model.messages.size} messages, ` +
          `${generator.model.sessions.size} sessions, ${generator.model.calls.size} calls; ` +
          `${phases.join(', ')}; at ${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    };

    await checkpoint([0, 0]);
    let windowStart = 1;
    while (applied.length < operations) {
      const step = generator.step(operations - applied.length);
      await applier.apply(step);
      applied.push(...step.ops);
      if (step.pauseAfterMs) await pause(step.pauseAfterMs);
      if (generator.checkpointDue(applied.length) || applied.length === operations) {
        await checkpoint([windowStart, applied.length]);
        windowStart = applied.length + 1;
      }
    }
    const { rows } = await db.query<{ toasted: string; of: string }>(
      `select count(*) filter (where pg_column_toast_chunk_id(transcript) is not null) as toasted,
              count(transcript) as of
       from public.calls where call_id like $1`,
      [`${world.prefix.replace(/_/g, '\\_')}%`],
    );
    return {
      result: {
        ...result(),
        toasted: { transcripts: Number(rows[0]!.toasted), of: Number(rows[0]!.of) },
      },
      divergences,
    };
  } catch (error) {
    return { result: result(error instanceof Error ? error.message : String(error)), divergences };
  } finally {
    live?.unmount();
    for (const stop of cleanups.reverse()) await stop();
    await cleanUp(db, world).catch(() => undefined);
    await db.end();
  }
}

const clip = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);

/**
 * Shows the fresh tree's conversation over the range the live one holds: how far back a chat has
 * loaded is where its reader scrolled, not data (and the live newest page grows past a page's
 * size). The fresh tree loaded its newest page itself; it is then given the fresh load of exactly
 * the live range (compareHeldQueries), so the chat and the timeline draw the same messages.
 */
function alignConversation(
  client: QueryClient,
  held: HeldQuery | undefined,
  fresh: Map<string, unknown>,
): void {
  const range = held && fresh.get(held.hash);
  if (range) client.setQueryData(held.key, range);
}
