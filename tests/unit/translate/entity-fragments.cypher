MATCH (this0:Entity {id: $param0})
RETURN CASE this0.kind WHEN 'Case' THEN {__typename: this0.kind, id: this0.id, kind: this0.kind, who: this0.name, caption: coalesce(this0.caption, this0.name), events: {items: [], offset: $param1, limit: $param2, total: COUNT {
MATCH (this0)<-[:IN_CASE]-(this1:Event)
WHERE (this1.time_sortKey IS NOT NULL AND this1.time_sortKey + '~' >= $param3)
WITH DISTINCT this1
RETURN this1 }}} WHEN 'Person' THEN {__typename: this0.kind, id: this0.id, kind: this0.kind, who: this0.name, age: this0.age, occupation: this0.occupation, roles: {items: COLLECT {
MATCH (this0)-[this2:HAS_ROLE]->(this3)
WITH this2, this3
ORDER BY this2.role, this3.name, this2.id SKIP $param4 LIMIT $param5
WITH *, startNode(this2) AS this4, endNode(this2) AS this5
RETURN {role: this2.role, within: {__typename: this5.kind, id: this5.id}} }, offset: $param6, limit: $param7}} ELSE {__typename: this0.kind, id: this0.id, kind: this0.kind, who: this0.name} END AS value

// params: {"param0":"alec-baldwin","param1":0,"param2":20,"param3":"2024","param4":0,"param5":2,"param6":0,"param7":2}
