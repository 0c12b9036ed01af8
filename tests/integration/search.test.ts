import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackendApi, createBackendApi } from '@/lib/backend-queries';
import type { SearchFilters, SearchHit } from '@/lib/backend-types';
import { snippetParts } from '@/lib/search-text';
import { DEMO_STAFF } from '../../stack/demo';
import { newClient, signedInClient, strangerClient, withDb } from '../support/clients';

// One search over messages, transcripts and analyses (issue 17), against the real stack. The
// conversations below use words the demo data never does, so every expectation is exact.

const CAMPAIGN = 'Search test campaign';
const SESSION = 'search_t1';
const OTHER_SESSION = 'search_t2';
const PHONE = '+447700900811';
const ids: Record<string, string> = {};

let api: BackendApi;

const human = (content: unknown) => ({ type: 'human', content });
const ai = (content: unknown) => ({ type: 'ai', content });

// name → [session, message, created_at]
const MESSAGES: [string, string, unknown, string][] = [
  [
    'order',
    SESSION,
    human('The quokka drove a yellow zeppelin to the depot'),
    '2026-11-01T10:00:00Z',
  ],
  ['accent', SESSION, ai('Meet me at the Café Zénith on Monday'), '2026-11-02T10:00:00Z'],
  [
    'stem',
    SESSION,
    human('I did snorkelling and glassblower work for years'),
    '2026-11-03T10:00:00Z',
  ],
  // a LangChain JS message stored as a JSON string, with parts
  [
    'shape',
    OTHER_SESSION,
    JSON.stringify({
      lc: 1,
      type: 'constructor',
      id: ['langchain_core', 'messages', 'AIMessage'],
      kwargs: { content: [{ type: 'text', text: 'Your marzipan induction is booked' }] },
    }),
    '2026-11-04T10:00:00Z',
  ],
  [
    'markup',
    OTHER_SESSION,
    human('<img src=x onerror=alert(1)> tangerine'),
    '2026-11-05T10:00:00Z',
  ],
  // short words next to others (a lexeme of 3 letters is not a prefix)
  [
    'short',
    OTHER_SESSION,
    ai('Our day rate for the fig orchard job is fixed'),
    '2026-11-05T11:00:00Z',
  ],
];

async function search(filters: Partial<SearchFilters> & { query: string }) {
  return api.searchConversations(filters);
}
/** Runs of English stop words only (`to the`): they parse to an empty query. */
const STOP_WORDS = /^((the|to|a|me|at|on|i|did|and|for|is|our)( |$))+$/i;
const idsOf = (hits: SearchHit[]) => hits.map((hit) => hit.id);

beforeAll(async () => {
  api = createBackendApi(await signedInClient(DEMO_STAFF[0]!.email));
  await withDb(async (db) => {
    await db.query(
      `insert into campaigns (name, description, objectives, status) values ($1, 'search', '[]', 'active')`,
      [CAMPAIGN],
    );
    await db.query(
      `insert into sessions (session_id, phone_number, campaign, status) values
         ($1, $3, $4, 'active'), ($2, 'whatsapp:+447700900812', 'Other search campaign', 'waiting')`,
      [SESSION, OTHER_SESSION, PHONE, CAMPAIGN],
    );
    for (const [name, session, message, at] of MESSAGES) {
      const { rows } = await db.query<{ id: string }>(
        'insert into chat_history (session_id, message, created_at) values ($1, $2, $3) returning id',
        [session, JSON.stringify(message), at],
      );
      ids[name] = rows[0]!.id;
    }
    await db.query(
      `insert into calls (call_id, session_id, phone_number, called_at, duration, status, transcript, analysis)
       values ('search_call_1', $1, $2, '2026-11-06T10:00:00Z', 60, 'completed',
         'Agent: Where do you keep the van?' || chr(10) || 'User: The van is parked at the Zanzibar yard.',
         '{"call_summary": "Owns a wheelbarrow and a ladder", "custom_analysis_data": {"notes": "fluent in Esperanto"}}')`,
      [SESSION, PHONE],
    );
  });
});

afterAll(async () => {
  await withDb(async (db) => {
    await db.query('delete from chat_history where session_id = any($1)', [
      [SESSION, OTHER_SESSION],
    ]);
    await db.query(`delete from calls where call_id like 'search_call_%'`);
    await db.query('delete from sessions where session_id = any($1)', [[SESSION, OTHER_SESSION]]);
    await db.query('delete from campaigns where name = $1', [CAMPAIGN]);
  });
});

describe('matching people expect', () => {
  it('words in any order, all of them', async () => {
    expect(idsOf((await search({ query: 'zeppelin QUOKKA' })).hits)).toEqual([ids.order]);
    expect((await search({ query: 'zeppelin walrus' })).hits).toEqual([]);
  });

  it('case and accents ignored, the stored words highlighted as written', async () => {
    for (const query of ['cafe zenith', 'CAFÉ ZÉNITH', 'Cafe Zénith']) {
      const { hits } = await search({ query });
      expect(idsOf(hits)).toEqual([ids.accent]);
      const matched = snippetParts(hits[0]!.snippet).filter((part) => part.match);
      expect(matched.map((part) => part.text)).toEqual(['Café', 'Zénith']);
    }
  });

  it('English stems, and stems as prefixes', async () => {
    expect(idsOf((await search({ query: 'snorkelled' })).hits)).toEqual([ids.stem]);
    expect(idsOf((await search({ query: 'glassblowing' })).hits)).toEqual([ids.stem]);
  });

  it('a phrase in quotes, in its order', async () => {
    expect(idsOf((await search({ query: '"yellow zeppelin"' })).hits)).toEqual([ids.order]);
    expect((await search({ query: '"zeppelin yellow"' })).hits).toEqual([]);
  });

  it('every run of 2–4 words of a message finds it, quoted or not, short words and all', async () => {
    const texts = MESSAGES.flatMap(([name, session, message]) =>
      typeof message === 'object' && typeof (message as { content: unknown }).content === 'string'
        ? [[name, session, (message as { content: string }).content] as const]
        : [],
    );
    for (const [name, session, text] of texts) {
      // within the message's campaign: the demo data holds common words too, newer
      const campaign = session === SESSION ? CAMPAIGN : 'Other search campaign';
      const words = text.split(/\s+/).filter((word) => /^[\p{L}]+$/u.test(word));
      for (let length = 2; length <= 4; length++)
        for (let start = 0; start + length <= words.length; start++) {
          const run = words.slice(start, start + length).join(' ');
          if (STOP_WORDS.test(run)) continue; // nothing to search for
          for (const query of [run, `"${run}"`])
            expect({
              query,
              found: idsOf((await search({ query, campaign })).hits).includes(ids[name]!),
            }).toEqual({
              query,
              found: true,
            });
        }
    }
  });

  it('a mistyped word of 5+ letters is corrected to one the conversations hold', async () => {
    const page = await search({ query: 'zepelin' });
    expect(idsOf(page.hits)).toEqual([ids.order]);
    expect(page.corrected).toBe('zeppelin');
    expect(idsOf((await search({ query: 'quokkka yelow' })).hits)).toEqual([ids.order]);
    // Short words are not guessed at: `vam` is not `van`.
    expect((await search({ query: 'vam' })).hits).toEqual([]);
  });

  it('every message shape the normalisers read, markup as text', async () => {
    expect(idsOf((await search({ query: 'marzipan induction' })).hits)).toEqual([ids.shape]);
    const { hits } = await search({ query: 'tangerine' });
    expect(idsOf(hits)).toEqual([ids.markup]);
    // The snippet is the stored text (the page shows it as text, never as HTML).
    expect(hits[0]!.snippet).toContain('img src=x onerror=alert(1)>');
  });

  it('call transcripts and the strings of call analyses', async () => {
    const transcript = await search({ query: 'van zanzibar' });
    expect(transcript.hits.map((hit) => [hit.kind, hit.id, hit.phone, hit.campaign])).toEqual([
      ['call', 'search_call_1', PHONE, CAMPAIGN],
    ]);
    expect(idsOf((await search({ query: 'wheelbarrow' })).hits)).toEqual(['search_call_1']);
    expect(idsOf((await search({ query: 'esperanto' })).hits)).toEqual(['search_call_1']);
    // Speaker labels are not words of the call.
    expect((await search({ query: 'zanzibar agent' })).hits).toEqual([]);
  });
});

describe('filters, counts and pages', () => {
  it('kind, sender, campaign and dates; each hit says where it is from', async () => {
    const query = 'quokka OR zenith OR snorkel OR wheelbarrow OR marzipan';
    expect(idsOf((await search({ query })).hits)).toEqual([
      'search_call_1',
      ids.shape,
      ids.stem,
      ids.accent,
      ids.order,
    ]);
    expect(idsOf((await search({ query, kind: 'call' })).hits)).toEqual(['search_call_1']);
    expect(idsOf((await search({ query, sender: 'user' })).hits)).toEqual([ids.stem, ids.order]);
    expect(idsOf((await search({ query, sender: 'agent' })).hits)).toEqual([ids.shape, ids.accent]);
    expect(idsOf((await search({ query, campaign: 'Other search campaign' })).hits)).toEqual([
      ids.shape,
    ]);
    expect(
      idsOf(
        (await search({ query, from: '2026-11-02T00:00:00Z', to: '2026-11-04T00:00:00Z' })).hits,
      ),
    ).toEqual([ids.stem, ids.accent]);
    const [call, shape] = (await search({ query })).hits;
    expect(call).toMatchObject({
      kind: 'call',
      sender: null,
      status: 'active',
      sessionId: SESSION,
    });
    expect(shape).toMatchObject({
      kind: 'message',
      sender: 'agent',
      phone: 'whatsapp:+447700900812',
      campaign: 'Other search campaign',
      status: 'waiting',
      at: expect.stringMatching(/^2026-11-04T10:00:00/),
    });

    const facets = await api.searchFacets({ query, kind: 'message' });
    expect(facets).toMatchObject({
      total: 4,
      totalCapped: false,
      capped: false,
      kinds: { message: 4, call: 1 },
      senders: { user: 2, agent: 2 },
      campaigns: { [CAMPAIGN]: 4, 'Other search campaign': 1 },
    });
  });

  it('keyset pages: every hit once, newest first, however ties fall', async () => {
    await withDb((db) =>
      db.query(
        `insert into chat_history (session_id, message, created_at)
         select $1, jsonb_build_object('type', 'human', 'content', 'kumquat number ' || i),
           -- ten messages share each instant, so the pages cut through ties
           '2026-10-01T00:00:00Z'::timestamptz + (i / 10) * interval '1 minute'
         from generate_series(1, 1005) i`,
        [SESSION],
      ),
    );
    const seen: SearchHit[] = [];
    let page = await search({ query: 'kumquat' });
    for (let pages = 1; ; pages += 1) {
      seen.push(...page.hits);
      if (!page.next) break;
      expect(pages).toBeLessThan(40);
      page = await api.searchConversations({ query: 'kumquat' }, page.next);
    }
    expect(seen).toHaveLength(1005);
    expect(new Set(idsOf(seen)).size).toBe(1005);
    const times = seen.map((hit) => hit.at!);
    expect(times).toEqual([...times].sort().reverse());

    // More than 1,000 hits are not all counted.
    const facets = await api.searchFacets({ query: 'kumquat' });
    expect(facets).toMatchObject({ total: 1000, totalCapped: true, capped: true });
    await withDb((db) =>
      db.query(`delete from chat_history where message->>'content' like 'kumquat number %'`),
    );
    expect(await api.searchFacets({ query: 'kumquat' })).toMatchObject({ total: 0 });
  });
  // Few matches are read through the GIN index, many by walking the newest documents: the same
  // query either way, so the same hits. Both ways for every word of the test messages, each filter.
  it('reads the same hits through the index as by the newest-first walk', async () => {
    const words = [
      ...new Set(
        MESSAGES.flatMap(
          ([, , message]) =>
            JSON.stringify(message)
              .toLowerCase()
              .match(/[a-z]{4,}/g) ?? [],
        ),
      ),
    ];
    const filters = [
      [null, null, null],
      [CAMPAIGN, null, null],
      [null, 'message', 'user'],
      [null, 'call', null],
    ];
    await withDb(async (db) => {
      const hits = async (walkAbove: number | null, word: string, filter: (string | null)[]) => {
        await db.query('begin');
        try {
          if (walkAbove !== null) await db.query(`set local search.walk_above = ${walkAbove}`);
          const { rows } = await db.query(
            'select kind, source_id, at from public.search_conversations($1, $2, $3, $4)',
            [word, ...filter],
          );
          return rows;
        } finally {
          await db.query('commit');
        }
      };
      let compared = 0;
      for (const word of words)
        for (const filter of filters) {
          const indexed = await hits(null, word, filter);
          expect(await hits(0, word, filter), `${word} ${filter.join(',')}`).toEqual(indexed);
          compared += indexed.length;
        }
      expect(compared).toBeGreaterThan(words.length);
    });
  });
});

describe('what is searched follows the agent’s writes', () => {
  it('an edited message is found by its new words only; a deleted one not at all', async () => {
    const { rows } = await withDb((db) =>
      db.query<{ id: string }>(
        `insert into chat_history (session_id, message) values ($1, '{"type":"human","content":"my pomegranate"}') returning id`,
        [SESSION],
      ),
    );
    const id = rows[0]!.id;
    expect(idsOf((await search({ query: 'pomegranate' })).hits)).toEqual([id]);
    await withDb((db) =>
      db.query(
        `update chat_history set message = '{"type":"human","content":"my persimmon"}' where id = $1`,
        [id],
      ),
    );
    expect((await search({ query: 'pomegranate' })).hits).toEqual([]);
    expect(idsOf((await search({ query: 'persimmon' })).hits)).toEqual([id]);
    await withDb((db) => db.query('delete from chat_history where id = $1', [id]));
    expect((await search({ query: 'persimmon' })).hits).toEqual([]);
  });

  it('a call whose transcript arrives in a later update is found by it', async () => {
    await withDb(async (db) => {
      await db.query(
        `insert into calls (call_id, session_id, phone_number, status) values ('search_call_2', $1, $2, 'in-progress')`,
        [SESSION, PHONE],
      );
      await db.query(
        `update calls set status = 'completed', transcript = 'User: my trombone is ready' where call_id = 'search_call_2'`,
      );
    });
    expect(idsOf((await search({ query: 'trombone' })).hits)).toEqual(['search_call_2']);
  });
});

describe('any input, and only for staff', () => {
  const ODD = [
    '"',
    '""',
    '"unclosed phrase',
    "o'brien",
    'a & b | !c',
    '(zeppelin',
    'quokka:*',
    '<->',
    '\\',
    '%_',
    '👍🏽 👍',
    'نعم',
    '-quokka',
    'or',
    'the and of',
    '\u0000',
    'x'.repeat(10_000),
    'quokka '.repeat(1_500),
  ];

  it.each(ODD.map((query) => [JSON.stringify(query).slice(0, 40), query]))(
    '%s gives hits or none, never an error',
    async (_name, query) => {
      const page = await search({ query });
      expect(Array.isArray(page.hits)).toBe(true);
      const facets = await api.searchFacets({ query });
      expect(facets.total).toBeGreaterThanOrEqual(0);
    },
  );

  it('strangers find nothing and anon may not call it', async () => {
    const { client } = await strangerClient();
    const stranger = createBackendApi(client);
    expect((await stranger.searchConversations({ query: 'quokka' })).hits).toEqual([]);
    expect(await stranger.searchFacets({ query: 'quokka' })).toMatchObject({ total: 0 });
    await expect(
      createBackendApi(newClient()).searchConversations({ query: 'quokka' }),
    ).rejects.toThrow();
    // Staff do find it, so the empty answers above are the policy's.
    expect((await search({ query: 'quokka' })).hits.length).toBe(1);
  });
});
