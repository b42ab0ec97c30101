// A subscription as a browser page would hold it, through the graphql-ws client: the README's
// snippet, run in Node with the `ws` package standing in for the browser's WebSocket.
//
//   node subscribe.mjs <ws-url> <token> <session-id>
//
// Prints one JSON line per result, then {"complete": true} when the stream ends (or
// {"error": …} if it fails).

import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, sessionId] = process.argv.slice(2);

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${token}` },
  lazy: true,
  retryAttempts: 0,
});

const query = `subscription ($id: ID!) {
  checkoutSessionUpdated(id: $id) { id status paymentStatus }
}`;

try {
  for await (const result of client.iterate({ query, variables: { id: sessionId } })) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  process.stdout.write(`${JSON.stringify({ complete: true })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: String(error?.reason ?? error) })}\n`);
} finally {
  await client.dispose();
}
