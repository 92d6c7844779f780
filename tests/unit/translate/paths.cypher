CALL () {
  MATCH (this0:Entity {id: $param0}), (this1:Entity {id: $param1})
  MATCH var2 = SHORTEST 5 (this0)((this3)-[this4 WHERE type(this4) <> 'STATES' AND NOT type(this4) IN $param2]-(this5 WHERE this5.id = $param3 OR COUNT { (this5)--() } - COUNT { (this5)<-[:STATES]-() } <= $param4)){1,6}(this1)
  WHERE all(var6 IN nodes(var2) WHERE var6:Entity)
  CALL (var2) {
  UNWIND range(0, length(var2) - 1) AS var7
  WITH var7, nodes(var2)[var7] AS this8, relationships(var2)[var7] AS this9, nodes(var2)[var7 + 1] AS this10 ORDER BY var7
  RETURN collect({from: {__typename: this8.kind, name: this8.name}, relationship: type(this9), direction: CASE WHEN startNode(this9) = this8 THEN 'OUTGOING' ELSE 'INCOMING' END, to: {__typename: this10.kind, name: this10.name}, sources: {items: COLLECT {
UNWIND coalesce(this9.passageIds, []) AS var11
WITH DISTINCT var11
WITH var11, last(split(var11, ':')) AS var12
WITH var11, left(var11, size(var11) - size(var12) - 1) AS var13, toInteger(split(var12, '-')[0]) AS var14, toInteger(split(var12, '-')[1]) AS var15
ORDER BY var13, var14, var15 SKIP $param5 LIMIT $param6
MATCH (this16:Passage {id: var11})-[:QUOTED_FROM]->(this17:SourceDocument)
WITH this16, this17, var13, var14, var15 ORDER BY var13, var14, var15
RETURN {quote: this16.quote} }, offset: $param7, limit: $param8, exact: true}}) AS var18
}
  WITH * ORDER BY length(var2)
  RETURN collect({length: length(var2), hops: var18}) AS var19
}
RETURN var19 AS value, EXISTS { MATCH (this20:Entity {id: $param9}) } AS fromFound, EXISTS { MATCH (this21:Entity {id: $param10}) } AS toFound

// params: {"param0":"person-1","param1":"person-2","param2":["IN_CASE","PART_OF","PARTICIPATED_IN","ABOUT"],"param3":"person-2","param4":1000,"param5":0,"param6":3,"param7":0,"param8":3,"param9":"person-1","param10":"person-2"}
