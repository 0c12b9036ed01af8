// The open candidate and dialog tab live in the URL (`?candidate=+447853723604&tab=chat`) so a
// link reopens them; any page can open the dialog by setting these parameters.
const CANDIDATE_TABS = ['info', 'notes', 'chat', 'calls', 'timeline'] as const;
export type CandidateTab = (typeof CANDIDATE_TABS)[number];

export const CANDIDATE_PARAM = 'candidate';
const TAB_PARAM = 'tab';
/** The chat message to scroll to and highlight (`&message=<id>`). */
const MESSAGE_PARAM = 'message';
/** The call whose transcript is open (`&call=<call id>`). */
const CALL_PARAM = 'call';
/** What to look for in that call's transcript (`&find=van`), as a search result asks. */
const FIND_PARAM = 'find';

/** What to show inside the tab: a message in the chat, a call's transcript. */
export interface CandidateFocus {
  message?: number;
  call?: string;
  find?: string;
}

/**
 * `params` with the candidate dialog opened on `tab` (and `focus` in it); other parameters
 * (a page's filters) kept, a previous focus dropped.
 */
export function withCandidate(
  params: URLSearchParams,
  phone: string,
  tab: CandidateTab = 'info',
  focus: CandidateFocus = {},
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set(CANDIDATE_PARAM, phone);
  next.set(TAB_PARAM, tab);
  for (const param of [MESSAGE_PARAM, CALL_PARAM, FIND_PARAM]) next.delete(param);
  if (focus.message !== undefined) next.set(MESSAGE_PARAM, String(focus.message));
  if (focus.call !== undefined) next.set(CALL_PARAM, focus.call);
  if (focus.call !== undefined && focus.find) next.set(FIND_PARAM, focus.find);
  return next;
}

export function withoutCandidate(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const param of [CANDIDATE_PARAM, TAB_PARAM, MESSAGE_PARAM, CALL_PARAM, FIND_PARAM])
    next.delete(param);
  return next;
}

export function candidateTabOf(params: URLSearchParams): CandidateTab {
  const tab = params.get(TAB_PARAM);
  return (CANDIDATE_TABS as readonly string[]).includes(tab ?? '') ? (tab as CandidateTab) : 'info';
}

/** The focus the URL asks for; a message id that is not a number is ignored. */
export function candidateFocusOf(params: URLSearchParams): CandidateFocus {
  const rawMessage = params.get(MESSAGE_PARAM);
  const message = rawMessage ? Number(rawMessage) : NaN;
  const call = params.get(CALL_PARAM);
  const find = params.get(FIND_PARAM)?.slice(0, 200);
  return {
    ...(Number.isSafeInteger(message) && { message }),
    ...(call && { call }),
    ...(call && find && { find }),
  };
}
