// One urql client for the whole app: the API is the page's own origin (the server serves the built
// client, or Vite's dev server forwards /graphql to it), so the session cookie goes with every request.
import { Client, cacheExchange, fetchExchange } from "@urql/vue";

import { ViewerDocument } from "./gql/graphql";

export const client = new Client({
  url: "/graphql",
  exchanges: [cacheExchange, fetchExchange],
  fetchOptions: { credentials: "same-origin" },
  // Screens show what the API says now (a booking taken elsewhere, a payment settled meanwhile).
  requestPolicy: "cache-and-network",
});

/** Ask the API again who is signed in (after signing in or out): every screen showing it follows. */
export async function refreshViewer(): Promise<void> {
  await client.query(ViewerDocument, {}, { requestPolicy: "network-only" }).toPromise();
}
