-- wrk reporter: one line of JSON with requests, errors and latency percentiles (microseconds).
-- Given several paths (WRK_PATHS, space separated), requests cycle through them.
local paths = {}
for path in string.gmatch(os.getenv("WRK_PATHS") or "/", "%S+") do table.insert(paths, path) end
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "errors": %d, "non_2xx": %d, "p50": %d, "p95": %d, "p99": %d}\n',
    summary.requests, summary.duration / 1e6, errors, summary.errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
