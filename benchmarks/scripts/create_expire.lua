-- Create a session, then expire the session it returned: one operation is the pair.
--
-- Each thread keeps a queue of created ids. A create response puts its id (cs_...) on the
-- queue; the next request expires the oldest queued id, or, with none queued, creates again.
-- Paths and bodies come from files the harness writes; __ID__ in the expire path and body
-- stands for the id. A response that names expireCheckoutSession is an expire.

dofile(os.getenv("BENCH_SCRIPTS") .. "/report.lua")

local content_type = os.getenv("BENCH_CONTENT_TYPE") or "application/json"
local create_path = os.getenv("BENCH_CREATE_PATH")
local create_body = read_file(os.getenv("BENCH_CREATE_FILE"))
local expire_path = os.getenv("BENCH_EXPIRE_PATH")
local expire_body = read_file(os.getenv("BENCH_EXPIRE_FILE"))
local headers = { ["Content-Type"] = content_type }
local queue = {}

function request()
  local id = table.remove(queue, 1)
  if id then
    local path = expire_path:gsub("__ID__", id)
    local body = expire_body:gsub("__ID__", id)
    return wrk.format("POST", path, headers, body)
  end
  return wrk.format("POST", create_path, headers, create_body)
end

function response(status, headers, body)
  local is_expire = body:find("expireCheckoutSession", 1, true) ~= nil
  if status < 300 and reports_error(body) then
    bad = bad + 1
  elseif status < 300 and not is_expire then
    local id = body:match("\"(cs_[%w_]+)\"")
    if id then
      table.insert(queue, id)
    else
      bad = bad + 1
    end
  end
  if is_expire then
    ops = ops + 1
  end
end
