/**
 * Words the rules read: titles and occupations that mark a person, the head words of
 * organisations, courts and places, and capitalised words that are never names. General
 * English and legal vocabulary only; no names.
 */
export const PERSON_TITLES = new Set([
  'judge', 'justice', 'magistrate', 'district', 'attorney', 'attorneys', 'prosecutor', 'prosecutors', 'deputy', 'assistant', 'acting', 'chief',
  'u.s.', 'us', 'federal', 'superior', 'circuit', 'county', 'state', 'defense', 'defence', 'sheriff', 'officer', 'detective', 'sgt.', 'sergeant',
  'lt.', 'capt.', 'mr.', 'mrs.', 'ms.', 'miss', 'dr.', 'rep.', 'sen.', 'gov.', 'president', 'former', 'lawyer', 'counsel', 'congressman',
  'congresswoman', 'senator', 'governor', 'mayor', 'general', 'solicitor', 'lobbyist', 'actor', 'actress', 'director', 'producer', 'juror',
  'witness', 'plaintiff', 'defendant', 'coroner', 'agent', 'special', 'trooper', 'constable', 'inspector', 'commissioner', 'professor',
]);

/** Lower-case words before a name that say it is a person, with the occupation they give. */
export const OCCUPATION_CUES = /\b(actor|actress|director|producer|cinematographer|armorer|armourer|lobbyist|congressman|congresswoman|senator|officer|detective|sheriff|deputy|lawyer|attorney|prosecutor|judge|juror|witness|resident|teacher|nurse|doctor|student|executive|chief executive|founder|pastor|coach|landscaper|singer|rapper|player|leader|ally|aide|businessman|businesswoman|investor|accountant|manager|employee|worker)\s+$/i;

export const ORG_HEADS = new Set([
  'office', 'department', 'police', 'bureau', 'agency', 'committee', 'company', 'corporation', 'corp.', 'inc.', 'inc', 'llc', 'ltd', 'university',
  'college', 'school', 'church', 'commission', 'administration', 'service', 'services', 'board', 'association', 'network', 'bank', 'congress',
  'senate', 'patrol', 'foundation', 'institute', 'group', 'party', 'union', 'council', 'ministry', 'productions', 'studios', 'hospital', 'prison',
  'penitentiary', 'jail', 'newspaper', 'times', 'post', 'news',
]);

export const COURT_HEADS = new Set(['court', 'tribunal']);
export const PLACE_HEADS = new Set(['county', 'avenue', 'street', 'road', 'boulevard', 'city', 'park', 'hill', 'river', 'lake', 'island', 'valley', 'beach', 'square', 'ranch', 'capitol', 'courthouse', 'house']);

/** Capitalised words that begin sentences or headlines but are not names. */
export const NOT_NAMES = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'of', 'for', 'to', 'by', 'with', 'from', 'after', 'before', 'during', 'since', 'when', 'while', 'as', 'and',
  'but', 'or', 'if', 'he', 'she', 'they', 'it', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'we', 'you', 'i',
  'despite', 'although', 'however', 'although', 'instead', 'had', 'has', 'have', 'was', 'were', 'is', 'are', 'be', 'why', 'what', 'who', 'how',
  'where', 'each', 'every', 'some', 'many', 'most', 'all', 'both', 'one', 'two', 'three', 'four', 'five', 'case', 'dismissed', 'freed', 'gets',
  'sentenced', 'convicted', 'acquitted', 'charged', 'guilty', 'not', 'no', 'yes', 'also', 'then', 'than', 'so', 'because', 'until', 'about',
  'photo', 'source', 'images', 'read', 'more', 'watch', 'update', 'updated', 'published', 'breaking', 'news', 'authorities', 'officials', 'police',
  'prosecutors', 'jurors', 'jury', 'judge', 'republican', 'democrat', 'democrats', 'republicans', 'democratic', 'federal', 'state', 'former',
  'with', 'without', 'among', 'under', 'over', 'into', 'out', 'up', 'down', 'according', 'later', 'earlier', 'today', 'yesterday', 'tomorrow',
  'big', 'picture', 'matters', 'said', 'says', 'tuesday', 'monday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.',
  'aug.', 'sept.', 'sep.', 'oct.', 'nov.', 'dec.', 'pool', 'getty', 'reuters', 'ap', 'afp', 'upi', 'staff', 'writer', 'reporter', 'editor',
  'involuntary', 'manslaughter', 'murder', 'trial', 'shooting', 'shock', 'twist', 'lawsuit', 'lawsuits', 'disgraced', 'longtime', 'accused',
]);

/** Words that make a name a photo credit or a byline, not a party. */
export const CREDIT_CUES = /\b(?:getty|images|photo|photograph|pool|reuters|associated press|afp|upi|shutterstock|via|courtesy|file)\b|\/\s*(?:AP|Reuters|Getty|AFP)\b/i;

export const RELATIVES = /\b(son|daughter|wife|husband|brother|sister|mother|father|stepfather|stepmother|stepson|stepdaughter|grandson|granddaughter|girlfriend|boyfriend|fiancée?|partner|friend|uncle|aunt|nephew|niece|cousin)\b/i;
