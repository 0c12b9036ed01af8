import {
  expect,
  expectAccessible,
  expectLive,
  screenshotBothWidths,
  test,
} from './support/fixtures';

// One search over every conversation and call (issue 17), as a recruiter uses it: the header's
// box from another screen (`/`, type, Enter), a phrase from a chat and one from a transcript,
// each result opening the dialog where the words are.

test('search a phrase from a chat and from a transcript, and open each', async ({ page, sql }) => {
  const session = 'e2e_search_1';
  const phone = '+447700900733';
  const cleanup = async () => {
    await sql('delete from chat_history where session_id = $1', [session]);
    await sql('delete from calls where session_id = $1', [session]);
    await sql('delete from sessions where session_id = $1', [session]);
    await sql('delete from candidates where phone_number = $1', [phone]);
  };
  await cleanup();
  await sql(
    `insert into candidates (full_name, phone_number, campaign) values ('Oskar Search', $1, 'Plumber - London')`,
    [phone],
  );
  await sql(
    `insert into sessions (session_id, phone_number, campaign, status) values ($1, $2, 'Plumber - London', 'active')`,
    [session, `whatsapp:${phone}`],
  );
  const [message] = await sql<{ id: string }>(
    `insert into chat_history (session_id, message, created_at) values
       ($1, '{"type": "human", "content": "I keep my tools in a turquoise camper van"}', now() - interval '1 hour')
     returning id`,
    [session],
  );
  await sql(
    `insert into chat_history (session_id, message) values ($1, '{"type": "ai", "content": "Thanks Oskar, noted."}')`,
    [session],
  );
  await sql(
    `insert into calls (call_id, session_id, phone_number, called_at, duration, status, transcript)
     values ('e2e_search_call', $1, $2, now() - interval '2 hours', 95, 'completed', $3)`,
    [
      session,
      phone,
      [
        'Agent: Hi Oskar, a quick call about the role.',
        ...Array.from({ length: 30 }, (_, i) => `User: filler line ${i}`),
        'User: I passed my Gas Safe assessment in Ipswich last spring.',
      ].join('\n'),
    ],
  );

  try {
    await page.goto('/campaigns');
    await expectLive(page);
    // The header box from another screen: `/` focuses it.
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search messages and calls' });
    await expect(box).toBeFocused();
    await box.fill('"turquoise camper"');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=%22turquoise\+camper%22/);

    const results = page.getByRole('list', { name: 'Results by candidate' });
    const group = results.getByRole('listitem').filter({ hasText: 'Oskar Search' }).first();
    await expect(group).toBeVisible();
    await expect(group.locator('mark')).toHaveText(['turquoise', 'camper']);
    await expect(page.getByRole('status').filter({ hasText: /^1 result/ })).toBeVisible();
    await expectAccessible(page, 'the Search page');
    await screenshotBothWidths(page, 'search-results');

    // A message opens the chat at that message, highlighted.
    await group.getByRole('link', { name: /Message.*open in the chat/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Oskar Search' });
    await expect(page).toHaveURL(new RegExp(`message=${message!.id}`));
    const focused = dialog.locator('[data-active]');
    await expect(focused).toContainText('turquoise camper van');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    // A typo in a longer word is forgiven; a call opens its transcript at the match.
    const searchBox = page.getByRole('searchbox', { name: /Search messages, call transcripts/ });
    await searchBox.fill('ipswitch assessment');
    await searchBox.press('Enter');
    await expect(page.getByText('including results for')).toBeVisible();
    const call = results.getByRole('link', { name: /Call, open its transcript/ }).first();
    await expect(call.locator('mark')).toContainText(['Ipswich']);
    await call.click();
    const transcript = page.getByRole('dialog', { name: 'Call transcript' });
    await expect(transcript.getByRole('searchbox')).toHaveValue(/Ipswich|assessment/);
    await expect(transcript.locator('[data-active]')).toContainText(
      'Gas Safe assessment in Ipswich',
    );
    await screenshotBothWidths(page, 'search-call-transcript', { fullPage: false });

    // Back steps through what was opened (transcript, dialog) to the previous search: the URL
    // is the state.
    for (let step = 0; step < 6 && page.url().includes('ipswitch'); step += 1) await page.goBack();
    await expect(page).toHaveURL(/\/search\?q=%22turquoise\+camper%22/);
    await expect(results.getByText('Oskar Search')).toBeVisible();
  } finally {
    await cleanup();
  }
});

test('an empty or too short search says what to do', async ({ page }) => {
  await page.goto('/search');
  await expect(page.getByText('Search every conversation')).toBeVisible();
  await page.goto('/search?q=a');
  await expect(page.getByText('Type at least 2 characters to search.')).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent('" & | !( ' + 'x'.repeat(3000))}`);
  await expect(page.getByText(/Only the first 200 characters/)).toBeVisible();
  await expect(page.getByText(/Nothing matches/)).toBeVisible();
  await screenshotBothWidths(page, 'search-empty');
});
