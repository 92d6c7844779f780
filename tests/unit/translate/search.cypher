CALL () {
CALL db.index.fulltext.queryNodes($param0, $param1) YIELD node AS this0, score AS var1
WHERE $param2 IS NULL OR this0.kind IN $param3
WITH this0, var1 ORDER BY var1 DESC, this0.id
WITH collect([this0, var1]) AS var2
WITH size(var2) AS var3, var2[$param4..$param5 + $param6] AS var4
CALL (var4) {
UNWIND var4 AS var5
WITH var5[0] AS this0, var5[1] AS var1
RETURN collect({kind: this0.kind, score: var1, entity: {__typename: this0.kind, id: this0.id, name: this0.name}, __highlight: {name: this0.name, aliases: this0.aliases, description: this0.description, caption: this0.caption, statement: this0.statement, finding: this0.finding, words: this0.words, offence: this0.offence}, __query: $param7}) AS var6
}
RETURN var6, var3
}
RETURN {items: var6, offset: $param8, limit: $param9, total: var3} AS value

// params: {"param0":"entity_search","param1":"+(Baldwin OR Baldwin*)","param2":["Person"],"param3":["Person"],"param4":0,"param5":0,"param6":5,"param7":"Baldwin","param8":0,"param9":5}
