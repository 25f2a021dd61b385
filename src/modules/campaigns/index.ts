export type { CampaignsDeps } from './deps';
export { registerCampaignRoutes } from './campaigns.routes';
export { startCampaignRunner, stepCampaign } from './run-campaigns';
export { createCampaign, type NewCampaign } from './create-campaign';
export { controlCampaign } from './control-campaign';
export { campaignWithFunnel } from './campaign-view';
