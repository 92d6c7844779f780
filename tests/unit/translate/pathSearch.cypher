CALL () {
  MATCH (this0:Entity {id: $param0}), (this1:Entity {id: $param1})
  CALL (this0, this1) {
  MATCH var2 = SHORTEST 3 (this0)((this3)-[this4 WHERE type(this4) <> 'STATES' AND NOT type(this4) IN $param2]-(this5 WHERE this5.id = $param3 OR COUNT { (this5)--() } - COUNT { (this5)<-[:STATES]-() } <= $param4)){1,5}(this1)
  WHERE all(var6 IN nodes(var2) WHERE var6:Entity)
  CALL (var2) {
  UNWIND range(0, length(var2) - 1) AS var7
  WITH var7, nodes(var2)[var7] AS this8, relationships(var2)[var7] AS this9, nodes(var2)[var7 + 1] AS this10 ORDER BY var7
  RETURN collect({from: {__typename: this8.kind, id: this8.id}, to: {__typename: this10.kind, id: this10.id}}) AS var11
}
  WITH * ORDER BY length(var2)
  RETURN collect({length: length(var2), hops: var11}) AS var12
}
CALL (this0, this1) {
  UNWIND [this0, this1] AS this13
  CALL (this13, this0, this1) {
    MATCH ANY SHORTEST (this13)((this14)-[this15 WHERE type(this15) <> 'STATES' AND NOT type(this15) IN $param2]-(this16:Entity WHERE COUNT { (this16)--() } - COUNT { (this16)<-[:STATES]-() } <= $param4)){0,1}(this17)
    MATCH (this17)-[this18 WHERE type(this18) <> 'STATES' AND NOT type(this18) IN $param2]-(this19:Entity)
    WHERE COUNT { (this19)--() } - COUNT { (this19)<-[:STATES]-() } > $param4 AND this19 <> this0 AND this19 <> this1
    RETURN DISTINCT this19
  }
  WITH DISTINCT this19
  WITH this19, COUNT { (this19)--() } - COUNT { (this19)<-[:STATES]-() } AS var20 ORDER BY var20 DESC, this19.id
  RETURN collect({relationships: var20, entity: {__typename: this19.kind, id: this19.id, name: this19.name}}) AS var21
}
  RETURN collect({maxDegree: $param4, paths: var12, hubsNotCrossed: var21}) AS var22
}
RETURN var22[0] AS value, EXISTS { MATCH (this23:Entity {id: $param5}) } AS fromFound, EXISTS { MATCH (this24:Entity {id: $param6}) } AS toFound

// params: {"param0":"person-1","param1":"person-2","param2":["IN_CASE"],"param3":"person-2","param4":50,"param5":"person-1","param6":"person-2"}
