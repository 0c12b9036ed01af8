import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

const badgeVariants = cva(
  'inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-medium whitespace-nowrap [&>svg]:size-3',
  {
    variants: {
      tone: {
        neutral: 'border-border bg-muted text-foreground',
        green:
          'border-green-600/30 bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200',
        amber:
          'border-amber-600/30 bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-200',
        blue: 'border-blue-600/30 bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200',
        grey: 'border-zinc-500/30 bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200',
        red: 'border-red-600/30 bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200',
        accent: 'border-primary/30 bg-primary/10 text-primary',
      },
    },
    defaultVariants: { tone: 'neutral' },
  },
);

export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>['tone']>;

export function Badge({
  className,
  tone,
  ...props
}: ComponentProps<'span'> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
