// A minimal GraphQL client for end-to-end tests: exactly what any outside client does over HTTP.

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export class GatewayClient {
  constructor(readonly url: string, private readonly token?: string) {}

  withToken(token: string): GatewayClient {
    return new GatewayClient(this.url, token);
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** A request that must succeed: its errors fail the test with the server's words. */
  async data<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> {
    const response = await this.request<T>(query, variables, headers);
    if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    return response.data;
  }
}
