-- The requests in BENCH_REQUESTS_FILE, in turn: one a line, as METHOD<tab>PATH<tab>BODY,
-- where a body (if any) is JSON. Every response is one operation. BENCH_AUTHORIZATION, when
-- set, goes with every request as its Authorization header.

dofile(os.getenv("BENCH_SCRIPTS") .. "/report.lua")

local requests = {}
local turn = 0

-- The requests are made here rather than when the script loads: wrk knows the Host header
-- only from its own init on, and Node's HTTP servers answer a request without one with 400.
function init(args)
  local authorization = os.getenv("BENCH_AUTHORIZATION")
  for line in io.lines(os.getenv("BENCH_REQUESTS_FILE")) do
    local method, path, body = line:match("^(%u+)\t([^\t]*)\t(.*)$")
    local headers = { Authorization = authorization }
    if body == "" then
      body = nil
    else
      headers["Content-Type"] = "application/json"
    end
    table.insert(requests, wrk.format(method, path, headers, body))
  end
  assert(#requests > 0, "BENCH_REQUESTS_FILE holds no requests")
  -- Threads start apart in the list, so that they do not ask for the same things together.
  turn = ((thread_number or 1) - 1) * 101 % #requests
end

function request()
  turn = turn % #requests + 1
  return requests[turn]
end

function response(status, headers, body)
  ops = ops + 1
  if status < 300 and reports_error(body) then
    bad = bad + 1
  end
end
