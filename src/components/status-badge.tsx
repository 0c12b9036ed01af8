import { Badge, type BadgeTone } from '@/components/ui/badge';
import { humanizeKey } from '@/lib/normalizers';

// DESIGN §8: the same status has the same colour and word everywhere.
const STATUSES: Record<string, { label: string; tone: BadgeTone }> = {
  active: { label: 'Active', tone: 'green' },
  waiting: { label: 'Waiting', tone: 'amber' },
  completed: { label: 'Completed', tone: 'blue' },
  opted_out: { label: 'Opted out', tone: 'grey' },
  failed: { label: 'Failed', tone: 'red' },
};

export function statusLabel(status: string | null | undefined): string {
  if (!status) return 'No status';
  return STATUSES[status.toLowerCase()]?.label ?? humanizeKey(status);
}

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const known = status ? STATUSES[status.toLowerCase()] : undefined;
  return <Badge tone={known?.tone ?? 'neutral'}>{statusLabel(status)}</Badge>;
}
