import { downloadMedia, downloadMediaBytes, type MediaStream } from './download-media';
import { GraphHttp, type CloudApiLogger } from './graph-http';
import type { GraphTransport } from './graph-transport';
import { deleteMedia, getMedia, uploadMedia, type MediaInfo, type MediaUpload } from './media';
import type { OutboundMessage } from './outbound-message';
import { getPhoneNumberInfo, type PhoneNumberInfo } from './phone-number';
import { markAsRead, sendMessage, sendTypingIndicator, type SendResult } from './send-message';
import type { TemplateDefinition } from './template-definition';
import {
  createTemplate,
  deleteTemplate,
  listAllTemplates,
  listTemplates,
  type ListTemplatesOptions,
  type MetaTemplate,
  type TemplatePage,
} from './templates';

export interface CloudApiClientConfig {
  /** `https://graph.facebook.com`, or a simulator's URL (which may carry a path). */
  baseUrl: string;
  /** `v24.0`. */
  apiVersion: string;
  accessToken: string;
  phoneNumberId: string;
  wabaId: string;
  /** Deadline of one request, answer included (downloads: until the answer's headers). Default 20 s. */
  timeoutMs?: number;
  /** Connections shared across channels, with the outbound-address policy they obey. */
  transport: GraphTransport;
  logger?: CloudApiLogger;
  /** Origins besides Meta's media host and `baseUrl`'s that may receive the token for media downloads. */
  trustedMediaOrigins?: readonly string[];
}

/**
 * The Cloud API as seen by one channel (one business phone number and its WhatsApp Business
 * Account). Every failure is a CloudApiError: a GraphApiError carries Meta's code and our
 * classification; a GraphNetworkError says whether the request may have been sent.
 */
export class CloudApiClient {
  readonly #http: GraphHttp;
  readonly #config: Omit<CloudApiClientConfig, 'accessToken'>;

  constructor(config: CloudApiClientConfig) {
    const { accessToken, ...rest } = config;
    this.#config = rest;
    this.#http = new GraphHttp({
      baseUrl: config.baseUrl,
      apiVersion: config.apiVersion,
      accessToken,
      timeoutMs: config.timeoutMs ?? 20_000,
      transport: config.transport,
      ...(config.logger ? { logger: config.logger } : {}),
    });
  }

  get phoneNumberId(): string {
    return this.#config.phoneNumberId;
  }

  sendMessage(message: OutboundMessage): Promise<SendResult> {
    return sendMessage(this.#http, this.#config.phoneNumberId, message);
  }

  markAsRead(inboundWamid: string): Promise<void> {
    return markAsRead(this.#http, this.#config.phoneNumberId, inboundWamid);
  }

  sendTypingIndicator(inboundWamid: string): Promise<void> {
    return sendTypingIndicator(this.#http, this.#config.phoneNumberId, inboundWamid);
  }

  uploadMedia(upload: MediaUpload, options?: { timeoutMs?: number }): Promise<{ id: string }> {
    return uploadMedia(this.#http, this.#config.phoneNumberId, upload, options);
  }

  getMedia(mediaId: string): Promise<MediaInfo> {
    return getMedia(this.#http, mediaId);
  }

  downloadMedia(url: string): Promise<MediaStream> {
    return downloadMedia(this.#http, url, this.#config.trustedMediaOrigins);
  }

  downloadMediaBytes(url: string, options: { expectedSha256?: string; maxBytes?: number } = {}): Promise<{ bytes: Buffer; mimeType: string | undefined }> {
    return downloadMediaBytes(this.#http, url, { ...options, ...(this.#config.trustedMediaOrigins ? { trustedOrigins: this.#config.trustedMediaOrigins } : {}) });
  }

  deleteMedia(mediaId: string): Promise<void> {
    return deleteMedia(this.#http, mediaId);
  }

  listTemplates(options?: ListTemplatesOptions): Promise<TemplatePage> {
    return listTemplates(this.#http, this.#config.wabaId, options);
  }

  listAllTemplates(options?: Omit<ListTemplatesOptions, 'after'>): AsyncGenerator<MetaTemplate> {
    return listAllTemplates(this.#http, this.#config.wabaId, options);
  }

  createTemplate(definition: TemplateDefinition): Promise<{ id: string; status: string; category: string }> {
    return createTemplate(this.#http, this.#config.wabaId, definition);
  }

  deleteTemplate(target: { name: string; hsmId?: string }): Promise<void> {
    return deleteTemplate(this.#http, this.#config.wabaId, target);
  }

  getPhoneNumberInfo(): Promise<PhoneNumberInfo> {
    return getPhoneNumberInfo(this.#http, this.#config.phoneNumberId, this.#config.apiVersion);
  }
}
