// Media held by the simulator: business uploads (ids valid 30 days) and customers' inbound
// files (7 days). Download URLs are signed and expire after 5 simulated minutes, and need
// the owning number's access token, as lookaside.fbsbx.com does.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SimClock } from '../../engine/clock';
import type { SeededRandom } from '../../engine/random';

export interface StoredMedia {
  id: string;
  ownerPhoneNumberId: string;
  mimeType: string;
  sha256: Buffer;
  data: Buffer;
  filename: string | null;
  expiresAtMs: number;
}

const DAY_MS = 24 * 3600 * 1000;
const URL_LIFETIME_SECONDS = 5 * 60;

export class MediaStore {
  private media = new Map<string, StoredMedia>();
  private readonly urlSecret = randomBytes(32);

  constructor(
    private readonly clock: SimClock,
    private readonly random: SeededRandom,
  ) {}

  put(owner: string, data: Buffer, mimeType: string, origin: 'upload' | 'inbound', filename: string | null = null): StoredMedia {
    const lifetime = origin === 'upload' ? 30 * DAY_MS : 7 * DAY_MS;
    const media: StoredMedia = {
      id: this.random.digits(16),
      ownerPhoneNumberId: owner,
      mimeType,
      sha256: createHash('sha256').update(data).digest(),
      data,
      filename,
      expiresAtMs: this.clock.nowMs() + lifetime,
    };
    this.media.set(media.id, media);
    return media;
  }

  get(id: string): StoredMedia | undefined {
    const media = this.media.get(id);
    if (media && media.expiresAtMs <= this.clock.nowMs()) {
      this.media.delete(id);
      return undefined;
    }
    return media;
  }

  delete(id: string): boolean {
    return this.media.delete(id);
  }

  /** `<base>/whatsapp_business/attachments/?mid=..&ext=..&hash=..`, valid 5 simulated minutes. */
  downloadUrl(baseUrl: string, media: StoredMedia): string {
    const ext = this.clock.nowSeconds() + URL_LIFETIME_SECONDS;
    return `${baseUrl}/whatsapp_business/attachments/?mid=${media.id}&ext=${ext}&hash=${this.sign(media.id, ext)}`;
  }

  /** The medium a download URL names, or why not: `expired` or `invalid` (both 404 to the caller). */
  resolveDownload(mid: string, ext: string, hash: string): StoredMedia | 'expired' | 'invalid' {
    const expected = Buffer.from(this.sign(mid, Number(ext)));
    const given = Buffer.from(hash);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    if (Number(ext) <= this.clock.nowSeconds()) return 'expired';
    return this.get(mid) ?? 'invalid';
  }

  private sign(mid: string, ext: number): string {
    return createHmac('sha256', this.urlSecret).update(`${mid}:${ext}`).digest('base64url');
  }
}
