-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The SCIM Console authors
-- PATCH /Groups/{id}: add one member (a random seeded user) to the large group run.sh made; its id is group.txt.
local C = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
setup = C.setup
done = C.done
local ids, group
function init(args)
   C.init(args)
   ids = C.load_lines("ids.txt")
   group = C.load_lines("group.txt")[1]
end

request = function()
   C.n = C.n + 1
   local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add",' ..
      '"path":"members","value":[{"value":"' .. ids[math.random(#ids)] .. '"}]}]}'
   return wrk.format("PATCH", C.base .. "/Groups/" .. group, nil, body)
end
