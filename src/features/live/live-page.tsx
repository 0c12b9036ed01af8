import { LiveActivityDashboard } from './live-activity-dashboard';

export default function LivePage() {
  return <LiveActivityDashboard />;
}
