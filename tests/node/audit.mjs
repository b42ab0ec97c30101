// Runs graphql-http's GraphQL over HTTP server audits against one endpoint and prints every
// result as one JSON document: {"results": [{id, name, status, reason}, ...]}.
//
// Usage: node audit.mjs http://127.0.0.1:8000/graphql
//
// It exits 0 whatever the audits find, so that the test that runs it is the one to judge and
// report them; it exits 2 only when it is not given a URL.

import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

// An audit throws, rather than resolving to a failed result, when something other than its
// own assertion went wrong (the server refused the connection, say): that is a failure too.
async function run(audit) {
  try {
    const { id, name, status, reason } = await audit.fn();
    return { id, name, status, reason: reason ?? null };
  } catch (error) {
    return { id: audit.id, name: audit.name, status: 'error', reason: String(error) };
  }
}

const results = await Promise.all(serverAudits({ url }).map(run));
process.stdout.write(JSON.stringify({ results }, null, 2) + '\n');
