-- wrk: token exchanges at the token endpoint (the refresh grant: each
-- answer a new access token, a new refresh token and a new signed ID
-- token), each with a refresh token an earlier answer on this thread gave,
-- never one used before (that would end its grant, S42). Each thread takes
-- its share of the tokens it is given: two per connection, since wrk asks
-- for a connection's next request before it shows this script the answer
-- that brings the next token.
-- Args: the Authorization header (Basic), the refresh tokens separated by
-- commas, and wrk's number of threads. Counts the answers by status, as
-- post.lua does.
local threads = {}

function setup(thread)
  thread:set("number", #threads)
  table.insert(threads, thread)
end

function init(args)
  basic = args[1]
  pool = {}
  local index = 0
  local share = tonumber(args[3])
  for token in string.gmatch(args[2], "[^,]+") do
    if index % share == number then
      table.insert(pool, token)
    end
    index = index + 1
  end
  statuses = {}
end

function request()
  local token = table.remove(pool) or "none-left"
  return wrk.format("POST", "/oauth2/token", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = basic,
  }, "grant_type=refresh_token&refresh_token=" .. token)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local next_token = string.match(body, '"refresh_token":"([^"]+)"')
  if next_token then
    table.insert(pool, next_token)
  end
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
