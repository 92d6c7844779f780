import neo4j from 'neo4j-driver';
const d = neo4j.driver('bolt://127.0.0.1:7690');
const text = process.argv[2]!;
const s = d.session();
try { const r = await s.run(text, JSON.parse(process.argv[3] ?? '{}')); console.log(JSON.stringify(r.records.map((x) => x.toObject()), (k, v) => (typeof v === 'object' && v && 'low' in v && 'high' in v ? v.low : v)).slice(0, 3000)); } catch (e) { console.log(String(e)); }
await s.close(); await d.close();
