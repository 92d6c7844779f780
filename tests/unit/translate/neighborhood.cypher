MATCH (this0:Entity {id: $param0})
CALL (this0) {
  MATCH ANY SHORTEST (this0)((this1)-[:!STATES]-(this2 WHERE COUNT { (this2)--() } - COUNT { (this2)<-[:STATES]-() } <= $param1)){0,1}(this3)
  MATCH (this3)-[:!STATES]-(this4:Entity) WHERE this4 <> this0
  WITH DISTINCT this4 ORDER BY this4.id LIMIT $param2
  RETURN collect(this4) AS var5
}
WITH this0, var5, size(var5) >= $param3 AS var6
WITH var6, [this0] + var5[0..$param4] AS var7
CALL (var7) { UNWIND range(0, size(var7) - 1) AS var8 WITH var8, var7[var8] AS this9 ORDER BY var8 RETURN collect({id: this9.id, kind: this9.kind, label: this9.name}) AS var10 }
CALL (var7) {
  UNWIND var7 AS this11
  CALL (this11, var7) {
    WITH this11, var7 WHERE COUNT { (this11)-->() } <= size(var7)
    MATCH (this11)-[this12]->(this13) WHERE this13 IN var7
    RETURN this12, this13
    UNION ALL
    WITH this11, var7 WHERE COUNT { (this11)-->() } > size(var7)
    UNWIND var7 AS this13
    WITH this11, this13 WHERE this13 <> this11
    MATCH (this11)-[this12]->(this13)
    RETURN this12, this13
  }
  RETURN collect({id: this12.id, type: type(this12), from: this11.id, to: this13.id, label: coalesce(this12.role, type(this12))}) AS var14
}
RETURN {truncated: var6, nodes: var10, edges: var14} AS value

// params: {"param0":"person-1","param1":1000,"param2":50,"param3":50,"param4":49}
