-- Shared by every script: per-thread counters, and one machine-readable line for the harness.
--
-- Each thread sees its own number (from 1) as the global `thread_number`. Each script sets
-- the globals `ops` (operations answered) and `bad` (2xx answers whose body
-- reports an error) in its threads; `done` sums them and prints everything on one line that
-- starts with BENCH_RESULT, as JSON.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

ops = 0
bad = 0

function done(summary, latency, requests)
  local total_ops, total_bad = 0, 0
  for _, thread in ipairs(threads) do
    total_ops = total_ops + thread:get("ops")
    total_bad = total_bad + thread:get("bad")
  end
  local errors = summary.errors
  io.write(string.format(
    "BENCH_RESULT {\"requests\": %d, \"operations\": %d, \"duration_us\": %d, "
      .. "\"connect\": %d, \"read\": %d, \"write\": %d, \"status\": %d, \"timeout\": %d, "
      .. "\"bad_body\": %d, \"p50_us\": %d, \"p99_us\": %d, \"mean_us\": %.1f, \"max_us\": %d}\n",
    summary.requests, total_ops, summary.duration,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    total_bad, latency:percentile(50), latency:percentile(99), latency.mean, latency.max
  ))
end

-- True when a body reports an error: GraphQL `errors`, or a non-empty `userErrors` list.
function reports_error(body)
  return body:find("\"errors\"", 1, true) ~= nil
    or body:find("\"userErrors\":[{", 1, true) ~= nil
end

function read_file(path)
  local file = assert(io.open(path, "rb"))
  local content = file:read("*a")
  file:close()
  return content
end
