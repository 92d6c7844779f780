CALL () {
CALL db.index.fulltext.queryNodes($param0, $param1) YIELD node AS this0, score AS var1
WHERE $param2 IS NULL OR this0.kind IN $param3
WITH this0, var1 ORDER BY var1 DESC, this0.id SKIP $param4 LIMIT $param5
RETURN collect({kind: this0.kind, score: var1, entity: {__typename: this0.kind, id: this0.id, name: this0.name}, __highlight: {name: this0.name, aliases: this0.aliases, description: this0.description, caption: this0.caption, statement: this0.statement, finding: this0.finding, words: this0.words, offence: this0.offence}, __query: $param6}) AS var2
}
CALL () {
CALL db.index.fulltext.queryNodes($param0, $param1) YIELD node AS this0, score AS var1
WHERE $param2 IS NULL OR this0.kind IN $param3
RETURN count(this0) AS var3
}
RETURN {items: var2, offset: $param7, limit: $param8, total: var3} AS value

// params: {"param0":"entity_search","param1":"+(Baldwin OR Baldwin*)","param2":["Person"],"param3":["Person"],"param4":0,"param5":5,"param6":"Baldwin","param7":0,"param8":5}
