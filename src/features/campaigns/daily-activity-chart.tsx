import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DailyActivity } from '@/lib/backend-types';
import { formatCount } from '@/lib/format';
import { formatDay, formatDayShort } from './day-format';

// Loaded lazily (React.lazy in daily-activity.tsx): recharts is the largest dependency and only
// this page draws a chart (DESIGN §7: initial JavaScript budget).

// A paler shade of the one accent colour (DESIGN §8), mixed in sRGB: oklch mixing with white
// drifts towards pink. A colour, not an opacity, so the legend swatch matches the bar.
const RECEIVED_FILL = 'color-mix(in srgb, var(--primary) 40%, var(--card))';
const AXIS_TICK = { fontSize: 12, fill: 'var(--muted-foreground)' };
const prefersReducedMotion = () =>
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/** Messages (sent and received, stacked) and calls per day. Visual only: the caller gives the numbers as a table too. */
export default function DailyActivityChart({ days }: { days: DailyActivity[] }) {
  const animate = !prefersReducedMotion();
  return (
    <ResponsiveContainer width="100%" height={260}>
      {/* No keyboard layer: the chart is hidden from assistive technology, which reads the table. */}
      <BarChart
        data={days}
        margin={{ top: 8, right: 8, bottom: 0, left: -12 }}
        barGap={2}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="day"
          tickFormatter={formatDayShort}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          interval="preserveStartEnd"
          minTickGap={12}
        />
        <YAxis
          allowDecimals={false}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width={44}
        />
        <Tooltip
          labelFormatter={(day) => formatDay(String(day))}
          formatter={(value) => formatCount(Number(value))}
          cursor={{ fill: 'var(--muted)' }}
          contentStyle={{
            background: 'var(--card)',
            border: '1px solid var(--border)',
            borderRadius: 8,
            fontSize: 13,
          }}
        />
        {/* In the order of the bars (the default sorts by name), in the text colour. */}
        <Legend
          itemSorter={null}
          wrapperStyle={{ fontSize: 13 }}
          iconType="circle"
          iconSize={8}
          formatter={(name) => <span className="text-foreground">{name}</span>}
        />
        <Bar
          dataKey="messagesOut"
          name="Messages sent"
          stackId="messages"
          fill="var(--primary)"
          isAnimationActive={animate}
        />
        <Bar
          dataKey="messagesIn"
          name="Messages received"
          stackId="messages"
          fill={RECEIVED_FILL}
          radius={[3, 3, 0, 0]}
          isAnimationActive={animate}
        />
        <Bar
          dataKey="calls"
          name="Calls"
          fill="var(--muted-foreground)"
          radius={[3, 3, 0, 0]}
          isAnimationActive={animate}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
