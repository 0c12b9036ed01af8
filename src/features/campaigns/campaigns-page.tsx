import { CampaignLiveStats } from './campaign-live-stats';

export default function CampaignsPage() {
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-semibold">Campaigns</h1>
      <CampaignLiveStats />
    </div>
  );
}
