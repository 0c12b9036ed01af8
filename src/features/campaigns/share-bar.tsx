import { cn } from '@/lib/utils';

/**
 * A thin horizontal bar for a share (0–1). Decorative: the count and percentage beside it carry
 * the meaning, so it is hidden from screen readers.
 */
export function ShareBar({ share, className }: { share: number; className?: string }) {
  const percent = Math.min(100, Math.max(0, Number.isFinite(share) ? share * 100 : 0));
  return (
    <div aria-hidden="true" className={cn('h-2 overflow-hidden rounded-full bg-muted', className)}>
      <div className="h-full rounded-full bg-primary" style={{ width: `${percent}%` }} />
    </div>
  );
}
