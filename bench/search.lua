-- wrk script: full-text search with filters, newest first (POST /api/v1/signal-searches), a few queries in turn.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("MELDROUTE_TOKEN")

local queries = {
  '{"text":"arbeiders paspoorten"}',
  '{"text":"werken","form":"arbeid"}',
  '{"text":"vrouwen mannen","status":"gemeld"}',
  '{"text":"schuld","status":"afgesloten"}',
  '{"text":"massagesalon bang","urgency":"hoog"}',
  '{"text":"drugskoerier","from":"2022-01-01","to":"2026-12-31"}',
  '{"text":"nier operatie"}',
  '{"text":"kwekerij kassen beschermende kleding","form":"arbeid","status":"afgesloten"}',
}
local next_query = 0
local failures = 0

request = function()
  next_query = next_query % #queries + 1
  return wrk.format("POST", "/api/v1/signal-searches", nil, queries[next_query])
end
response = function(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end
done = function(summary, latency, requests)
  io.stderr:write(string.format("non-200 responses: %d\n", failures))
  io.write(string.format("latency-us p50 %d p99 %d requests %d\n", latency:percentile(50), latency:percentile(99),
                         summary.requests))
end
