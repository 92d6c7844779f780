MATCH (this0:Case {id: $param0})
RETURN {id: this0.id, name: this0.name, participants: {items: COLLECT {
MATCH (this0)<-[this1:HAS_ROLE]-(this2)
WITH this1, this2
ORDER BY this1.role, this2.name, this1.id SKIP $param1 LIMIT $param2
WITH *, startNode(this1) AS this3, endNode(this1) AS this4
RETURN {id: this1.id, role: this1.role, holder: {__typename: this3.kind, id: this3.id, name: this3.name, roles: {items: COLLECT {
MATCH (this3)-[this5:HAS_ROLE]->(this6)
WITH this5, this6
ORDER BY this5.role, this6.name, this5.id SKIP $param3 LIMIT $param4
WITH *, startNode(this5) AS this7, endNode(this5) AS this8
RETURN {id: this5.id, role: this5.role, within: {__typename: this8.kind, id: this8.id, name: this8.name, participants: {items: COLLECT {
MATCH (this8)<-[this9:HAS_ROLE]-(this10)
WITH this9, this10
ORDER BY this9.role, this10.name, this9.id SKIP $param5 LIMIT $param6
WITH *, startNode(this9) AS this11, endNode(this9) AS this12
RETURN {id: this9.id, role: this9.role} }, offset: $param7, limit: $param8, total: COUNT { (this8)<-[:HAS_ROLE]-() }}}} }, offset: $param9, limit: $param10, total: COUNT { (this3)-[:HAS_ROLE]->() }}}} }, offset: $param11, limit: $param12, total: COUNT { (this0)<-[:HAS_ROLE]-() }}} AS value

// params: {"param0":"case-1","param1":0,"param2":5,"param3":0,"param4":10,"param5":0,"param6":5,"param7":0,"param8":5,"param9":0,"param10":10,"param11":0,"param12":5}
