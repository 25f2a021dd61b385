// The few parts of oidc-provider 9 (which ships no types) the sandbox Google uses, typed by hand.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ClaimsSource {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export interface InteractionDetails {
    uid: string;
    params: Record<string, unknown> & { client_id: string; scope?: string; login_hint?: string };
    prompt: { name: string; reasons: string[]; details: { missingOIDCScope?: string[] } };
    session?: { accountId?: string };
    grantId?: string;
  }

  export interface GrantInstance {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
    destroy(): Promise<void>;
  }

  export interface AccessTokenInstance {
    accountId: string;
    clientId: string;
    grantId: string;
    scope?: string;
    isExpired: boolean;
  }

  export interface ProviderConfiguration {
    clients: Record<string, unknown>[];
    scopes: string[];
    claims: Record<string, string[]>;
    pkce: { required: () => boolean };
    features: Record<string, { enabled: boolean } & Record<string, unknown>>;
    findAccount(ctx: unknown, sub: string): Promise<ClaimsSource | undefined>;
    interactions: { url(ctx: unknown, interaction: { uid: string }): string; policy?: InteractionPolicy };
    cookies: { keys: string[] };
    jwks: { keys: Record<string, unknown>[] };
    ttl: Record<string, number>;
    conformIdTokenClaims: boolean;
    revokeGrantPolicy(ctx: unknown): boolean;
    renderError?(ctx: { type: string; body: string }, out: Record<string, string>, error: Error): void | Promise<void>;
  }

  export interface InteractionPolicy {
    add(prompt: PromptInstance, index?: number): void;
  }
  export interface PromptInstance {
    readonly name: string;
  }
  export const interactionPolicy: {
    base(): InteractionPolicy;
    Prompt: new (options: { name: string; requestable: boolean }) => PromptInstance;
  };

  export default class Provider {
    constructor(issuer: string, configuration: ProviderConfiguration);
    readonly issuer: string;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionResult(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<string>;
    on(event: string, listener: (...args: unknown[]) => void): this;
    Grant: {
      new (properties: { accountId: string; clientId: string }): GrantInstance;
      find(id: string): Promise<GrantInstance | undefined>;
    };
    AccessToken: { find(token: string): Promise<AccessTokenInstance | undefined> };
  }
}
