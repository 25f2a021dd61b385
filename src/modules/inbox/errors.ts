import { AppError, notFound } from '../../platform/http';

export const inboxErrors = {
  conversationNotFound: () => notFound('conversation'),
  messageNotFound: () => notFound('message'),
  mediaNotFound: () => notFound('media'),
  mediaNotReady: () => new AppError(409, 'media_not_ready', 'The medium has not been downloaded yet; try again shortly.'),
};
