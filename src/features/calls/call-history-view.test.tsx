import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeAnalysis } from '@/lib/normalizers';
import { DAVE_PHONE, call, daveCalls } from '@/test/demo-data';
import { CallHistoryView } from './call-history-view';

afterEach(() => {
  vi.restoreAllMocks();
  // jsdom has no object URLs; the download test adds them.
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

/** jsdom's Blob has no text(). */
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

const cardOf = (text: string | RegExp) => screen.getByText(text).closest('li') as HTMLElement;

describe('CallHistoryView', () => {
  it('shows each call with its time, duration, outcome, recording and analysis', async () => {
    const user = userEvent.setup();
    render(<CallHistoryView calls={daveCalls()} phone={DAVE_PHONE} />);

    const connected = cardOf('4:06');
    expect(within(connected).getByText(/21 Nov 2026, \d\d:\d\d/)).toBeInTheDocument();
    expect(within(connected).getByText('Completed')).toBeInTheDocument();
    const audio = connected.querySelector('audio');
    expect(audio).toHaveAttribute('src', expect.stringMatching(/^http:.*call-02\.wav$/));
    expect(audio).toHaveAttribute('preload', 'none');
    expect(within(connected).getByRole('link', { name: 'Download' })).toHaveAttribute('download');

    expect(
      within(connected).getByText(/Dave is interested in the plumber role/),
    ).toBeInTheDocument();
    expect(within(connected).getByText('Successful').nextSibling).toHaveTextContent('Yes');
    expect(within(connected).getByText('Day rate expectation').nextSibling).toHaveTextContent(
      '255',
    );
    await user.click(within(connected).getByRole('button', { name: 'Show raw JSON' }));
    expect(within(connected).getByText(/"successEvaluation": "true"/)).toBeInTheDocument();
  });

  it('shows a call that never connected plainly, without player or transcript', () => {
    render(<CallHistoryView calls={daveCalls()} phone={DAVE_PHONE} />);

    const missed = cardOf('N/A');
    expect(within(missed).getByText('No answer')).toBeInTheDocument();
    expect(within(missed).getByText("Didn't connect: No answer.")).toBeInTheDocument();
    expect(missed.querySelector('audio')).toBeNull();
    expect(within(missed).queryByRole('button', { name: 'Transcript' })).not.toBeInTheDocument();
  });

  it.each([
    ['javascript:alert(document.cookie)', 'Recording not playable'],
    ['gs://recordings-bucket/2026/11/call.wav', 'Recording not playable'],
    [null, 'No recording'],
  ])('renders no player and no link for the recording %s', (url, message) => {
    // The API only sets playableRecordingUrl for http(s) URLs.
    render(
      <CallHistoryView
        calls={[call({ call_id: 'x', recording_url: url, playableRecordingUrl: null })]}
      />,
    );

    expect(screen.getByText(new RegExp(message))).toBeInTheDocument();
    expect(document.querySelector('audio')).toBeNull();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('opens the transcript as speaker turns, searchable and downloadable as text', async () => {
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:transcript');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = userEvent.setup();
    render(<CallHistoryView calls={daveCalls()} phone={DAVE_PHONE} />);

    await user.click(screen.getByRole('button', { name: 'Transcript' }));

    const dialog = screen.getByRole('dialog', { name: 'Call transcript' });
    const turns = within(dialog).getAllByRole('listitem');
    expect(turns).toHaveLength(4);
    expect(turns[0]).toHaveTextContent('AI agentHi, is that Dave?');
    expect(turns[1]).toHaveTextContent('CandidateYeah speaking.');

    await user.type(
      within(dialog).getByRole('searchbox', { name: 'Search the transcript' }),
      'monday',
    );
    expect(within(dialog).getByRole('status')).toHaveTextContent('1 of 1');
    expect(within(dialog).getByText('Monday', { selector: 'mark' })).toBeInTheDocument();
    expect(turns[3]).toHaveAttribute('data-active', 'true');

    await user.click(within(dialog).getByRole('button', { name: 'Download .txt' }));
    const blob = createObjectURL.mock.calls[0]![0];
    expect(await textOf(blob)).toBe(
      'AI agent: Hi, is that Dave?\n\nCandidate: Yeah speaking.\n\nAI agent: When could you start?\n\nCandidate: Monday.\n',
    );
    expect(click).toHaveBeenCalled();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:transcript');
  });

  it('reads an analysis that is only a string, or missing', () => {
    render(
      <CallHistoryView
        calls={[
          call({ call_id: 'a', analysis: normalizeAnalysis('Left a voicemail about the role.') }),
          call({ call_id: 'b', analysis: normalizeAnalysis(null), called_at: null }),
        ]}
      />,
    );

    expect(screen.getByText('Left a voicemail about the role.')).toBeInTheDocument();
    expect(screen.getByText('No AI analysis for this call.')).toBeInTheDocument();
    expect(screen.getByText('Date unknown')).toBeInTheDocument();
  });

  it('shows loading, error with Retry, and an empty state naming the phone', async () => {
    const onRetry = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<CallHistoryView calls={undefined} isLoading />);
    expect(screen.getByLabelText('Loading calls')).toBeInTheDocument();

    rerender(<CallHistoryView calls={undefined} error={new Error('x')} onRetry={onRetry} />);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalled();

    rerender(<CallHistoryView calls={[]} phone={DAVE_PHONE} />);
    expect(screen.getByText('No calls with +44 7853 723604')).toBeInTheDocument();
  });
});
