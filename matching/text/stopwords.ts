// Stop words: function words per language plus a domain list of words that appear in almost
// every abstract or need ("novel", "method", "system") and so say nothing about what matches.
// Lists are written for this project (folded: lower case, no diacritics).

const ENGLISH = `a about above after again against all almost also although always am among an and
another any are around as at be because been before being below between both but by can cannot
could did do does doing done down during each either else enough etc even ever every few for from
further had has have having he her here hers herself him himself his how however i if in into is it
its itself just least less let like made make makes many may me might more most much must my myself
neither no nor not now of off often on once one only or other others otherwise our ours ourselves
out over own per perhaps rather same shall she should since so some such than that the their theirs
them themselves then there therefore these they this those though through thus to too toward
towards under until up upon us very via was we well were what whatever when where whether which
while who whom whose why will with within without would yet you your yours yourself yourselves
able already anyone anything because became become becomes get gets getting got give given gives
go goes going good know known like need needs needed seem seems seen still take taken want wants
way ways whereas within i.e e.g`;

const FRENCH = `au aux avec ce ces cette dans de des du elle elles en est et eux il ils je la le les
leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses
son sont sur ta te tes toi ton tu un une vos votre vous ete etre avoir fait plus tres comme sans
entre chez donc ainsi afin lors aussi`;

const SPANISH = `al con como de del el ella ellas ellos en entre es esa ese eso esta este esto estos
fue ha han hay la las le les lo los mas mi muy nos o para pero por que quien se sin sobre son su sus
tambien te tiene tu un una uno unos y ya ser estar hacer desde cuando donde todo todos`;

/** Words that describe the act of writing an abstract or a need, not its subject. */
const DOMAIN = `novel new method methods methodology system systems approach approaches present
presents presented invention inventions based provide provides provided providing use used uses
using utilize utilized utilizing propose proposed proposes paper study studies studied result
results show shows shown demonstrate demonstrated technique techniques work works obtained
obtain allow allows allowing enable enables enabling improved improve improves invention herein
various thereof wherein said comprising according particular particularly significantly
significant respectively example examples looking company companies currently help`;

const words = (list: string) => list.split(/\s+/).filter((w) => w.length > 0);

export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(words(ENGLISH));
export const FRENCH_FUNCTION_WORDS: ReadonlySet<string> = new Set(words(FRENCH));
export const SPANISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(words(SPANISH));
export const DOMAIN_STOP_WORDS: ReadonlySet<string> = new Set(words(DOMAIN));

/** All stop words, whatever the document's language: mixed-language text is common. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...ENGLISH_FUNCTION_WORDS,
  ...FRENCH_FUNCTION_WORDS,
  ...SPANISH_FUNCTION_WORDS,
  ...DOMAIN_STOP_WORDS,
]);

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
