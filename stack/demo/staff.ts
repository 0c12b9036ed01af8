import type { DemoStaffAccount } from './types';

// DESIGN §5: one demo account per role, shown on the login page in local mode only.
// Fixed ids so notes' authors, tokens and tests stay stable across resets.
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_STAFF: readonly DemoStaffAccount[] = [
  {
    id: '00000000-0000-4000-8000-00000000d001',
    email: 'recruiter@demo.local',
    role: 'recruiter',
    fullName: 'Priya Shah',
    password: DEMO_PASSWORD,
  },
  {
    id: '00000000-0000-4000-8000-00000000d002',
    email: 'ops@demo.local',
    role: 'ops',
    fullName: 'Tom Walker',
    password: DEMO_PASSWORD,
  },
  {
    id: '00000000-0000-4000-8000-00000000d003',
    email: 'manager@demo.local',
    role: 'manager',
    fullName: 'Helen Carter',
    password: DEMO_PASSWORD,
  },
];

export const DEMO_EXAMPLES = {
  phone: '+447853723604',
  sessionId: 'general_447835156367',
  campaign: 'Plumber - London',
} as const;
