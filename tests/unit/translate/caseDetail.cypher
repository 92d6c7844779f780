MATCH (this0:Case {id: $param0})
RETURN {id: this0.id, caption: coalesce(this0.caption, this0.name), caseType: this0.caseType, status: this0.status, outcome: this0.outcome, court: COLLECT { MATCH (this0)-[:HEARD_IN]->(this1:Entity) WITH this1 ORDER BY this1.seq, this1.id LIMIT 1 RETURN {name: this1.name} }[0], sources: {items: COLLECT {
UNWIND coalesce(this0.passageIds, []) AS var2
WITH DISTINCT var2
WITH var2, last(split(var2, ':')) AS var3
WITH var2, left(var2, size(var2) - size(var3) - 1) AS var4, toInteger(split(var3, '-')[0]) AS var5, toInteger(split(var3, '-')[1]) AS var6
ORDER BY var4, var5, var6 SKIP $param1 LIMIT $param2
MATCH (this7:Passage {id: var2})-[:QUOTED_FROM]->(this8:SourceDocument)
WITH this7, this8, var4, var5, var6 ORDER BY var4, var5, var6
RETURN {quote: this7.quote, start: this7.start, end: this7.end, document: {id: this8.id, title: this8.title}} }, offset: $param3, limit: $param4, total: COUNT { UNWIND coalesce(this0.passageIds, []) AS var9 WITH DISTINCT var9 RETURN var9 }, next: $param5 < COUNT { UNWIND coalesce(this0.passageIds, []) AS var9 WITH DISTINCT var9 RETURN var9 }}, charges: {items: COLLECT {
MATCH (this0)<-[:CHARGED_IN]-(this10:Charge)
WITH DISTINCT this10
ORDER BY this10.seq, this10.id SKIP $param6 LIMIT $param7
RETURN {offence: this10.offence, maximumPenalty: this10.maximumPenalty, defendant: COLLECT { MATCH (this10)<-[:CHARGED_WITH]-(this11:Entity) WITH this11 ORDER BY this11.seq, this11.id LIMIT 1 RETURN {__typename: this11.kind, name: this11.name} }[0]} }, offset: $param8, limit: $param9, total: COUNT {
MATCH (this0)<-[:CHARGED_IN]-(this10:Charge)
WITH DISTINCT this10
RETURN this10 }}, participants: {items: COLLECT {
MATCH (this0)<-[this12:HAS_ROLE]-(this13)
WITH this12, this13
WITH this12, this13, startNode(this12) AS this14, endNode(this12) AS this15
ORDER BY this12.role, this13.name, this12.id SKIP $param10 LIMIT $param11
RETURN {role: this12.role, holder: {__typename: this14.kind, id: this14.id, name: this14.name, kind: this14.kind}, sources: {items: COLLECT {
UNWIND coalesce(this12.passageIds, []) AS var16
WITH DISTINCT var16
WITH var16, last(split(var16, ':')) AS var17
WITH var16, left(var16, size(var16) - size(var17) - 1) AS var18, toInteger(split(var17, '-')[0]) AS var19, toInteger(split(var17, '-')[1]) AS var20
ORDER BY var18, var19, var20 SKIP $param12 LIMIT $param13
MATCH (this21:Passage {id: var16})-[:QUOTED_FROM]->(this22:SourceDocument)
WITH this21, this22, var18, var19, var20 ORDER BY var18, var19, var20
RETURN {quote: this21.quote, start: this21.start, end: this21.end} }, offset: $param14, limit: $param15, total: COUNT { UNWIND coalesce(this12.passageIds, []) AS var23 WITH DISTINCT var23 RETURN var23 }, next: $param16 < COUNT { UNWIND coalesce(this12.passageIds, []) AS var23 WITH DISTINCT var23 RETURN var23 }}} }, offset: $param17, limit: $param18, total: COUNT { (this0)<-[:HAS_ROLE]-() }}, rulings: {items: COLLECT {
MATCH (this0)<-[:RULING_IN]-(this24:Ruling)
WITH DISTINCT this24
WITH this24, CASE WHEN this24.time_sortKey IS NOT NULL THEN this24.time_sortKey ELSE COLLECT {
MATCH var25 = (this24)-[:PART_OF|CAUSED_BY]->{1,6}(this26:Event) WHERE this26.time_sortKey IS NOT NULL
WITH var25, this26 ORDER BY length(var25), this26.time_sortKey LIMIT 1
RETURN this26.time_sortKey }[0] END AS var27
ORDER BY var27 IS NULL, var27, this24.time_sortKey IS NULL, this24.seq, this24.id SKIP $param19 LIMIT $param20
RETURN {judge: COLLECT { MATCH (this24)<-[:ISSUED]-(this28:Entity) WITH this28 ORDER BY this28.seq, this28.id LIMIT 1 RETURN {__typename: this28.kind, name: this28.name} }[0], finding: this24.finding, disposition: this24.disposition, words: this24.words, time: CASE WHEN this24.time_precision IS NULL THEN null ELSE {text: this24.time_text, weekday: this24.time_weekday, precision: this24.time_precision} END} }, offset: $param21, limit: $param22}, evidence: {items: COLLECT {
MATCH (this0)<-[:EVIDENCE_IN]-(this29:Evidence)
WITH DISTINCT this29
ORDER BY this29.seq, this29.id SKIP $param23 LIMIT $param24
RETURN {name: this29.name, disclosed: this29.disclosed, receivedFrom: COLLECT { MATCH (this29)-[:RECEIVED_FROM]->(this30:Entity) WITH this30 ORDER BY this30.seq, this30.id LIMIT 1 RETURN {__typename: this30.kind, name: this30.name} }[0], receivedBy: COLLECT { MATCH (this29)-[:RECEIVED_BY]->(this31:Entity) WITH this31 ORDER BY this31.seq, this31.id LIMIT 1 RETURN {__typename: this31.kind, name: this31.name} }[0], received: CASE WHEN this29.received_precision IS NULL THEN null ELSE {text: this29.received_text, precision: this29.received_precision} END, withheldFrom: {items: COLLECT {
MATCH (this29)-[:WITHHELD_FROM]->(this32:Entity)
WITH DISTINCT this32
ORDER BY this32.name, this32.id SKIP $param25 LIMIT $param26
RETURN {__typename: this32.kind, name: this32.name} }, offset: $param27, limit: $param28}} }, offset: $param29, limit: $param30}, documents: {items: COLLECT {
UNWIND coalesce(this0.documentIds, []) AS var33 MATCH (this34:SourceDocument {id: var33})
WITH DISTINCT this34
ORDER BY this34.title, this34.id SKIP $param31 LIMIT $param32
RETURN {id: this34.id, title: this34.title} }, offset: $param33, limit: $param34}} AS value

// params: {"param0":"case-1","param1":0,"param2":5,"param3":0,"param4":5,"param5":5,"param6":0,"param7":11,"param8":0,"param9":10,"param10":0,"param11":21,"param12":0,"param13":3,"param14":0,"param15":3,"param16":3,"param17":0,"param18":20,"param19":0,"param20":6,"param21":0,"param22":5,"param23":0,"param24":11,"param25":0,"param26":6,"param27":0,"param28":5,"param29":0,"param30":10,"param31":0,"param32":6,"param33":0,"param34":5}
