MATCH (this0:Case {id: $param0})
RETURN {id: this0.id, caption: coalesce(this0.caption, this0.name), caseType: this0.caseType, status: this0.status, outcome: this0.outcome, court: COLLECT { MATCH (this0)-[:HEARD_IN]->(this1:Entity) WITH this1 ORDER BY this1.seq, this1.id LIMIT 1 RETURN {name: this1.name} }[0], sources: {items: COLLECT {
UNWIND coalesce(this0.passageIds, []) AS var2
WITH DISTINCT var2
WITH var2, last(split(var2, ':')) AS var3
WITH var2, left(var2, size(var2) - size(var3) - 1) AS var4, toInteger(split(var3, '-')[0]) AS var5, toInteger(split(var3, '-')[1]) AS var6
ORDER BY var4, var5, var6 SKIP $param1 LIMIT $param2
MATCH (this7:Passage {id: var2})-[:QUOTED_FROM]->(this8:SourceDocument)
WITH this7, this8, var4, var5, var6 ORDER BY var4, var5, var6
RETURN {quote: this7.quote, start: this7.start, end: this7.end, document: {id: this8.id, title: this8.title}} }, offset: $param3, limit: $param4, exact: true}, charges: {items: COLLECT {
MATCH (this0)<-[:CHARGED_IN]-(this9:Charge)
WITH DISTINCT this9
ORDER BY this9.seq, this9.id SKIP $param5 LIMIT $param6
RETURN {offence: this9.offence, maximumPenalty: this9.maximumPenalty, defendant: COLLECT { MATCH (this9)<-[:CHARGED_WITH]-(this10:Entity) WITH this10 ORDER BY this10.seq, this10.id LIMIT 1 RETURN {__typename: this10.kind, name: this10.name} }[0]} }, offset: $param7, limit: $param8, total: COUNT {
MATCH (this0)<-[:CHARGED_IN]-(this9:Charge)
WITH DISTINCT this9
RETURN this9 }}, participants: {items: COLLECT {
MATCH (this0)<-[this11:HAS_ROLE]-(this12)
WITH this11, this12
ORDER BY this11.role, this12.name, this11.id SKIP $param9 LIMIT $param10
WITH *, startNode(this11) AS this13, endNode(this11) AS this14
RETURN {role: this11.role, holder: {__typename: this13.kind, id: this13.id, name: this13.name, kind: this13.kind}, sources: {items: COLLECT {
UNWIND coalesce(this11.passageIds, []) AS var15
WITH DISTINCT var15
WITH var15, last(split(var15, ':')) AS var16
WITH var15, left(var15, size(var15) - size(var16) - 1) AS var17, toInteger(split(var16, '-')[0]) AS var18, toInteger(split(var16, '-')[1]) AS var19
ORDER BY var17, var18, var19 SKIP $param11 LIMIT $param12
MATCH (this20:Passage {id: var15})-[:QUOTED_FROM]->(this21:SourceDocument)
WITH this20, this21, var17, var18, var19 ORDER BY var17, var18, var19
RETURN {quote: this20.quote, start: this20.start, end: this20.end} }, offset: $param13, limit: $param14, exact: true}} }, offset: $param15, limit: $param16, total: COUNT { (this0)<-[:HAS_ROLE]-() }}, rulings: {items: COLLECT {
MATCH (this0)<-[:RULING_IN]-(this22:Ruling)
WITH DISTINCT this22
WITH this22, CASE WHEN this22.time_sortKey IS NOT NULL THEN this22.time_sortKey ELSE COLLECT {
MATCH var23 = (this22)-[:PART_OF|CAUSED_BY]->{1,6}(this24:Event) WHERE this24.time_sortKey IS NOT NULL
WITH var23, this24 ORDER BY length(var23), this24.time_sortKey LIMIT 1
RETURN this24.time_sortKey }[0] END AS var25
ORDER BY var25 IS NULL, var25, this22.time_sortKey IS NULL, this22.seq, this22.id SKIP $param17 LIMIT $param18
RETURN {judge: COLLECT { MATCH (this22)<-[:ISSUED]-(this26:Entity) WITH this26 ORDER BY this26.seq, this26.id LIMIT 1 RETURN {__typename: this26.kind, name: this26.name} }[0], finding: this22.finding, disposition: this22.disposition, words: this22.words, time: CASE WHEN this22.time_precision IS NULL THEN null ELSE {text: this22.time_text, weekday: this22.time_weekday, precision: this22.time_precision} END} }, offset: $param19, limit: $param20}, evidence: {items: COLLECT {
MATCH (this0)<-[:EVIDENCE_IN]-(this27:Evidence)
WITH DISTINCT this27
ORDER BY this27.seq, this27.id SKIP $param21 LIMIT $param22
RETURN {name: this27.name, disclosed: this27.disclosed, receivedFrom: COLLECT { MATCH (this27)-[:RECEIVED_FROM]->(this28:Entity) WITH this28 ORDER BY this28.seq, this28.id LIMIT 1 RETURN {__typename: this28.kind, name: this28.name} }[0], receivedBy: COLLECT { MATCH (this27)-[:RECEIVED_BY]->(this29:Entity) WITH this29 ORDER BY this29.seq, this29.id LIMIT 1 RETURN {__typename: this29.kind, name: this29.name} }[0], received: CASE WHEN this27.received_precision IS NULL THEN null ELSE {text: this27.received_text, precision: this27.received_precision} END, withheldFrom: {items: COLLECT {
MATCH (this27)-[:WITHHELD_FROM]->(this30:Entity)
WITH DISTINCT this30
ORDER BY this30.name, this30.id SKIP $param23 LIMIT $param24
RETURN {__typename: this30.kind, name: this30.name} }, offset: $param25, limit: $param26}} }, offset: $param27, limit: $param28}, documents: {items: COLLECT {
UNWIND coalesce(this0.documentIds, []) AS var31 MATCH (this32:SourceDocument {id: var31})
WITH DISTINCT this32
ORDER BY this32.title, this32.id SKIP $param29 LIMIT $param30
RETURN {id: this32.id, title: this32.title} }, offset: $param31, limit: $param32}} AS value

// params: {"param0":"case-1","param1":0,"param2":5,"param3":0,"param4":5,"param5":0,"param6":10,"param7":0,"param8":10,"param9":0,"param10":20,"param11":0,"param12":3,"param13":0,"param14":3,"param15":0,"param16":20,"param17":0,"param18":5,"param19":0,"param20":5,"param21":0,"param22":10,"param23":0,"param24":5,"param25":0,"param26":5,"param27":0,"param28":10,"param29":0,"param30":5,"param31":0,"param32":5}
