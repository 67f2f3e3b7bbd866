-- wrk: wrong codes for the bench's step-up challenges, each request to the
-- next challenge (thread n takes bench-c-<n>-1, -2, …), so that no
-- challenge reaches its tries. Args: cookie, csrf token, origin, challenges
-- per thread. Counts the answers by status.
local threads = {}

function setup(thread)
  thread:set("number", #threads)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.body = '{"code":"000000"}'
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Cookie"] = args[1]
  wrk.headers["X-CSRF-Token"] = args[2]
  wrk.headers["Origin"] = args[3]
  per_thread = tonumber(args[4])
  sent = 0
  statuses = {}
end

function request()
  sent = sent + 1
  local path = string.format("/api/me/challenges/bench-c-%d-%d/code", number, sent % per_thread)
  return wrk.format(nil, path)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("answered %d: %d\n", status, count))
  end
end
