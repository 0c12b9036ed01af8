import { randomInt } from 'node:crypto';
import { expect, expectLive, screenshotBothWidths, test } from './support/fixtures';

// A candidate dialog left open while the agent writes the way agents do (issue "Live equals
// fresh"): a message deleted (realtime sends only its key), a recording added to a finished call
// by a later UPDATE (realtime leaves out the unchanged, out-of-line transcript), and a second
// session started for the same person, known only through `numbers` and stored in another phone
// form. Each shows without Refresh.

test('an open candidate dialog follows deletes, late recordings and a new session', async ({
  page,
  sql,
  env,
}) => {
  // A number from Ofcom's drama range that no demo row uses, in any form.
  const [free] = await sql<{ national: string }>(
    `select '7700900' || n as national from generate_series(100, 999) n
     where not exists (select from candidates where phone_key = '+447700900' || n)
       and not exists (select from sessions where public.phone_key(phone_number) = '+447700900' || n)
       and not exists (select from numbers where public.phone_key(phone_number) = '+447700900' || n)
     order by random() limit 1`,
  );
  const national = free!.national;
  const phone = `+44${national}`;
  const first = `e2e_live_${national}_a`;
  const second = `e2e_live_${national}_b`;
  // Large and varied, so Postgres stores it out of line (TOAST) and an UPDATE's event omits it.
  const transcript = Array.from(
    { length: 400 },
    (_, i) => `Agent: question ${i} ${randomInt(1e9).toString(36)}\nCandidate: answer ${i}`,
  ).join('\n');
  const cleanup = async () => {
    await sql('delete from chat_history where session_id = any ($1)', [[first, second]]);
    await sql('delete from calls where session_id = any ($1)', [[first, second]]);
    await sql('delete from numbers where session_id = any ($1)', [[first, second]]);
    await sql('delete from sessions where session_id = any ($1)', [[first, second]]);
    await sql('delete from candidates where phone_number = $1', [`0${national}`]);
  };
  await cleanup();
  await sql(
    `insert into candidates (full_name, phone_number, campaign) values ('Priya Live', $1, 'Plumber - London')`,
    [`0${national}`],
  );
  await sql(
    `insert into sessions (session_id, phone_number, campaign, status) values ($1, $2, 'Plumber - London', 'active')`,
    [first, `whatsapp:${phone}`],
  );
  const say = (session: string, type: 'human' | 'ai', content: string) =>
    sql<{ id: string }>(
      `insert into chat_history (session_id, message) values ($1, jsonb_build_object('type', $2::text, 'content', $3::text)) returning id`,
      [session, type, content],
    );
  await say(first, 'ai', 'Hi Priya, are you still looking for plumbing work?');
  const [unwanted] = await say(first, 'human', 'Sorry, wrong chat, ignore this');
  await say(first, 'human', 'Yes, still looking');
  await sql(
    `insert into calls (call_id, session_id, phone_number, called_at, duration, status, transcript, analysis)
     values ($1, $2, $3, now(), 184, 'completed', $4, '{"summary": "Keen, has a van"}')`,
    [`${first}_call`, first, phone, transcript],
  );

  try {
    await page.goto(`/candidates?candidate=${encodeURIComponent(phone)}&tab=chat`);
    const dialog = page.getByRole('dialog', { name: 'Priya Live' });
    const log = dialog.getByRole('log');
    await expect(log.getByText('Sorry, wrong chat, ignore this')).toBeVisible();
    await expectLive(page);

    // 1. A deleted message leaves the conversation.
    await sql('delete from chat_history where id = $1', [unwanted!.id]);
    await expect(log.getByText('Sorry, wrong chat, ignore this')).toHaveCount(0);
    await expect(log.getByText('Yes, still looking')).toBeVisible();

    // 2. The recording arrives in a later UPDATE; the transcript stays.
    await dialog.getByRole('tab', { name: 'Calls' }).click();
    const calls = dialog.getByRole('list', { name: 'Calls, newest first' });
    await expect(calls.getByText('No recording')).toBeVisible();
    await sql('update calls set recording_url = $1 where call_id = $2', [
      `${env.apiUrl}/storage/v1/object/public/recordings/e2e.mp3`,
      `${first}_call`,
    ]);
    await expect(calls.getByLabel('Call recording')).toBeAttached();
    await calls.getByRole('button', { name: 'Transcript' }).click();
    const transcriptDialog = page.getByRole('dialog', { name: 'Call transcript' });
    await expect(transcriptDialog.getByText('question 399', { exact: false })).toBeAttached();
    await page.keyboard.press('Escape');
    await expect(transcriptDialog).toHaveCount(0);

    // 3. A second session for the same person, known only through `numbers`, in another form.
    await dialog.getByRole('tab', { name: 'WhatsApp Chat' }).click();
    await sql(
      `insert into numbers (phone_number, session_id, campaign) values ($1, $2, 'Plumber - London')`,
      [`44${national}`, second],
    );
    await say(second, 'ai', 'Hi again Priya, a new job in Croydon came up');
    await expect(log.getByText('Hi again Priya, a new job in Croydon came up')).toBeVisible();
    await say(second, 'human', 'Croydon works for me');
    await expect(log.getByText('Croydon works for me')).toBeVisible();
    await screenshotBothWidths(page, 'candidate-live-dialog', { fullPage: false });
  } finally {
    await cleanup();
  }
});
