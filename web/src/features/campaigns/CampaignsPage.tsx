import { ComingSoon } from '../../ui/ComingSoon';

export function CampaignsPage() {
  return <ComingSoon title="Campaigns" summary="Send a template to contacts who opted in, on a schedule, and follow delivery, reads, replies and cost." />;
}
