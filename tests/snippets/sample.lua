-- Rate limits per consumer, as a gateway plugin writes them.
local counters = require "demo.counters"
local http = require("resty.http")

local RateLimit = { PRIORITY = 910 }

local function identifier(conf, consumer)
  if conf.limit_by == "consumer" and consumer then
    return consumer.id
  end
  return ngx.var.remote_addr
end

function RateLimit:access(conf)
  local key = identifier(conf, kong.client.get_consumer())
  local used, err = counters.increment(key, 1)
  if not used then
    kong.log.err("failed to count: ", err)
    return
  end
  for _, limit in ipairs(conf.limits) do
    if used > limit then
      return kong.response.exit(429, { message = "API rate limit exceeded" })
    end
  end
end

function RateLimit.schema()
  return { name = "rate-limiting", fields = { { limits = { type = "array" } } } }
end

return RateLimit
