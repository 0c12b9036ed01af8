import { DEFAULT_STALL_AFTER, STALL_OPTIONS } from '@/features/live/live-view';
import type { MountedTree, Screen } from './screens';

// (b) Rendered text: the regions of each screen (the page, the candidate dialog) as a list of
// text pieces, with what is about the clock rather than the data taken out: "Synced 3 s ago"
// (when this tree fetched) dropped, every <time> as the instant it shows rather than "2 min ago",
// and a "Stalled" badge dropped only on a card whose last activity is within two minutes of the
// threshold (either tree may have read the clock on either side of it).

const TABS: Record<string, Screen['tab']> = {
  'WhatsApp Chat': 'chat',
  Calls: 'calls',
  Timeline: 'timeline',
};
const LIVE_MARK = 'data-sync-tree';
const STALL_MS = STALL_OPTIONS.find((o) => o.value === DEFAULT_STALL_AFTER)!.ms;
const STALL_MARGIN_MS = 120_000;

/** The open candidate dialogs in the document, by tab; the live tree's are marked. */
export function dialogsOf(tree: 'live' | 'fresh'): Map<Screen['tab'], Element> {
  const out = new Map<Screen['tab'], Element>();
  for (const dialog of Array.from(document.querySelectorAll('[role="dialog"]'))) {
    if ((dialog.getAttribute(LIVE_MARK) === 'live') !== (tree === 'live')) continue;
    const selected = dialog.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? '';
    const tab = TABS[selected.trim()];
    if (tab) out.set(tab, dialog);
  }
  return out;
}

/** Marks the live tree's dialogs (Radix portals them to <body>, beside the fresh tree's). */
export function markLiveDialogs(): number {
  const dialogs = dialogsOf('fresh');
  for (const dialog of dialogs.values()) dialog.setAttribute(LIVE_MARK, 'live');
  return dialogs.size;
}

export interface Region {
  name: string;
  element: Element | null;
}

export function regionsOf(tree: MountedTree, which: 'live' | 'fresh', screens: Screen[]): Region[] {
  const dialogs = dialogsOf(which);
  return screens.flatMap((screen) => [
    {
      name: `${screen.id} page`,
      element: tree.container.querySelector(`[data-sync-screen="${screen.id}"] main`),
    },
    { name: `dialog ${screen.tab} tab`, element: dialogs.get(screen.tab) ?? null },
  ]);
}

/** Brings each chat to its newest message, where a fresh chat opens. */
export function scrollChatsToEnd(which: 'live' | 'fresh'): void {
  for (const dialog of dialogsOf(which).values())
    for (const log of Array.from(dialog.querySelectorAll<HTMLElement>('[role="log"]')))
      log.scrollTo({ top: log.scrollHeight });
}

export function isBusy(regions: Region[]): boolean {
  return regions.some(
    (r) =>
      !r.element ||
      r.element.matches('[aria-busy="true"]') ||
      !!r.element.querySelector('[aria-busy="true"]'),
  );
}

export function textOf(element: Element | null, now = Date.now()): string[] {
  if (!element) return ['(not rendered)'];
  const clone = element.cloneNode(true) as Element;
  for (const badge of Array.from(clone.querySelectorAll('[title^="No activity for over"]'))) {
    const at = Date.parse(
      badge.closest('li')?.querySelector('time')?.getAttribute('datetime') ?? '',
    );
    if (!Number.isFinite(at) || Math.abs(now - at - STALL_MS) < STALL_MARGIN_MS) badge.remove();
  }
  for (const time of Array.from(clone.querySelectorAll('time'))) {
    const parent = time.parentElement;
    const label = parent?.firstChild?.textContent?.trim();
    if (parent && (label === 'Synced' || label === 'Updated')) parent.remove();
    else time.replaceWith(`⟨${time.getAttribute('datetime')}⟩`);
  }
  const pieces: string[] = [];
  let previous: Node | null = null;
  const walker = clone.ownerDocument.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ');
    // Text React wrote as several nodes side by side ("5", " messages") is one piece.
    if (previous && node.previousSibling === previous && pieces.length)
      pieces[pieces.length - 1] = `${pieces.at(-1)}${text}`;
    else pieces.push(text);
    previous = node;
  }
  return pieces.map((p) => p.trim()).filter(Boolean);
}

export interface TextHunk {
  at: number;
  live: string[];
  fresh: string[];
  context: string[];
}

/** The pieces that differ, as hunks with a little context (longest common subsequence). */
export function textDiff(live: string[], fresh: string[], maxHunks = 3): TextHunk[] {
  const n = live.length;
  const m = fresh.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        live[i] === fresh[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const hunks: TextHunk[] = [];
  let i = 0;
  let j = 0;
  while ((i < n || j < m) && hunks.length < maxHunks) {
    if (i < n && j < m && live[i] === fresh[j]) {
      i++;
      j++;
      continue;
    }
    const hunk: TextHunk = {
      at: i,
      live: [],
      fresh: [],
      context: live.slice(Math.max(0, i - 3), i),
    };
    while ((i < n || j < m) && !(i < n && j < m && live[i] === fresh[j])) {
      if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) hunk.live.push(live[i++]!);
      else hunk.fresh.push(fresh[j++]!);
    }
    hunk.context.push('…', ...live.slice(i, i + 3));
    hunks.push(hunk);
  }
  return hunks;
}
