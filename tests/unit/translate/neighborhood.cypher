MATCH (this0:Entity {id: $param0})
CALL (this0) {
  MATCH (this0)-[*1..2]-(this1:Entity) WHERE this1 <> this0
  WITH DISTINCT this1 ORDER BY this1.id LIMIT $param1
  RETURN collect(this1) AS var2
}
WITH this0, var2, size(var2) >= $param2 AS var3
WITH var3, [this0] + var2[0..$param3] AS var4
CALL (var4) { UNWIND range(0, size(var4) - 1) AS var5 WITH var5, var4[var5] AS this6 ORDER BY var5 RETURN collect({id: this6.id, kind: this6.kind, label: this6.name}) AS var7 }
CALL (var4) { UNWIND var4 AS this8 MATCH (this8)-[this9]->(this10) WHERE this10 IN var4 RETURN collect({id: this9.id, type: type(this9), from: this8.id, to: this10.id, label: coalesce(this9.role, type(this9))}) AS var11 }
RETURN {truncated: var3, nodes: var7, edges: var11} AS value

// params: {"param0":"person-1","param1":50,"param2":50,"param3":49}
