RETURN {items: COLLECT {
MATCH (this0:Case {id: $param0})<-[:IN_CASE]-(this1:Act)
WITH * ORDER BY this1.caseIds[0], this1.seq, this1.id SKIP $param1 LIMIT $param2
RETURN {actor: COLLECT { MATCH (this1)<-[:PERFORMED]-(this2:Entity) WITH this2 ORDER BY this2.seq, this2.id LIMIT 1 RETURN {__typename: this2.kind, name: this2.name} }[0], action: this1.action, target: COLLECT { MATCH (this1)-[:TARGETED]->(this3:Entity) WITH this3 ORDER BY this3.seq, this3.id LIMIT 1 RETURN {__typename: this3.kind, name: this3.name} }[0], object: COLLECT { MATCH (this1)-[:ACTED_ON]->(this4:Entity) WITH this4 ORDER BY this4.seq, this4.id LIMIT 1 RETURN {__typename: this4.kind, name: this4.name} }[0], time: CASE WHEN this1.time_precision IS NULL THEN null ELSE {text: this1.time_text, precision: this1.time_precision, iso: CASE WHEN this1.time_sortKey IS NOT NULL THEN this1.time_sortKey WHEN this1.time_month IS NOT NULL THEN '--' + right('0' + toString(this1.time_month), 2) END} END, sources: {items: COLLECT {
UNWIND coalesce(this1.passageIds, []) AS var5
WITH DISTINCT var5
WITH var5, last(split(var5, ':')) AS var6
WITH var5, left(var5, size(var5) - size(var6) - 1) AS var7, toInteger(split(var6, '-')[0]) AS var8, toInteger(split(var6, '-')[1]) AS var9
ORDER BY var7, var8, var9 SKIP $param3 LIMIT $param4
MATCH (this10:Passage {id: var5})-[:QUOTED_FROM]->(this11:SourceDocument)
WITH this10, this11, var7, var8, var9 ORDER BY var7, var8, var9
RETURN {quote: this10.quote, start: this10.start, end: this10.end, document: {id: this11.id, title: this11.title}} }, offset: $param5, limit: $param6, exact: true}} }, offset: $param7, limit: $param8, total: COUNT {
MATCH (this12:Case {id: $param0})<-[:IN_CASE]-(this1:Act)
RETURN this1 }} AS value, EXISTS { MATCH (this13:Case {id: $param9}) } AS caseFound

// params: {"param0":"case-1","param1":0,"param2":6,"param3":0,"param4":5,"param5":0,"param6":5,"param7":0,"param8":5,"param9":"case-1"}
