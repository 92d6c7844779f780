MATCH (this0:Case {id: $param0})
RETURN {id: this0.id, caption: coalesce(this0.caption, this0.name), caseType: this0.caseType, status: this0.status, outcome: this0.outcome, court: COLLECT { MATCH (this0)-[:HEARD_IN]->(this1:Entity) WITH this1 ORDER BY this1.seq, this1.id LIMIT 1 RETURN {name: this1.name} }[0], sources: {items: COLLECT {
UNWIND coalesce(COLLECT { MATCH (this0)<-[this2:STATES]-(:CaseManifest) UNWIND this2.passageIds AS var3 RETURN var3 }, []) AS var4
WITH DISTINCT var4
WITH var4, last(split(var4, ':')) AS var5
WITH var4, left(var4, size(var4) - size(var5) - 1) AS var6, toInteger(split(var5, '-')[0]) AS var7, toInteger(split(var5, '-')[1]) AS var8
ORDER BY var6, var7, var8 SKIP $param1 LIMIT $param2
MATCH (this9:Passage {id: var4})-[:QUOTED_FROM]->(this10:SourceDocument)
WITH this9, this10, var6, var7, var8 ORDER BY var6, var7, var8
RETURN {quote: this9.quote, start: this9.start, end: this9.end, document: {id: this10.id, title: this10.title}} }, offset: $param3, limit: $param4, exact: true}, charges: {items: COLLECT {
MATCH (this0)<-[:CHARGED_IN]-(this11:Charge)
WITH DISTINCT this11
ORDER BY this11.seq, this11.id SKIP $param5 LIMIT $param6
RETURN {offence: this11.offence, maximumPenalty: this11.maximumPenalty, defendant: COLLECT { MATCH (this11)<-[:CHARGED_WITH]-(this12:Entity) WITH this12 ORDER BY this12.seq, this12.id LIMIT 1 RETURN {__typename: this12.kind, name: this12.name} }[0]} }, offset: $param7, limit: $param8, total: COUNT {
MATCH (this0)<-[:CHARGED_IN]-(this11:Charge)
WITH DISTINCT this11
RETURN this11 }}, participants: {items: COLLECT {
MATCH (this0)<-[this13:HAS_ROLE]-(this14)
WITH this13, this14
ORDER BY this13.role, this14.name, this13.id SKIP $param9 LIMIT $param10
WITH *, startNode(this13) AS this15, endNode(this13) AS this16
RETURN {role: this13.role, holder: {__typename: this15.kind, id: this15.id, name: this15.name, kind: this15.kind}, sources: {items: COLLECT {
UNWIND coalesce(this13.passageIds, []) AS var17
WITH DISTINCT var17
WITH var17, last(split(var17, ':')) AS var18
WITH var17, left(var17, size(var17) - size(var18) - 1) AS var19, toInteger(split(var18, '-')[0]) AS var20, toInteger(split(var18, '-')[1]) AS var21
ORDER BY var19, var20, var21 SKIP $param11 LIMIT $param12
MATCH (this22:Passage {id: var17})-[:QUOTED_FROM]->(this23:SourceDocument)
WITH this22, this23, var19, var20, var21 ORDER BY var19, var20, var21
RETURN {quote: this22.quote, start: this22.start, end: this22.end} }, offset: $param13, limit: $param14, exact: true}} }, offset: $param15, limit: $param16, total: COUNT { (this0)<-[:HAS_ROLE]-() }}, rulings: {items: COLLECT {
MATCH (this0)<-[:RULING_IN]-(this24:Ruling)
WITH DISTINCT this24
WITH this24, CASE WHEN this24.time_sortKey IS NOT NULL THEN this24.time_sortKey ELSE COLLECT {
MATCH var25 = (this24)-[:PART_OF|CAUSED_BY]->{1,6}(this26:Event) WHERE this26.time_sortKey IS NOT NULL
WITH var25, this26 ORDER BY length(var25), this26.time_sortKey LIMIT 1
RETURN this26.time_sortKey }[0] END AS var27
ORDER BY var27 IS NULL, var27, this24.time_sortKey IS NULL, this24.seq, this24.id SKIP $param17 LIMIT $param18
RETURN {judge: COLLECT { MATCH (this24)<-[:ISSUED]-(this28:Entity) WITH this28 ORDER BY this28.seq, this28.id LIMIT 1 RETURN {__typename: this28.kind, name: this28.name} }[0], finding: this24.finding, disposition: this24.disposition, words: this24.words, time: CASE WHEN this24.time_precision IS NULL THEN null ELSE {text: this24.time_text, weekday: this24.time_weekday, precision: this24.time_precision} END} }, offset: $param19, limit: $param20}, evidence: {items: COLLECT {
MATCH (this0)<-[:EVIDENCE_IN]-(this29:Evidence)
WITH DISTINCT this29
ORDER BY this29.seq, this29.id SKIP $param21 LIMIT $param22
RETURN {name: this29.name, disclosed: this29.disclosed, receivedFrom: COLLECT { MATCH (this29)-[:RECEIVED_FROM]->(this30:Entity) WITH this30 ORDER BY this30.seq, this30.id LIMIT 1 RETURN {__typename: this30.kind, name: this30.name} }[0], receivedBy: COLLECT { MATCH (this29)-[:RECEIVED_BY]->(this31:Entity) WITH this31 ORDER BY this31.seq, this31.id LIMIT 1 RETURN {__typename: this31.kind, name: this31.name} }[0], received: CASE WHEN this29.received_precision IS NULL THEN null ELSE {text: this29.received_text, precision: this29.received_precision} END, withheldFrom: {items: COLLECT {
MATCH (this29)-[:WITHHELD_FROM]->(this32:Entity)
WITH DISTINCT this32
ORDER BY this32.name, this32.id SKIP $param23 LIMIT $param24
RETURN {__typename: this32.kind, name: this32.name} }, offset: $param25, limit: $param26}} }, offset: $param27, limit: $param28}, documents: {items: COLLECT {
UNWIND coalesce(this0.documentIds, []) AS var33 MATCH (this34:SourceDocument {id: var33})
WITH DISTINCT this34
ORDER BY this34.title, this34.id SKIP $param29 LIMIT $param30
RETURN {id: this34.id, title: this34.title} }, offset: $param31, limit: $param32}} AS value

// params: {"param0":"case-1","param1":0,"param2":5,"param3":0,"param4":5,"param5":0,"param6":10,"param7":0,"param8":10,"param9":0,"param10":20,"param11":0,"param12":3,"param13":0,"param14":3,"param15":0,"param16":20,"param17":0,"param18":5,"param19":0,"param20":5,"param21":0,"param22":10,"param23":0,"param24":5,"param25":0,"param26":5,"param27":0,"param28":10,"param29":0,"param30":5,"param31":0,"param32":5}
