import { AppError } from '../../platform/http';

export const channelErrors = {
  alreadyConnected: () =>
    new AppError(409, 'channel_already_connected', 'This phone number id is already connected to a workspace. Disconnect it there first.'),
  credentialsRejected: (hint: string, graphCode?: number) =>
    new AppError(422, 'channel_credentials_rejected', `Meta refused the credentials: ${hint}`, graphCode === undefined ? undefined : { graphCode }),
  notFound: () => new AppError(404, 'not_found', 'No such channel in this workspace.'),
  noChannel: () => new AppError(422, 'channel_required', 'Connect a WhatsApp channel first.'),
  severalChannels: () => new AppError(422, 'channel_required', 'This workspace has several channels: say which one with channelId.'),
  notSandbox: () => new AppError(404, 'not_found', 'No such sandbox channel in this workspace.'),
};
