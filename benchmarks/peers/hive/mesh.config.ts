// The supergraph Hive Gateway serves in `make bench-peers` (benchmarks/peer_gateways.py runs
// `mesh-compose` with this file from benchmarks/peers). The document is written at bench time
// by benchmarks/stripe_spec.py; the emulator's address and key are read when each call is made.
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('Stripe', {
        source: './build/stripe-checkout.json',
        endpoint: '{env.STRIPE_API_BASE}',
        operationHeaders: { Authorization: 'Bearer {env.STRIPE_API_KEY}' },
      }),
    },
  ],
});
