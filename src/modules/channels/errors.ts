import { AppError } from '../../platform/http';

export const channelErrors = {
  alreadyConnected: () =>
    new AppError(409, 'channel_already_connected', 'This phone number id is already connected to a workspace. Disconnect it there first.'),
  credentialsRejected: (hint: string, graphCode?: number) =>
    new AppError(422, 'channel_credentials_rejected', `Meta refused the credentials: ${hint}`, graphCode === undefined ? undefined : { graphCode }),
  notSandbox: () => new AppError(404, 'not_found', 'No such sandbox channel in this workspace.'),
};
