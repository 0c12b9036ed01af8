import { memo } from 'react';
import { useToday } from '@/components/use-today';
import { dayLabel, type DayRow } from './chat-rows';

/**
 * "Today", "Yesterday", "Tue 24 Nov" above a day's first message. It reads today itself, so at
 * midnight only the separators in view draw again: not the rows, not the messages.
 */
export const DaySeparator = memo(function DaySeparator({ date }: { date: DayRow['date'] }) {
  const today = useToday();
  return (
    <div className="flex justify-center pt-3 pb-1">
      <span className="rounded-md border bg-card px-2.5 py-0.5 text-xs font-medium text-muted-foreground shadow-xs">
        {date ? dayLabel(date, today) : 'Date unknown'}
      </span>
    </div>
  );
});
