-- wrk: POSTs one JSON body (args: path, body, cookie, csrf token, origin)
-- and counts the answers by status, so that the bench can compare what
-- the server counted with what it answered.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.path = args[1]
  wrk.body = args[2]
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Cookie"] = args[3]
  wrk.headers["X-CSRF-Token"] = args[4]
  wrk.headers["Origin"] = args[5]
  statuses = {}
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
