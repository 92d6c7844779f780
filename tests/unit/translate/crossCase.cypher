MATCH (this0:Case {id: $param0})
RETURN {id: this0.id, name: this0.name, participants: {items: COLLECT {
MATCH (this0)<-[this1:HAS_ROLE]-(this2)
WITH this1, this2
ORDER BY this1.role, this2.name, this1.id SKIP $param1 LIMIT $param2
WITH *, startNode(this1) AS this3, endNode(this1) AS this4
RETURN {id: this1.id, role: this1.role, sources: {items: COLLECT {
UNWIND coalesce(this1.passageIds, []) AS var5
WITH DISTINCT var5
WITH var5, last(split(var5, ':')) AS var6
WITH var5, left(var5, size(var5) - size(var6) - 1) AS var7, toInteger(split(var6, '-')[0]) AS var8, toInteger(split(var6, '-')[1]) AS var9
ORDER BY var7, var8, var9 SKIP $param3 LIMIT $param4
MATCH (this10:Passage {id: var5})-[:QUOTED_FROM]->(this11:SourceDocument)
WITH this10, this11, var7, var8, var9 ORDER BY var7, var8, var9
RETURN {quote: this10.quote, document: {title: this11.title}} }, offset: $param5, limit: $param6, exact: true}, holder: {__typename: this3.kind, id: this3.id, name: this3.name, roles: {items: COLLECT {
MATCH (this3)-[this12:HAS_ROLE]->(this13)
WITH this12, this13
ORDER BY this12.role, this13.name, this12.id SKIP $param7 LIMIT $param8
WITH *, startNode(this12) AS this14, endNode(this12) AS this15
RETURN {id: this12.id, role: this12.role, within: {__typename: this15.kind, id: this15.id, name: this15.name, participants: {items: COLLECT {
MATCH (this15)<-[this16:HAS_ROLE]-(this17)
WITH this16, this17
ORDER BY this16.role, this17.name, this16.id SKIP $param9 LIMIT $param10
WITH *, startNode(this16) AS this18, endNode(this16) AS this19
RETURN {id: this16.id, role: this16.role} }, offset: $param11, limit: $param12, total: COUNT { (this15)<-[:HAS_ROLE]-() }}}} }, offset: $param13, limit: $param14, total: COUNT { (this3)-[:HAS_ROLE]->() }}}} }, offset: $param15, limit: $param16, total: COUNT { (this0)<-[:HAS_ROLE]-() }}} AS value

// params: {"param0":"case-1","param1":0,"param2":5,"param3":0,"param4":1,"param5":0,"param6":1,"param7":0,"param8":10,"param9":0,"param10":5,"param11":0,"param12":5,"param13":0,"param14":10,"param15":0,"param16":5}
