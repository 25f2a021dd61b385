import { usePathname } from '../../app/navigation';
import { CampaignDetail } from './CampaignDetail';
import { CampaignList } from './CampaignList';
import { NewCampaignWizard } from './wizard/NewCampaignWizard';
import './campaigns.css';

// /app/campaigns, /app/campaigns/new (the wizard) and /app/campaigns/<id> (one campaign's funnel).
export function CampaignsPage() {
  const rest = usePathname().replace(/\/+$/, '').slice('/app/campaigns'.length + 1);
  if (!rest) return <CampaignList />;
  if (rest === 'new') return <NewCampaignWizard />;
  return <CampaignDetail key={rest} id={decodeURIComponent(rest)} />;
}
