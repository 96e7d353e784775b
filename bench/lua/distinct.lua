-- The same GET, each request under a URL of its own (an extra query parameter the API ignores), so that
-- no answer comes from a cache of whole pages: every request reads the database.
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, wrk.path .. "&FlexConfBench=" .. id .. "-" .. n)
end
