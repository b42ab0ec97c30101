// A supergraph of the gateway's subgraph and a customer accounts subgraph, composed and served
// with Apollo's own packages, so tests can query across the two as a router's clients would.
//
//   node supergraph.mjs <subgraph-url> [<featured-session-id>]
//
// Prints one JSON line, {"gateway", "accounts", "errors", "subscriptionFields"}, once everything
// listens (or, when composition fails, with its errors and no gateway, then exits), and serves
// until stdin closes.

import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, Kind, parse, visit } from 'graphql';

const [subgraphUrl, featuredSession] = process.argv.slice(2);

// stdout carries the one JSON line; whatever Apollo has to say goes to stderr.
const logger = {
  debug() {},
  info() {},
  warn: (message) => console.error(message),
  error: (message) => console.error(message),
};

// The accounts service owns who each customer is; checkouts stay with the gateway.
const CUSTOMERS = [
  { id: 'cus_SupergraphAda', name: 'Ada Lovelace', email: 'ada@example.com' },
  { id: 'cus_SupergraphGrace', name: 'Grace Hopper', email: 'grace@example.com' },
  { id: 'cus_SupergraphAlan', name: 'Alan Turing', email: 'alan@example.com' },
];

const accountsTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    "Every customer account, in the order they signed up."
    customers: [Customer!]!
    "The Checkout Session the shop shows off on its front page, if it picked one."
    featuredSession: CheckoutSession
  }

  "Someone with an account at the shop."
  type Customer @key(fields: "id") {
    "Stripe's customer id for the account."
    id: ID!
    "The name the customer signed up with."
    name: String!
    "Where the shop writes to the customer."
    email: String!
  }

  "A Checkout Session, which the gateway's subgraph resolves."
  type CheckoutSession @key(fields: "id", resolvable: false) {
    "Stripe's session id."
    id: ID!
  }
`);

const byId = new Map(CUSTOMERS.map((customer) => [customer.id, customer]));

const accountsResolvers = {
  Query: {
    customers: () => CUSTOMERS,
    featuredSession: () =>
      featuredSession ? { __typename: 'CheckoutSession', id: featuredSession } : null,
  },
  Customer: {
    __resolveReference: ({ id }) => byId.get(id) ?? null,
  },
};

// @apollo/gateway does not run subscriptions (Apollo Router does) and fails planning one with
// a 500; it is refused here as invalid, with a 400, as a router without them would.
function noSubscriptions(context) {
  return {
    OperationDefinition(node) {
      if (node.operation === 'subscription') {
        context.reportError(
          new GraphQLError('This gateway does not run subscriptions.', { nodes: node }),
        );
      }
    },
  };
}

async function listen(server) {
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return url.replace(/\/$/, '');
}

async function subgraphSdl(url) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = await response.json();
  if (!body.data) {
    throw new Error(`${url} gave no SDL: ${JSON.stringify(body)}`);
  }
  return body.data._service.sdl;
}

function report(line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

const checkoutSdl = await subgraphSdl(subgraphUrl);
const accounts = await listen(
  new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: accountsTypeDefs, resolvers: accountsResolvers }),
    logger,
  }),
);
const compose = (checkout) =>
  composeServices([
    { name: 'checkout', typeDefs: checkout, url: subgraphUrl },
    { name: 'accounts', typeDefs: accountsTypeDefs, url: accounts },
  ]);
// The supergraph as a router would compose it, scopes and all; and the one served here:
// @apollo/gateway refuses a supergraph that uses @requiresScopes, a SECURITY feature only the
// Router enforces, and the subgraph checks every scope itself, so the gateway gets it without.
const composed = compose(parse(checkoutSdl));
const served = compose(
  visit(parse(checkoutSdl), {
    [Kind.DIRECTIVE]: (node) => (node.name.value === 'requiresScopes' ? null : undefined),
  }),
);
const errors = [...(composed.errors ?? []), ...(served.errors ?? [])].map(String);
if (errors.length > 0) {
  report({ gateway: null, accounts, errors, subscriptionFields: null });
  process.exit(1);
}
const api = composed.schema.toAPISchema().toGraphQLJSSchema();
const gateway = await listen(
  new ApolloServer({
    gateway: new ApolloGateway({ supergraphSdl: served.supergraphSdl, logger }),
    validationRules: [noSubscriptions],
    includeStacktraceInErrorResponses: false,
    logger,
  }),
);
const subscriptionFields = Object.keys(api.getSubscriptionType()?.getFields() ?? {}).sort();
report({ gateway, accounts, errors: [], subscriptionFields });

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
