/** What a tab needs from one query to draw its loading, error and data states. */
export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  onRetry: () => void;
}
