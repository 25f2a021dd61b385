import type { paths } from './api-types.generated';

// Names for the API's shapes, read from the types generated from the server's OpenAPI document
// (api-types.generated.ts, `npm run api:types`), so the dashboard's types cannot drift from the server's.
type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Success<Responses> = Responses extends { 200: infer R } ? Json<R> : Responses extends { 201: infer R } ? Json<R> : never;

export type ApiPath = keyof paths;
type Operation<P extends ApiPath, M extends keyof paths[P]> = paths[P][M];

/** What a successful request answers. */
export type ApiResponse<P extends ApiPath, M extends keyof paths[P] = 'get'> = Operation<P, M> extends { responses: infer R } ? Success<R> : never;

/** What a request sends as its JSON body. */
export type ApiBody<P extends ApiPath, M extends keyof paths[P]> = Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** One item of a listing (`{ data: T[] }`). */
export type ApiItem<P extends ApiPath> = ApiResponse<P> extends { data: (infer T)[] } ? T : never;
