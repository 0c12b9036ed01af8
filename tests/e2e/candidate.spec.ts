import { randomUUID } from 'node:crypto';
import { DEMO_EXAMPLES } from '../../stack/demo';
import { expect, expectLive, test } from './support/fixtures';

const DAVE_PHONE = DEMO_EXAMPLES.phone; // +447853723604, Dave Thompson

test.describe('a recruiter and one candidate', () => {
  test('finds Dave by "07853 723604", opens him, visits every tab, plays a call and reads its transcript', async ({
    page,
  }) => {
    await page.goto('/candidates');
    await page.getByLabel('Search by name or phone').fill('07853 723604');
    const rows = page.getByRole('table').getByRole('row');
    // The header row and Dave's, and nobody else.
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('+44 7853 723604');
    await rows.nth(1).getByRole('link', { name: 'Dave Thompson', exact: true }).click();

    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Dave Thompson' })).toBeVisible();
    expect(new URL(page.url()).searchParams.get('candidate')).toBe(DAVE_PHONE);

    const tab = async (name: string, param: string) => {
      await dialog.getByRole('tab', { name }).click();
      await expect(dialog.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
      expect(new URL(page.url()).searchParams.get('tab')).toBe(param);
      return dialog.getByRole('tabpanel');
    };

    const info = await tab('Info', 'info');
    await expect(info.getByText(DEMO_EXAMPLES.campaign).first()).toBeVisible();

    const notes = await tab('Notes', 'notes');
    await expect(notes.getByLabel('Add a note')).toBeVisible();
    await expect(notes.getByRole('region', { name: 'Notes, newest first' })).toBeVisible();

    const chat = await tab('WhatsApp Chat', 'chat');
    const log = chat.getByRole('log', { name: 'WhatsApp conversation with +44 7853 723604' });
    await expect(log).toBeVisible();
    await expect(log.getByText('AI', { exact: true }).first()).toBeVisible();

    const calls = await tab('Calls', 'calls');
    const list = calls.getByRole('list', { name: 'Calls, newest first' });
    await expect(list).toBeVisible();
    const audio = list.getByLabel('Call recording').first();
    await expect(audio).toBeAttached();
    expect(await audio.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/storage\//);
    await audio.evaluate((element: HTMLAudioElement) => element.play());
    await expect
      .poll(() =>
        audio.evaluate((element: HTMLAudioElement) => !element.paused && element.currentTime > 0),
      )
      .toBe(true);
    await audio.evaluate((element: HTMLAudioElement) => element.pause());

    await list.getByRole('button', { name: 'Transcript' }).first().click();
    const transcript = page.getByRole('dialog', { name: 'Call transcript' });
    await expect(transcript).toBeVisible();
    await expect(
      transcript.getByRole('list', { name: 'Transcript' }).getByRole('listitem'),
    ).not.toHaveCount(0);
    expect(new URL(page.url()).searchParams.get('call')).toBeTruthy();
    await page.keyboard.press('Escape');
    await expect(transcript).toBeHidden();

    const timeline = await tab('Timeline', 'timeline');
    await expect(timeline.getByRole('list', { name: 'Timeline, newest first' })).toBeVisible();

    // Closing the dialog takes the candidate out of the URL; the search stays.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(new URL(page.url()).searchParams.get('candidate')).toBeNull();
  });

  test('a message written to the database appears in the open chat within 2 s, without a reload', async ({
    page,
    sql,
  }) => {
    const [session] = await sql<{ session_id: string }>(
      `select session_id from public.sessions
       where regexp_replace(phone_number, '\\D', '', 'g') like '%7853723604'
       order by updated_at desc nulls last limit 1`,
    );
    expect(session, "Dave's session").toBeDefined();

    await page.goto(`/candidates?candidate=${encodeURIComponent(DAVE_PHONE)}&tab=chat`);
    const log = page.getByRole('log', { name: /WhatsApp conversation with/ });
    await expect(log.getByText('AI', { exact: true }).first()).toBeVisible();
    await expectLive(page);
    let reloaded = false;
    page.on('framenavigated', (frame) => (reloaded ||= frame === page.mainFrame()));

    const text = `Can I bring my own van? ${randomUUID().slice(0, 8)}`;
    await sql('insert into public.chat_history (session_id, message) values ($1, $2)', [
      session!.session_id,
      { type: 'human', content: text },
    ]);
    await expect(log.getByText(text)).toBeVisible({ timeout: 2_000 });
    expect(reloaded).toBe(false);
  });
});
