/** PostgREST's default cap on rows per response (Supabase's `max_rows`). */
const PAGE_SIZE = 1000;

interface PageResult<Row> {
  data: Row[] | null;
  error: { message?: string; code?: string } | null;
  status: number;
}

/**
 * Reads every row of an ordered query, one capped page after another: a conversation longer
 * than the cap still comes back whole. `page(from, to)` must apply a total order.
 */
export async function fetchAllPages<Row>(
  page: (from: number, to: number) => PromiseLike<PageResult<Row>>,
  onError: (error: NonNullable<PageResult<Row>['error']>, status: number) => Error,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let from = 0; ; from += PAGE_SIZE) {
    const { data, error, status } = await page(from, from + PAGE_SIZE - 1);
    if (error) throw onError(error, status);
    rows.push(...(data ?? []));
    if (!data || data.length < PAGE_SIZE) return rows;
  }
}

/**
 * PostgREST answers a counted request whose offset lies past the last row with 416 and this
 * code (a page number typed into the URL, or rows deleted since the pager was drawn). That is
 * an empty page, not a failure; without a count the same request returns 200 and no rows.
 */
const RANGE_PAST_END = 'PGRST103';

export function isRangePastEnd(error: { code?: string } | null): boolean {
  return error?.code === RANGE_PAST_END;
}
