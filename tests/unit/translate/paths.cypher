CALL () {
  MATCH (this0:Entity {id: $param0}), (this1:Entity {id: $param1})
  MATCH var2 = SHORTEST 5 (this0)-[this3 WHERE NOT type(this3) IN $param2]-{1,6}(this1)
  WHERE all(var4 IN nodes(var2) WHERE var4:Entity)
  CALL (var2) {
  UNWIND range(0, length(var2) - 1) AS var5
  WITH var5, nodes(var2)[var5] AS this6, relationships(var2)[var5] AS this7, nodes(var2)[var5 + 1] AS this8 ORDER BY var5
  RETURN collect({from: {__typename: this6.kind, name: this6.name}, relationship: type(this7), direction: CASE WHEN startNode(this7) = this6 THEN 'OUTGOING' ELSE 'INCOMING' END, to: {__typename: this8.kind, name: this8.name}, sources: {items: COLLECT {
UNWIND coalesce(this7.passageIds, []) AS var9
WITH DISTINCT var9
WITH var9, last(split(var9, ':')) AS var10
WITH var9, left(var9, size(var9) - size(var10) - 1) AS var11, toInteger(split(var10, '-')[0]) AS var12, toInteger(split(var10, '-')[1]) AS var13
ORDER BY var11, var12, var13 SKIP $param3 LIMIT $param4
MATCH (this14:Passage {id: var9})-[:QUOTED_FROM]->(this15:SourceDocument)
WITH this14, this15, var11, var12, var13 ORDER BY var11, var12, var13
RETURN {quote: this14.quote} }, offset: $param5, limit: $param6, exact: true}}) AS var16
}
  WITH * ORDER BY length(var2)
  RETURN collect({length: length(var2), hops: var16}) AS var17
}
RETURN var17 AS value, EXISTS { MATCH (this18:Entity {id: $param7}) } AS fromFound, EXISTS { MATCH (this19:Entity {id: $param8}) } AS toFound

// params: {"param0":"person-1","param1":"person-2","param2":["IN_CASE","PART_OF","PARTICIPATED_IN","ABOUT"],"param3":0,"param4":3,"param5":0,"param6":3,"param7":"person-1","param8":"person-2"}
