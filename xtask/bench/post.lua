-- wrk: POSTs one JSON body and counts the answers by status, so that the
-- bench can compare what the server counted with what it answered.
-- Args: path, body, cookie, CSRF token, origin, and optionally a count:
-- then the path holds two %d, filled with the thread's number and the
-- request's number modulo the count (each request to the next challenge).
local threads = {}

function setup(thread)
  thread:set("number", #threads)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.body = args[2]
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Cookie"] = args[3]
  wrk.headers["X-CSRF-Token"] = args[4]
  wrk.headers["Origin"] = args[5]
  path = args[1]
  count = tonumber(args[6])
  sent = 0
  statuses = {}
end

function request()
  if count == nil then
    return wrk.format(nil, path)
  end
  sent = sent + 1
  return wrk.format(nil, string.format(path, number, sent % count))
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
