// Planroom's Integrate API v3 from TypeScript: the request and response types are generated
// from the OpenAPI document (schema.d.ts); the calls are openapi-fetch's, typed by path.
import createClient, { type Client } from "openapi-fetch";

import type { components, paths } from "./schema";

export type { components, paths };
export type Order = components["schemas"]["OrderOut"];

/** A client of one Planroom server, e.g. `planroomClient("https://planroom.example/api/integrate/v3", key)`. */
export function planroomClient(baseUrl: string, apiKey: string): Client<paths> {
  return createClient<paths>({ baseUrl, headers: { "api-key": apiKey } });
}

/** The order's status, or the API's error message. */
export async function orderStatus(client: Client<paths>, orderId: string): Promise<string> {
  const { data, error } = await client.GET("/orders/{order_id}", {
    params: { path: { order_id: orderId } },
  });
  if (error !== undefined) {
    return `error: ${JSON.stringify(error)}`;
  }
  return data.info.status;
}
