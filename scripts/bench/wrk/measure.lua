-- wrk script for `npm run bench`.
-- WRK_PATHS: a file of request paths, one a line; each thread walks its own share of
--   the list, so with enough paths no path is requested twice (cold renders).
-- WRK_THREADS: the -t given to wrk, to split the list.
-- Prints one line "BENCH_JSON {...}" with the totals and latency percentiles (µs).

local list = os.getenv("WRK_PATHS")

local next_thread = 0
function setup(thread)
  thread:set("thread_index", next_thread)
  next_thread = next_thread + 1
end

if list then
  local paths = {}
  for line in io.lines(list) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  local position = 0
  function init(args)
    local threads = tonumber(os.getenv("WRK_THREADS") or "1")
    position = math.floor(#paths / threads) * (thread_index or 0)
  end
  function request()
    position = position + 1
    return wrk.format(nil, paths[(position - 1) % #paths + 1])
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"durationUs":%d,"bytes":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d,"p50Us":%d,"p90Us":%d,"p95Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end
