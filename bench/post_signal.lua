-- wrk script: durable intake, POST /api/v1/signals with the bearer token from the environment.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("MELDROUTE_TOKEN")
wrk.body = '{"channel":"formulier","narrative":"Twaalf arbeiders slapen in het bedrijfspand en werken veertien uur per dag.","indicatorCodes":["ARB-13","ARB-02"]}'

local failures = 0
response = function(status, headers, body)
  if status ~= 201 then failures = failures + 1 end
end
done = function(summary, latency, requests)
  io.stderr:write(string.format("non-201 responses: %d\n", failures))
end
