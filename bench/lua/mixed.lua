-- 80% reads, 20% creates over several accounts. Env: FLEXCONF_MIXED = entries separated by ';', each
-- "basic-auth-value|configuration-sid|form-body-of-a-create".
local accounts = {}
for entry in string.gmatch(os.getenv("FLEXCONF_MIXED"), "[^;]+") do
  local auth, sid, body = string.match(entry, "([^|]+)|([^|]+)|(.+)")
  table.insert(accounts, { auth = auth, sid = sid, body = body })
end
local n = 0
local base = "/v1/PluginService/Configurations"

request = function()
  n = n + 1
  local a = accounts[(n % #accounts) + 1]
  local r = math.random(100)
  if r <= 20 then
    return wrk.format("POST", base, { ["Authorization"] = a.auth, ["Content-Type"] = "application/x-www-form-urlencoded" }, a.body)
  elseif r <= 55 then
    return wrk.format("GET", base .. "/" .. a.sid, { ["Authorization"] = a.auth })
  elseif r <= 80 then
    return wrk.format("GET", base .. "?PageSize=50", { ["Authorization"] = a.auth })
  else
    return wrk.format("GET", base .. "/" .. a.sid .. "/Plugins", { ["Authorization"] = a.auth })
  end
end

-- count non-2xx answers so the table can say whether anything failed
local failures = 0
response = function(status, headers, body)
  if status >= 300 then failures = failures + 1 end
end
