RETURN {items: COLLECT {
MATCH (this0:Case {id: $param0})<-[:IN_CASE]-(this1:Act)
WITH * ORDER BY COLLECT { MATCH (this1)<-[this2:STATES]-(this3:CaseManifest) WHERE this2.defines RETURN this3.case AS var4 ORDER BY var4 LIMIT 1 }[0], this1.seq, this1.id SKIP $param1 LIMIT $param2
RETURN {actor: COLLECT { MATCH (this1)<-[:PERFORMED]-(this5:Entity) WITH this5 ORDER BY this5.seq, this5.id LIMIT 1 RETURN {__typename: this5.kind, name: this5.name} }[0], action: this1.action, target: COLLECT { MATCH (this1)-[:TARGETED]->(this6:Entity) WITH this6 ORDER BY this6.seq, this6.id LIMIT 1 RETURN {__typename: this6.kind, name: this6.name} }[0], object: COLLECT { MATCH (this1)-[:ACTED_ON]->(this7:Entity) WITH this7 ORDER BY this7.seq, this7.id LIMIT 1 RETURN {__typename: this7.kind, name: this7.name} }[0], time: CASE WHEN this1.time_precision IS NULL THEN null ELSE {text: this1.time_text, precision: this1.time_precision, iso: CASE WHEN this1.time_sortKey IS NOT NULL THEN this1.time_sortKey WHEN this1.time_month IS NOT NULL THEN '--' + right('0' + toString(this1.time_month), 2) END} END, sources: {items: COLLECT {
UNWIND coalesce(COLLECT { MATCH (this1)<-[this8:STATES]-(:CaseManifest) UNWIND this8.passageIds AS var9 RETURN var9 }, []) AS var10
WITH DISTINCT var10
WITH var10, last(split(var10, ':')) AS var11
WITH var10, left(var10, size(var10) - size(var11) - 1) AS var12, toInteger(split(var11, '-')[0]) AS var13, toInteger(split(var11, '-')[1]) AS var14
ORDER BY var12, var13, var14 SKIP $param3 LIMIT $param4
MATCH (this15:Passage {id: var10})-[:QUOTED_FROM]->(this16:SourceDocument)
WITH this15, this16, var12, var13, var14 ORDER BY var12, var13, var14
RETURN {quote: this15.quote, start: this15.start, end: this15.end, document: {id: this16.id, title: this16.title}} }, offset: $param5, limit: $param6, exact: true}} }, offset: $param7, limit: $param8, total: COUNT {
MATCH (this17:Case {id: $param0})<-[:IN_CASE]-(this1:Act)
RETURN this1 }} AS value, EXISTS { MATCH (this18:Case {id: $param9}) } AS caseFound

// params: {"param0":"case-1","param1":0,"param2":6,"param3":0,"param4":5,"param5":0,"param6":5,"param7":0,"param8":5,"param9":"case-1"}
