import { expect, test } from './support/fixtures';

// DESIGN §6: message text, transcripts and analysis are text, never HTML; only http(s) URLs are
// used. The agent's data is not ours to trust: every field below carries a payload that would
// set window.__pwned (or fetch /x) if it ever became markup. CSP is bypassed here so that it is
// the rendering that is tested, not the policy that would otherwise mask a mistake.
test.use({ bypassCSP: true });

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const JS_URL = 'javascript:window.__pwned=1';
const SVG = '<svg onload="window.__pwned=1"></svg>';

test('HTML and script payloads in messages, transcripts, analysis, names and notes render as text', async ({
  page,
  sql,
}) => {
  const digits = `447700911${String(Date.now()).slice(-3)}`;
  const phone = `+${digits}`;
  const session = `xss_${digits}`;
  const campaign = `Plumber ${SCRIPT}`;
  const callId = `xss_call_${digits}`;

  const fetchedX: string[] = [];
  page.on('request', (request) => {
    if (/\/x$/.test(new URL(request.url()).pathname)) fetchedX.push(request.url());
  });

  try {
    await sql(
      `insert into public.sessions (session_id, phone_number, campaign, status, objectives, created_at, updated_at)
       values ($1, $2, $3, 'active', $4, now() - interval '1 hour', now())`,
      [session, phone, campaign, { [IMG]: true, replied: { achieved: true, at: JS_URL } }],
    );
    await sql(
      `insert into public.candidates (full_name, phone_number, email, campaign, stage)
       values ($1, $2, $3, $4, 'new')`,
      [`Dave ${IMG}`, phone, `dave@example.com"><img src=x onerror=window.__pwned=1>`, campaign],
    );
    const messages = [
      { type: 'human', content: IMG },
      { type: 'ai', content: SCRIPT },
      { role: 'user', content: [{ type: 'text', text: SVG }] },
      { sender: 'agent', text: `Apply here: ${JS_URL}` },
      { weird: SCRIPT },
    ];
    for (const [index, message] of messages.entries())
      await sql(
        `insert into public.chat_history (session_id, message, created_at)
         values ($1, $2, now() - make_interval(mins => $3))`,
        [session, message, 50 - index],
      );
    await sql(
      `insert into public.calls (call_id, session_id, phone_number, called_at, duration, status, transcript, recording_url, analysis)
       values ($1, $2, $3, now() - interval '10 minutes', 95, 'completed', $4, $5, $6)`,
      [
        callId,
        session,
        phone,
        `AI: Hello ${IMG}\nUser: ${SCRIPT}\nAI: ${JS_URL}`,
        JS_URL,
        { summary: `Summary ${IMG}`, sentiment: SCRIPT, website: JS_URL, notes: SVG },
      ],
    );

    // Nothing ran, nothing became an element, no javascript: URL reached an href or src.
    const expectNothingRan = async () => {
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      await expect(page.locator('img[src="x"], svg[onload], body script')).toHaveCount(0);
      await expect(page.locator('[href^="javascript:" i], [src^="javascript:" i]')).toHaveCount(0);
      expect(fetchedX).toEqual([]);
    };
    const open = (tab: string) =>
      page.goto(`/candidates?candidate=${encodeURIComponent(phone)}&tab=${tab}`);
    const dialog = page.getByRole('dialog');

    await open('chat');
    const log = dialog.getByRole('log');
    await expect(log.getByText(IMG)).toBeVisible();
    await expect(log.getByText(SCRIPT, { exact: true })).toBeVisible();
    await expect(log.getByText(SVG)).toBeVisible();
    await expect(log.getByText(`Apply here: ${JS_URL}`)).toBeVisible();
    await expect(dialog.getByRole('heading', { name: `Dave ${IMG}` })).toBeVisible();
    await expectNothingRan();

    await dialog.getByRole('tab', { name: 'Info' }).click();
    await expect(dialog.getByText(campaign).first()).toBeVisible();

    await dialog.getByRole('tab', { name: 'Calls' }).click();
    await expect(dialog.getByText(`Summary ${IMG}`)).toBeVisible();
    await expect(dialog.getByText(SVG)).toBeVisible();
    await expect(
      dialog.getByText("Recording not playable: it isn't stored at a web (http) address."),
    ).toBeVisible();
    await expect(dialog.locator('audio')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Transcript' }).click();
    const transcript = page.getByRole('dialog', { name: 'Call transcript' });
    await expect(transcript.getByText(`Hello ${IMG}`)).toBeVisible();
    await expect(transcript.getByText(SCRIPT)).toBeVisible();
    await expectNothingRan();
    await page.keyboard.press('Escape');

    await dialog.getByRole('tab', { name: 'Notes' }).click();
    await dialog.getByLabel('Add a note').fill(`Note ${IMG} ${SCRIPT}`);
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await expect(dialog.getByText(`Note ${IMG} ${SCRIPT}`)).toBeVisible();

    await dialog.getByRole('tab', { name: 'Timeline' }).click();
    await expect(dialog.getByText(IMG).first()).toBeVisible();
    await expectNothingRan();
    await page.keyboard.press('Escape');

    await page.goto(`/live?q=${digits}`);
    await expect(
      page.getByRole('region', { name: 'Sessions' }).getByText(`Dave ${IMG}`),
    ).toBeVisible();
    await expectNothingRan();
    await page.goto('/campaigns');
    await expect(page.getByRole('link', { name: campaign })).toBeVisible();
    await page.getByRole('link', { name: campaign }).click();
    await expect(page.getByRole('heading', { level: 1, name: campaign })).toBeVisible();
    await expectNothingRan();
  } finally {
    await sql('delete from public.candidates where phone_number = $1', [phone]);
    await sql('delete from public.calls where session_id = $1', [session]);
    await sql('delete from public.chat_history where session_id = $1', [session]);
    await sql('delete from public.sessions where session_id = $1', [session]);
  }
});

test.describe('the Content-Security-Policy, as a second line of defence', () => {
  test.use({ bypassCSP: false });

  test('blocks markup that did get injected: inline handlers, inline scripts, javascript: URLs', async ({
    page,
    problems,
  }) => {
    await page.goto('/live');
    await expect(page.getByRole('heading', { name: 'Live activity' })).toBeVisible();
    await page.evaluate(
      ([img, svg]) => {
        document.body.insertAdjacentHTML(
          'beforeend',
          `${img}${svg}<a id="js" href="javascript:window.__pwned=1">x</a>`,
        );
        const script = document.createElement('script');
        script.textContent = 'window.__pwned = 1';
        document.body.append(script);
        document.getElementById('js')!.click();
      },
      [IMG, SVG],
    );
    await expect
      .poll(() => page.evaluate(() => (window as { __csp?: string[] }).__csp?.length ?? 0))
      .toBe(4);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const blocked = await page.evaluate(() => (window as { __csp?: string[] }).__csp ?? []);
    // onerror and onload (attributes); the <script> element and the javascript: URL (elements).
    expect(blocked.toSorted()).toEqual([
      'script-src-attr blocked inline',
      'script-src-attr blocked inline',
      'script-src-elem blocked inline',
      'script-src-elem blocked inline',
    ]);
    // These violations were the point (the console reports them too); clear them for the fixture.
    await expect.poll(() => problems.csp.length).toBeGreaterThanOrEqual(3);
    await page.evaluate(() => ((window as { __csp?: string[] }).__csp = []));
    expect(problems.csp.every((m) => /Content Security Policy/.test(m))).toBe(true);
    problems.csp.length = 0;
  });
});
