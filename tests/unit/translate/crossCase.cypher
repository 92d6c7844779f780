MATCH (this0:Case {id: $param0})
RETURN {id: this0.id, name: this0.name, participants: {items: COLLECT {
MATCH (this0)<-[this1:HAS_ROLE]-(this2)
WITH this1, this2
WITH this1, this2, startNode(this1) AS this3, endNode(this1) AS this4
ORDER BY this1.role, this2.name, this1.id SKIP $param1 LIMIT $param2
RETURN {id: this1.id, role: this1.role, sources: {items: COLLECT {
UNWIND coalesce(this1.passageIds, []) AS var5
WITH DISTINCT var5
WITH var5, last(split(var5, ':')) AS var6
WITH var5, left(var5, size(var5) - size(var6) - 1) AS var7, toInteger(split(var6, '-')[0]) AS var8, toInteger(split(var6, '-')[1]) AS var9
ORDER BY var7, var8, var9 SKIP $param3 LIMIT $param4
MATCH (this10:Passage {id: var5})-[:QUOTED_FROM]->(this11:SourceDocument)
WITH this10, this11, var7, var8, var9 ORDER BY var7, var8, var9
RETURN {quote: this10.quote, document: {title: this11.title}} }, offset: $param5, limit: $param6, total: COUNT { UNWIND coalesce(this1.passageIds, []) AS var12 WITH DISTINCT var12 RETURN var12 }, next: $param7 < COUNT { UNWIND coalesce(this1.passageIds, []) AS var12 WITH DISTINCT var12 RETURN var12 }}, holder: {__typename: this3.kind, id: this3.id, name: this3.name, roles: {items: COLLECT {
MATCH (this3)-[this13:HAS_ROLE]->(this14)
WITH this13, this14
WITH this13, this14, startNode(this13) AS this15, endNode(this13) AS this16
ORDER BY this13.role, this14.name, this13.id SKIP $param8 LIMIT $param9
RETURN {id: this13.id, role: this13.role, within: {__typename: this16.kind, id: this16.id, name: this16.name, participants: {items: COLLECT {
MATCH (this16)<-[this17:HAS_ROLE]-(this18)
WITH this17, this18
WITH this17, this18, startNode(this17) AS this19, endNode(this17) AS this20
ORDER BY this17.role, this18.name, this17.id SKIP $param10 LIMIT $param11
RETURN {id: this17.id, role: this17.role} }, offset: $param12, limit: $param13, total: COUNT { (this16)<-[:HAS_ROLE]-() }}}} }, offset: $param14, limit: $param15, total: COUNT { (this3)-[:HAS_ROLE]->() }}}} }, offset: $param16, limit: $param17, total: COUNT { (this0)<-[:HAS_ROLE]-() }}} AS value

// params: {"param0":"case-1","param1":0,"param2":6,"param3":0,"param4":1,"param5":0,"param6":1,"param7":1,"param8":0,"param9":11,"param10":0,"param11":6,"param12":0,"param13":5,"param14":0,"param15":10,"param16":0,"param17":5}
