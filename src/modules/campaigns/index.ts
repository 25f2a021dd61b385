export type { CampaignsDeps } from './deps';
export { registerCampaignRoutes } from './campaigns.routes';
export { startCampaignRunner } from './run-campaigns';
export { campaignDataPart } from './campaign-personal-data';
export { billedPriceOf, countryOf, priceOf, CURRENCY } from './prices';
