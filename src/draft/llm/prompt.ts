/** What the language model is asked for: JSON only, every item with a quote copied from the text. */
export const SYSTEM_PROMPT = `You read a news article about a legal case and answer with one JSON object, nothing else.
Every item must carry "quote": a passage copied character for character from the article that states it.
Never add anything the article does not say. Leave a list empty rather than guess.
Shape:
{"caseType": "criminal" | "civil" | null,
 "people": [{"name": "...", "aliases": ["..."], "quote": "..."}],
 "organisations": [{"name": "...", "quote": "..."}], "courts": [...same...], "places": [...same...], "works": [...same...],
 "roles": [{"person": "<a name from people or organisations>", "role": "defendant|judge|prosecutor|district_attorney|defence_counsel|plaintiff|victim|injured_party|witness|juror|agency", "quote": "..."}],
 "charges": [{"defendant": "<name>", "offence": "...", "maximumPenalty": "... or null", "quote": "..."}],
 "outcomes": [{"kind": "convicted|acquitted|dismissed|sentenced|settled|pleaded|mistrial", "defendant": "<name or null>", "judge": "<name or null>", "sentence": "... or null", "quote": "..."}],
 "events": [{"name": "...", "type": "...", "dateText": "<the article's words for the time>", "date": "YYYY or YYYY-MM or YYYY-MM-DD or null", "quote": "..."}],
 "relations": [{"type": "SPOUSE_OF|FRIEND_OF|STEPFATHER_OF|FAMILY_OF|EMPLOYED_BY|REPRESENTS|MEMBER_OF", "from": "<name>", "to": "<name>", "quote": "..."}]}
Photo credits and bylines are not people of the case.`;
