// The channel as GET /api/v1/channels returns it (never its token or secrets).
export type Channel = {
  id: string;
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  throughputMps: number;
  qualityRating: string | null;
  messagingLimit: string | null;
  graphApiBaseUrl: string;
  graphApiVersion: string;
  sandbox: boolean;
  createdAt: string;
};

export type ChannelList = { data: Channel[] };
