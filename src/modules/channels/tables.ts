import type { Generated } from 'kysely';

export interface ChannelTables {
  channels: {
    workspace_id: string;
    id: string;
    phone_number_id: string;
    waba_id: string;
    display_phone_number: string;
    secrets: Buffer;
    /** null for sandbox channels: their simulator is the running process's (graph-endpoint.ts). */
    graph_api_base_url: string | null;
    graph_api_version: string;
    throughput_mps: number;
    quality_rating: string | null;
    messaging_limit: string | null;
    sandbox: boolean;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  channel_events: {
    workspace_id: string; id: string; channel_id: string | null; waba_id: string; field: string; event: string | null;
    /** Non-personal facts only; the value is in `sealed`. */
    details: unknown; sealed: Buffer | null; customer_tokens: string[]; received_at: Date;
  };
  channel_routes: { phone_number_id: string; waba_id: string; workspace_id: string; channel_id: string; verify_token_hash: string };
}

export type ChannelRow = Omit<ChannelTables['channels'], 'created_at' | 'updated_at'> & { created_at: Date; updated_at: Date };
