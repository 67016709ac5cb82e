// Indicator suggestions from a Dutch free-text narrative.
//
// The text is split into normalised words (lowercase ASCII, Latin-1 diacritics folded), each word keeping the
// byte range it came from, so the evidence handed back is always the exact original phrase. A static table of
// phrase patterns per catalog code is matched against the words. The patterns are data in a small notation:
//
//   word      the word or its inflections (same Snowball Dutch stem, words of 5+ letters)
//   =word     the word exactly as written ("=ouders" must not meet "oudere" on the stem "ouder")
//   word*     any word starting with "word"
//   a|b       either alternative          @class    a named word class (kWordClasses)
//   #10-24    a number (digits or Dutch number word) in that range, not a clock time ("om 12 uur")
//   %7-8      a number in that range that may be a clock time ("van 7 tot 19 uur")
//   x$        the word must end its clause (followed by punctuation, a conjunction or the end)
//   ~ / ~N    up to 3 / N other words may stand before the next element (default: directly adjacent)
//   !         (first) the pattern is never suppressed by a negation
//
// A pattern whose own words contain a negation ("geen loon", "paspoort niet") means something negative and is not
// suppressed; any other pattern is suppressed when a negation stands shortly before it, inside it, or ends the
// clause right after it ("heeft geen schulden", "is niet bedreigd", "schulden heeft hij niet").
//
// After matching, these rules keep overlapping indicators from being suggested twice for one fact:
//   * the generic indicators of one form's list (fear, changed behaviour, no medical help, violence, pressure,
//     fatigue, limited movement, bank card, passport, housing at the workplace) are dropped when the narrative has
//     a core indicator of another form and none of its own: "slaat haar" in a loverboy narrative, "uitgeput" or
//     "slapen boven de salon" in a prostitution narrative does not make it a labour case. The general (ALG)
//     indicators still carry those facts; the reporter may tick more.
//   * loot or begging money handed over in a criminal-exploitation narrative (CRI-01..03, no labour indicator) is
//     not also the income of a job (ARB-10), and loot (CRI-01, CRI-03) is not the person's own money handed over
//     (ALG-08) unless a bank account is named or begging money (CRI-02) is part of it.
// They were measured on the labelled narratives of suggestions_quality_test.cpp.
//
// Next to the patterns stands a broader second layer (see "The second layer" below): per fact a few concepts,
// each a list of word forms, stems, compound heads ("*woning") and prefixes, that must meet within a sentence.
// It finds wordings nobody wrote a pattern for, with a lower score, under the same negation and overlap rules.
// A sentence that opens by pointing back ("Die gaan naar de eigenaar.") is read together with the one before it.
//
// Beside them stands a learned layer (suggestion_model.hpp): per code a logistic regression over the features of
// one sentence (stems, stem bigrams, the concepts below, negated words marked), trained from the labelled
// narratives by tools/train_suggestions.cpp and compiled in. It adds the codes the patterns and concepts did not
// find when its probability reaches the threshold chosen by cross-validation, weighing at most as much as a loose
// pattern, so the rules below treat its suggestions like the loose ones (it counts as a form's core in DropOverlaps
// only where the patterns read no form's core at all).
//
// After all layers: working days written as clock spans or as an early pick-up and a late return are read
// (FindLongSpan, FindEarlyToLate); facts the narrative explains itself are dropped (DropExplained, DropSoftened),
// and so are indicator words in a plainly innocent context (DropInnocentUses: a lost passport, one's own business,
// fatigue after night shifts); money handed over follows the narrative's form and a fact named in one list also
// gives the general signal the reader ticks with it (MoveToSexWork, AddImplied); a worker's injury from the work is
// the labour list's health complaint (MoveWorkInjuries).
// Figures per labelled set are in suggestions_quality_test.cpp.
#include "domain/suggestions.hpp"

#include <algorithm>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/catalog.hpp"
#include "domain/narrative_text.hpp"
#include "domain/suggestion_model.hpp"

namespace meldroute::domain {

namespace {

// How many words are allowed before the next element after a bare "~".
constexpr int kDefaultGap = 3;
// Extra score per additional pattern of the same code that matched, and how many of them count.
constexpr double kExtraHitBonus = 0.05;
constexpr int kMaxExtraHits = 2;

// ---------------------------------------------------------------------------------------------------------------
// The data: word classes and the pattern table.
// ---------------------------------------------------------------------------------------------------------------

struct WordClass {
    std::string_view name;
    std::string_view alternatives;
};

// Named alternatives shared by many patterns; referenced as "@name".
const std::vector<WordClass> kWordClasses = {
    {"doc",
     "paspoort*|identiteitsbewijs*|identiteitsbewijzen|identiteitskaart*|idkaart*|id|legitimatie*|reisdocument*|reispas*|"
     "identiteitspapieren"},
    {"docs",
     "paspoort*|identiteitsbewijs*|identiteitsbewijzen|identiteitskaart*|idkaart*|id|legitimatie*|reisdocument*|reispas*|"
     "identiteitspapieren|papieren|documenten|verblijfsvergunning*|verblijfsdocument*|verblijfspas*"},
    {"holder",
     "werkgever*|baas|bazen|chef|uitzendbureau*|bemiddelaar*|tussenpersoon|tussenpersonen|ronselaar*|eigenaar*|"
     "pooier*|loverboy*|begeleider*|uitbater|manager|leidinggevende|iemand|smokkelaar*|huisbaas|vriend|partner|"
     "oom|tante|broer|zus|neef|vader|moeder|echtgenoot|schoonfamilie|bureau|bemiddelingsbureau*|teamleider|voorman|"
     "ploegbaas|ploegleider|madam|mama|landgenoot|chauffeur|onderaannemer|pooier|souteneur"},
    {"boss",
     "werkgever*|baas|bazen|chef|uitzendbureau*|bemiddelaar*|tussenpersoon|tussenpersonen|ronselaar*|eigenaar*|"
     "uitbater|manager|leidinggevende|smokkelaar*|koppelbaas*|opdrachtgever*|firma|bureau|bemiddelingsbureau*|"
     "teamleider|voorman|ploegbaas|ploegleider|onderaannemer|directeur|bedrijfsleider"},
    {"take",
     "afgepakt|afgenomen|ingenomen|ingeleverd|inleveren|afgeven|afgegeven|afpakken|weggenomen|achtergehouden|"
     "vastgehouden|ingehouden|afgepakte|inneemt|afneemt|afpakt"},
    {"keep",
     "bewaart|bewaarde|bewaard|beheert|beheerde|beheerd|houdt|hield|heeft|had|pakte|nam|neemt|vasthoudt|"
     "achterhoudt|gebruikt"},
    {"money",
     "loon|lonen|salaris|inkomsten|verdiensten|geld|deel|helft|meeste|procent|euro|fooien|fooi|"
     "inkomen|verdienste"},
    {"give",
     "afdragen|afdraagt|afdroeg|afgedragen|afstaan|afstaat|afgestaan|afgeven|afgeeft|afgegeven|inleveren|"
     "ingeleverd|doorstorten|overmaken|terugstorten|overgemaakt|afdracht"},
    {"bank", "bankpas*|pinpas*|pincode*|bankrekening*|betaalpas*|bankkaart*|rekening|bankgegevens|digid"},
    {"sleep",
     "slaapt|slapen|sliep|sliepen|geslapen|woont|wonen|woonde|woonden|verblijft|verblijven|verbleef|verbleven|"
     "overnacht*|bivakkeert|bivakkeren|gehuisvest|ondergebracht|huist|huizen"},
    {"premises",
     "loods|loodsen|bedrijfspand*|bedrijfsruimte*|kantoor|werkplaats|magazijn|kas|kassen|schuur|stal|container*|"
     "bedrijfsterrein|fabriek|garage|restaurant|keuken|nagelstudio|salon|winkel|zaak|werkplek|kelder|opslag*|"
     "bedrijfshal|hal|kantine|bouwplaats|keet|bouwkeet|portacabin|werk|bedrijf|achterkamer|bedrijfsgebouw|"
     "boerderij|terrein|kantoorpand|pand|cabine|vrachtwagen|busje|hok|hokje|stallen|paardenstal|zeecontainer*|"
     "bijkeuken|berging|schuurtje|tuinhuis*|kippenhok|bedrijfshal*|werkplaatsen"},
    {"people",
     "mensen|personen|arbeiders|werknemers|man|mannen|vrouwen|jongens|meisjes|polen|bulgaren|roemenen|"
     "arbeidsmigranten|medewerkers|werkers|collega*|uitzendkrachten"},
    {"school", "school|les|lessen|klas|schooldag*|stage|college*|colleges"},
    {"medic",
     "dokter|huisarts*|arts|ziekenhuis|tandarts|gynaecoloog|medische|zorg|eerste|spoedeisende|ehbo|"
     "gezondheidszorg|soa|verloskundige|specialist"},
    {"force", "moet|moest|moeten|moesten|gedwongen|dwingt|dwong|dwingen|verplicht|verplichten|opdracht"},
    {"sex", "seks|sex|seksuele|seksueel|naar|prostitutie|prostitueren|klanten|klant"},
    {"friends", "vrienden|vriend|vriendje|vriendin|vriendinnen|contacten|kennissen|vriendengroep|mensen|jongens"},
    {"family", "familie|=ouders|vader|moeder|broer*|zus*|kinderen|gezin|vrienden|vriendinnen|vriendengroep"},
    {"tired", "moe|vermoeid|uitgeput|oververmoeid|doodmoe|uitputting|vermoeidheid|afgepeigerd|bekaf|slaapgebrek"},
    {"drugs",
     "drugs|cocaine|coke|wiet|hasj|heroine|xtc|lachgas|speed|ghb|crack|pillen|middelen|alcohol|ketamine|"
     "amfetamine|mdma|softdrugs|harddrugs"},
    {"lang",
     "pools|roemeens|bulgaars|tigrinya|arabisch|vietnamees|chinees|thais|russisch|oekraiens|turks|hongaars|litouws|"
     "lets|tagalog|hindi|punjabi|tamil|albanees|farsi|dari|somalisch|amhaars|spaans|portugees|frans|georgisch|"
     "koerdisch|pasjtoe|urdu|bengaals|nigeriaans|filipijns|indonesisch|moldavisch|slowaaks|tsjechisch|eigen|"
     "moedertaal"},
    {"afraid",
     "bang|angst|angstig|vreest|vrees|vreesde|schrik|doodsbang|doodsangst|dood|bezorgd|ongerust|paniek|"
     "panikeert|benauwd"},
    {"seen_unwell",
     "ongezond|ziek|slecht|moe|vermoeid|uitgeput|bleek|grauw|verwaarloosd|mager|ondervoed|afgetobd|kapot|"
     "gesloopt|doodop|afgepeigerd|beroerd|ellendig|belabberd|versleten|gebroken|mishandeld|verward"},
    {"injury",
     "blauwe|brandplek*|brandwond*|brandplekken|littekens|litteken|kneuzing*|gekneusd*|gekneusde|verwonding*|"
     "snijwond*|striemen|schaafwond*|bloeduitstorting*|gebroken|dikke|opgezwollen|gezwollen|builen|bult|wonden|"
     "wond|sigarettenpeuk*|krabben|schrammen"},
};

// The patterns of one catalog code that share a weight.
struct Rule {
    std::string_view code;
    double weight;
    std::vector<std::string_view> patterns;
};

// Shared pattern lists for indicators that several catalog lists name in nearly the same words.
const std::vector<std::string_view> kPassportPatterns = {
    "geen|zonder ~2 @doc",
    "kan|kon|konden ~3 @doc ~2 niet ~1 tonen|laten|overleggen",
    "@doc ~2 niet$",
    "@doc ~3 niet|nooit ~2 bij|meer|terug|zelf|inzien|hebben|houden|krijgen",
    "geen ~2 beschikking|toegang|zeggenschap ~4 @doc",
    "kan|kon|mag|mocht ~3 niet ~4 bij|over ~3 @doc",
    "@doc ~6 @take",
    "@docs ~6 door ~3 @holder ~2 @take|bewaard|beheerd|vastgehouden|ingenomen|afgepakt|gehouden",
    "@doc ~6 niet|nooit ~3 in ~1 bezit|handen",
    "!niet|nooit|geen ~3 aan|bij ~2 zijn|haar|hun|het|de ~1 @doc ~2 komen|kan|kon|mag",
    "@doc ~4 niet|nooit ~2 gezien|gehad|teruggezien|teruggekregen",
    "@take ~4 @doc",
    "@holder ~4 @keep ~4 @docs",
    "@docs ~4 bewaar*|beheer*|vastgehouden|ingehouden|afgepakt|ingenomen|ligt|liggen ~4 bij|door ~2 @holder",
    "@doc ~3 bewaart|beheert|houdt ~2 de ~1 @holder",
    "@docs ~4 in ~1 handen ~2 van ~2 @holder",
    "bewaart|beheert|bewaarde|beheerde ~2 haar|zijn|hun ~1 @doc",
    "die|andere ~1 man|vrouw|@holder ~8 @keep ~2 hun|haar|zijn ~1 @docs",
    "@docs ~3 ligt|liggen|lag|lagen ~2 bij ~3 @holder|die|hem|haar|hen",
    "@docs ~4 in ~1 bewaring|beslag",
    "@holder ~3 @docs ~2 heeft|had|houdt|hield|bewaart|bewaarde|beheert|vasthoudt",
    "houdt|hield|bewaart|bewaarde|beheert|beheerde ~2 hun|haar|zijn|alle|de ~1 @docs ~4 vast|in|vanwege|voor|zodat|omdat",
};

const std::vector<std::string_view> kLongDaysPatterns = {
         "#55-120 ~1 tot|a|of ~1 %55-120 ~1 uur|uren ~3 per|in|een ~1 week",
         "elke|iedere ~1 dag ~1 van ~2 week",
         "werkweken|werkweek ~2 van ~2 #50-120 uur|uren",
         "ploegen|diensten|shifts|dienst|shift ~2 van ~1 #10-24 uur|uren",
         "dag ~1 in ~1 dag ~1 uit",
         "van ~1 s ~1 ochtends|morgens ~1 %4-8 ~2 tot ~1 s ~1 avonds|nachts ~1 %7-12",
    "#10-24 uur|uren|urige ~2 per|elke|iedere|a|op|een ~2 dag|dagen|werkdag|dienst",
    "werkdag*|dagen|diensten|dienst ~2 van ~2 #10-24 uur|uren",
    "#10-24 uur|uren ~2 achter ~1 elkaar|aaneen|achtereen|onafgebroken|lang|door",
    "tot ~3 laat ~2 in ~2 avond|nacht",
    "tot ~2 avonds|nachts ~1 laat",
    "%3-6 ~3 ochtends|morgens|nachts ~3 tot ~4 avonds|laat|middernacht|nachts",
    "van ~1 %3-7 ~3 tot ~2 %19-24|middernacht",
    "elke|iedere ~1 nacht|ochtend|dag ~2 om ~2 %2-5 ~4 opgehaald|beginnen|begint|vertrekken|vertrekt|weg|werk*|op",
    "dag ~1 en ~1 nacht ~3 beschikbaar|verzorgd|verzorgt|klaarstaan|zorgen|zorgt",
    "#7-7 dagen ~3 week ~3 beschikbaar|werken|werkt",
    "ook ~1 s ~1 nachts ~4 beschikbaar|werken|werkt|opstaan|klaarstaan",
    "#10-24 uur|uren ~3 aan ~1 het ~1 werk|werkt|werken|gewerkt|doorwerken",
    "#55-120 uur|uren ~3 per|in|elke|iedere|een ~2 week",
    "#7-7 dagen ~3 week",
    "lange|lang ~1 werkdagen|dagen|diensten|werktijden|werkweken|werkweek",
    "extreem|erg|heel|zeer|enorm|belachelijk|onmenselijk ~2 lange|lang ~1 werkdagen|dagen|diensten|uren",
    "veel|heel ~2 overuren|overwerk",
    "!nooit|geen|zonder ~3 vrij|vrijaf|rustdag*",
    "!nooit|geen ~3 vrije ~1 dag|dagen|weekend|weekenden",
    "!zonder ~1 vrije ~1 dag|dagen|weekend|weekenden",
    "#10-24 uur|uren ~1 aan ~1 een|één ~1 stuk",
    "van ~3 vroeg ~4 tot ~3 laat",
    "ochtends|morgens ~1 vroeg ~10 avonds|nachts ~1 laat",
    // Clock times spanning eleven hours or more: "van 7 tot 19 uur", "van zes uur 's ochtends tot negen uur 's avonds".
    "van ~1 %4-8 ~2 tot ~1 %19-24",
    "van ~1 %4-8 ~3 ochtends|morgens ~1 tot ~1 %7-12 ~3 avonds|nachts",
    "werk* ~4 tot ~3 middernacht|nachts",
    "dag ~1 en ~1 nacht ~3 werk*|aan",
    "werk* ~4 dag ~1 en ~1 nacht",
    "doorwerken|doorgewerkt ~3 zonder ~2 pauze*|rust",
    "dubbele ~1 diensten|dienst|shifts|shift",
    "begint|start|beginnen|starten|begon ~2 om ~1 %3-6 ~8 om|tot ~1 %20-24",
    "zonsopgang ~4 zonsondergang",
    "ontzettend|enorm|extreem|belachelijk|waanzinnig|onwijs|absurd ~2 veel ~1 uren|uur|overuren",
    "#50-120 ~1 urige|uren ~1 werkweek|werkweken",
    "#10-24 ~1 urige ~1 werkdag|werkdagen|dagen|diensten|dienst",
    "tot ~3 diep ~2 in ~2 nacht",
    // Daylight as the working day: "van licht tot donker", "van zonsopgang tot het donker is", "from dark to dark".
    "van ~2 licht|zonsopgang|zonsopkomst|donker|dageraad ~2 tot ~3 donker|zonsondergang|laat",
    "zolang ~2 het ~1 licht ~1 is",
    "from ~1 dark|early ~2 to|till|until ~1 dark|late|night",
    "#10-24 ~1 hours|hour ~3 day|every|per",
    "every ~1 day ~2 #10-24 ~1 hours|hour",
    "#55-120 ~1 hours",
    "seventy|sixty|eighty|ninety ~1 hours ~3 a|per|every|each ~1 week|day",
    "work|working|werk|werkt|werken ~2 all ~1 day ~3 every ~1 day",
};

// Long working weeks that are not (yet) the extreme days of ALG-02: six days a week, also at weekends.
const std::vector<std::string_view> kLongWeekPatterns = {
    "#6-7 dagen ~3 per|in|van ~2 week",
    "werkt|werken|werkte|werkten ~1 elke|iedere ~1 dag",
    "rustdag*|vrijaf|vrije ~1 dag|dagen ~3 kent|heeft|krijgt|had|kreeg ~2 hij|ze|zij ~1 niet|nooit",
    "#6-7 ~1 a|of|tot ~1 #6-7 ~1 dagen ~3 per|in|van ~2 week",
    "werk*|dienst|diensten|rijdt|rijden|draait|draaien ~4 ook ~3 op|in ~2 zondag|zondagen|zaterdag|zaterdagen|weekend|weekenden|feestdagen",
};

const std::vector<std::string_view> kSchoolPatterns = {
         "meldt|meldde ~2 zich ~1 vaak|regelmatig|steeds|telkens ~1 ziek",
         "komt|gaat|kwam|ging ~4 af ~1 en ~1 toe|sporadisch|zelden ~3 naar|op ~2 school|les",
    "spijbel*",
    "schoolverzuim|verzuim*",
    "ongeoorloofd ~2 afwezig|absent|verzuim*",
    "onder|tijdens ~1 schooltijd|lestijd|lesuren|schooluren",
    "lesuren|lesdagen|schooldagen ~3 afwezig|absent|gemist|verzuimd",
    "!op|naar ~1 school ~6 nauwelijks|zelden|amper|niet|nooit ~2 geweest|gekomen|gezien|verschenen",
    "!niet|nauwelijks|zelden|amper|nooit ~3 naar|op ~2 @school",
    "!niet|nauwelijks|zelden|nooit ~3 in ~1 de ~1 les|klas",
    "afwezig|absent ~4 @school",
    "@school ~4 afwezig|absent|overgeslagen|gemist",
    "mist|miste|missen ~3 lessen|lesdagen|schooldagen|school|les",
    "!niet|nergens ~4 ingeschreven ~4 school|scholen",
    "vaak|veel|regelmatig ~2 afwezig|absent|ziekgemeld",
    "schooluitval|schoolverlater*|thuiszitter*",
    "van ~1 school ~1 gestuurd|getrapt|verwijderd|afgestuurd",
    "alleen ~2 nog ~3 op ~1 vreemde|rare|wisselende|onregelmatige ~1 tijden",
    "maar|slechts|nauwelijks|amper ~3 dag|dagen|keer|uur|uren|lessen ~3 op|naar|in ~2 school|les|klas ~1 geweest|"
    "gekomen|verschenen|gezien",
};

const std::vector<std::string_view> kNoCarePatterns = {
    "geen ~2 medische ~1 hulp|zorg|behandeling",
    "gaat|ging|gaan|wil|wilde|durft|durfde|zoekt|zocht ~3 niet|nooit ~4 @medic",
    "geen ~3 hulp ~3 gezocht|ingeschakeld|inschakelt|zoekt|zocht|gehaald",
    "zoekt|zocht|vraagt|vroeg|haalt|haalde ~2 geen ~2 medische|professionele ~1 hulp|zorg",
    "zoekt|zocht|vraagt|vroeg ~2 geen ~1 hulp",
    "wil|wilde|durft|durfde ~2 geen ~2 @medic ~2 zien|bezoeken|bellen",
    "laat|liet ~2 zich ~1 niet ~2 behandelen|onderzoeken|nakijken|helpen",
    "!niet|nooit ~2 naar ~2 @medic ~2 geweest|gegaan|gaan|gaat|ging",
    "!naar ~2 @medic ~2 gaat|ging|gaan|wil|wilde|durft ~2 ze|hij|zij ~1 niet|nooit",
};

const std::vector<std::string_view> kSexDebtPatterns = {
    "schuld|schulden|terugbetalen|afbetalen|aflossen|schuldig|afgelost|terugverdienen|openstaande|wegwerken ~10 seks|"
    "sex|klanten|mannen|vreemden|prostitutie|dates",
    "af ~2 te ~1 betalen|lossen ~10 seks|sex|klanten|mannen|vreemden|dates|afspraken",
    "seks|sex|klanten|mannen|vreemden|prostitutie ~10 schuld|schulden|terugbetalen|afbetalen|aflossen|schuldig|"
    "terugverdienen",
    "seks|sex|klanten|mannen|vreemden ~10 af|terug ~2 te ~1 lossen|betalen|verdienen",
};

const std::vector<Rule> kRules = {
    // ALG-01 geen beschikking over eigen paspoort of identiteitskaart
    {"ALG-01", 0.85, kPassportPatterns},
    // ALG-02 extreem lange werkdagen
    {"ALG-02", 0.8, kLongDaysPatterns},
    // ALG-03 plotseling veel nieuwe contacten (niet leeftijdsconform)
    {"ALG-03", 0.75,
     {
         "vriend|vriendje|vriendin ~2 is ~1 #20-70 ~6 #10-17",
         "plotseling|ineens|opeens|sinds ~4 nieuwe|veel|oudere ~2 @friends",
         "nieuwe ~2 @friends ~5 ouder|oudere|volwassen|volwassenen",
         "veel ~1 oudere ~2 vriend*|mannen|jongens|contacten|kennissen|man",
         "omgaat|om|optrekt|trekt ~3 met ~3 oudere|volwassen ~2 mannen|jongens|vrienden|mensen|man",
         "voor|met|bij ~2 oudere ~1 jongens|mannen|jongeren|vrienden",
         "groep|mannen ~3 van ~3 #20-70",
         "#10-17 ~10 vriend|vriendje|man|vriendin ~2 van ~1 #21-70",
         "vriend|vriendje|vriendin ~2 van ~1 #21-70 ~8 zelf ~3 #10-17",
     }},
    {"ALG-03", 0.55,
     {
         "veel ~2 nieuwe ~2 @friends",
         "onbekende ~2 jongens|contacten|vrienden|auto*",
     }},
    // ALG-04 beschermend tegenover nieuwe vrienden en kennissen
    {"ALG-04", 0.75,
     {
         "!over ~3 vrienden|vriend|vriendje|contacten|vriendin ~4 zegt|vertelt|wil|zei|vertelde ~3 niets|niks",
         "!wil|wilde|mag|durft ~3 niets|niks|niet ~4 vertellen|zeggen|praten|kwijt ~4 @friends|hem|haar|hen",
         "neemt|nam ~2 het ~4 op ~1 voor",
         "!wil|wilde|mag|durft ~3 niets|niks|niet ~2 over ~2 hem|haar|hen|@friends ~3 kwijt|vertellen|zeggen",
         "!wil|wilde ~3 niets|niks|niet ~2 vertellen|zeggen|kwijt ~2 wat|wie|waar|met",
         "verdedigt|verdedigde|beschermt|beschermde ~3 vriend*|vriendje|contacten|hem|haar|hen",
         "beschermend ~4 @friends",
         "@friends ~5 geheimzinnig|vaag|ontwijkend|geheim",
         "geheimzinnig|vaag|ontwijkend ~5 @friends",
         "klapt|klapte|klappen ~2 dicht",
         "houdt|hield ~3 @friends|vriendschap*|relatie ~2 geheim",
     }},
    // ALG-05 isoleert zich, liegt, sociaal wenselijk gedrag
    {"ALG-05", 0.7,
     {
         "!familie|ouders|moeder|vader|vrienden ~4 niet|nauwelijks|nooit ~2 bereiken|bereikbaar|bereikt",
         "zich ~4 afgekeerd|afkeert|afkeerde",
         "afkeert|afgekeerd|afkeerde ~3 van ~2 @family",
         "!geen ~3 contact ~2 meer ~4 @family",
         "!nauwelijks|weinig ~3 contact ~4 @family",
         "contact ~6 verbroken|afgebroken|opgezegd|verwaterd",
         "ontloopt|ontliep|vermijdt|mijdt ~2 @family",
         "@family ~1 ontloopt|ontliep|vermijdt|mijdt",
         "!familie|=ouders|vader|moeder|broer*|zus*|gezin|kinderen ~6 niet|nooit|nauwelijks|amper ~2 gesproken|"
         "gezien|gebeld|bezocht|meer",
         "!ziet|spreekt|belt|bezoekt|zag|sprak ~5 @family ~5 niet|nooit|nauwelijks|amper",
         "isoleert ~2 zich",
         "zondert|zonderde ~2 zich ~3 af",
         "zich ~3 afzondert|afzonderde",
         "uit ~1 haar|zijn|het ~1 hoofd ~1 geleerd",
         "zich ~3 isoleert|afsluit|terugtrekt|afgesloten|teruggetrokken",
         "trekt ~2 zich ~3 terug",
         "sociaal ~1 geisoleerd|isolement",
         "raakt|raakte ~3 geisoleerd",
         "ingestudeerd*",
         "sociaal ~1 wenselijk*",
         "!verhaal ~4 klopt|klopte|klopten ~2 niet",
         "!verhaal|verhalen|verklaring ~10 klopt|klopte|klopten ~2 niet",
         "sluit|sloot ~2 zich ~2 af",
         "!vertelt|vertelde ~2 haar|zijn ~1 =ouders|familie|moeder|vader ~2 niets|niks ~1 meer",
     }},
    {"ALG-05", 0.5, {"liegt|loog|logen|liegen|leugens"}},
    // ALG-06 op verschillende plekken verschillend gedrag
    {"ALG-06", 0.65,
     {
         "verschillend ~1 gedrag",
         "thuis ~8 anders|stoer|brutaal|uitbundig|uitdagend|agressief|grof|schreeuwerig|opstandig",
         "ander ~1 kind|meisje|jongen|persoon|mens ~3 dan ~3 thuis|school|buiten",
         "op ~1 straat|school|werk ~6 heel|totaal|compleet ~1 anders",
         "heel|totaal|compleet ~1 anders ~2 dan ~3 thuis|school|buiten|werk",
         "ander ~1 persoon|mens ~3 thuis|buiten|school|straat|werk",
         "twee ~1 gezichten",
         "stil|rustig|teruggetrokken|timide|verlegen ~8 stoer|brutaal|uitbundig|uitdagend|schreeuwerig|opstandig",
         "stoer|brutaal|uitbundig|uitdagend|schreeuwerig|opstandig ~8 stil|rustig|teruggetrokken|timide|verlegen",
     }},
    // ALG-07 onverklaarbare schulden
    {"ALG-07", 0.75,
     {
         "schuld|schulden|bedrag ~8 hoogte|hoeveelheid ~4 verandert|verschilt|wisselt|onduidelijk|onbekend|steeds",
         "onverklaarbar*|onduidelijk*|vage|grote|hoge|oplopende ~2 schuld|schulden",
         "diep ~2 in ~2 rood|schulden",
         "!schuld|schulden ~6 niet|geen ~3 uitleggen|verklaren|verklaring",
         "!weet|wist|weten ~2 niet ~3 waar|hoe ~3 schuld|schulden",
         "schuld|schulden|bedrag ~12 niet ~3 begrijpt|begreep|snapt|snapte|uitleggen|verklaren|vertellen",
         "!hoe|waarvoor|waardoor|waarom ~6 schuld|schulden|bedrag ~8 niet|nauwelijks|amper ~2 uitleggen|vertellen|zeggen|"
         "begrijpt|begreep|snapt|weet|wist|verklaren",
         "!schuld|schulden|schuldig ~12 hoeveel|waarvoor|waarom ~4 niet",
         "!opgebouwd|ontstaan|gekomen ~4 niet ~2 uitleggen|verklaren|vertellen|weet|wist",
         "!schuld|schulden ~4 niet ~2 weet|weten|wist",
         "!schuld|schulden ~12 niet ~2 hoeveel|waarvoor|waarom|hoe",
     }},
    {"ALG-07", 0.5, {"aanmaning*|deurwaarder*|schuld|schulden|schuldeiser*|geldschuld*|schuldenlast|schuldenaar|schuldig",
                     "geld|euro|bedrag ~2 schuldig"}},
    // ALG-08 geen beschikking over eigen bankrekening, moet veel geld afstaan
    {"ALG-08", 0.8,
     {
         "!geen ~1 idee|zicht|inzicht ~4 geld|rekening|financien|saldo|bankrekening",
         "houdt|hield ~3 hun|haar|zijn|de|het ~1 inkomsten|verdiensten|geld|opbrengst ~2 in",
         "!krijgt|kreeg|krijgen|houdt|hield ~2 zelf ~2 niets|niks|weinig|nauwelijks ~2 van ~2 het|de|hun|haar ~1 geld|verdiensten|opbrengst|inkomsten",
         "neemt|nam|namen|nemen ~3 geld|opbrengst|verdiensten|buit|loon ~4 mee",
         "rest ~2 gaat|gaan|ging|gingen|moet ~2 naar ~2 hem|haar|hen|@holder",
         "al|alle ~2 geld|verdiensten|inkomsten|opbrengst ~1 krijgt|ontvangt|opstrijkt|kreeg|ontving",
         "al|alle ~2 geld ~6 mannen|klanten ~2 betalen|betaalden|betaalt",
         "heeft|had|hebben ~2 toegang ~2 tot ~2 haar|zijn|hun ~1 @bank|rekening|geld|digid|bankapp|inlogcodes",
         "leningen|lening|abonnementen|abonnement|kredieten|krediet|telefoonabonnement* ~6 op ~1 haar|zijn ~1 naam",
         "geen ~3 toegang|beschikking|zicht|zeggenschap ~4 @bank|geld",
         "@holder ~5 @keep ~5 @bank",
         "@boss ~8 @bank ~2 bewaart|beheert|vasthoudt|heeft|gebruikt|houdt",
         "@bank ~6 @boss|afgepakt|ingenomen|afgeven|ingeleverd|inleveren|afgenomen",
         "moet|moest|moeten ~5 @money ~5 @give|geven",
         "@money ~6 @give",
         "opbrengst ~6 @give",
         "haalt|haalde|halen ~5 geld|opbrengst|verdiensten ~4 op",
         "geld ~4 kistje|pot|bakje|doos|envelop|kluis ~8 eigenaar|@holder|@boss|leeghaalt|ophaalt",
         "geld|opbrengst|verdiensten ~4 van ~2 hen|hem|haar|hun ~1 aanneemt|afpakt|afneemt|inneemt|int|ophaalt",
         "man|vrouw|@holder ~10 @keep ~2 haar|zijn|hun ~1 bankpas|pinpas|betaalpas|bankkaart|bankpassen|pinpassen",
         "vriend|@holder ~4 beheert|beheerde|bewaart|houdt ~3 geld|financien|uitkering|inkomen",
         "vriend|@holder ~3 die ~3 geld|financien|uitkering|inkomen ~1 beheert|beheerde|bewaart|regelt",
         "loon|salaris|verdiensten|inkomsten|geld ~3 gaat|gaan|ging|gingen ~2 rechtstreeks|direct|meteen|allemaal "
         "~1 naar",
         "geen|niets|niks ~3 cent|geld|euro ~10 houden",
         "@money|rekening|financien|geldzaken|bankzaken ~8 regelt|beheert|doet ~2 haar|zijn|de ~1 @holder|man",
         "uitkering|loon|salaris|toeslag*|zorgtoeslag ~6 door ~3 @holder|kennis|iemand ~2 opgenomen|geind|ontvangen|"
         "beheerd|opgehaald",
         "!kan|kon|mag|mocht ~3 niet ~3 bij ~3 geld|rekening|bankrekening|loon|spaargeld",
         "!niet ~2 zelf ~2 pinnen|opnemen|bankieren",
         "al|alle ~2 geld|verdiensten|inkomsten|opbrengst|opbrengsten|inkomen ~2 houdt|hield|neemt|nam|pakt|pakte|int|"
         "inde|beheert|beheerde|opstrijkt|opstreek|inpikt|inpikte|afpakt|incasseert|opeist",
         "houdt|hield|neemt|nam|pakt|pakte|int|inde|beheert|beheerde|incasseert|eist ~2 al|alle ~2 geld|verdiensten|"
         "inkomsten|opbrengst|opbrengsten",
         "@bank ~2 heeft|had|houdt|hield|bewaart|bewaarde|beheert|beheerde ~2 hij|@holder",
         "zelf ~2 krijgt|krijgen|kreeg|houdt|houden|hield ~2 ze|hij|zij ~1 geen|niets|niks|nauwelijks|weinig ~1 euro|"
         "cent|geld",
         "krijgt|krijgen|kreeg|houdt|houden|hield ~2 ze|hij|zij ~1 zelf ~1 geen|niets|niks|nauwelijks|weinig ~1 euro|"
         "cent|geld",
         "alles ~3 wat|dat ~4 verdient|verdiende|verdienen|betalen|betaalt|betaalden|oplevert|opbrengt|binnenkomt|"
         "binnenhaalt ~8 @give|geven|afgeven",
         "alles ~3 wat|dat ~4 verdient|verdiende|verdienen|betalen|betaalt|betaalden|oplevert|opbrengt|binnenkomt|"
         "binnenhaalt ~8 naar ~2 hem|haar|@holder",
         "betalen|betaalt|betaalden|betaald ~2 hem|haar ~1 rechtstreeks|direct",
         "betaald|betalen|betaalt|overgemaakt|gestort ~3 rechtstreeks|direct ~2 aan|naar|op ~3 hem|zijn|haar|@holder",
         "opbrengst|opbrengsten|verdiensten|buit|geld ~4 van ~2 hen|hem|haar|hun|de|die ~3 aanneemt|aannam|aanpakt|"
         "aanpakte|afpakt|afpakte|afneemt|afnam|inneemt|innam|int|inde|ophaalt|ophaalde|opstrijkt|opstreek",
     }},
    // ALG-09 op geïsoleerde plekken en in slechte omstandigheden werken
    {"ALG-09", 0.75,
     {
         "geisoleerd*|afgelegen|afgezonder* ~2 plek*|plaats*|locatie*|boerderij|loods|terrein|kas|kassen|gebied|"
         "pand|bedrijf|werkplek|erf|schuur",
         "slechte|erbarmelijke|mensonwaardige|onveilige|ellendige|beroerde|schrijnende ~2 omstandigheden|"
         "werkomstandigheden|arbeidsomstandigheden|leefomstandigheden",
         "zonder|geen ~3 pauze*|verlichting|ramen|daglicht|ventilatie|sanitair|toilet|wc|water|"
         "drinkwater",
     }},
    {"ALG-09", 0.7,
     {
         "werkt|werken|werkte|werkten ~5 afgelegen|geisoleerd*",
         "vies|vieze|koud|koude|nat|natte|vochtig|vochtige|donker|donkere|smerig|smerige ~4 werkplek|werkplaats|kelder|"
         "loods|ruimte|hal|kas|fabriek",
         "werkplek|werkplaats|loods|hal|kelder|ruimte|fabriek ~3 is|was ~2 vies|koud|nat|donker|smerig|vochtig|stoffig|"
         "heet|ijskoud|snikheet",
         "midden ~2 in ~2 polder|weilanden|bos|bossen|velden|niemandsland|nergens",
         "ver ~2 van ~2 alles|dorp|bewoonde|bebouwing|bewoond",
         "geisoleerd|afgelegen|afgezonderd|eenzaam ~2 ligt|lag|gelegen|liggen|staat",
         "kilometers|km ~3 van|buiten|verwijderd ~3 dorp|stad|bebouwing|bewoonde|dichtstbijzijnde|buren",
         "zonder|geen ~3 raam|daglicht|buitenlucht",
         "snikheet|snikhete|ijskoud|ijskoude|bloedheet|bloedhete|hete|stoffige|lawaaiige ~2 lampen|loods|kas|kassen|"
         "ruimte|hal|kelder|werkplek|fabriek",
     }},
    // ALG-10 niet aanspreekbaar (taal, onder invloed, wilsonbekwaam, analfabeet)
    {"ALG-10", 0.75,
     {
         "taalbarriere|wilsonbekwaam|onaanspreekbaar|analfabeet|analfabete|analfabetisme|laaggeletterd",
         "!niet ~1 aanspreekbaar",
         "onder ~1 invloed",
         "!geen ~3 gesprek ~3 voeren|mogelijk|gevoerd",
         "!kan|kon ~3 niet ~3 lezen ~2 schrijven",
     }},
    {"ALG-10", 0.55,
     {
         "!niet ~2 te ~1 begrijpen|verstaan ~2 wat",
         "!kon|kan|konden ~3 niet ~3 duidelijk ~1 maken|verstaanbaar",
         "rook|ruikt|ruikte ~3 naar ~2 alcohol|drank|bier|sterke",
         "onsamenhangend|onverstaanbaar",
         "met ~1 handen ~1 en ~1 voeten",
         "!spreekt|sprak|praat ~3 geen|nauwelijks|amper ~2 nederlands|engels|woord|duits",
         "!verstaat|begrijpt|verstond|begreep ~3 niets|niks|geen|niet|nauwelijks ~3 nederlands|engels|wat|me|mij|"
         "ons|ik|vragen|vraag",
         "dronken|stoned|verward|versuft|wazig|lallend|verdoofd",
         "tolk ~4 nodig",
         "communicatie|gesprek|contact ~4 onmogelijk|lastig|moeizaam|moeilijk ~4 taal|taalbarriere",
         "!begrijpt|begreep|verstaat|verstond ~3 vragen|vraag|ons|mij|me|wat ~3 niet$",
         "!spreekt|sprak|spreken|spraken|praat|praten|verstaat|verstaan|kan|kon ~1 alleen|uitsluitend|enkel|slechts ~2 @lang",
         "paar|enkele|enkel ~1 woordjes|woorden|woordje ~1 engels|nederlands|duits",
         "!geen|nauwelijks|amper|gebrekkig ~1 nederlands|engels",
         "via|met ~3 tolk|telefoontolk|tolktelefoon|vertaalapp|vertaalcomputer|translate|tolkentelefoon",
         "!nauwelijks|amper|moeilijk|niet|geen ~3 gesprek|contact ~2 voeren|mogelijk|gevoerd|maken",
         "!geen|nauwelijks|amper ~1 nederlands|engels ~2 spreekt|sprak|spraken|praat|verstaat|verstond",
         "spreekt|sprak|verstaat ~1 alleen|uitsluitend ~1 pools|roemeens|bulgaars|tigrinya|arabisch|vietnamees|"
         "chinees|thais|russisch|oekraiens|turks|hongaars|litouws|tagalog|hindi|punjabi|tamil|albanees|farsi|dari|"
         "somalisch|amhaars|eigen",
     }},
    // ALG-11 geen vrije toegang tot medische zorg
    {"ALG-11", 0.75,
     {
         "toestemming ~8 dokter|huisarts|arts|ziekenhuis|tandarts",
         "!geen ~3 toegang ~3 zorg|dokter|huisarts|medische|gezondheidszorg",
         "!mag|mocht|mogen|kan|kon ~3 niet|nooit ~4 @medic",
         "!geen ~1 zorgverzekering|ziektekostenverzekering|huisarts",
         "!niet|geen ~2 verzekerd ~3 ziektekosten|zorgkosten|zorg",
     }},
    {"ALG-11", 0.75,
     {
         "!@medic ~12 omdat|want ~6 niet ~2 toestaat|goedvindt|wil|toelaat|mag",
         "!niet ~3 naar ~2 @medic ~2 laat|laten|liet",
         "!laat|liet ~3 niet ~3 naar ~2 @medic",
     }},
    // ALG-12 iemand aanwezig die controle uitoefent in het gesprek
    {"ALG-12", 0.75,
     {
         "gaf|geeft|gaven ~2 antwoord ~2 op ~1 alle ~1 vragen",
         "bepaalde|bepaalt|besliste|beslist ~3 wat ~3 gezegd|zeggen|vertelde|antwoordde|vertellen|mocht",
         "beantwoordt|beantwoordde|beantwoordden ~3 vragen ~4 aan ~1 haar|hem|hen ~2 gesteld|gericht",
         "bij ~2 het ~1 gesprek ~2 blijven|bleef|blijft|zitten|aanwezig",
         "praat|praatte|sprak|spreekt|antwoordt|antwoordde|antwoorden|beantwoordt|beantwoordde ~3 steeds|telkens|"
         "voortdurend|constant|altijd ~2 voor ~2 hem|haar|hen|de|zijn|diegene",
         "praat|praatte|sprak|spreekt|antwoordt|antwoordde|beantwoordt|beantwoordde ~1 voor ~1 hem|haar|hen",
         "voert|voerde ~3 het ~1 woord",
         "doet|deed|nam|neemt ~1 het ~1 woord",
         "antwoord*|sprak|praatte|spreekt|praat ~3 in ~1 haar|zijn|hun ~1 plaats",
         "!liet|laat ~3 niet ~2 uitpraten|uitspreken|praten|antwoorden",
         "!wijkt|week ~2 geen ~2 moment|seconde|minuut ~3 zijde|zij",
         "stuurde|stuurt|souffleert|souffleerde|fluisterde|corrigeerde|corrigeert ~3 haar|hem|hun ~1 antwoorden|antwoord",
         "!niet ~1 alleen ~3 spreken|gesprek*|gesproken|praten",
         "!wijkt|week ~2 niet ~4 zijde|zij",
         "controle ~2 over ~3 gesprek|financien|documenten|geld|papieren",
         "gesprek ~6 aanwezig|erbij",
         "steeds|telkens|voortdurend|constant ~2 voor ~2 hem|haar|hen|de ~2 praat|praatte|sprak|spreekt|antwoordt|"
         "antwoordde|antwoorden|beantwoordt|beantwoordde|het",
         "aanwezig|erbij ~6 gesprek",
         "neemt|nam ~4 gesprek ~2 over",
         "voor ~1 hem|haar|hen ~1 antwoordt|antwoordde|sprak|praatte|spreekt|praat",
         "beantwoordt|beantwoordde|beantwoordden ~2 alle ~1 vragen",
         "alle ~1 vragen ~1 beantwoordt|beantwoordde|beantwoordden",
         "praat|praatte|praten|sprak|kletst ~2 steeds|telkens|voortdurend|constant|vaak ~1 tussendoor|ertussendoor|"
         "doorheen|mee",
         "onderbreekt|onderbrak|onderbraken|onderbreken|interrumpeert|interrumpeerde",
         "valt|viel ~5 in ~1 de ~1 rede",
         "in ~1 de ~1 rede ~1 valt|viel|vallen|vielen",
         "bepaalde|bepaalt ~3 wat ~2 ze|hij|zij ~1 zei|zegt|zeiden|zeggen",
         "weigert|weigerde ~4 kamer|ruimte|spreekkamer|gesprek|spreekruimte|gesprekskamer ~2 te ~1 verlaten",
         "hield|houdt|hielden ~4 telefoon|post|papieren|brieven|documenten ~2 vast|in ~1 de ~1 gaten",
     }},
    {"ALG-12", 0.55,
     {
         "kijkt|keek ~3 steeds|voortdurend|telkens ~3 naar ~2 begeleider|man|vrouw|hem|haar|tolk|werkgever|baas|"
         "vriend|partner|toestemming",
         "vertaalt|vertaalde|tolkt|tolkte ~3 voor",
         "komt|kwam ~3 altijd|steeds|telkens ~6 mee|samen",
     }},
    // ALG-13 weet het eigen adres niet, heeft geen sleutel
    {"ALG-13", 0.8,
     {
         "!kan|kon|weet|wist ~3 niet ~4 welk ~1 adres",
         "!kan|kon|mag|mocht ~3 niet ~2 zelfstandig|zelf|alleen ~3 woning|huis|pand ~2 in|binnen",
         "!weet|wist|weten ~3 niet ~4 welke ~2 straat|buurt|wijk|stad|plaats|huis ~4 woont|verblijft|slaapt|woon*",
         "!kan|kon ~3 niet ~3 zeggen|vertellen|aangeven|noemen ~2 waar ~3 woont|verblijft|slaapt|woon*|verbleef|sliep",
         "!weet|wist|weten ~4 niet ~4 waar ~3 woont|verblijft|slaapt|woon*|wonen|verblijven",
         "!weet|wist|wisten|kent|kende ~3 adres ~4 niet",
         "!weet|wist|wisten|weten ~3 niet ~4 adres",
         "!adres ~5 niet ~2 noemen|geven|zeggen|vertellen|weet|wist|kent|kan|kon",
         "!weet|wist|kent|kende ~1 niet ~3 adres",
         "!weet|wist|kent|kende ~3 straatnaam|straat|huisnummer|postcode|woonadres ~2 niet",
         "!weet|wist|kent|kende ~1 niet ~3 straatnaam|huisnummer|postcode|woonadres",
         "!kan|kon|mag|mocht ~3 niet ~2 in|binnen ~2 zonder",
         "!geen ~2 sleutel*|huissleutel*",
         "!niet ~3 zelf ~2 naar ~1 binnen",
         "!kan|kon|mag|mocht ~3 niet ~3 naar ~1 binnen",
     }},
    {"ALG-13", 0.6,
     {
         "!sleutel|sleutels|sleutelbos|huissleutel* ~4 kwijt|afgepakt|ingenomen|afgenomen|afgegeven",
         "@holder|mannen|man|jongens ~4 had|heeft|houdt|hield|bewaart|beheert ~2 zijn|haar|hun|de ~1 sleutel*",
     }},
    // ALG-14 ziet er ongezonder uit (moe, vermagerd, zelfverwonding, mishandelingssporen)
    {"ALG-14", 0.75,
     {
         "blauwe ~1 plekken|plek|ogen|oog",
         "sporen ~2 van ~2 mishandeling|geweld|misbruik",
         "zelfverwonding|zelfbeschadiging|automutilatie",
         "snijdt|sneed|krast|kraste|beschadigt ~2 zichzelf|zich",
         "sneden|snijwonden|krassen|snijwondjes ~3 in|op ~2 armen|arm|polsen|pols|benen",
         "vermagerd|afgevallen|ondervoed|uitgehongerd|broodmager",
         "ziet|zag|zien|zagen ~1 er ~3 @seen_unwell",
         "ziet|zag|zien|zagen ~1 er ~3 op ~1 uit",
         "brandplek*|brandwond*|kneuzing*|bloeduitstorting*|striemen|schaafwond*|verwondingen|sigarettenpeuk*",
         "blauw ~1 oog|oogje",
         "dikke|gezwollen|opgezwollen|kapotte|gescheurde ~1 lip|oog|wang|kaak",
         "gekneusde|gekneusd|verstuikte ~1 pols|rib|ribben|arm|vinger*|enkel|knie|schouder",
     }},
    {"ALG-14", 0.55,
     {
         "blaren|blaar",
         "handen|voeten ~3 kapot|open|stuk",
         "kilo|kilos ~2 lichter|afgevallen|kwijt|verloren|minder",
         "!niet|nauwelijks|amper|weinig ~3 gegeten",
         "honger|hongerig|uitgehongerd",
         "snee|sneden|mitella|gips|hechtingen|wondje|wondjes|ontstoken|ontsteking|hinkt|hinkte|verband",
         "wonden|verwondingen|kneuzingen|brandwonden|littekens|snijwonden|wond|blauw|striemen",
         "@tired",
         "mager",
         "lopen|loopt|liep|liepen ~1 krom|mank|kreupel",
         "slepen|sleept|sleepte ~3 met ~2 benen|been|voeten",
     }},
    // SEK-01 gedwongen seks of seksuele handelingen tegen de zin
    {"SEK-01", 0.85,
     {
         "!seks|sex|bed ~16 niet ~1 wil|wilde|wilden|wou",
         "dwingt|dwong|gedwongen|dwingen|verplicht ~6 mannen|klanten|vrienden ~3 slapen|bed",
         "dwingt|dwong|gedwongen|dwingen|verplicht|verplichten ~6 pijpen|neuken|orale|beffen|aftrekken",
         "onder ~1 druk ~4 seks|sex|seksuele",
         "dwingt|dwong|gedwongen|dwingen|verplicht|verplichten ~6 seks|sex|seksuele",
         "dwingt|dwong|gedwongen|dwingen|verplicht|verplichten ~6 naar ~1 bed",
         "seks|sex|seksuele ~6 tegen ~2 zin|wil",
         "!seks|sex|seksuele ~8 niet ~1 wil|wilde|wilden",
         "verkracht*|aangerand|aanranding|misbruikt",
         "seksueel ~1 misbruik*",
     }},
    {"SEK-01", 0.7,
     {
         "dingen ~3 moest|moet|moeten ~2 doen ~4 met ~2 mannen|klanten|hem|hen|vrienden",
         "moet|moest|moeten ~5 seks|sex|seksuele ~3 hebben|handelingen|doen",
         "seks|sex|seksuele ~3 handelingen|hebben ~2 moet|moest|moeten",
         "mannen|vrienden|kennissen|klanten|hen ~2 moet|moest|moeten ~1 slapen",
         "naar ~1 bed ~1 moet|moest|moeten",
         "mee ~1 moet|moest|moeten ~2 met ~3 mannen|klanten",
         "moet|moest|moeten ~1 mee ~2 met ~3 mannen|klanten",
         "met ~3 mannen|klanten ~2 mee ~1 moet|moest|moeten|gaan|gaat",
         "!wil|wilde|wilt ~2 niet ~5 met ~3 mannen|klanten|hem|hen|vrienden ~2 naar ~1 bed|slapen|seks|sex",
         "moet|moest|moeten ~4 pijpen|neuken|beffen|aftrekken",
         "!seks|sex|bed|webcam*|klanten|mannen|optreden|poseren|pijpen|neuken ~12 ook ~1 als|al|wanneer ~4 niet ~1 wil|wilt|wilde|"
         "wilden",
         "!ook ~1 als|al|wanneer ~4 niet ~1 wil|wilt|wilde|wilden ~12 seks|sex|klanten|mannen|bed",
     }},
    // SEK-02 gedwongen seks tegen betaling, geld afdragen
    {"SEK-02", 0.85,
     {
         "al|alle ~2 geld ~6 mannen|klanten ~2 betalen|betaalden|betaalt",
         "klant*|prostitu*|seks|sex|escort*|raam|werkt ~10 @money ~6 @give|afgeven|geven|inleveren",
         "@money ~6 @give ~10 klant*|prostitu*|seks|sex|escort*",
         "@money ~3 klant*|prostitu*|seks|sex|escort* ~8 @give|afgeven|geven|inleveren",
         "moet|moest|moeten ~4 klanten ~3 ontvangen|afwerken|bedienen|zien|hebben",
         "seks|sex ~2 tegen ~2 betaling ~8 geld|verdiensten|afdragen|afstaan",
     }},
    {"SEK-02", 0.6,
     {
         "in ~2 een|de ~1 club|seksclub|privehuis|bordeel ~2 werken|werkt|werkte",
         "mannen ~3 voor ~1 korte ~1 tijd|duur",
         "advertentie*|advertenties ~8 prijzen|tarieven|prijs",
         "sekssite*|escortsite*|*sekssite|hoerensite*",
         "aangeboden ~3 als|voor ~2 seks|escort|sex",
         "mannen ~3 mee ~3 naar ~2 hotel*|hotels|adressen|huizen",
         "mannen|klanten ~3 over ~2 de ~1 vloer",
         "dag ~1 en ~1 nacht ~4 mannen|bezoekers|bezoek",
         "veel|steeds|telkens ~2 wisselende|verschillende|andere ~1 mannen",
         "steeds|telkens ~3 met ~1 een ~1 andere ~1 man|klant ~4 kamer|hotelkamer|auto|mee",
         "#2-99 ~1 verschillende|wisselende ~1 mannen ~6 kamer|hotelkamer|appartement",
         "meer ~1 dan ~1 massage|massages",
         "happy ~1 end|ending",
         "massage|massages ~3 extra|extraatje",
         "erotische ~1 massage*|massages",
         "prostitutie|prostitueert|prostitueren|raamprostitutie|thuisprostitutie|escort*|sekswerk*|prostituee",
         "seks|sex ~2 tegen ~2 betaling",
         "seks|sex ~2 voor ~2 geld",
         "klanten ~4 ontvangen|afwerken|bedienen",
         "werk* ~3 in ~2 club|seksclub|privehuis|bordeel|raam|peeskamer",
         "mannen|klanten ~2 ontvangt|ontvangen|ontving",
         "raamprostitutie*|thuisprostitutie*|straatprostitutie*|seksadvertentie*|sekadvertentie*|seksclub*|"
         "bordeel*|privehuis*|seksbedrijf*|escortbureau*|sekswerker*",
         "stuurt|stuurde|sturen|stuurden|brengt|bracht ~3 naar ~3 hotel*|hotelkamer*|klanten|mannen|adressen",
         "afspraken ~3 met ~2 mannen|klanten",
         "verhuurd|verhuurt|verhuren|aangeboden|biedt|bood ~4 aan ~2 mannen|klanten",
         "mannen|klanten ~6 voor ~1 seks|sex",
         "mannen|klanten ~2 die ~2 betalen|betaalden|betaalt|betaald",
     }},
    {"SEK-02", 0.85,
     {
         "klant*|club|prostitu* ~12 geen|niets|niks ~3 cent|geld|euro ~10 houden",
         "mannen|klanten ~2 ontvangt|ontvangen|ontving ~12 @money ~6 @give",
         "klanten ~2 betalen|betaalt|betaald|betaalden ~8 @give|geven|afgeven|inleveren|rechtstreeks|hem|@holder",
     }},
    // SEK-03 gedwongen mee te doen aan pornografisch materiaal
    {"SEK-03", 0.85,
     {
         "@force ~6 porno*|pornografisch*|seksfilm*|seksvideo*|naaktfoto*|naakt|webcam*|camseks|poseren|filmen|"
         "gefilmd",
         "porno*|pornografisch*|seksfilm*|sekstape*|naaktfoto*|naaktbeelden|seksvideo*|camseks",
         "naakt ~3 foto*|filmpje*|beelden|video*|gefilmd|gefotografeerd",
         "seks|sex ~4 gefilmd|opgenomen|filmen",
         "filmpje*|video*|beelden|opnames ~10 seks|sex|seksuele|naakt",
         "webcam*|camera ~8 optreden|show|shows|kijkers|uitkleden|poseren|strippen|betalende",
         "betalende ~1 kijkers",
         "opnames|beelden|filmpje*|video*|films ~3 doorverkoopt|doorverkocht|verkoopt|verkocht|verkopen|online|"
         "websites|internet",
         "onlyfans|camgirl*|webcamseks|sekscam*",
     }},
    // SEK-04 door partner gedwongen seks met bekenden of vrienden
    {"SEK-04", 0.8,
     {
         "deelt|deelde|gedeeld|uitgeleend|uitleent|leent ~3 haar|hem ~3 met|aan ~2 zijn|haar ~1 vrienden|maten|neven|bekenden",
         "met ~2 zijn|haar ~1 vrienden|maten|neven|bekenden|kennissen ~2 slapen|naar|seks|sex",
         "seks|sex ~4 met ~4 vrienden|bekenden|kennissen|neven|vriend|maten",
         "naar ~1 bed ~4 met ~4 vrienden|bekenden|kennissen|neven|vriend|maten",
         "vriend|vriendje|partner|loverboy*|man|vriendin ~10 seks|sex ~6 vrienden|bekenden|kennissen|maten",
         "vrienden|bekenden|kennissen|maten ~4 naar ~1 bed|seks|sex",
         "vrienden|bekenden|kennissen|maten ~10 moet|moest|moeten ~4 seks|sex|slapen|bed",
         "vrienden|bekenden|kennissen|maten ~4 met ~2 haar|hem ~2 slapen|seks|sex|bed",
         "biedt|bood|aangeboden|uitgeleend|uitleent|leent ~4 aan ~2 zijn|haar ~1 vrienden|maten|bekenden|kennissen",
         "met ~3 vrienden|bekenden|kennissen|maten ~2 moet|moest|moeten ~1 slapen",
     }},
    // SEK-05 door partner gedwongen 'schulden' af te lossen met seks met vreemden
    {"SEK-05", 0.8, kSexDebtPatterns},
    // SEK-06 opvallend veranderd van gedrag, uiterlijk of kleding
    {"SEK-06", 0.7,
     {
         "veranderd|verandering|veranderingen|verandert ~4 gedrag|uiterlijk|kleding|kledingstijl|kleren",
         "gedrag|uiterlijk|kleding|kledingstijl|kleren ~4 veranderd|verandert|veranderen|anders",
         "uitdagende|sexy|schaarse|opvallende|provocerende ~2 kleding|kleren|kleding",
         "zwaar|opvallend|sterk ~2 opgemaakt",
         "anders|veranderd ~4 in ~2 gedrag|uiterlijk|kleding",
         "andere ~2 manier ~2 van ~1 kleden",
         "erg|sterk|heel|enorm|zichtbaar|totaal|compleet|helemaal ~1 veranderd",
         "ziet|zag ~1 er ~4 anders|veranderd ~1 uit",
         "compleet|totaal|heel|geheel ~1 ander|andere ~1 uiterlijk|kledingstijl|stijl|look",
     }},
    {"SEK-06", 0.65,
     {
         "anders ~2 kleedt|kleden|gekleed|opmaakt",
         "zwaar|opvallend|sterk ~2 opmaakt|opgemaakt|make*",
         "loopt|draagt|kleedt|liep|droeg ~3 tegenwoordig|ineens|opeens|plotseling|sinds ~4 kleding|kleren|opgemaakt|"
         "make*|sexy|uitdagend*|korte",
         "kleding|kleren|make* ~6 niet ~2 bij ~3 past|passen|hoort|paste",
         "!niet ~1 bij ~2 kind|meisje|leeftijd ~1 past|passen|paste",
     }},
    {"SEK-06", 0.5, {"dure|nieuwe|andere ~2 kleding|kleren|merkkleding"}},
    // SEK-07 angstig en onderdanig gedrag
    {"SEK-07", 0.7,
     {
         "onderdanig|volgzaam|gedwee|timide",
         "kijkt|keek ~2 weg",
         "kijkt|keek ~3 naar ~2 grond|vloer",
         "!durft|durfde|durfden|durven ~3 niet ~4 aan ~1 te ~1 kijken|oogcontact|praten",
         "doet|deed ~2 alles|precies|braaf|klakkeloos ~3 wat ~3 zegt|zei|wil|wilde|vraagt|vroeg",
         "angstig ~4 onderdanig",
     }},
    {"SEK-07", 0.5,
     {"bang ~2 voor ~2 hem|haar ~1 vriend|pooier|man|partner", "doodsbang|geintimideerd|geintimideerde|angstig|bang|schrikachtig|nerveus|gespannen|schichtig|eng|angst|trilt|trilde|trillend|beeft|beefde|bevend",
      "kijkt|keek ~3 angstig|schichtig|steeds|voortdurend ~3 over ~2 schouder"}},
    // SEK-08 bezit een tweede telefoon
    {"SEK-08", 0.85,
     {
         "tweede|extra|meerdere|twee|geheime|verstopte ~2 telefoon*|mobiel*|gsm*|simkaart*|simkaartje*|nummer",
         "telefoon*|mobiel* ~3 verstopt|verstopte|geheim|verborgen",
         "verstopt|verbergt ~3 telefoon*|mobiel*",
         "#2-2 e ~1 telefoon*|mobiel*|gsm*|simkaart*|nummer",
     }},
    // SEK-09 veel nieuwe sociale contacten die familie en vrienden niet kennen
    {"SEK-09", 0.7,
     {
         "!geen ~1 idee ~2 wie ~6 vrienden|contacten|vriend|mannen|jongens|vriendinnen",
         "nieuwe ~3 vrienden|contacten|kennissen|mensen ~8 onbekend*",
         "nieuwe ~3 vrienden|contacten|kennissen|mensen ~8 niemand ~2 kent",
         "!weten|weet|kennen|kent ~2 niet ~3 wie",
         "onbekende ~2 jongens|vrienden|contacten|mensen",
         "!@friends|mannen|groep|vriendengroep ~8 die ~4 familie|=ouders|moeder|vader|vrienden|vriendinnen|niemand ~3 "
         "niet|nooit ~3 kent|kennen|kende|gezien|ontmoet",
         "!@friends|mannen|groep|vriendengroep ~8 die ~4 niet|nooit ~3 gezien|ontmoet",
     }},
    // SEK-10 verzuimt op school
    {"SEK-10", 0.7, kSchoolPatterns},
    // SEK-11 schakelt bij gezondheidsproblemen geen medische hulp in
    {"SEK-11", 0.7, kNoCarePatterns},
    // CRI-01 gedwongen te beroven of zakken te rollen, buit afstaan
    {"CRI-01", 0.85,
     {
         "zakken ~2 rollen|rolt|rolde|gerold",
         "@force ~8 beroven|zakkenrollen|rollen|overvallen|roven|afpakken|straatroof|afhandig",
         "zakkenroll*|zakkenroller*",
     }},
    {"CRI-01", 0.7,
     {
         // Pickpockets named by what they take: "bij het rollen van een portemonnee", "telefoondiefstal uit jaszakken".
         "rollen|rolt|rolde|rolden|rollend ~4 portemonnee*|portemonnees|telefoon*|portefeuille*|tas|tassen",
         "diefstal|diefstallen|telefoondiefstal*|stelen|steelt|stalen ~3 uit ~2 jaszak*|jaszakken|broekzak*",
     }},
    {"CRI-01", 0.55,
     {"straatroof|straatroven|overval|overvallen|beroving|berovingen|tasjesroof|berooft|bestelen|besteelt|bestolen|"
      "tasjesdief*|straatrover*|beroofd"}},
    // CRI-02 gedwongen te bedelen, opbrengst afstaan
    {"CRI-02", 0.85,
     {
         "@force ~6 bedelen",
         "bedel* ~10 geld|opbrengst|buit ~6 @give|geven",
     }},
    {"CRI-02", 0.7,
     {
         "bij|voor|op ~2 supermarkt|station|straat|winkel|winkelcentrum ~4 geld ~3 vragen|vraagt|vroeg|vroegen|bedelen",
         "bedelt|bedelen|bedelde|bedelend|bedelaar*|gebedeld",
         "doen|deden|doet|deed ~2 alsof ~4 doof|doofstom|blind|ziek|gehandicapt|stom|invalide",
         "met ~2 bekertje|bakje|beker|hoedje|bordje ~4 bij|voor|op|langs|in",
         "langs ~2 deuren|huizen|deur ~8 geld|collecte*|collecteren|inzamelen|vragen|vraagt",
     }},
    // CRI-03 gedwongen in te breken of te stelen, buit afstaan
    {"CRI-03", 0.85,
     {
         "@force ~6 inbreken|stelen|jatten|winkeldiefstal*|inbraken|inbraak|pikken",
         "@force ~6 in ~1 te ~1 breken",
         "stelen|inbreken|gestolen|steelt|buit ~10 @give|geven",
     }},
    {"CRI-03", 0.55,
     {"in ~1 te ~1 breken ~3 in ~2 woningen|huizen|auto|autos|winkels|bedrijven|scholen|panden", "inbreekt|inbreken|inbrak|inbraak|inbraken|ingebroken|winkeldiefstal*|diefstal*|steelt|stelen|jat|jatten|"
      "gejat|buit"}},
    // CRI-04 luxe artikelen, dure kleding, veel cash
    {"CRI-04", 0.8,
     {
         "#500-1000000 ~1 euro ~2 contant|cash",
         "contant|cash ~3 bij ~2 zich",
         "veel|grote ~2 cash|contant|contanten|bankbiljetten|briefjes|geldbedragen",
         "stapel*|bundel*|rol|rollen|pak|pakken ~2 geld|biljetten|bankbiljetten|cash|briefjes",
         "dure|duur|luxe ~2 kleding|kleren|schoenen|sneakers|merkkleding|merkkleren|horloge*|sieraden|"
         "scooter|telefoon|iphone|jas|tas|spullen|brommer|parfum",
         "ineens|plotseling|opeens ~4 nieuwe|dure ~2 telefoon|iphone|scooter|kleding|kleren|schoenen|sneakers|"
         "horloge*|sieraden|spullen|brommer",
         "merkkleding|merkkleren|designerkleding|luxeartikelen|gucci|rolex|louis|moncler|canada|prada|"
         "versace|balenciaga|airpods|peperdure|peperduur",
         "nieuwe|dure|steeds ~2 iphone*|airpods|playstation|scooter|brommer",
         "veel ~1 geld ~2 op ~1 zak",
         "veel ~1 geld ~2 bij ~2 zich",
         "huurt|huurde|huren|koopt|kocht ~3 mercedes|bmw|audi|porsche|tesla|sportauto|lamborghini|"
         "ferrari|maserati|range|huurauto*|dure|luxe",
         "dure|duur|luxe ~2 vakantie|vakanties|reizen|huurauto*",
         "contant|cash ~2 afrekent|afrekende|afgerekend",
     }},
    // CRI-05 geeft veel meer geld uit dan verwacht
    {"CRI-05", 0.8,
     {
         "meer ~2 geld ~4 uit ~6 dan",
         "meer ~2 geld ~4 dan ~6 baan|bijbaan|verdien*|verwachten|inkomen|uitkering|zakgeld|verwacht",
         "geeft|gaf|geven ~4 veel ~3 geld ~2 uit",
         "smijt|smeet ~3 geld",
         "meer ~2 geld ~2 uitgeeft|uitgaf|uitgeven",
         "!terwijl ~3 geen ~2 bijbaan|baan|inkomen|werk",
         "terwijl ~3 alleen|slechts|maar ~3 uitkering|zakgeld|bijbaan|wajong*",
         "!geld ~5 onverklaarbaar|onduidelijk|vandaan",
         "uitgaven|uitgavenpatroon ~4 inkomen|bijbaan|baan|verklaren|onverklaarbaar",
         "betaalt|betaalde|trakteert|trakteerde ~3 voor ~3 hele|iedereen|groep|vrienden|rondje*",
         "meer ~2 uit ~3 dan ~6 verdien*|kan|bijbaan|inkomen|zakgeld|verwacht|verwachten",
         "trakteert|trakteerde|trakteren ~4 vrienden|iedereen|groep|vriendinnen",
         "geen ~2 baan|bijbaan|inkomen|werk ~6 maar ~8 betaalt|koopt|kocht|uitgeeft|dure|geld",
         "opvallend|verdacht|erg|heel|ontzettend ~1 veel ~1 geld ~3 besteden|uitgeven|uit|uitgeeft",
         "bijbaan|bijbaantje|vakkenvuller|zakgeld|uitkering|studiefinanciering|stufi|krantenwijk|weekendbaan|"
         "bijbaantjes ~12 maar|terwijl|toch ~8 huurt|koopt|kocht|betaalt|betaalde|dure|luxe|mercedes|bmw|uitgeeft",
     }},
    // CRI-06 contact met mensen die crimineel gedrag vertonen
    {"CRI-06", 0.75,
     {
         "criminele|criminelen|crimineel|foute ~3 vrienden|contacten|jongens|mensen|netwerk|milieu|figuren|"
         "groep|types|oom|neef|familie",
         "om ~2 met ~4 dealers|criminelen|criminele|drugsdealers|bendeleden",
         "mensen|jongens|vrienden|mannen ~3 die ~3 drugs ~2 verkopen|dealen|verhandelen",
         "bekend ~3 bij ~2 politie|justitie",
         "@force ~4 drugs|pakketjes|pakketten|geld ~3 verkopen|vervoeren|dealen|rondbrengen|wegbrengen|bezorgen|"
         "koerieren|bewaren|opslaan",
         "drugs|pakketjes|pakketten|pakketje|bolletjes ~2 moet|moest|moeten ~2 rondbrengen|wegbrengen|bezorgen|"
         "vervoeren|verkopen|dealen|brengen",
         "drugs|pakketjes|pakketten ~2 weg|rond ~2 te ~1 brengen",
         "betrokken ~3 bij ~3 oplichting|criminaliteit|drugshandel|diefstal*|inbraken|overvallen|fraude*|witwassen|"
         "criminele",
     }},
    {"CRI-06", 0.7,
     {
         "gerund|runt|runde",
         "in ~1 de ~1 drugs ~1 zit|zat|zitten|zaten",
         "zit|zat|zitten ~2 in ~1 de ~1 drugs",
         "geronseld|benaderd|gerekruteerd|gevraagd ~8 klusjes|klussen|pakketjes|geld ~2 ophalen|wegbrengen|rondbrengen|bezorgen",
         "snelle ~1 klusjes|klussen|cash",
         "drugscircuit|drugsmilieu|drugswereld|drugsscene|geldezel*|moneymule*|dealerlijn*|drugslijn*|drugsschuld|drugsschulden|bendes",
         "loopt|liep|lopen|rent|rende ~1 voor ~2 een|die|oudere ~2 jongen|jongens|man|mannen|dealer|dealers",
         "hennep*|wietplantage*|wietkwekerij*|drugslab*|drugspand|xtc-lab*|wietzolder|wietteelt",
         "met ~4 anderen|jongens|mannen|vrienden|groep ~8 stelen|inbreken|beroven|dealen|gestolen|"
         "ingebroken|overvallen|beroofd|gedeald",
         "pakketjes|pakketten|pakketje|tassen|spullen ~4 naar ~2 duitsland|belgie|frankrijk|engeland|buitenland|"
         "adressen|grens",
         "pakketjes|pakketten|pakketje ~4 voor ~2 mannen|jongens|onbekenden",
         "groep|bende|netwerk|jongens|vrienden ~4 die ~4 inbraken|drugs|overvallen|berovingen|diefstallen|misdrijven ~2 "
         "pleegt|plegen|dealt|dealen|verkoopt|verkopen",
         "bewaart|bewaarde|verstopt|verstopte ~3 drugs|wapens|wapen|pakketjes|tassen ~3 voor ~3 anderen|jongens|hem|vriend|"
         "mannen|iemand",
         "drugskoerier*|geldkoerier*|drugsbende*|jeugdbende*|straatbende*|bendelid",
         "koerier ~3 drugs|voor",
         "bekend|bekenden ~3 bij|van ~2 politie|justitie",
     }},
    {"CRI-06", 0.6,
     {
         "toeslagen|toeslag|uitkering|uitkeringen|bijstand|leningen|lening|abonnementen|telefoonabonnement*|"
         "zorgtoeslag|huurtoeslag ~4 op ~2 haar|zijn|hun ~1 naam",
         "op ~2 haar|zijn|hun ~1 naam ~4 toeslagen|toeslag|uitkering|bijstand|leningen|lening|abonnementen|"
         "telefoonabonnement*|zorgtoeslag|huurtoeslag",
         "spookbewoner*|spookinschrijving*",
         "vastgezeten|gedetineerd|strafblad|gevangenis|bajes|jeugdgevangenis|veroordeeld",
         "snel|makkelijk ~2 cash|geld ~2 verdienen|verdiend",
         "explosief|explosieven|vuurwerkbom*|handgranaat|granaat|brandstichting|plofkraak*",
         // "aanslag" alone is as often a tax assessment ("aanslag afvalstoffenheffing").
         "aanslag|aanslagen ~2 op ~4 woning|huis|pand|zaak|deur|voordeur|winkel|auto|hem|haar|familie",
         "klussen|klusjes|opdrachten ~2 uitzetten|uitzet|uitgezet|aanbieden|uitdelen",
     }},
    {"CRI-06", 0.55,
     {"dealer|dealers|drugsdealer*|drugsrunner*|criminelen|bendeleden|drugsnetwerk|drugshandel|dealt|"
      "gedeald|dealen|dealden|uitkijk|drugsrun*|drugsdeal*"}},
    // CRI-07 gebruikt middelen (drugs)
    {"CRI-07", 0.8,
     {
         "gebruikt|gebruik|gebruiken|gebruikte|verslaafd|verslaving|snuift|spuit|slikt ~6 @drugs",
         "gebruiker|gebruikers ~3 @drugs",
         "@drugs ~3 gebruik*|verslaafd|verslaving",
         "verslaafd|verslaving|drugsgebruik|drugsverslaving|blowt|blowen|snuift|drugsgebruiker|verslaafde",
     }},
    {"CRI-07", 0.5, {"onder ~1 invloed", "stoned|high"}},
    // CRI-08 verzuimt op school
    {"CRI-08", 0.7, kSchoolPatterns},
    // ARB-01 gevaarlijk en ongezond werk
    {"ARB-01", 0.8,
     {
         "gevaarlijk*|ongezond*|onveilig*|zwaar ~3 werk|machines|machine|stoffen|omstandigheden|werkplek|"
         "chemicalien|situatie|klussen|werkzaamheden",
         "zonder|geen ~3 beschermend*|bescherming|beschermingsmiddelen|handschoenen|mondkapje*|helm|"
         "veiligheidsschoenen|veiligheidskleding|valbeveiliging|werkkleding|veiligheidsbril|mondmasker*",
         "bestrijdingsmiddelen|gif|chemicalien|asbest|giftige|gifstoffen",
         "agressieve|bijtende|giftige|schadelijke ~2 schoonmaakmiddelen|middelen|stoffen",
     }},
    {"ARB-01", 0.6,
     {
         "vinger|vingers|hand|arm|duim ~4 kwijt|verloren|verloor|afgezaagd|afgehakt|geamputeerd",
         "ongeluk|ongeval|bedrijfsongeval|arbeidsongeval ~4 werk|machine|werkplek",
         "gewond|verwond|geblesseerd ~4 werk|machine",
         "arbeidsongeval|bedrijfsongeval|werkongeval",
         "zonder ~2 goede|juiste|geschikte|beschermende|warme ~1 kleding|bescherming|uitleg|instructie|opleiding|"
         "werkkleding",
         "machine*|heftruck|apparatuur|zaag|slijptol ~4 zonder ~2 uitleg|instructie|opleiding|training|certificaat",
         "kou|vrieshuis|vriescel|koelcel|hitte ~6 zonder ~3 kleding|bescherming|jas|handschoenen",
     }},
    // ARB-02 lange werkdagen
    {"ARB-02", 0.8, kLongDaysPatterns},
    {"ARB-02", 0.7, kLongWeekPatterns},
    // ARB-03 niet of te weinig betaald, of lang wachten op betaling
    {"ARB-03", 0.85,
     {
         "#1-1200 ~1 euro ~3 per ~1 maand ~3 voor ~2 fulltime|voltijds|volledige|hele",
         "fulltime|voltijds ~4 #1-1200 ~1 euro",
         "#1-5 ~1 euro ~2 per ~1 kist|krat|stuk|doos|emmer|bak|kilo|pakket|pakketje|kamer|bed|adres",
         "voor ~3 maanden|weken ~2 werk ~4 #1-1500 ~1 euro",
         "!na ~2 aftrek ~8 niets|niks|weinig|nauwelijks|amper|bijna",
         "pas ~2 loon|salaris|betaald ~4 als|wanneer|nadat|zodra",
         "#1-80 ~1 euro ~3 voor ~3 %8-24 ~1 uur|uren",
         "#1-60 ~1 euro ~2 per|een|de ~1 dag",
         "krijgt|kreeg|krijgen|kregen|verdient|verdiende|ontvangt ~6 maar|slechts|hooguit|amper ~2 #1-1000 ~1 euro",
         "krijgt|kreeg|ontvangt|ontving|krijgen|kregen ~3 geen|niets|niks ~3 loon|salaris|betaald|uitbetaald|betaling|"
         "uitbetaling|cent",
         // "heeft niets betaald" is someone who paid nothing; "heeft niets betaald gekregen" is someone unpaid.
         "heeft|hebben|had|hadden ~3 geen|niets|niks ~3 loon|salaris|betaling|uitbetaling|cent",
         "heeft|hebben|had|hadden ~3 geen|niets|niks ~3 betaald|uitbetaald ~1 gekregen|gehad|ontvangen",
         "!geen|niets|niks ~3 geld ~4 voor ~3 werk|uren|arbeid|werkzaamheden",
         "!niet|nooit|nauwelijks|amper|weinig|onvoldoende ~2 =betaald|=uitbetaald",
         // "niets betaald" alone is as often someone who paid nothing ("ze heeft niets betaald").
         "!wordt|worden|werd|werden|is|zijn|was|waren ~3 niets|niks ~2 =betaald|=uitbetaald",
         "!niets|niks ~2 =betaald|=uitbetaald ~1 gekregen|gehad|ontvangen",
         "@boss ~4 betaalt|betaalde ~4 niet|nooit|niets|niks|weinig",
         "onder ~2 het ~1 minimumloon",
         "minder ~3 dan ~2 minimumloon|afgesproken|beloofd",
         "#1-6 euro ~2 per ~1 uur|dag",
         "#1-6 per ~1 uur",
         "wacht|wachten|wachtte|wachtten ~3 maanden|weken|lang|nog ~4 loon|salaris|geld|betaling|uitbetaling",
         "achterstallig* ~2 loon|salaris|betaling*",
         "loon|salaris ~3 ingehouden|achtergehouden",
         "houdt|hield ~4 loon|salaris ~2 in",
         "onbetaald|onbetaalde|onderbetaald|onderbetaling|uitgebuit",
         "alleen|slechts ~3 voor ~2 kost ~2 inwoning|eten|onderdak",
         "!geen|niets|niks ~2 loon|salaris|geld|betaling ~3 ontvangen|gekregen|gehad|uitbetaald|ontvangt|krijgt",
         "voor ~1 %50-900 ~1 euro ~2 per ~1 maand",
         "weken|maanden ~3 op ~2 loon|salaris|geld|betaling ~1 wacht|wachten|wachtte|gewacht",
         "trekt|trok|trekken ~4 boetes|boete ~6 van ~2 loon|salaris",
         "voor ~2 weinig|nauwelijks ~2 geld|loon",
         "loon|salaris|betaling|uitbetaling ~4 uitgesteld|opgeschort|uitblijft|achtergehouden",
         "loon|salaris|betaling|uitbetaling ~4 blijft|bleef ~2 uit",
         "krijgt|krijgen|kreeg|kregen ~2 alleen|enkel|slechts ~3 eten|kost|onderdak|slaapplek|zakgeld",
         "schijntje|hongerloon|habbekrats|hongerlonen",
         "appel ~1 en ~2 ei",
         "verdient|verdienen|verdiende|overhoudt|overhouden|houdt|houden ~4 #1-1000 ~1 euro ~2 per ~1 maand",
         "krijgt|krijgen|kreeg|kregen|verdient|verdienen|verdiende|ontvangt|ontvangen|houdt|houden ~3 maar|slechts|rond|"
         "zo|ongeveer|amper|nauwelijks|hooguit|netto ~3 #1-1000 ~1 euro",
         "#1-1000 ~1 euro ~4 krijgt|krijgen|overhoudt|overhouden|over|verdient|verdienen|ontvangt|uitbetaald",
         "minder ~2 dan ~3 euro ~2 over|overhouden|overhoudt|krijgen|krijgt|verdienen|verdient",
         "!tot ~1 nu ~1 toe ~4 niets|niks|geen ~3 ontvangen|gekregen|betaald|verdiend|uitbetaald",
         "!nog ~2 niets|niks|geen ~1 cent|euro|loon ~1 ontvangen|gekregen|gezien|uitbetaald",
         "in ~1 werkelijkheid|praktijk|realiteit ~4 krijgt|krijgen|verdient|verdienen|ontvangt|kreeg|kregen|is|was",
         "boete|boetes ~10 ingehouden|inhouden|afgetrokken|afgehouden",
     }},
    // ARB-04 geen beschikking over eigen paspoort
    {"ARB-04", 0.85,
     {
         "@boss ~4 @keep ~4 @docs",
         "@docs ~6 bij|door ~3 @boss",
         "@boss ~3 @docs ~2 heeft|had|houdt|hield|bewaart|bewaarde|beheert|vasthoudt",
         "@boss ~6 @take ~4 @docs",
         "@docs ~6 @take ~4 door ~2 @boss",
         "@docs ~4 in ~1 handen ~2 van ~2 @boss",
     }},
    // ARB-05 met valse beloften naar Nederland gehaald
    {"ARB-05", 0.8,
     {
         "gekomen|kwam|kwamen|gehaald|gelokt ~6 voor ~2 een|het ~1 baan|werk|baantje ~10 maar ~6 moest|moet|bleek|kwam",
         "valse|loze|mooie|gebroken ~1 beloften|beloftes|belofte",
         "anders ~4 dan ~3 beloofd|afgesproken|voorgespiegeld|verwacht",
         "baan|werk|loon|salaris|woning|huis|geld|contract|verblijfsvergunning|papieren ~5 beloofd|beloofde|"
         "belofte*|voorgespiegeld|toegezegd|toegezegde",
         "naar ~1 nederland ~6 gehaald|gelokt|gesmokkeld|gebracht|geronseld",
     }},
    {"ARB-05", 0.55,
     {
         "beloofd|beloofde|beloftes|belofte ~8 baan|werk|loon|salaris|huis|woning|verdienen|geld|papieren",
         "gelokt|geronseld|geworven|ronselaar*",
         "huisvesting|kamer|onderdak|euro|bedrag|verdienste*|inkomen|goede ~5 beloofd|beloofde|toegezegd|voorgespiegeld",
         "in ~1 werkelijkheid|praktijk|realiteit",
         "dacht|dachten|verwachtte|verwachtten ~8 maar ~6 moest|moet|moesten|bleek|kwam",
         "lager|minder|slechter|anders ~4 dan ~3 beloofd|afgesproken|voorgespiegeld|verwacht|toegezegd",
         "mooi|mooie ~1 verhaal|verhalen|praatje|plaatje|praatjes",
         "!werk|baan|werkgever ~3 was|bestond|bleek ~2 nooit|niet",
     }},
    // ARB-06 mishandeld, gechanteerd, gedwongen of bedreigd
    {"ARB-06", 0.8,
     {
         "bedreig*|mishandel*|geslagen|geschopt|gechanteerd|chantage|chanteert",
         "slaat|sloeg|schopt|schopte ~3 hem|haar|hen|hun|ze|hem",
         "klappen ~3 gekregen|krijgt|gehad|gegeven",
         "dreigt|dreigde|gedreigd|dreiging*",
     }},
    {"ARB-06", 0.7,
     {
         "gooide|gooit|smeet|smijt ~4 naar|tegen ~2 zijn|haar|hem ~1 hoofd",
         "in ~2 gezicht ~2 sloeg|geslagen|gestompt|slaat|gemept|mepte",
         "sloeg|slaat|stompt|stompte|mept|mepte ~3 in ~2 gezicht|buik",
         "duwde|duwt|gooide|smeet|geduwd ~4 tegen ~3 muur|schutting|grond|deur|vloer|hek|kast|auto",
         "klap|klappen|trap|trappen|vuistslag|vuistslagen ~2 gegeven|gekregen|uitgedeeld|verkocht",
         "krijgt|krijgen|kreeg|kregen ~2 klappen|slaag|klap|trap|schoppen",
         "pak ~1 slaag",
         "uitgescholden|geduwd|getrapt|gestompt|vernederd|gekleineerd|geknepen|uitschelden",
     }},
    {"ARB-06", 0.6, {"gedwongen|dwingt|dwong|=geweld", "onder ~1 dwang"}},
    // ARB-07 hoge schuld aan de werkgever
    {"ARB-07", 0.85,
     {
         "loon|salaris ~8 schuld|schulden|reis|reiskosten ~3 afbetaald|afgelost|terugbetaald|terugverdiend|terugverdienen|afbetalen",
         "schuld|schulden|schuldig ~8 @boss",
         "@boss ~8 schuld|schulden|schuldig",
         "moet|moest|moeten ~6 reiskosten|reis|huur|bemiddeling*|visum|overtocht|transport|kosten ~5 terugbetalen|"
         "afbetalen|aflossen|betalen|terugverdienen",
         "terugbetalen|afbetalen|aflossen|terugverdienen ~6 reis|reiskosten|overtocht|bemiddeling*|schuld|schulden",
         "schuld|schulden ~4 groeit|groter|hoger|oploopt",
         "dieper ~3 in ~2 schuld|schulden",
         "!schuld|schulden ~4 nooit ~2 af|afbetaald",
         "huur|reiskosten|kosten|boetes|boete ~4 ingehouden|inhouden|afgetrokken",
         "trekt|trok|trekken ~6 reiskosten|kosten|huur|kamerhuur|boetes|boete ~6 af",
         "reis|reiskosten|bemiddeling*|overtocht|visum ~10 terugbetalen|afbetalen|aflossen|terugverdienen",
         "loon|salaris ~10 voor ~3 schuld|schulden",
     }},
    {"ARB-07", 0.55, {"hoge|grote|oplopende ~1 schuld|schulden"}},
    // ARB-08 illegaal in Nederland
    {"ARB-08", 0.8,
     {
         "ongedocumenteerd*|uitgeprocedeerd*|=illegalen",
         "illegaal ~2 in ~2 nederland|land|eu|europa",
         "illegaal|illegale ~1 verblijf*|vreemdeling*|status|migrant*|arbeidsmigrant*|werknemer*|werkers|arbeiders|"
         "man|vrouw|jongen|meisje|mannen|vrouwen",
         "verblijft|verblijven|verbleef|zit|zitten|woont|wonen|hier ~2 illegaal",
         "!zonder|geen ~1 papieren|verblijfsvergunning|verblijfsstatus|visum|verblijfspapieren|verblijfsrecht|"
         "werkvergunning|tewerkstellingsvergunning|geldige",
         "visum ~3 verlopen",
         "verblijfsvergunning ~3 verlopen|ingetrokken|afgewezen",
     }},
    {"ARB-08", 0.55, {"!geen ~1 bsn|burgerservicenummer"}},
    // ARB-09 bang voor uitzetting
    {"ARB-09", 0.85,
     {
         "!uit ~1 angst|vrees ~2 voor ~2 uitzetting|uitgezet|teruggestuurd|deportatie|terugsturen",
         "@afraid ~6 uitgezet|uitzetting|teruggestuurd|uitgewezen|deportatie|terugsturen|teruggezet|gedeporteerd",
         "bang|angst|angstig|vreest|vrees|schrik|doodsbang ~6 uitgezet|uitzetting|teruggestuurd|uitgewezen|"
         "deportatie|terugsturen",
         "bang|angst|angstig|vreest|vrees|schrik|doodsbang ~6 terug ~3 gestuurd",
         "bang|angst|angstig|vreest|vrees|doodsbang ~6 land ~1 uit",
     }},
    {"ARB-09", 0.7, {"!durft|durfde|durven ~3 niet ~6 politie|gemeente|instanties|aangifte|ambtenaren|overheid"}},
    // ARB-10 (een groot deel van) de inkomsten afdragen
    {"ARB-10", 0.8,
     {
         "@money ~6 @give",
         "moet|moest|moeten ~6 @money ~6 @give|afgeven|geven",
         // Paying back part of the wage is handing it over; paying back a debt ("8000 euro terugbetalen") is ARB-07.
         "moet|moest|moeten ~6 loon|salaris ~6 terugbetalen|terugbrengen|teruggeven",
         "salaris|loon ~12 het ~1 verschil ~4 terugbetalen|terugbrengen|teruggeven",
         "loon|salaris|verdiensten ~4 houdt|hield|blijft|houden ~3 niets|niks|weinig|nauwelijks ~2 over",
         "draagt|droeg|dragen ~8 af ~2 aan",
         "draagt|droeg ~8 af$",
         "@money ~6 grootste|groot ~1 deel|gedeelte ~3 naar|aan|voor|gaat|gaan|ging",
         "@money ~6 gaat|gaan|ging|gingen ~6 naar ~3 de|haar|zijn|hun|een ~1 @holder",
         "loon|salaris|verdiensten|inkomsten ~3 gaat|gaan|ging|gingen ~2 rechtstreeks|direct|meteen|allemaal ~1 naar",
     }},
    {"ARB-10", 0.55, {"afdragen|afdracht"}},
    // ARB-11 geen beschikking over het geld op de eigen bankrekening
    {"ARB-11", 0.85,
     {
         "@holder ~5 @keep ~5 @bank",
         "@boss ~8 @bank ~2 bewaart|beheert|vasthoudt|heeft|gebruikt|houdt",
         "@bank ~6 @boss|afgepakt|ingenomen|afgeven|ingeleverd|inleveren|afgenomen",
         "!geen ~3 toegang|beschikking|zicht|zeggenschap ~4 @bank",
         "!kan|kon|mag|mocht ~3 niet ~6 bij ~3 geld|rekening|bankrekening",
         "!rekening|geld|loon|bankrekening ~6 niet ~1 bij ~1 kan|kon|mag|mocht|komt",
         "!niet ~2 zelf ~2 pinnen|opnemen|bankieren",
     }},
    {"ARB-11", 0.6, {"!geen ~2 eigen ~1 bankrekening|rekening|bankpas"}},
    // ARB-12 zwart betaald of niet verzekerd
    {"ARB-12", 0.8,
     {
         "schijnconstructie*|schijnzelfstandig*",
         "zwart ~3 betaald|werkt|werken|gewerkt|uitbetaald|geld|loon|betalen",
         "betaald|uitbetaald|werkt|werken|werkte|werkten|gewerkt ~2 zwart",
         "zwartwerk*|zwartwerker*",
         "werkt|werken|werkte|gewerkt ~8 zwart$",
         "!geen|zonder ~2 contract|arbeidscontract|loonstrook|loonstroken|loonstrookje*|strookje|strookjes|"
         "arbeidsovereenkomst",
         "no ~1 contract",
     }},
    {"ARB-12", 0.65,
     {
         // "contant betaald" is also someone paying cash ("de kamer wordt contant betaald door de man"): the paid
         // one must be the worker.
         "contant|cash ~3 uitbetaald|loon|envelop*",
         "krijgt|krijgen|kreeg|kregen|worden|wordt|werd|werden ~1 hij|ze|zij ~3 contant|cash ~2 betaald",
         "@boss ~3 betaalt|betaalde|betalen ~4 contant|cash",
         "loon|salaris ~2 contant|cash",
         "hij|ze|zij ~1 contant|cash ~1 krijgt|krijgen|kreeg|kregen|ontvangt|ontving|uitbetaald",
         "!niet|geen ~2 verzekerd|verzekering|ongevallenverzekering",
         "verzekerd ~3 niet$",
         "contract*|loonstro*|arbeidsovereenkomst* ~6 niet ~2 getoond|laten|overleggen|overgelegd|aanwezig|beschikbaar|"
         "tonen|gezien",
         "krijgen|krijgt|kregen|kreeg ~2 cash|contant|zwart",
         "loon|salaris|geld|betaald|uitbetaald ~4 in ~2 een ~1 envelop*",
         "!niet ~2 ingeschreven|aangemeld|geregistreerd ~6 verzekerd",
     }},
    // ARB-13 woont in bedrijfspand of is slecht gehuisvest
    {"ARB-13", 0.85,
     {
         "@sleep ~4 @premises",
         "in ~2 loods|loodsen|schuur|stal|container*|kas|magazijn|fabriek|werkplaats|bedrijfspand ~4 @sleep",
         "@sleep ~4 bij ~2 @boss",
         "#6-100 ~2 @people ~6 kamer|slaapkamer|huis|woning|ruimte|loods|caravan|appartement|@sleep",
         "met ~2 #6-100 ~3 kamer|slaapkamer|huis|woning|ruimte|caravan|appartement",
         "met ~2 #6-100 ~2 @people ~5 kamer|slaapkamer|huis|woning|ruimte|caravan|appartement|loods",
         "slecht* ~2 gehuisvest|huisvesting|behuisd",
         "overbewoning|overbewoond|stapelbedden",
         "matras|matrassen|matrasje ~4 grond|vloer",
         "@sleep ~8 achter|achterin|boven ~2 de|het ~1 @premises",
         "achterin ~4 matras*|bed|bedden|slaapplek*",
         "caravan|caravans|stacaravan*|chalet* ~4 zonder ~2 verwarming|water|stromend|sanitair|toilet",
         "@sleep ~12 in ~3 hok|hokje|schuur|schuurtje|stal|stallen|zeecontainer*|container*|loods|bijkeuken|tuinhuis*|"
         "kippenhok|garage|kelder|werkplaats",
         "kamer|kamertje|hok|hokje|ruimte|slaapplek*|zolder ~3 boven|achter|naast|in ~2 de|het ~1 @premises",
         "@sleep ~6 #6-100 ~4 @people",
         "@sleep ~4 caravan|caravans|stacaravan*|woonunit*|container*|chalet* ~6 terrein|erf|bedrijf|teler|boer|"
         "werkgever|baas|bedrijfsterrein",
     }},
    {"ARB-13", 0.6,
     {
         "per ~1 bed|matras|slaapplek|slaapplaats",
         "#3-99 ~1 @people ~1 per|op ~1 een ~1 kamer|slaapkamer|chalet|caravan|stacaravan|kamertje",
         "met ~1 zn|z|zijn ~1 =vieren|=vijven|=zessen|=zevenen|=achten ~3 op ~1 een ~1 kamer|kamertje|slaapkamer",
         "krappe|kleine|vieze|slechte|overvolle|smerige|vochtige ~3 woning|kamer|huisvesting|behuizing|ruimte",
         "schimmel|ongedierte|kakkerlakken|muizen|ratten",
         "woning|huis|kamer|huisvesting|slaapplek|onderkomen ~4 overvol|vies|smerig|krap|vochtig|verwaarloosd|"
         "onbewoonbaar|overbewoond",
         "luchtbed|matras|matrasje|veldbed ~4 in|op ~2 de|het ~1 bijkeuken|keuken|gang|woonkamer|schuur|garage|"
         "berging|vloer|werkplaats|zolder",
         "slaapt|sliep|slapen|sliepen ~4 op ~2 luchtbed|matras|matrasje|veldbed|vloer|grond",
         "zonder ~2 verwarming|douche|stromend|sanitair|kachel|wc",
     }},
    // ARB-14 beperkte bewegingsvrijheid
    {"ARB-14", 0.8,
     {
         "!mag|mocht|mogen ~3 alleen ~2 onder ~1 begeleiding|toezicht",
         "!mag|mocht|mogen ~3 alleen ~3 met ~4 huis|woning|deur|pand ~1 uit|verlaten",
         "controleert|controleerde|checkt|checkte|wil|wilde ~3 steeds|voortdurend|constant|altijd ~2 waar ~2 ze|hij|zij ~1 is|was|zit|uithangt",
         "!mag|mogen|mocht|mochten|kan|kon ~4 niet|nooit ~4 naar ~1 buiten",
         "!mag|mogen|mocht|mochten|kan|kon ~4 niet|nooit ~4 weg|weggaan|vertrekken|terrein|pand|deur",
         "!mag|mogen|mocht|mochten ~4 niet|nooit ~2 alleen ~3 naar|weg|de|op|over|buiten|boodschappen|reizen",
         "opgesloten|ingesloten|opsluit|opsluiten",
         "!mag|mogen|mocht|mochten ~4 deur|huis|terrein|pand|woning ~2 niet|nooit ~1 uit|af|verlaten",
         "deur|deuren ~3 op ~1 slot",
         "worden|wordt|werd|werden ~4 gebracht ~3 gehaald|opgehaald",
         "worden|wordt|werd|werden ~4 opgehaald ~3 gebracht|teruggebracht",
         "bewegingsvrijheid",
         "!mag|mogen|mocht|mochten ~4 @premises ~2 niet|nooit ~1 uit|af|verlaten",
         "!nooit ~1 alleen",
         "!mag|mocht|mogen ~3 alleen ~3 met ~4 deur|buiten|naar",
         "opgehaald ~6 gebracht|teruggebracht",
         "brengt|bracht ~6 ophaalt|haalt|opgehaald|gehaald",
         "!niet|nooit ~2 naar ~1 buiten ~1 mag|mocht|mogen|mochten|kan|kon|durft|durfde",
         "voordeur|deur|deuren|achterdeur ~6 op ~1 slot|afgesloten",
         "van ~1 buitenaf ~3 op ~1 slot|afgesloten|dicht",
         "opgehaald ~10 teruggebracht|gebracht|thuisgebracht",
         "wordt|worden|werd|werden ~2 overal ~2 naartoe|heen ~1 gebracht|gereden|begeleid",
         "!mag|mogen|mocht|mochten ~3 nergens ~2 heen|naartoe|naar",
     }},
    {"ARB-14", 0.6,
     {
         "onder ~2 toezicht|bewaking|camera*",
         "wordt|worden|werd ~3 in ~1 de ~1 gaten ~1 gehouden",
         "wordt|worden|werd ~3 bewaakt|gecontroleerd",
     }},
    // ARB-15 gechanteerd of afgeperst
    {"ARB-15", 0.85,
     {
         "gechanteerd|chantage|chanteert|chanteren|afgeperst|afpersing|afperser*|perst|persen",
         "dreigt|dreigde|gedreigd|dreigen|dreigden ~6 geheimen|foto*|naakt*|beelden|filmpje*|video* ~4 verspreiden|vertellen|delen|online|"
         "sturen|laten",
         "eist|eiste|eisen ~3 geld",
         "foto*|naaktfoto*|beelden|filmpje*|video*|geheimen ~8 dreigt|dreigde|gedreigd ~4 verspreiden|delen|online|"
         "sturen|openbaar",
     }},
    // ARB-16 op andere manieren onder druk gezet
    {"ARB-16", 0.8,
     {
         "met ~2 ontslag|ontslagen|uitzetting|eruit|straat|politie ~2 bedreigd|gedreigd|bedreigt|dreigt|dreigde",
         "onder ~1 druk ~3 gezet|zetten|zet|staat|stond",
         "druk ~3 uitgeoefend|uitoefent|uitoefenen",
         "dreigt|dreigde|gedreigd|dreigen ~6 ontslag|ontslaan|woning|huis|kamer|eruit|straat|familie|gevolgen|"
         "politie|uitzetten|terugsturen|loon|melden|aangeven",
         "familie|kinderen|moeder|vader|zus|broer ~6 iets ~3 aandoen|overkomt|overkomen|gebeurt|aangedaan",
         "familie|kinderen|moeder|vader|zus|broer ~6 iets ~3 aan ~1 te ~1 doen",
         "anders ~4 kamer|woning|huis|baan|werk|loon|slaapplek ~2 kwijt",
         "intimid*|geintimideerd",
         "dreigt|dreigde|dreigen ~4 aan ~2 te ~1 geven",
         "dreigt|dreigde|gedreigd|dreigen ~6 vliegtuig|terug ~3 sturen|zetten",
         "eruit ~1 ligt|vliegt|gegooid|gezet|gooit",
         "ligt|vliegt|gooit|gegooid|gezet ~1 eruit",
         "kamer*|woning|huis|kamertje ~6 uit ~1 moet|moeten|moest",
         "uit ~2 de|het|zijn|haar ~1 woning|huis|kamer|kamertje ~1 gezet|gegooid|zetten|gooien",
         "zich ~1 ziek ~1 meldt|melden|meldde ~6 ontslag|eruit|ontslagen|boete|straf",
     }},
    {"ARB-16", 0.6, {
         "als ~6 klaagt|klaagde|klagen|weigert|weigerde|protesteert ~10 terug ~3 sturen|stuurt|gestuurd|ontslag|eruit|straat|ontslagen",
         "krijgt|krijgen|kreeg|kregen ~3 boete|boetes ~6 als|bij|wie|voor",
         "wie|als ~6 krijgt|krijgen|kreeg ~3 boete|boetes",
         "als ~8 moet|moeten|moest ~3 uit ~2 de|het|zijn|haar ~1 woning|huis|kamer","onder ~1 druk", "anders ~4 ontslagen|eruit|straat|ontslag"}},
    // ARB-17 vermoeidheid, uitputting of gezondheidsklachten
    {"ARB-17", 0.75,
     {
         "last ~2 van ~2 rug|nek|schouders|handen|knieen|armen|polsen|gewrichten|rugpijn",
         "uitgeput|uitputting|oververmoeid|vermoeidheid|doodmoe|afgepeigerd|slaapgebrek",
         "gezondheidsklachten|rugklachten|rugpijn|pijnklachten|longklachten|huidklachten",
         "lichamelijke ~1 klachten",
         "klachten ~4 werk",
         "pijn|klachten ~4 rug|nek|schouders|handen|knieen|armen|gewrichten|polsen",
         "ziek ~6 toch ~2 werken|doorwerken|komen",
         "valt|viel|vallen ~6 in ~1 slaap",
         "!geen ~1 energie|puf|fut ~1 meer",
     }},
    {"ARB-17", 0.6,
     {
         "slaapt|sliep|slapen ~2 maar|slechts|nauwelijks|amper|hooguit ~2 #1-5 ~1 uur|uren",
         "moe|vermoeid|bekaf|moeheid",
         "ziet|zag|zien|zagen ~1 er ~3 @seen_unwell",
         "ziet|zag|zien|zagen ~1 er ~3 op ~1 uit",
         "lopen|loopt|liep|liepen ~1 krom|mank|kreupel",
         "slepen|sleept|sleepte ~3 met ~2 benen|been|voeten",
     }},
};

// ---------------------------------------------------------------------------------------------------------------
// Pattern compilation and matching.
// ---------------------------------------------------------------------------------------------------------------

struct Alternative {
    std::string text;
    std::string stem;  // for whole words: the stem that an inflected form in the text may share
    int text_id = -1;  // text and stem as ids of the pattern vocabulary (whole words only)
    int stem_id = -1;
    bool prefix = false;
    bool numeric = false;
    bool clock_allowed = false;  // "%": the number may follow "tot", "om", ...
    long minimum = 0;
    long maximum = 0;
};

struct Element {
    std::vector<Alternative> alternatives;
    bool clause_final = false;
    int gap_before = 0;  // how many words may stand between the previous element and this one
};

struct CompiledPattern {
    std::size_t rule_index = 0;
    std::vector<Element> elements;
    bool negation_sensitive = true;
};

std::vector<std::string_view> Split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t stop = text.find(separator, start);
        const std::size_t end = stop == std::string_view::npos ? text.size() : stop;
        if (end > start) parts.push_back(text.substr(start, end - start));
        if (stop == std::string_view::npos) break;
        start = stop + 1;
    }
    return parts;
}

long ParseNumber(std::string_view digits) {
    long value = 0;
    for (const char digit : digits) {
        if (digit < '0' || digit > '9') break;
        value = value * 10 + (digit - '0');
    }
    return value;
}

// Adds the alternatives of one "a|b*|@class|#1-9" string, expanding word classes.
void AddAlternatives(std::string_view spec, std::vector<Alternative>& alternatives, int depth = 0) {
    for (std::string_view part : Split(spec, '|')) {
        if (part.front() == '@' && depth < 2) {
            for (const WordClass& word_class : kWordClasses) {
                if (word_class.name == part.substr(1)) {
                    AddAlternatives(word_class.alternatives, alternatives, depth + 1);
                }
            }
            continue;
        }
        Alternative alternative;
        if (part.front() == '#' || part.front() == '%') {
            const std::string_view range = part.substr(1);
            const std::size_t dash = range.find('-');
            alternative.numeric = true;
            alternative.clock_allowed = part.front() == '%';
            alternative.minimum = ParseNumber(range.substr(0, dash));
            alternative.maximum =
                dash == std::string_view::npos ? alternative.minimum : ParseNumber(range.substr(dash + 1));
        } else if (part.back() == '*') {
            alternative.prefix = true;
            alternative.text = std::string(part.substr(0, part.size() - 1));
        } else if (part.front() == '=') {
            alternative.text = std::string(part.substr(1));
        } else {
            alternative.text = std::string(part);
            alternative.stem = StemOf(alternative.text);
        }
        alternatives.push_back(std::move(alternative));
    }
}

CompiledPattern CompilePattern(std::string_view pattern, std::size_t rule_index) {
    CompiledPattern compiled;
    compiled.rule_index = rule_index;
    int pending_gap = 0;
    bool explicit_insensitive = false;
    bool contains_negation = false;
    for (std::string_view part : Split(pattern, ' ')) {
        if (part == "!") {
            explicit_insensitive = true;
            continue;
        }
        if (part.front() == '~') {
            pending_gap = part.size() == 1 ? kDefaultGap : static_cast<int>(ParseNumber(part.substr(1)));
            continue;
        }
        if (part.front() == '!') {
            explicit_insensitive = true;
            part.remove_prefix(1);
        }
        Element element;
        if (part.back() == '$') {
            element.clause_final = true;
            part.remove_suffix(1);
        }
        if (part.empty()) continue;
        AddAlternatives(part, element.alternatives);
        for (const Alternative& alternative : element.alternatives) {
            if (!alternative.prefix && !alternative.numeric && IsNegator(alternative.text)) contains_negation = true;
        }
        element.gap_before = compiled.elements.empty() ? 0 : pending_gap;
        pending_gap = 0;
        compiled.elements.push_back(std::move(element));
    }
    compiled.negation_sensitive = !explicit_insensitive && !contains_negation;
    return compiled;
}

// The compiled table with an index on the first element of each pattern, so that a word of the text is only
// tried as the start of the patterns that can begin with it. Whole words and stems are interned as ids.
struct Matcher {
    std::vector<CompiledPattern> patterns;
    std::unordered_map<std::string, int> vocabulary;
    std::vector<std::vector<std::uint32_t>> by_text;     // vocabulary id -> patterns starting with that word
    std::vector<std::vector<std::uint32_t>> by_stem;     // vocabulary id -> patterns starting with that stem
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_prefix;  // first letters of a "word*" start
    std::vector<std::uint32_t> by_number;                // patterns starting with a number
    std::vector<std::uint32_t> always;                   // patterns with a very short prefix start

    // Prefix starts are indexed on this many letters.
    static constexpr std::size_t kPrefixKey = 3;

    int Intern(const std::string& word) {
        const auto [entry, inserted] = vocabulary.try_emplace(word, static_cast<int>(vocabulary.size()));
        return entry->second;
    }

    int Find(const std::string& word) const {
        if (word.empty()) return -1;
        const auto found = vocabulary.find(word);
        return found == vocabulary.end() ? -1 : found->second;
    }
};

const Matcher& GetMatcher() {
    static const Matcher matcher = [] {
        Matcher built;
        for (std::size_t rule_index = 0; rule_index < kRules.size(); ++rule_index) {
            for (std::string_view pattern : kRules[rule_index].patterns) {
                CompiledPattern one = CompilePattern(pattern, rule_index);
                if (!one.elements.empty()) built.patterns.push_back(std::move(one));
            }
        }
        for (CompiledPattern& pattern : built.patterns) {
            for (Element& element : pattern.elements) {
                for (Alternative& alternative : element.alternatives) {
                    if (alternative.prefix || alternative.numeric) continue;
                    alternative.text_id = built.Intern(alternative.text);
                    if (!alternative.stem.empty()) alternative.stem_id = built.Intern(alternative.stem);
                }
            }
        }
        built.by_text.resize(built.vocabulary.size());
        built.by_stem.resize(built.vocabulary.size());
        for (std::uint32_t index = 0; index < built.patterns.size(); ++index) {
            for (const Alternative& alternative : built.patterns[index].elements.front().alternatives) {
                if (alternative.numeric) {
                    built.by_number.push_back(index);
                } else if (alternative.prefix) {
                    if (alternative.text.size() < Matcher::kPrefixKey) {
                        built.always.push_back(index);
                    } else {
                        built.by_prefix[alternative.text.substr(0, Matcher::kPrefixKey)].push_back(index);
                    }
                } else {
                    built.by_text[alternative.text_id].push_back(index);
                    if (alternative.stem_id >= 0) built.by_stem[alternative.stem_id].push_back(index);
                }
            }
        }
        return built;
    }();
    return matcher;
}

// Words before a number that make it a time of day ("om 12 uur", "tot 17 uur") rather than a duration.
bool IsClockPreposition(std::string_view word) {
    static constexpr std::string_view kClockPrepositions[] = {"om", "tot", "vanaf", "na", "rond", "tussen", "sinds",
                                                              "voor", "omstreeks"};
    for (std::string_view preposition : kClockPrepositions) {
        if (word == preposition) return true;
    }
    return false;
}

bool TokenMatches(const Element& element, const std::vector<Token>& tokens, std::size_t index) {
    const Token& token = tokens[index];
    if (element.clause_final && index + 1 < tokens.size() && tokens[index + 1].clause == token.clause) return false;
    for (const Alternative& alternative : element.alternatives) {
        if (alternative.numeric) {
            if (!alternative.clock_allowed && index > 0 && IsClockPreposition(tokens[index - 1].norm)) continue;
            if (token.number >= alternative.minimum && token.number <= alternative.maximum) return true;
        } else if (alternative.prefix) {
            if (token.norm.size() >= alternative.text.size() &&
                std::string_view(token.norm).substr(0, alternative.text.size()) == alternative.text) {
                return true;
            }
        } else if (token.norm_id == alternative.text_id ||
                   (alternative.stem_id >= 0 && token.stem_id == alternative.stem_id)) {
            return true;
        }
    }
    return false;
}

// Matches elements[element_index..] with the previous element at `previous`; fills `positions`.
bool MatchRest(const CompiledPattern& pattern, const std::vector<Token>& tokens, std::size_t element_index,
               std::size_t previous, std::vector<std::size_t>& positions) {
    if (element_index == pattern.elements.size()) return true;
    const Element& element = pattern.elements[element_index];
    const int sentence = tokens[previous].sentence;
    for (std::size_t index = previous + 1;
         index < tokens.size() && index <= previous + 1 + static_cast<std::size_t>(element.gap_before); ++index) {
        if (tokens[index].sentence != sentence) break;
        if (TokenMatches(element, tokens, index)) {
            positions[element_index] = index;
            if (MatchRest(pattern, tokens, element_index + 1, index, positions)) return true;
        }
    }
    return false;
}


struct Hit {
    std::size_t first = 0;
    std::size_t last = 0;
};

// A match of a pattern starting at `start` that is not negated, if any.
bool MatchAt(const CompiledPattern& pattern, const std::vector<Token>& tokens, std::size_t start,
             std::vector<std::size_t>& positions, Hit& hit) {
    if (!TokenMatches(pattern.elements.front(), tokens, start)) return false;
    positions.assign(pattern.elements.size(), 0);
    positions[0] = start;
    if (!MatchRest(pattern, tokens, 1, start, positions)) return false;
    const std::size_t last = positions.back();
    if (pattern.negation_sensitive && IsNegated(tokens, start, last)) return false;
    hit = Hit{start, last};
    return true;
}

// For every pattern, its first match that is not negated (found[index] tells whether there is one).
void FindHits(const Matcher& matcher, const std::vector<Token>& tokens, std::vector<char>& found,
              std::vector<Hit>& hits) {
    found.assign(matcher.patterns.size(), 0);
    hits.assign(matcher.patterns.size(), Hit{});
    std::vector<std::size_t> positions;
    const auto attempt = [&](const std::vector<std::uint32_t>& candidates, std::size_t start) {
        for (const std::uint32_t index : candidates) {
            if (found[index] == 0 && MatchAt(matcher.patterns[index], tokens, start, positions, hits[index])) {
                found[index] = 1;
            }
        }
    };
    for (std::size_t start = 0; start < tokens.size(); ++start) {
        const Token& token = tokens[start];
        if (token.norm_id >= 0) attempt(matcher.by_text[token.norm_id], start);
        if (token.stem_id >= 0) attempt(matcher.by_stem[token.stem_id], start);
        if (token.number >= 0) attempt(matcher.by_number, start);
        if (token.norm.size() >= Matcher::kPrefixKey) {
            const auto prefixed = matcher.by_prefix.find(token.norm.substr(0, Matcher::kPrefixKey));
            if (prefixed != matcher.by_prefix.end()) attempt(prefixed->second, start);
        }
        attempt(matcher.always, start);
    }
}

struct CodeResult {
    double best_weight = 0;
    std::size_t best_length = 0;  // elements of the pattern that gave the evidence
    int extra_hits = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool learned = false;  // added by the learned layer, not read by a pattern or concept rule
    bool money_read = false;  // a concept rule read money handed over for this code (its own hit or beside a pattern's)
};

// ---------------------------------------------------------------------------------------------------------------
// The second layer: concepts that meet within a sentence.
//
// Exact phrase patterns miss every wording nobody thought of. This layer names, per fact, the concepts it is
// made of ("a document" + "kept by someone else"; "money" + "handing over"), each as a list of word forms:
//   word    the word or an inflection on the same Snowball stem (5+ letters), otherwise the exact word
//   pre*    any word starting with pre        *suf   any word ending in suf (Dutch compounds: "werkgeverswoning")
//   *mid*   any word containing mid           #5-99  a number in that range      =word  exactly as written
// A concept rule fires when one word of each of its concepts stands in one sentence (or, for a few facts told
// in two short sentences, "Waar is zijn paspoort? Dat heeft de baas."), within `span` words of
// each other, the match is not negated (IsNegated, as for the patterns; rules whose concepts carry the negation
// themselves, "geen" + "contract", are exempt), and the narrative as a whole holds the rule's context concept
// (money handed over is SEK-02 only in a prostitution narrative, ARB-10 only where there is work). Concept rules
// weigh less than the patterns and never add to the score of a code the patterns found.
// ---------------------------------------------------------------------------------------------------------------

struct Concept {
    std::string_view name;
    std::string_view terms;
};

const std::vector<Concept> kConcepts = {
    {"advert", "advertentie*|*advertentie|*advertenties"},
    {"appointments", "afspraken|afspraak|klanten|mannen|dates|hotel|hotels"},
    {"fin_affairs", "geldzaken|financien|bankzaken|administratie|post|uitkering|toeslagen|toeslag"},
    {"manage", "regelt|regelde|beheert|beheerde|doet|deed|bepaalt|controleert"},
    {"paid_to", "=uitbetaald|=betaald|overgemaakt|gestort|uitbetalen|overmaken"},
    {"unknown_amount", "hoeveel|hoogte|waarvoor|waarom|onduidelijk|onbekend|vaag"},
    {"amount_known", "precies|exact|betalingsregeling|schuldhulp*|bewindvoerder*"},
    {"sexctx_strong",
     "prostitu*|*prostitutie|*prostitu*|*prostituee|seks|sex|*seks|escort*|sekswerk*|seksclub*|bordeel*|privehuis*|peeskamer*|"
     "tippel*|hoer*|erotisch*|seksdate*|*advertentie|*advertenties|vrijers|webcam*|camsite*|*escort|loverboy*|"
     "pooier*|souteneur*|*bordeel|*bordelen|seksinrichting*|*club|condoom*|sugardat*"},
    {"self_word", "zelf"},
    {"small_amount", "#1-200"},
    {"euro_word", "euro|eur"},
    {"week_word", "week|weekloon"},
    {"amount_block",
     "leefgeld|zakgeld|huur|kamerhuur|bed|matras|slaapplek|kosten|boete|boetes|ingehouden|inhouden|huisvesting|"
     "*huisvesting"},
    {"for_clients", "klanten|klant|afspraken|advertenties|werktelefoon"},
    {"workcause", "werk|tillen|sjouwen|dampen|stof|middelen|bukken|kou|hitte|werken|machines|lopende"},
    {"victim_block", "slachtoffer|slachtoffers|beroofd|bestolen|overvallen"},
    {"crime_verb", "steelt|stelen|inbreken|inbreekt|beroven|berooft|overvallen|dealen|dealt|vastzat|vastzit|vastgezeten|straatroof|plofkraak*|plofkraken|witwassen|heling|helen|mensenhandel|drugshandel|schietpartij|liquidatie|steekpartij|schietincident|ripdeal|afrekening"},
    {"crim_group", "groep|bende|netwerk|jongens|mannen|vrienden|types|figuren|clubje|man|jongen"},
    {"possible", "mogelijk|lukte|lukt|ging"},
    {"impossible", "onmogelijk|moeizaam|stroef|lastig|moeilijk"},
    {"conv", "gesprek|communicatie|communiceren|interview|verstandhouding|uitwisseling"},
    {"take_strong", "meeneemt|meenam|meegenomen|inpikt|ingepikt|afpakt|opstrijkt|opgestreken|incasseert|geincasseerd"},
    {"keep_over", "houdt|houden|hield|hielden|overhoudt|overhouden|overgehouden"},
    {"little", "niets|niks|nauwelijks|weinig|amper"},
    {"sick2", "verwaarloosd|afgemat|uitgeput|uitgeputte|vermoeid|vermoeide|moe|ziek|zieke|ziekelijk|ziekelijke|mager|magere|bleek|grauw|grauwe|slecht|onverzorgd|onverzorgde|ondervoed|verzwakt|afgetobd|afgetobde|gesloopt|doodmoe|uitgemergeld|verwilderd|afgeleefd"},
    {"appear", "oogde|oogden|oogt|leek|leken|lijkt|indruk|zag|zagen|ziet|uitziet|uitzag"},
    {"pay_cash", "loon|*loon|salaris|=uitbetaald|uitbetaling|=betaald|betaling|loonbetaling|uitbetalen"},
    {"take_block", "over|overhoudt|overhouden|zelf|eigen|krijgt|kreeg|terug"},
    {"money_plain", "loon|lonen|*loon|salaris*|inkomsten|verdiensten|verdienste|geld|*geld|opbrengst*|fooien|uitkering*|*uitkering|buit|cash|contanten|spaargeld"},
    {"home_address", "woonadres|verblijfsadres|verblijfadres|huisadres"},
    {"addr_unknown", "onbekend|onduidelijk"},
    {"control_act2", "tolkte|tolkt|vertaalde|vertaalt|vertaalden"},
    {"track_act", "weet|wist|volgt|volgde|controleert|controleerde|delen|gedeeld|deelt|altijd|app|aan|mijn"},
    {"track", "volg|volgapp|*volgapp|locatie|livelocatie|gps|tracker|trackingapp|zoek"},
    {"ferry_b", "opgehaald|gehaald|ophaalt|haalt|haalde|teruggebracht|teruggereden|thuisgebracht"},
    {"ferry_a", "gebracht|brengt|bracht|gereden|rijdt|reed"},
    {"housing_ok", "student*|*studenten|studentenhuis|*studentenhuis|eigen|gezin|kinderen|huurcontract|*huurcontract"},
    {"crowd_group", "=twaalven|=achten|=tienen|=zessen|=zevenen|=negenen|=elven|=vijftienen|=twintigen|=dertigen|=tientallen"},
    {"share", "helft|deel|gedeelte|grootste|procent|meeste|alles|merendeel|*procent|alle|volledige|hele|meeste"},
    {"take_money", "houdt|hield|neemt|nam|pakt|pakte|int|inde|beheert|beheerde|incasseert|opstrijkt|ophaalt|haalt|haalde|opgehaald|gehouden|afgepakt|ingenomen|bewaart"},
    {"pimp_boss", "werkgever*|*werkgever|baas|bazen|chef|uitzendbureau*|bemiddelaar*|tussenpersoon|tussenpersonen|ronselaar*|eigenaar*|pooier*|loverboy*|manager|madam|mama|vriend|vriendje|partner|neef|oom|koppelbaas*|voorman|ploegbaas|souteneur|regelaar|uitbater|bemiddelingsbureau*"},
    {"spend_block", "eigen|zelf|gespaard|spaargeld|spaart|verdiend"},
    {"contrast", "maar|terwijl|toch|ondanks|niet|geen|zonder|nauwelijks|alleen|slechts|sinds"},
    {"answer_no", "nee|neen"},
    {"but_word", "maar|terwijl|toch|ondanks|echter"},
    {"refuse_neg", "weigert|weigerde|weigeren|niet|nooit|geen|zonder"},
    {"crowd", "#6-99|tientallen|tiental|twaalf|veertien|zestien|twintig"},
    {"control_mod", "voor|namens|steeds|telkens|voortdurend|constant|plaats|alles|zijde|ertussendoor|tussendoor|steeds|meteen|direct"},
    {"neg", "geen|niet|nooit|zonder|niets|niks|nergens|niemand"},
    {"doc",
     "paspoort*|*paspoort|*paspoorten|identiteitsbewijs*|identiteitsbewijzen|identiteitskaart*|idkaart*|id|legitimatie*|reisdocument*|"
     "*reisdocument|*reisdocumenten|identiteitspapieren|papieren|documenten|verblijfsvergunning*|verblijfsdocument*|"
     "*identiteitskaart|paspoortje"},
    {"doc_keep",
     "bewaar*|bewaard|beheer*|beheert|vastgehouden|vasthoud*|ingenomen|inneem*|innam|innamen|afgepakt|afpak*|"
     "afgenomen|afneem*|afnam|ingeleverd|inlever*|achtergehouden|achterhoud*|kluis|opgeborgen|afgegeven|afgeven|"
     "afgestaan|afstaan|onder|terugkrijgen|teruggekregen|terugvragen|teruggevraagd|weggenomen|bewaring|beslag|"
     "houdt|hield|hielden|ligt|lag|liggen|lagen|zit|zat|zitten|zaten|kwijt|bezit"},
    {"doc_have", "heeft|had|hebben|hadden|houdt|hield|bewaart|bewaarde|beheert|ligt|lag|liggen|lagen|zit|zitten|bezit"},
    {"doc_block", "kopie*|kopieen|gekopieerd|toonde|getoond|toont|laten|liet|zien|scan*|gescand|verlopen|aanvraag*|"
                  "aangevraagd|vernieuw*|gestolen|verloren|zelf|eigen"},
    {"holder", "werkgever*|*werkgever|baas|bazen|chef|uitzendbureau*|*bureau|bemiddelaar*|tussenpersoon|tussenpersonen|ronselaar*|eigenaar*|pooier*|loverboy*|begeleider*|uitbater|manager|leidinggevende|smokkelaar*|huisbaas|vriend|partner|koppelbaas*|opdrachtgever*|voorman|ploegbaas|teamleider|madam|mama|landgenoot|chauffeur|onderaannemer|souteneur|hem|hen|die|man|vrouw|oom|tante|neef|echtgenoot|schoonfamilie|contactpersoon|regelaar|bemiddeling|werkgeefster|eigenares|bazin|kennissen|kweker|teler"},
    {"boss",
     "werkgever*|*werkgever|baas|bazen|chef|uitzendbureau*|*uitzendbureau|bemiddelaar*|tussenpersoon|tussenpersonen|"
     "ronselaar*|eigenaar*|uitbater|manager|leidinggevende|koppelbaas*|opdrachtgever*|voorman|ploegbaas|teamleider|"
     "onderaannemer|directeur|bedrijfsleider|uitzender|werkgeefster|eigenares|bazin|*bureau|bureau|bedrijf|firma|"
     "kweker|teler|boer|aannemer|uitvoerder"},
    {"money",
     "loon|lonen|*loon|salaris*|inkomsten|inkomen|*inkomen|verdiensten|verdienste|geld|*geld|opbrengst*|"
     "fooien|fooi|uitkering*|*uitkering|toeslag*|*toeslag|euro|helft|deel|procent|buit|cash|contanten|bedrag*|"
     "*bedrag|spaargeld"},
    {"give",
     "afdra*|afgedragen|afdroeg|afstaan|afstaat|afgestaan|afstond|afgeven|afgeeft|afgegeven|afgaf|inleveren|"
     "inlevert|ingeleverd|doorstort*|doorgestort|overmaken|overmaakt|overgemaakt|maakt|storten|stort|gestort|"
     "overhandig*|inhoudt|ingehouden|inhouden|inhield|opstrijkt|opgestreken|inpikt|ingepikt|afpakt|afgepakt|"
     "afpakken|int|geind|incasseert|opgeeist|opeist|ophaalt|opgehaald|ophalen|komt|kwam|gaat|ging|gaan|gingen|"
     "geven|geeft|gaf|gegeven|moet|moest|moeten|moesten"},
    {"give_strong",
     "afdra*|afgedragen|afdroeg|afstaan|afstaat|afgestaan|afstond|afgeven|afgeeft|afgegeven|afgaf|inleveren|"
     "inlevert|ingeleverd|doorstort*|doorgestort|overhandig*|opstrijkt|opgestreken|inpikt|ingepikt|afpakt|"
     "afgepakt|afpakken|incasseert|opgeeist|opeist|afdracht|inneemt|ingenomen|innam|afneemt|afgenomen|afnam"},
    {"to_other", "hem|haar|hen|hun|die|werkgever*|*werkgever|baas|vriend|pooier*|loverboy*|eigenaar*|madam|man|bemiddelaar*|uitzendbureau*|tussenpersoon"},
    {"bank",
     "bankpas*|pinpas*|betaalpas*|bankkaart*|pincode*|bankrekening*|*bankrekening|rekeningnummer*|bankapp|"
     "bankzaken|bankgegevens|digid|bank|pinpassen|bankpassen|inlogcodes|inloggegevens|"
     "internetbankieren|mobielbankieren"},
    {"bank_keep",
     "bewaar*|bewaard|beheer*|beheert|vastgehouden|vasthoud*|ingenomen|inneem*|innam|afgepakt|afpak*|afgenomen|"
     "geleend|leent|leende|uitgeleend|"
     "afneem*|afnam|ingeleverd|inlever*|achtergehouden|achterhoud*|houdt|hield|hielden|heeft|had|hadden|gebruikt|"
     "gebruikte|opent|opende|geopend|aangevraagd|regelt|regelde|geregeld|kent|kende|weet|wist|pint|pinde|gepind|"
     "opnemen|opgenomen|neemt|nam|afgeven|afgegeven|kwijt|afstaan|afgestaan"},
    {"sexwork",
     "klant|klanten|klantje|klantjes|*klanten|prostitu*|*prostitutie|*prostituee|seks|sex|*seks|escort*|sekswerk*|raam|ramen|club|"
     "seksclub*|bordeel*|privehuis*|peeskamer*|tippel*|hoer*|massagesalon*|erotisch*|seksdate*|dates|hotel*|"
     "*hotel|hotelkamer*|advertentie*|*advertentie|*advertenties|kamerverhuur|mannen|afspraken|vrijers|*sites|"
     "*site|pijpen|neuken|betaalde|webcam*|camsite*"},
    {"sexctx", "prostitu*|*prostitutie|*prostitu*|*prostituee|seks|sex|*seks|escort*|sekswerk*|seksclub*|bordeel*|privehuis*|peeskamer*|tippel*|hoer*|massagesalon*|erotisch*|seksdate*|hotelkamer*|*advertentie|*advertenties|vrijers|pijpen|neuken|webcam*|camsite*|*escort|raamprostitutie|loverboy*|pooier*|souteneur*|seksueel|seksuele|verkracht*|misbruik*|klant|klanten|klantje|klantjes|condoom*|club|*club|*bordeel|sugardat*"},
    {"abuse_word", "mishandel*|mishandeling|geslagen|slaag|klappen|afgeranseld"},
    {"own_income", "loon|salaris|uitkering|bijbaan|verdiensten|verdient|verdiend|inkomen|inkomsten|zakgeld|toeslag*"},
    {"refused", "weigerde|weigert|weigeren|weigerden|geweigerd"},
    {"fetched", "busje|bus|opgehaald|ophaalt|ophalen|haalt|teruggebracht|terugbrengt|terug|afgezet|thuisgebracht"},
    {"workctx", "werkplaats*|*werkplaats|atelier|werkvloer|lopende|gastgezin|gastmoeder|gastvader|huishoudster|werk|werkt|werken|werkte|werkten|gewerkt|werkgever*|*werkgever|baas|loon|*loon|salaris|uitzendbureau*|*uitzendbureau|werknemer*|arbeider*|*arbeiders|arbeidsmigrant*|dienst|diensten|ploeg|ploegen|fabriek|magazijn|kas|kassen|bouw|*bouw|restaurant|keuken|schoonmaak*|*bedrijf|bedrijf|teler|loods|koppelbaas*|opdrachtgever*|voorman|*werk|machine*|*machine|collega*|slachterij|*slachterij"},
    {"crimctx",
     "bedel*|gebedeld|buit|stelen|gestolen|steelt|jat*|gejat|inbr*|ingebroken|beroof*|berooft|beroving*|zakkenr*|"
     "dealen|dealt|drugs|*drugs|winkeldiefstal*|diefstal*|overval*|roof|*roof|criminel*"},
    {"debt",
     "schuld|schulden|*schuld|*schulden|schuldig|terugbetalen|terugbetaald|terugbetaalt|afbetalen|afbetaald|"
     "afbetaalt|aflossen|afgelost|aflost|terugverdienen|terugverdient|terugverdiend|lening|geleend|voorgeschoten|"
     "voorschot|openstaand*|openstaat|krijt|min|rood|leende|leent|lenen|afgeschreven|verrekend|verrekent|verrekenen"},
    {"debt_cost", "reis|reiskosten|*reis|vliegticket*|ticket*|*ticket|busreis|vlucht|overtocht|bemiddeling*|*bemiddeling|bemiddelingskosten|visum|*visum|huur|kamerhuur|woonkosten|vervoer|werkvergunning|inschrijfgeld|voorschot|voorgeschoten|lening|geleend"},
    {"repay",
     "terugbetalen|terugbetaald|terugbetaalt|afbetalen|afbetaald|afbetaalt|aflossen|afgelost|aflost|"
     "terugverdienen|terugverdient|terugverdiend|ingehouden|inhouden|inhoudt|inhield|verrekend|verrekent|"
     "verrekenen|afgetrokken|aftrekken|schuld|schulden|schuldig|afgehaald|afgaan|gaat|gaan|openstaand*"},
    {"sexact", "uitkleedt|uitkleden|naakt|seks|sex|*seks|seksuele|seksueel|bed|pijpen|neuken|beffen|aftrekken|intiem|slapen|handelingen"},
    {"coerce",
     "gedwongen|dwingt|dwong|dwingen|dwingen|verplicht|verplichtte|verplichten|moet|moest|moeten|moesten|"
     "onder|druk|zin|wilde|wil|keus|keuze|anders|eist|eiste|opgedragen|opdracht|dreigt|dreigde|gedreigd"},
    {"porn",
     "porno*|*porno|pornografisch*|seksfilm*|sekstape*|naaktfoto*|naaktbeeld*|seksvideo*|camseks|webcam*|"
     "*webcam|livestream*|streamen|stream|gestreamd|onlyfans|filmen|gefilmd|filmt|filmde|opnames|opname|"
     "naaktfilm*|naaktvideo*|gefotografeerd|fotograferen|fotoshoot*|*shoot|camera|camera*|ringlamp|statief|beelden|filmpje*|video*|foto*"},
    {"nude",
     "naakt|bloot|ontkleed|uitkleden|uitkleedt|uitgekleed|sexy|pikant*|seksueel|seksuele|intieme|lingerie|ondergoed|"
     "seks|sex|*seks|erotisch*|bed|slaapkamer|betalende|kijkers|abonnees|volgers|betaald"},
    {"phone",
     "telefoon|telefoons|mobiel|mobieltje|mobieltjes|gsm|toestel|toestellen|toestelletje|simkaart*|simkaartje*|"
     "*simkaart|nummer|nummers|telefoonnummer*|telefoontje|*telefoon|*telefoons|prepaid*|smartphone*|"
     "iphone|iphones|samsung"},
    {"second",
     "naast|tweede|extra|andere|ander|nog|meerdere|twee|geheime|geheim|verstopt|verstopte|verborgen|prepaid*|aparte|"
     "apart|losse|oude|drie|#2-2"},
    {"school", "school|*school|scholen|les|lessen|*les|lesuren|klas|schooldag*|stage|opleiding|mbo|vmbo|havo|vwo|roc|college|colleges|praktijkonderwijs|schooltijd"},
    {"absent", "afwezig*|absent*|verzuim*|*verzuim|spijbel*|gemist|mist|missen|miste|ziekgemeld|ziekmeld*|*ziekmelding|*ziekmeldingen|thuiszitter*|uitgeschreven|ongeoorloofd|weggebleven|wegblijft|wegblijven|ongeoorloofde|schoolverzuim|lesverzuim"},
    {"medic", "dokter|huisarts*|*huisarts|arts|*arts|ziekenhuis*|*ziekenhuis|tandarts|gynaecoloog|zorg|gezondheidszorg|ehbo|spoedeisende|seh|huisartsenpost|verloskundige|specialist|behandeling|behandeld|behandelen|medische|medisch|ggd|soa-poli|poli|polikliniek|apotheek|medicijnen|medicatie|antibiotica|zorgverzekering|verzekering"},
    {"complaint", "pijn|*pijn|ziek|ziekte|koorts|infectie*|*infectie|ontsteking*|*ontsteking|ontstoken|wond|wonden|*wond|bloeding*|bloedde|bloedt|zwanger|zwangerschap|soa|gebroken|gewond|letsel|kiespijn|hoest|kuchen|gezondheidsproblemen|gezondheidsklachten|buikpijn|hoofdpijn|rugpijn|verwonding*"},
    {"refuse",
     "weigert|weigerde|weigeren|wil|wilde|wilden|durft|durfde|durven|gaat|ging|gaan|zelf|zoekt|zocht|schakelt|"
     "loopt|liep|doorlopen|rondlopen|rondgelopen|zonder|nooit|geen|niet"},
    {"not_allowed",
     "mag|mocht|mogen|mochten|toestemming|laat|liet|laten|verbiedt|verbood|verboden|verbieden|houdt|tegen"},
    {"sick_look", "vermagerd|afgevallen|ondervoed|uitgemergeld|grauw|onverzorgd|verzwakt|lusteloos|futloos|graatmager|broodmager|uitgehongerd|kilos"},
    {"injury", "gezwollen|schrammen|schram|snee|brandplek*|brandwond*|*brandwond|*brandwonden|littekens|kneuzing*|gekneusd*|snijwond*|*snijwond|striemen|schaafwond*|bloeduitstorting*|hechtingen|blauwe|brandplekjes|zelfbeschadiging|zelfverwonding|blauwe|*kneuzingen|verwondingen|*wond|*wonden|wond|wonden"},
    {"danger", "gevaarlijk*|ongezond*|onveilig*|riskant*|giftig*|gif|chemisch*|chemicalien|bestrijdingsmiddel*|asbest*|dampen|*dampen|oplosmiddel*|bedrijfsongeval|arbeidsongeval|amputatie|afgezaagd|*ongeval|ongeval|ongeluk|valgevaar|snijgevaar"},
    {"gear", "handschoenen|*handschoenen|mondkap*|mondmasker*|*masker|maskers|helm|helmen|*helm|veiligheidsschoenen|*schoenen|beschermings*|bescherming|*bescherming|beschermende|*kleding|*bril|valbeveiliging|oordopjes|gehoorbescherming|instructie*|*instructie|opleiding|training|uitleg|veiligheidsinstructie|certificaat|ventilatie|afzuiging|pbm|harnas|veiligheidslijn|veiligheidsharnas|*harnas|vanglijn|lijn"},
    {"workplace",
     "werk|werkt|werken|werkte|werkten|gewerkt|werkplek*|werkplaats*|loods|*loods|hal|*hal|kas|kassen|*kas|fabriek|"
     "*fabriek|keuken|*keuken|kelder|magazijn|*magazijn|bouwplaats|*bouwplaats|machine*|*machine|*machines|"
     "werkzaamheden|klus|klussen|schoonmaak*|slachterij|*slachterij|bedrijf|*bedrijf|teelt|oogst*|productie|*productie|"
     "schuur|erf|dak|steiger*"},
    {"bad_place", "afgelegen|geisoleerd*|afgezonder*|buitengebied|achteraf|polder|*polder|bos|bossen|weiland*|nergens|eenzaam|kilometers|donker|donkere|vies|vieze|smerig|smerige|koud|koude|ijskoud*|vochtig*|nat|natte|schimmel*|stank|stinkt|stoffig*|tocht|tochtig|lawaai*|daglicht|verlichting|pauze*|pauzes|sanitair|toilet|wc|drinkwater|snikheet|bloedheet|heet|hitte|benauwd*|erbarmelijk*|mensonwaardig*"},
    {"housing", "pitten|pit|pitte|maffen|slaapplaats|slaapt|slapen|sliep|sliepen|geslapen|woont|wonen|woonde|woonden|verblijft|verblijven|verbleef|verbleven|overnacht*|slaapplek*|*slaapplek|slaapplaats*|onderdak|huisvesting|*huisvesting|gehuisvest|kamer|kamertje|woning|woningen|huis|logeert|onderkomen|ondergebracht|woonruimte|*woonruimte|bedden|matras*"},
    {"bad_housing", "loods|*loods|bedrijfspand*|werkplaats*|kantoor|*kantoor|magazijn|*magazijn|kas|kassen|schuur|*schuur|container*|*container|*containers|keet|*keet|garage|stal|*stal|fabriek|*fabriek|bedrijfshal|stapelbed*|*stapelbed|*stapelbedden|luchtbed*|overvol*|overbewo*|schimmel*|ongedierte|muizen|ratten|kakkerlakken|onbewoonbaar|mensonwaardig*|erbarmelijk*|opeengepakt|gepropt|propvol|werkgeverswoning*|bedrijfsruimte*|werkgeverhuis*|auto|busje|tent|tuinhuis*|vakantiepark*|recreatiepark*|bungalowpark*|bovenverdieping|achterkamer|hok|hokje|kelder|kantine|*kantine|keuken|bijkeuken|gang|berging|schuurtje"},
    {"people", "mensen|personen|anderen|arbeiders|*arbeiders|werknemers|*werknemers|mannen|vrouwen|collega*|landgenoten|polen|roemenen|bulgaren|medebewoners|bewoners|*migranten|slaapplaatsen|bedden|matrassen"},
    {"move_verb",
     "naar|buiten|weg|weggaan|vertrekken|verlaten|deur|boodschappen|wandelen|alleen|vrij|vrijuit|zelfstandig|"
     "reizen|stad|dorp|winkel|supermarkt|terrein|pand|huis|woning|kamer|hotel|erf|straat|bewegen|gaan"},
    {"move_ctrl", "opgesloten|ingesloten|bewaakt|gevolgd|tracker|trackt|gps"},
    {"threat", "dreig*|gedreigd|bedreig*|bedreigd|waarschuwt|waarschuwde|gewaarschuwd|intimid*|geintimideerd"},
    {"threat_strong", "dreig*|gedreigd|bedreig*|bedreigd|waarschuwt|waarschuwde|gewaarschuwd|intimid*|geintimideerd"},
    {"consequence", "ontslag*|ontslagen|ontslaan|eruit|straat|woning|slaapplek|onderdak|familie|kinderen|moeder|vader|politie|ind|terugsturen|teruggestuurd|uitzetten|loon|boete|boetes|melden|aangeven|aangifte|thuisland|vliegtuig|gevolgen|consequenties|dak|broertje|zusje|gezin"},
    {"afraid",
     "bang|angst|angstig|vreest|vrees|vreesde|schrik|doodsbang|doodsangst|zorgen|bezorgd|durft|durfde|durven|dood|"
     "paniek|panisch|nerveus"},
    {"deport",
     "uitgezet|uitzetting|uitzetten|teruggestuurd|terugsturen|terugstuurt|uitgewezen|uitwijzing|deportatie|"
     "gedeporteerd|ind|vreemdelingenpolitie|vreemdelingendienst|marechaussee|kmar|verblijfsstatus|status|"
     "vergunning|papieren|land|thuisland|opgepakt|vastgezet|detentie|vreemdelingenbewaring|uitgeleverd|grens"},
    {"permit",
     "verblijfsvergunning*|*verblijfsvergunning|verblijfsstatus|*status|status|visum|*visum|verblijfspapieren|"
     "verblijfsdocument*|verblijfsrecht|werkvergunning*|tewerkstellingsvergunning*|twv|bsn|burgerservicenummer|"
     "papieren|verblijfspas|documenten"},
    {"permit_bad",
     "geen|zonder|verlopen|ongeldig*|ongeldige|vervalst*|nep|valse|vals|geweigerd|afgewezen|ingetrokken|"
     "toeristenvisum|illegaal|illegale|ontbreekt|ontbreken|ontbrak"},
    {"pay", "loon|*loon|salaris|=uitbetaald|uitbetaling|=betaald|betaling|loonbetaling|verdient|verdiende|verdienen|uurtarief|*tarief|=onderbetaald"},
    {"pay_low", "weinig|nauwelijks|amper|minder|lager|onder|schijntje|fooi|fooitje|achterstallig*|uitgesteld|nooit|niet|niets|niks|geen|zakgeld|zakcentje|peanuts|habbekrats|karig|belachelijk|laag|lage|ingehouden|afgetrokken"},
    {"pay_block", "*rekening|huur|huurt|rekening|rekeningen|boodschappen|belasting|premie|zorgverzekering|reis|vlucht|"
                  "zelf|goed|netjes|keurig|cao|normaal|redelijk"},
    {"pay_verb", "geld|uitbetaald|toestopt|toegestopt|toestoppen|krijgt|kreeg|krijgen"},
    {"cash", "onderhands|contant*|cash|zwart|zwartwerk*|envelop*|*envelop|handje|contantje|kontant*|biljetten|briefjes"},
    {"contract", "contract|*contract|contracten|arbeidsovereenkomst*|*overeenkomst|loonstro*|*loonstrook|*loonstroken|loonstrookje*|salarisstro*|verzekerd|ongevallenverzekering|loonadministratie|payroll|loonbelasting|werkgeversverklaring|verzekering"},
    {"promise", "beloof*|beloofd|beloofde|belofte*|beloftes|toegezegd|toezegging*|voorgespiegeld|voorspiegeling|verwacht*|verwachtte|advertentie*|*advertentie|vacature*|*vacature|aangeboden|aanbod|zou|zouden|geronseld|geworven|gelokt"},
    {"reality",
     "maar|bleek|bleken|blijkt|werkelijkheid|praktijk|eenmaal|aangekomen|aankomst|uiteindelijk|tegen|"
     "teleurgesteld|helemaal|nooit|niets|niks|nu|inmiddels|echter"},
    {"promise_obj", "werken|baan|werk|loon|salaris|verdienen|verdient|huis|woning|kamer|huisvesting|contract|papieren|vergunning|opleiding|toekomst|uurloon"},
    {"violence", "slaat|sloeg|sloegen|geschopt|getrapt|gewurgd|afgetuigd|vuistslag*|gestompt|mes|pistool|vuurwapen|mishandeld|geslagen|klappen"},
    {"new_contacts",
     "vrienden|*vrienden|vriendinnen|vriendenkring|vriendengroep|*vriendengroep|contacten|kennissen|jongens|"
     "mannen|types|figuren|groep|mensen|volwassenen|omgang|vriend|vriendje|vriendin|gezelschap|netwerk"},
    {"new", "nieuwe|nieuw|ineens|plotseling|opeens|sinds|recent|andere|veranderd"},
    {"older", "ouder|oudere|ouderen|volwassen|volwassenen|twintigers|dertigers|veertigers|meerderjarig*"},
    {"unknown", "onbekend|onbekende|onbekenden|niemand"},
    {"secretive", "vaag|vage|ontwijkend*|geheimzinnig*|zwijgt|zweeg|dichtklap*|verdedigt|verdedigde|beschermt|beschermde|beschermend|loyaal|geheimhoudt|verzwijgt|verzwijgen|afschermt|goedpraat"},
    {"lie", "verzwijg*|lieg*|liegt|loog|logen|gelogen|leugen*|leugentje*|verzint|verzon|verzonnen|tegenstrijdig*|ingestudeerd*|aangeleerd|instudeerd|ingeoefend|wenselijk*|wisselend*|wisselende|ongeloofwaardig*|voorgezegd|ingefluisterd"},
    {"isolate",
     "isol*|geisoleerd*|afgesloten|teruggetrokken|afgezonder*|zondert|eenzaam|vervreemd*|verbroken|afgebroken|"
     "uitgesloten|afstand"},
    {"family",
     "familie|*familie|ouders|vader|moeder|broer*|zus*|zussen|gezin|*gezin|kinderen|vrienden|vriendinnen|"
     "vriendengroep|oma|opa|tante|oom"},
    {"control_person", "ploegbaas|voorman|uitvoerder|chef|begeleider*|man|vrouw|vriend|partner|baas|werkgever*|*werkgever|neef|oom|tante|broer|landgenoot|chauffeur|collega|meneer|mevrouw|persoon|iemand|heer|echtgenoot|echtgenote|jongen|contactpersoon|manager|nicht"},
    {"control_act", "praat|praatte|praten|antwoord*|antwoordt|antwoordde|beantwoord*|tolkt|tolkte|vertaalt|vertaalde|onderbrak|onderbreekt|corrigeert|corrigeerde|wijkt|souffleert|fluistert|fluisterde|uitpraten|beslist|besliste"},
    {"address", "adres|woonadres|*adres|straat|straatnaam|huisnummer|postcode|sleutel|sleutels|*sleutel|*sleutels"},
    {"unknown_addr", "wisten|kenden|weet|wist|weten|kent|kende|noemen|noemde|zeggen|vertellen|heeft|had|krijgt|kreeg|bezit"},
    {"drugs",
     "drugs|*drugs|cocaine|coke|wiet|hasj|heroine|xtc|lachgas|speed|ghb|crack|pillen|ketamine|keta|"
     "amfetamine|mdma|harddrugs|softdrugs|joint*|blow*|jointje*|snuif|lijntje*|crystal|meth|*pillen"},
    {"drug_use",
     "gebruik*|gebruikt|gebruikte|verslaafd*|verslaving*|*verslaving|rookt|rookte|roken|blowt|blowde|blowen|"
     "snuift|snoof|snuiven|slikt|slikte|spuit|high|stoned|invloed|ruikt|rook|lucht|dronken|onder"},
    {"drug_trade", "verkopen|verkoopt|verkocht|dealen|dealt|deal*|rondbrengen|brengt|wegbrengen|bezorgen|bezorgt|bezorgde|vervoeren|vervoert|vervoerde|koerier*|*koerier|pakketje*|pakketten|bolletjes|handel*|*handel|smokkel*|opslaan|bewaren|bewaart|verstopt|runner*|*runner|lijn|telefoonlijn|uitkijk|verpakken|verpakt|afleveren|vasthoudt|vast"},
    {"crim_people", "criminel*|crimineel|dealer*|*dealer|*dealers|bende*|*bende|runner*|*runner|foute|verkeerde|louche|dubieuze|gedetineerd|gevangenis|strafblad|veroordeeld|vastgezeten"},
    {"crim_contact",
     "omgaat|omgaan|gaat|ging|om|omgang|contact|contacten|hangt|hangen|rondhangt|vrienden|vriend|groep|jongens|"
     "mannen|types|figuren|gezelschap|kennissen|netwerk|milieu|kringen|neef|oom|broer|bekenden|bij"},
    {"luxury_adj",
     "dure|duur|luxe|peperdure|peperduur|merk*|designer*|exclusieve|gouden|goud|kostbare|splinternieuwe|"
     "nieuwste|gucci|prada|nike|louis|moncler|rolex|versace|balenciaga|stone|canada"},
    {"luxury_item",
     "schoenen|*schoenen|sneakers|kleding|*kleding|kleren|jas|jassen|*jas|telefoon|*telefoon|iphone*|horloge*|"
     "tas|tassen|*tas|*tassen|scooter|brommer|sieraden|ketting*|*ketting|parfum|airpods|spullen|auto|*auto|"
     "vakantie*|*vakantie|ringen|oorbellen|pet|trainingspak*|laptop|playstation|fiets|*fiets|e-bike|merkkleding"},
    {"cash_much", "veel|grote|stapel*|bundel*|rol|rollen|honderden|duizenden|flinke|dikke|pak|pakken|bos|bult"},
    {"cash_word", "cash|contant|contanten|biljetten|*biljetten|briefjes|bankbiljetten"},
    {"spend", "betalen|kopen|uitgeven|uitgeeft|uitgaf|uitgegeven|geeft|gaf|besteed*|besteedt|trakteer*|trakteert|koopt|kocht|"
              "gekocht|kopen|shopt|shoppen|betaalt|betaalde|uit|uitgaven|uitgavenpatroon|smijt|smijten"},
    {"low_income", "bijbaan*|*bijbaan|bijbaantje*|zakgeld|uitkering|*uitkering|stufi|studiefinanciering|werkloos|inkomen|baan|krantenwijk|vakkenvuller|bijstand|*bijstand|wajong|leefgeld|weekgeld"},
    {"rob", "beroof*|berooft|beroofd|beroving*|roof|*roof|roven|zakkenr*|*zakkenroller|overval*|*overval|"
            "rolt|gerold|tasjes*|afgepakt|afpakken|afhandig"},
    {"steal", "stelen|steelt|stal|stalen|gestolen|jatten|jat|jatte|gejat|pikken|gepikt|inbr*|ingebroken|inbraak*|*inbraak|"
              "*inbraken|diefstal*|*diefstal|*diefstallen|winkeldief*|dief|dieven|rippen|geript|kraken|gekraakt"},
    {"force_do", "gedwongen|dwingt|dwong|dwingen|moet|moest|moeten|moesten|verplicht|opdracht|opgedragen|"
                 "gestuurd|stuurt|stuurde|eist|eiste|laat|liet|onder|druk|bevel"},
    {"looks_sexy", "hakken|rokjes|rokje|uitdagend*|sexy|lingerie|nepnagels|extensions|nepwimpers|opgemaakt|make"},
    {"wear", "draagt|droeg|dragen|loopt|kleedt"},
    {"refuse_word", "weigeren|weigert|nee"},
    {"clients", "klanten|klant|mannen|seks|sex"},
    {"rekening_w", "rekening"},
    {"his", "zijn|diens|hun"},
    {"daar_w", "daar|er|erboven|erachter|ernaast|boven|achter"},
    {"verb_sep", "neemt|nam|namen|nemen|haalt|haalde|haalden|halen|levert|leverde|leveren|draagt|droeg|dragen|pakt|pakte"},
    {"particle", "af|op|in|mee"},
    {"place_w", "thuis|school|straat|buiten|werk|klas|vrienden|ouders|vriendinnen|jongerenwerk|moeder|vader"},
    {"behav_adj",
     "stil|stoer|brutaal|lief|rustig|agressief|teruggetrokken|druk|vrolijk|beleefd|angstig|schichtig|gesloten|"
     "open|uitbundig|grof|opstandig|verlegen|timide|luidruchtig|volwassen|kinderlijk"},
    {"hour_word", "uur|uurloon|*uurloon"},
    {"pocket", "zak|zakken|broekzak|jaszak|bij"},
    {"geld_w", "geld|cash|contant|contanten"},
    {"take_sep", "nam|neemt|namen|nemen"},
    {"in_word", "in"},
    {"loot", "buit|opbrengst*|geld|spullen|gestolen|telefoons|portemonnee*|tassen|goederen|*buit"},
    {"beg", "bedel*|gebedeld|*bedelen|collecte*|bekertje"},
    {"beg_cup", "bekertje|bekertjes|beker|bakje|bakjes|muntjes|munten|bedelgeld|opbrengst"},
    {"empty_take",
     "leegmaakt|leeggemaakt|leeghaalt|leeggehaald|leegt|leegde|aanpakt|aangepakt|meeneemt|meenam|meegenomen|inneemt|"
     "innam|ingenomen|ophaalt|opgehaald|int|inde|pakt|pakte|neemt|nam|haalt|haalde"},
    {"beg_word", "bedel*|gebedeld|*bedelen|bedelaar*"},
    // Someone other than the beggar by their role: the driver, "haar oom".
    {"cup_taker", "chauffeur|bestuurder|begeleider|oom|tante|neef|baas|regelaar|ronselaar*|landgenoot|pooier*"},
    {"study_w", "leert|leren|studeert|studeren|huiswerk|blokt|blokken"},
    {"tired_word",
     "moe|vermoeid|uitgeput|uitputting|oververmoeid|doodmoe|afgepeigerd|bekaf|slaapgebrek|kapot|doodop|afgemat|"
     "gesloopt|uitgeblust|lusteloos|futloos|versleten|geradbraakt|slaapt|slaap|sliep|slapen"},
    {"tired_mod", "erg|heel|zeer|enorm|extreem|vaak|steeds|altijd|nauwelijks|amper|weinig|nooit|helemaal|totaal|"
                  "compleet|volledig|doodop|uitgeput"},
    {"long", "lange|eindeloos|eindeloze|onafgebroken|aaneengesloten|nonstop|extreem"},
    {"worktime", "werkdagen|werkweken|diensten|shifts|dagen|werkdag|werkweek|uren"},
    {"change", "veranderd|verandering*|verandert|ineens|plotseling|opeens|tegenwoordig|sindsdien|anders|opvallend|opvallende"},
    {"looks", "kleding|*kleding|kleren|kledingstijl|uiterlijk|make|opgemaakt|opmaakt|opmaken|makeup|nagels|*nagels|wimpers|*wimpers|wimper*|*extensions|kapsel|hakken|lingerie|outfit*|*outfits|kleedt|kleden|gekleed|rokjes|rokje|jurkjes|uitdagend*|sexy|blote|schaars|parfum|haren|*haar"},
    {"fear_sub", "onderdanig|volgzaam|gedwee|timide|schichtig|angstig|bang|schrikt|schrok|trilt|trilde|beeft|"
                 "beefde|ineenkrimpen|kromp|stil|zwijgzaam|nerveus|gespannen|onzeker|kijkt|keek|oogcontact|"
                 "grond|vloer|gehoorzaam*|gehoorzaamt|braaf|zenuwachtig"},
    {"lang_bad", "geen|nauwelijks|amper|gebrekkig|gebrekkige|slecht|slechte|beperkt|beperkte|weinig|enkele|paar|uitsluitend|moeizaam|moeilijk|lastig|onmogelijk"},
    {"lang_word", "nederlands|engels|duits|taal|*taal|woord|woorden|woordje|woordjes|tolk|*tolk|vertaal*|"
                  "vertaalapp|translate|handen|gebaren|communicatie|communiceren|verstaanbaar"},
    // Paraphrase families for facts told in other words than the patterns know (issue 3, point 4): money that
    // goes to someone else, sex the person cannot refuse, living where one works, threats "if you complain", ...
    {"money_broad",
     "geld|*geld|verdiensten|verdienste|verdient|verdienen|verdiende|opbrengst*|loon|*loon|salaris*|inkomsten|"
     "betalingen|betaling|bedragen|bankbiljetten|biljetten|briefjes|cash|contanten|buit|fooien|alles|rest"},
    {"take_from",
     "afneemt|afnam|afgenomen|int|inde|ontvangt|ontving|ophaalt|opgehaald|bijhoudt|bijgehouden|meeneemt|meenam|"
     "inneemt|innam|ingenomen|incasseert|geincasseerd|kassa|afgerekend|afrekenen|afdragen|afstaan|inleveren|haalt|haalde|"
     "afgeven|afgedragen|afgestaan|ingeleverd|afgegeven"},
    {"hand_to", "kwijt|geven|geeft|gaf|gaven|afgeven|afdragen|afstaan|inleveren|overhandigen|overmaken|storten|gestort|"
                "overgemaakt"},
    {"nonlabour_ctx",
     "prostitu*|*prostitutie|*prostitu*|seks|sex|*seks|escort*|sekswerk*|seksclub*|bordeel*|*bordeel|privehuis*|klant|klanten|"
     "condoom*|loverboy*|pooier*|bedel*|gebedeld|buit|stelen|gestolen|steelt|jat*|gejat|inbr*|ingebroken|beroof*|"
     "zakkenr*|dealen|dealt|drugs|*drugs|winkeldiefstal*|diefstal*|overval*|criminel*|wiet|coke|cocaine|xtc|blow*"},
    {"coerce_strong", "gedwongen|dwingt|dwong|dwingen|verplicht|druk|eist|eiste|chanteert|dreigt|dreigde|gedreigd"},
    {"family2", "iedereen|familie|*familie|ouders|vader|moeder|broer*|zus|zussen|zusje|gezin|*gezin|oma|opa"},
    {"defend", "verdedigt|verdedigde|beschermt|beschermde"},
    {"money_unit2", "briefjes|biljetten|bankbiljetten"},
    {"to_person",
     "hem|hen|man|vriend|vriendje|neef|oom|broer|eigenaar*|eigenares*|baas|portier|beheerder*|chauffeur|landgenoot|"
     "madam|pooier*|bureau|*bureau|meneer|diens|familie|uitbater|manager|ploegbaas|voorman|vrouw|jongens|"
     "koppelbaas*|bemiddelaar*|ronselaar*|tussenpersoon|werkgever*|*werkgever|uitzendbureau*"},
    {"goes", "gaat|gaan|ging|gingen|komt|kwam|komen|belandt|verdwijnt|verdwijnen"},
    {"naar_word", "naar|op"},
    {"bed_sex",
     "bed|slapen|slaapt|sliep|seks|sex|*seks|seksuele|seksueel|uitleent|uitlenen|uitgeleend|aanbiedt|aanbieden|"
     "aangeboden|intiem|intieme|handelingen|vrijen"},
    {"coerce_sex",
     "gedwongen|dwingt|dwong|dwingen|geacht|wil|wilt|wilde|weigeren|weigert|weigerde|druk|eist|eiste|uitleent|"
     "aanbiedt|onderuit|verplicht|moet|moest"},
    {"acquaint",
     "vrienden|kennissen|zakenpartners|*partners|maten|gasten|neef|neven|vriendjes|collega*|bekenden|"
     "kameraden|mannen|jongens|familieleden"},
    {"partner_word", "vriend|man|partner|echtgenoot|ex|vriendje|verloofde|man|*vriend"},
    {"porn_strong", "naaktfilm*|naaktfoto*|naaktbeeld*|naaktvideo*|seksfilm*|seksvideo*|pornofilm*|sekstape*|*seksfilmpjes"},
    {"fear_strong", "ineengedoken|ineengekrompen|doodsbang|schichtig|schichtige|onderdanig|onderdanige|geintimideerd"},
    {"dare", "durft|durfde|durfden|durven"},
    {"look_at", "aankijken|aan|kijken|oogcontact|aanspreken"},
    {"own_pron", "hare|zijne|hunne"},
    {"rarely", "sporadisch|zelden|nauwelijks|amper|nooit|weinig|mondjesmaat"},
    {"show_up", "opdagen|opdaagt|komt|komen|kwam|verschijnt|verscheen|aanwezig"},
    {"school_ctx", "leerplicht*|school|*school|leerling*|mentor|klas|les|lessen|docent*|schooltijd|schooljaar"},
    {"school_hours", "uur|uren|lesuren|schooldagen|lesdagen|lessen|dagen"},
    {"missed", "gemist|verzuimd|gespijbeld|afwezig|ongeoorloofd"},
    {"crim_people2",
     "groep|jongens|jongemannen|mannen|vrienden|neef|broer|types|figuren|bende|oudere|jongen|man|vriend|kennissen|"
     "mensen|bewoners|bezoekers"},
    {"crim_marker",
     "veroordeeld|vastgezeten|vastgezet|strafblad|*handel|witwas*|oplichting|oplichter*|inbraken|"
     "inbraak|explosie*|aanslagen|drugsdelicten|delicten|dealer*|*dealer|*dealers|dealen|dealt|gedeald|verkopen|"
     "verkoopt|criminel*|crimineel|overvallen|heling"},
    {"bigmoney", "=honderden|=duizenden|bundel*|stapel*|rol|rollen|pakken"},
    {"money_unit", "euro|euros|geld|cash|biljetten|briefjes|contanten"},
    {"denom", "vijftig|honderd|tweehonderd|#50-500"},
    {"job_word", "bijbaan*|baantje*|baan|werk|inkomen|inkomsten|krantenwijk|uitkering|bijstand|wajong"},
    {"low_income2",
     "bijbaan*|*bijbaan|bijbaantje*|krantenwijk|vakkenvuller|vakken|zakgeld|wajong*|*uitkering|uitkering|"
     "bijstand|stufi|studiefinanciering"},
    {"lux_ctx",
     "dure|duur|luxe|peperdure|merk*|designer*|gouden|rolex|gucci|prada|moncler|louis|balenciaga|sneakers|"
     "vakanties|rondjes|huurauto|horloge*|sieraden|merkkleding|dubai|contant*|cash|briefjes"},
    {"control_person2",
     "begeleider*|man|vrouw|vriend|partner|baas|werkgever*|*werkgever|neef|oom|tante|broer|landgenoot|chauffeur|"
     "meneer|mevrouw|persoon|iemand|heer|echtgenoot|echtgenote|jongen|contactpersoon|manager|nicht|hij|die|eigenaar"},
    {"control_strong",
     "=antwoord|=antwoordde|=antwoordt|luisteren|beantwoordde|beantwoordt|beantwoorden|aanvulde|vulde|aanvullen|=woord|ertussen|tussenbeide|namens|"
     "meeluisteren|luisterde|invulde|vertaalde|tolkte"},
    {"for_other",
     "voor|namens|haar|hen|hem|hun|vrouwen|vrouw|meisje|jongen|mannen|antwoorden|vraag|vragen|formulieren|gesprek|"
     "zij|voordat"},
    {"knowv", "weet|wist|wisten|weten|kent|kende|kenden|zeggen|noemen|vertellen"},
    {"where", "waar|welke|adres"},
    {"stayv",
     "woont|woonde|woonden|wonen|verblijft|verbleef|verbleven|verblijven|overnacht*|slaapt|sliep|sliepen|waren|was"},
    {"moved", "verhuiz*|verhuisd|verhuist"},
    {"contact_word", "contact|belt|bellen|gebeld|spreekt|gesproken|ziet|gezien|bezoekt|bezoek|gezien"},
    {"little_neg", "geen|niet|nauwelijks|amper|zelden|nooit|weinig|verbroken"},
    {"tegen_w", "tegen"},
    {"alone_w", "alleen|zonder"},
    {"speak", "praten|spreken|sprak|spraken|spreekt|gesprek|praatte"},
    {"nobody", "niemand"},
    // Wordings of the catalog's own examples (catalog.cpp), told the way a reporter would.
    {"doet_w", "doet|deed|doen"},
    {"zegt_w", "zegt|zei|zeggen|vraagt|vroeg|opdraagt|wil"},
    {"weg_w", "weg"},
    {"look_w", "kijkt|keek|kijken"},
    {"more_w", "meer"},
    {"much_w", "veel"},
    {"hours_w", "uren|uur|overuren"},
    {"minimum", "minimumloon|cao|*cao|minimum|wettelijk*|cao-loon"},
    {"below", "onder|minder|lager|beneden|ver"},
    {"inside_w", "binnen|naar binnen|erin"},
    {"voor_w", "voor"},
    {"aan_w", "aan"},
    // Money paid back beside wages "via de bank": "maar hij moet elke week 200 euro terugstorten".
    {"pay_back", "terugstorten|terugstort|terugbetalen|terugbetaalt|terugbrengen|terugbrengt|teruggeven|teruggeeft"},
    // No way to refuse, in a sex-work narrative: "durft geen nee te zeggen", "no choice", "I don't want this".
    {"no_w", "geen|no|niet|nooit"},
    {"refusal", "nee|keus|keuze|choice|weigeren|weigert|weigerde"},
    {"dont_w", "don|dont|not"},
    {"want_w", "want|wanna|like"},
    // "van licht tot donker" is a long day, not a dark workplace.
    {"daylight", "licht|zonsopgang|zonsopkomst|dageraad|zolang"},
    // What else is paid in cash: a room, rent, fees, fines.
    {"cash_block", "kamer|hotelkamer|huur|leges|boete|boetes|nachten|overnachting*|aankoop|kassa|winkel"},
    // Tending a cannabis farm: the weed and the plants.
    {"weed", "wiet|hennep|cannabis"},
    {"weed_plants", "planten|plantjes|plants|kweek*|gekweekt|kwekerij*|plantage*|oogst*|toppen|knippen|knipt|knippers"},
    {"over_w", "over"},
    {"tell_about", "vertellen|vertelt|vertelde|zeggen|kwijt|loslaten|praten"},
    {"take_goods", "meenemen|meenam|meegenomen|pakken|pakte|gepakt|wegnemen|weggenomen|jatten|stalen"},
    {"shop_ctx",
     "winkel*|*winkel|*winkels|bouwmarkt*|drogist*|*drogisterij|*drogisterijen|supermarkt*|winkelbeveiliging|"
     "*beveiliging|beveiliger*|winkeldiefstal*|warenhuis"},
    {"pay_word", "betalen|betaald|afrekenen"},
    {"onder_w", "onder"},
    {"hand_w", "hand"},
    {"contrast2", "maar|terwijl|echter|eigenlijk|toch"},
    {"tell", "vertelt|vertelde|zegt|zei|laat|liet|appt|belt|verzekert|verzekerde"},
    {"explain", "uitleggen|verklaren|zeggen|vertellen|weet|wist|weten"},
    {"alles_w", "alles|het|precies"},
    {"fine_w", "goed|prima|geweldig|fantastisch|top|uitstekend"},
    {"protect", "woedend|boos|kwaad|geirriteerd|fel|agressief"},
    {"about_contacts", "vrienden|jongens|mannen|vriend|hem|namen|wie|hen|mensen|die"},
    {"premises2",
     "zaak|restaurant|winkel|salon|kapsalon|pand|atelier|caravan*|stacaravan*|veldbed*|werktafel*|bouwkeet|keet|"
     "cabine|werkplaats|erf|terrein|kwekerij|boerderij|stal|stallen|schuur|koeien|hokken|*hokken|loods|garagebox|"
     "container*|kas|kassen|bedrijf|*bedrijf|fabriek|magazijn|achterkamer|kantoor|kantoortje|bedrijfspand|club|"
     "massagesalon|*salon|werkplek|bakkerij|slachterij|tuinderij|zolder|kantine|vrachtwagen|busje|bedrijfsbus"},
    {"receive", "ontvangen|ontvangt|ontving|gekregen|krijgt|krijgen|kreeg|uitbetaald|overgehouden|over|gezien"},
    {"little2", "niets|niks|nooit|geen|nauwelijks|amper|weinig|nog|zonder"},
    // A wage named as an amount per week or month far below the legal minimum, or paid in board and lodging.
    {"wage_week_low", "#1-250"},
    {"wage_month_low", "#1-1000"},
    {"period_week", "week|wk|weekloon"},
    {"period_month", "maand|mnd|maandloon|month"},
    {"wage_block",
     "huur|kamerhuur|*huur|kosten|*kosten|boete|boetes|schuld|schulden|aflossen|afbetalen|aflost|afbetaalt|rente|"
     "uitkering|*uitkering|toeslag|*toeslag|bijstand|lening|premie|abonnement|betaalt|betalen|betaalde|ingehouden|kamer|"
     "inhouding*|afgetrokken|af|omzet|spaart|sparen|stuurt|opgestuurd|overmaakt|extra|bij|bijverdienen|bijverdient|"
     "alimentatie|studiefinanciering|pensioen|aow|kinderbijslag|wajong|ww|huisvesting|*huisvesting"},
    {"board_food", "eten|kost|food|maaltijd|maaltijden"},
    {"board_bed", "onderdak|slaapplek|slaapplaats|slapen|bed|inwoning|dak|woonruimte"},
    {"board_pay", "ruil|voor|krijgt|krijgen|kreeg|kregen|get|gets|salary|loon|betaling|beloning"},
    {"board_block", "naast|bovenop|plus|betaalt|betalen|betaalde|huur|=kosten|ingehouden|af|gratis|boven"},
    {"wage_get",
     "krijgt|krijgen|kreeg|kregen|verdient|verdienen|verdiende|ontvangt|ontvangen|ontving|voor|loon|salaris|get|gets|"
     "=betaald|=uitbetaald|houdt|overhoudt|over"},
    {"wage_money", "geld|loon|salaris|=betaald|=uitbetaald|zakgeld|cent"},
    {"niet_w", "niet"},
    // Money taken away, without take_money's managing and keeping ("beheert", "bewaart"): beside "beheert zijn
    // rekening zelf" those are the person's own.
    {"take_away", "neemt|nam|opneemt|opgenomen|pakt|pakte|afgepakt|haalt|haalde|ophaalt|opgehaald|int|inde|houdt|hield|ingenomen|inneemt"},
    {"paid_otherwise", "contant|cash|rekening|bank|maar|zwart|later|pas"},
    // Looking at the companion before answering; a companion who came along holding the papers.
    {"looks_at", "kijkt|keek|keken"},
    {"companion", "hem|begeleider|begeleidster|man|vriend|manager|tolk|eigenaar|baas|madam|oom|tante|neef"},
    {"answer_w", "zegt|zei|zeggen|antwoord*|vraag|vragen|praat|praten|sprak|reageert|reageren"},
    {"came_along", "meekwam|meekwamen|meegekomen|meegekomene|=begeleid|=begeleider|=begeleidster|meegebracht|erbij"},
    // A money mule lends out the account criminals run money through; a courier carries their goods.
    {"mule_account",
     "bankpas*|pinpas*|pincode*|bankrekening*|rekening|rekeningen|bankapp|bankafschrift*|afschriften|digid|id|"
     "idkaart*|identiteitskaart*"},
    {"lend_out", "uitlenen|uitgeleend|uitleent|uitleende"},
    {"mule_flow", "doorgeboekt|doorgestort|doorgesluisd|doorsluizen|witwas*"},
    {"courier_verb",
     "rijdt|rijden|reed|brengt|brengen|bracht|rondbrengt|rondbrengen|wegbrengt|wegbrengen|ophalen|ophaalt|meeneemt|"
     "meenemen|vervoert|vervoeren|bezorgt|bezorgen|loopjes|rondrijden"},
    {"courier_goods", "pakjes|pakketjes|pakketje|dingen|spullen|tas|tassen|sporttas|bestellingen|envelop*"},
    {"vague_person", "iemand|gast|maat|hen|jongens|mannen|man|jongen|kennis"},
    {"courier_block",
     "postnl|dhl|bezorger|bezorgdienst|pakketdienst|thuisbezorgd|supermarkt|werkgever|baas|buurvrouw|buurman|moeder|"
     "vader|oma|opa|winkel|bedrijf|kringloop*|tante|oom"},
    {"receive_block", "werk|werkt|huur|rekening|*rekening|toeslag|*toeslag|klachten|nederlands|engels|taal"},
    {"few", "paar|enkele|luttele|wat"},
    {"tenner", "tientjes|tientje|euro|euros|tientjes|vijfjes"},
    {"cond_if", "als|anders|zodra|wanneer|zoniet|bij"},
    {"complain", "doet|luistert|gehoorzaamt|klaagt|klagen|klaagde|klacht|erover|begint|praat|praten|vertelt|vertellen|doorvertellen|protesteert|weigert|vraagt|stopt|weggaat"},
    {"consequence2",
     "ontslag*|ontslagen|ontslaan|eruit|straat|kwijt|kwijtraakt|kwijtraken|ingetrokken|opgepakt|lastiggevallen|"
     "plek|kamer|aangeven|vervangen|anderen|genoeg|*politie|politie|ind|teruggestuurd|terugsturen|uitgezet|"
     "familie|gezin|boete|boetes|loon|woning|visum|verblijfsvergunning|broer|zus|moeder|vader|kinderen|vinden|eten"},
    {"extort", "chant*|gechanteerd|afpers*|afgeperst|zwijggeld"},
    {"demand", "eist|eiste|eisen|geeist|opeist"},
    {"body_part", "rug|longen|handen|voet|voeten|knie|knieen|schouder|schouders|nek|ogen|polsen|pols|armen"},
    {"suffer",
     "last|klaagde|klaagt|pijn|ontstoken|ontstoken|beknelde|bekneld|rode|kapotte|gewond|klachten|*klachten|"
     "hoest*|hoestten|hoestte"},
    {"leave2", "verlaat|verlaten|verliet|weg|af|buiten|vertrekken|vertrekt|heen|naartoe"},
    {"company", "zonder|begeleiding|toestemming|mag|mocht|mogen|mochten|kan|kon|familie"},
    {"passers",
     "reizigers|klanten|voorbijgangers|passanten|mensen|winkelend|ingang|uitgang|station|markt|winkelcentrum|"
     "supermarkt|terras|terrassen"},
    {"ask", "vragen|vraagt|vroeg|vroegen|bedelen"},
    {"beg_any", "bedel*|gebedeld|*bedelen|bekertje|bordje"},
    {"bank_self", "zelf|eigen|samen|volmacht|machtiging"},
};

struct ConceptRule {
    std::string_view code;
    double weight;
    std::vector<std::string_view> concepts;  // one word of each, within `span` words in one sentence
    int span = 10;
    std::string_view context;                 // a concept the narrative must hold somewhere ("" for none)
    std::string_view without;                 // a concept the narrative must not hold anywhere ("" for none)
    std::string_view block;                   // a concept that must not stand inside the matched words
    bool self_negating = false;               // the concepts carry the negation themselves ("geen" + "contract")
    int sentences = 1;                        // 2: the words may also stand in the next sentence
    bool ordered = false;                     // the words stand in the order of the concepts ("geen contract")
    bool block_to_sentence_end = false;       // the block is also looked for after the match, up to the full stop
};

// Trailing members of a rule are often left at their defaults.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
const std::vector<ConceptRule> kConceptRules = {
    // Passport held by someone else.
    {"ALG-01", 0.5, {"doc", "doc_keep", "holder"}, 10, "", "", "doc_block"},
    {"ALG-01", 0.45, {"doc", "doc_keep"}, 5, "", "", "doc_block"},
    {"ALG-01", 0.45, {"doc", "doc_have", "boss"}, 10, "", "", "doc_block", false, 2},
    {"ALG-01", 0.45, {"doc", "doc_keep", "boss"}, 12, "", "", "doc_block", false, 2},
    {"ARB-04", 0.5, {"doc", "doc_keep", "boss"}, 10, "", "", "doc_block"},
    // Money handed over: in general, in sex work, at work.
    {"ALG-08", 0.5, {"money", "give_strong"}, 8},
    {"SEK-02", 0.5, {"money", "give_strong"}, 8, "sexctx"},
    {"SEK-02", 0.45, {"money", "give", "sexwork"}, 10, "sexctx"},
    {"ARB-10", 0.5, {"money", "give_strong"}, 8, "workctx", "sexctx"},
    {"ALG-08", 0.5, {"bank", "bank_keep", "holder"}, 10},
    {"ARB-11", 0.5, {"bank", "bank_keep", "holder"}, 10, "workctx", "sexctx"},
    // Debts paid off.
    {"ARB-07", 0.5, {"debt_cost", "repay"}, 8, "workctx", "sexctx"},
    {"ARB-07", 0.5, {"debt", "boss"}, 10, "", "sexctx"},
    {"SEK-05", 0.5, {"debt", "sexact"}, 12, "sexctx"},
    // Sex against one's will; sex work.
    {"SEK-01", 0.5, {"coerce", "sexact"}, 6, "sexctx"},
    {"SEK-03", 0.5, {"porn", "nude"}, 8},
    {"SEK-08", 0.5, {"second", "phone"}, 3},
    {"SEK-06", 0.45, {"change", "looks"}, 8},
    {"SEK-07", 0.4, {"fear_sub", "fear_sub"}, 6},
    // School.
    {"SEK-10", 0.5, {"school", "absent"}, 8},
    {"CRI-08", 0.5, {"school", "absent"}, 8},
    // Care.
    {"SEK-11", 0.45, {"complaint", "medic", "refuse_neg"}, 12, "", "", "", true},
    {"ALG-11", 0.45, {"medic", "not_allowed", "neg"}, 8, "", "", "", true},
    // Looks.
    {"ALG-14", 0.45, {"sick_look"}, 1},
    {"ALG-14", 0.45, {"injury"}, 1},
    {"ARB-17", 0.45, {"tired_word", "tired_mod"}, 4, "workctx"},
    // Labour.
    {"ARB-01", 0.45, {"danger", "workplace"}, 10},
    {"ARB-01", 0.45, {"neg", "gear"}, 3, "workctx", "", "", true, 1, true},
    {"ALG-09", 0.45, {"bad_place", "workplace"}, 8, "", "", "daylight"},
    {"ARB-13", 0.5, {"housing", "bad_housing"}, 8},
    {"ARB-13", 0.5, {"housing", "crowd", "people"}, 8, "", "", "housing_ok"},
    {"ARB-14", 0.45, {"neg", "not_allowed", "move_verb"}, 6, "", "", "", true},
    {"ARB-14", 0.45, {"move_ctrl"}, 1},
    {"ARB-16", 0.45, {"threat", "consequence"}, 8, "workctx"},
    {"ARB-06", 0.45, {"violence"}, 1},
    {"ARB-09", 0.5, {"afraid", "deport"}, 10},
    {"ARB-08", 0.5, {"permit", "permit_bad"}, 4, "", "", "", true},
    {"ARB-03", 0.5, {"pay", "pay_low"}, 6, "workctx", "sexctx", "pay_block", true},
    {"ARB-12", 0.5, {"cash", "pay_cash"}, 6, "workctx", "", "cash_block"},
    {"ARB-12", 0.5, {"neg", "contract"}, 3, "", "", "", true, 1, true},
    {"ARB-05", 0.45, {"promise", "promise_obj", "reality"}, 20, "workctx", "crimctx"},
    {"ARB-05", 0.45, {"promise", "promise_obj", "reality"}, 24, "workctx", "crimctx", "", false, 2, true},
    {"ARB-02", 0.45, {"long", "worktime"}, 2, "workctx"},
    // General.
    {"ALG-03", 0.45, {"new", "new_contacts", "older"}, 10},
    {"SEK-09", 0.45, {"new_contacts", "unknown"}, 6},
    {"SEK-09", 0.45, {"new_contacts", "family2", "neg", "knowv"}, 10, "", "", "", true, 1, true},
    {"SEK-09", 0.45, {"new_contacts", "knowv", "nobody"}, 8, "", "", "", true},
    {"SEK-09", 0.45, {"family2", "knowv", "neg", "new_contacts"}, 10, "", "", "", true, 1, true},
    {"SEK-07", 0.4, {"doet_w", "alles_w", "zegt_w"}, 5, "", "", "", false, 1, true},
    {"SEK-07", 0.4, {"look_w", "weg_w"}, 2, "", "", "", false, 1, true},
    {"ARB-02", 0.45, {"much_w", "more_w", "hours_w"}, 3, "workctx", "", "", false, 1, true},
    {"ARB-03", 0.45, {"below", "minimum"}, 4, "workctx", "sexctx", "", false, 1, true},
    {"ALG-13", 0.45, {"neg", "self_word", "inside_w"}, 5, "", "", "", true, 1, true},
    {"ALG-04", 0.45, {"neg", "tell_about", "over_w", "new_contacts"}, 8, "", "", "", true, 1, true},
    {"ALG-05", 0.45, {"contact_word", "family2", "neg"}, 6, "", "", "", true, 1, true},
    {"ALG-12", 0.45, {"neg", "alone_w", "speak"}, 8, "", "", "", true, 1, true},
    {"ALG-04", 0.45, {"secretive", "new_contacts"}, 8},
    {"ALG-05", 0.45, {"lie"}, 1},
    {"ALG-05", 0.45, {"isolate", "family"}, 8},
    {"ALG-10", 0.45, {"lang_bad", "lang_word"}, 3, "", "", "", true},
    {"ALG-12", 0.45, {"control_person", "control_act", "control_mod"}, 6},
    {"ALG-13", 0.45, {"address", "unknown_addr", "neg"}, 8, "", "", "", true},
    {"ALG-08", 0.45, {"money_plain", "take_money", "pimp_boss"}, 8, "", "", "take_block"},
    {"SEK-02", 0.45, {"money_plain", "take_money", "pimp_boss"}, 8, "sexctx", "", "take_block"},
    {"ARB-10", 0.45, {"share", "money", "pimp_boss"}, 8, "workctx", "sexctx"},
    {"ALG-08", 0.45, {"share", "money", "pimp_boss"}, 8},
    {"ARB-13", 0.5, {"housing", "crowd_group"}, 8, "", "", "housing_ok"},
    {"ARB-14", 0.45, {"ferry_a", "ferry_b"}, 6, "workctx"},
    {"ARB-14", 0.4, {"track", "track_act"}, 5},
    {"ALG-12", 0.45, {"control_person", "control_act2"}, 8},
    {"ALG-13", 0.45, {"home_address", "addr_unknown"}, 3},
    {"ALG-14", 0.45, {"appear", "sick2"}, 4},
    {"ARB-03", 0.5, {"keep_over", "little"}, 8, "", "sexctx", "self_word", true},
    {"ALG-08", 0.45, {"money_plain", "take_strong"}, 4},
    {"ALG-10", 0.45, {"conv", "impossible"}, 4},
    {"ALG-10", 0.45, {"conv", "neg", "possible"}, 4, "", "", "", true},
    {"CRI-06", 0.45, {"crim_group", "crime_verb"}, 6, "", "", "victim_block"},
    {"ARB-17", 0.45, {"complaint", "workcause"}, 8, "workctx"},
    {"SEK-08", 0.45, {"phone", "for_clients"}, 8, "sexctx_strong"},
    {"ARB-03", 0.5, {"small_amount", "euro_word", "week_word"}, 4, "", "sexctx", "amount_block", false, 1, true, true},
    {"ALG-08", 0.45, {"fin_affairs", "manage", "pimp_boss"}, 8},
    {"ALG-08", 0.45, {"neg", "bank"}, 2, "", "", "", true, 1, true},
    {"ALG-08", 0.45, {"money_plain", "paid_to", "boss"}, 8, "", "", "", false, 1, true},
    {"ALG-07", 0.45, {"debt", "unknown_amount"}, 14, "", "", "amount_known", true},
    {"SEK-02", 0.45, {"advert", "appointments"}, 12, "", "", "", false, 1},
    // Criminal.
    {"CRI-01", 0.5, {"rob", "force_do"}, 8},
    {"CRI-02", 0.5, {"beg", "force_do"}, 8},
    // Someone empties or takes the begging cup: the beggar hands over the money ("neemt het bekertje mee").
    {"ALG-08", 0.45, {"cup_taker", "beg_cup", "empty_take"}, 8, "beg_word"},
    {"CRI-03", 0.5, {"steal", "force_do"}, 8},
    {"CRI-03", 0.45, {"steal", "loot"}, 8},
    {"CRI-04", 0.5, {"luxury_adj", "luxury_item"}, 3},
    {"CRI-04", 0.5, {"cash_much", "cash_word"}, 3},
    {"CRI-05", 0.45, {"spend", "low_income", "contrast"}, 14, "", "", "spend_block", true},
    {"CRI-06", 0.5, {"drugs", "drug_trade"}, 8},
    {"CRI-06", 0.5, {"crim_people", "crim_contact"}, 6},
    {"CRI-07", 0.5, {"drugs", "drug_use"}, 6},
    // Paraphrase families (issue 3, point 4). Money that goes to someone else: "alles moet afdragen aan zijn
    // oom", "het geld dat die mannen betalen, neemt hij af", "wat hij verdient gaat naar die oom".
    {"ALG-08", 0.45, {"money_broad", "take_from", "to_person"}, 10, "", "", "bank_self"},
    {"ALG-08", 0.45, {"money_broad", "to_person", "hand_to"}, 8, "", "", "bank_self", false, 1, true},
    {"ALG-08", 0.45, {"goes", "money_broad", "naar_word", "to_person"}, 10, "", "", "bank_self", false, 1, true},
    {"ARB-10", 0.45, {"goes", "money_broad", "naar_word", "to_person"}, 10, "workctx", "nonlabour_ctx", "bank_self", false, 1, true},
    {"ALG-08", 0.45, {"money_broad", "rekening_w", "to_person"}, 8, "", "", "bank_self", false, 1, true},
    // Separable verbs ("het geld ... neemt hij van haar af", "haalt het geld bij haar op") and an account of
    // someone else ("de opbrengst komt binnen op zijn rekening").
    {"ALG-08", 0.45, {"money_broad", "verb_sep", "particle"}, 10, "", "", "bank_self", false, 1, true},
    {"SEK-02", 0.45, {"money_broad", "verb_sep", "particle"}, 10, "sexctx", "", "bank_self", false, 1, true},
    {"ARB-10", 0.45, {"money_broad", "verb_sep", "particle"}, 10, "workctx", "nonlabour_ctx", "bank_self", false, 1, true},
    {"ALG-08", 0.45, {"money_broad", "naar_word", "his", "rekening_w"}, 8, "", "", "bank_self", false, 1, true},
    {"SEK-02", 0.45, {"money_broad", "naar_word", "his", "rekening_w"}, 8, "sexctx", "", "bank_self", false, 1, true},
    {"ARB-10", 0.45, {"money_broad", "naar_word", "his", "rekening_w"}, 8, "workctx", "nonlabour_ctx", "bank_self", false, 1, true},
    {"ARB-11", 0.45, {"money_broad", "rekening_w", "to_person"}, 8, "workctx", "nonlabour_ctx", "bank_self", false, 1, true},
    {"ALG-01", 0.45, {"take_sep", "doc", "in_word"}, 6, "", "", "doc_block", false, 1, true},
    {"SEK-02", 0.45, {"money_broad", "to_person", "hand_to"}, 8, "sexctx", "", "bank_self", false, 1, true},
    {"ARB-10", 0.45, {"money_broad", "to_person", "hand_to"}, 8, "workctx", "nonlabour_ctx", "bank_self", false, 1, true},
    {"ALG-08", 0.45, {"money_broad", "goes", "naar_word", "to_person"}, 10, "", "", "bank_self", false, 1, true},
    // The verb first, in a main clause: "geeft na afloop al het geld aan een man".
    {"ALG-08", 0.45, {"hand_to", "money_broad", "aan_w", "to_person"}, 10, "", "", "bank_self", false, 1, true},
    {"ARB-10", 0.45, {"hand_to", "money_broad", "aan_w", "to_person"}, 10, "workctx", "nonlabour_ctx", "bank_self",
     false, 1, true},
    {"SEK-02", 0.45, {"money_broad", "take_from", "to_person"}, 10, "sexctx", "", "bank_self"},
    {"SEK-02", 0.45, {"money_broad", "goes", "naar_word", "to_person"}, 10, "sexctx", "", "bank_self", false, 1, true},
    {"ARB-10", 0.45, {"money_broad", "take_from", "to_person"}, 10, "workctx", "nonlabour_ctx", "bank_self"},
    {"ARB-10", 0.45, {"money_broad", "goes", "naar_word", "to_person"}, 10, "workctx", "nonlabour_ctx", "bank_self", false, 1, true},
    // Sex one cannot refuse, with the partner's friends or acquaintances.
    {"SEK-04", 0.45, {"partner_word", "acquaint", "bed_sex", "coerce_sex"}, 20, "", "", "", true, 2},
    {"SEK-01", 0.45, {"coerce_sex", "bed_sex", "acquaint"}, 10},
    {"SEK-01", 0.45, {"coerce_strong", "sexact"}, 14, "sexctx", "", "", false, 2},
    {"SEK-01", 0.45, {"neg", "refuse_word", "clients"}, 5, "sexctx", "", "", true},
    {"SEK-01", 0.45, {"no_w", "refusal"}, 3, "sexctx_strong", "", "", true, 1, true},
    {"SEK-01", 0.45, {"dont_w", "want_w"}, 3, "sexctx_strong", "", "", true, 1, true},
    {"SEK-06", 0.45, {"wear", "looks_sexy"}, 4},
    {"SEK-03", 0.45, {"porn_strong"}, 1},
    {"SEK-07", 0.4, {"fear_strong"}, 1},
    {"SEK-07", 0.4, {"dare", "neg", "look_at"}, 6, "", "", "", true},
    {"SEK-08", 0.45, {"phone", "neg", "own_pron"}, 6, "", "", "", true},
    // School: "komt nog maar sporadisch opdagen", "in zes weken 60 uur gemist".
    {"SEK-10", 0.45, {"rarely", "show_up"}, 3, "school_ctx"},
    {"CRI-08", 0.45, {"rarely", "show_up"}, 3, "school_ctx"},
    {"SEK-10", 0.45, {"school_hours", "missed"}, 4, "school_ctx"},
    {"CRI-08", 0.45, {"school_hours", "missed"}, 4, "school_ctx"},
    // Criminal company, money and spending.
    {"CRI-06", 0.45, {"crim_people2", "crim_marker"}, 10, "", "", "victim_block", false, 1, true},
    {"CRI-06", 0.5, {"mule_account", "lend_out"}, 6},
    {"CRI-06", 0.45, {"weed", "weed_plants"}, 10},
    {"CRI-06", 0.45, {"mule_account", "mule_flow"}, 12},
    {"CRI-06", 0.45, {"courier_verb", "courier_goods", "voor_w", "vague_person"}, 12, "", "", "courier_block", false,
     1, false, true},
    {"CRI-04", 0.45, {"bigmoney", "money_unit"}, 3},
    {"CRI-04", 0.45, {"money_unit2", "denom"}, 3, "", "", "", false, 1, true},
    {"CRI-05", 0.45, {"neg", "job_word"}, 2, "lux_ctx", "", "", true, 1, true},
    {"CRI-05", 0.45, {"low_income2", "lux_ctx", "contrast"}, 20, "", "", "", true, 2},
    {"CRI-02", 0.45, {"beg_any"}, 1},
    // Stealing in other words: "meenemen zonder te betalen", goods he "moest pakken" in a shop.
    {"CRI-03", 0.45, {"take_goods", "neg", "pay_word"}, 4, "", "", "", true, 1, true},
    {"CRI-03", 0.45, {"force_do", "take_goods"}, 6, "shop_ctx"},
    {"CRI-03", 0.45, {"steal", "shop_ctx"}, 10},
    {"CRI-02", 0.45, {"money_plain", "ask", "passers"}, 8},
    // Someone who speaks for the person, a home address nobody knows, family kept at a distance.
    {"ALG-12", 0.45, {"control_person2", "control_strong", "for_other"}, 10},
    {"ALG-13", 0.45, {"knowv", "neg", "where", "stayv"}, 7, "", "moved", "", true},
    {"ALG-05", 0.45, {"little_neg", "contact_word", "family2"}, 6, "", "", "", true, 1, true},
    {"ALG-05", 0.45, {"tegen_w", "family", "alles_w", "fine_w"}, 10, "", "", "", false, 1, true},
    {"ALG-05", 0.45, {"tell", "family2", "fine_w", "contrast2"}, 14, "", "", "", true, 1, true},
    {"ALG-07", 0.45, {"debt", "neg", "explain"}, 12, "", "", "amount_known", true, 1, true},
    {"ALG-04", 0.45, {"protect", "ask", "about_contacts"}, 10, "", "", "", false, 1, true},
    {"ALG-04", 0.45, {"defend", "about_contacts"}, 3, "", "", "", false, 1, true},
    // Labour: living where one works, pay that never comes, threats if one complains, bodies worn out.
    {"ARB-13", 0.45, {"housing", "premises2"}, 6, "", "", "housing_ok", false, 1, false, true},
    {"ARB-13", 0.4, {"premises2", "daar_w", "housing"}, 10, "", "", "housing_ok", false, 2, true, true},
    {"ARB-03", 0.45, {"receive", "little2"}, 6, "workctx", "nonlabour_ctx", "receive_block", true},
    {"ARB-03", 0.45, {"few", "tenner"}, 2, "workctx", "sexctx", "", false, 1, true},
    {"ARB-03", 0.5, {"small_amount", "euro_word", "hour_word"}, 4, "workctx", "sexctx", "", false, 1, true},
    {"ARB-03", 0.5, {"wage_get", "wage_week_low", "euro_word", "period_week"}, 7, "workctx", "sexctx", "wage_block",
     false, 1, true, true},
    {"ARB-03", 0.5, {"wage_get", "wage_month_low", "euro_word", "period_month"}, 8, "workctx", "sexctx", "wage_block",
     false, 1, true, true},
    {"ARB-03", 0.45, {"board_food", "board_bed", "board_pay"}, 6, "workctx", "sexctx", "board_block"},
    {"ARB-03", 0.45, {"wage_money", "receive", "niet_w"}, 4, "workctx", "nonlabour_ctx", "paid_otherwise", true, 1,
     true, true},
    {"ALG-12", 0.45, {"looks_at", "naar_word", "companion", "answer_w"}, 10},
    {"ALG-12", 0.45, {"came_along", "doc", "doc_keep"}, 16, "", "", "doc_block", false, 2},
    {"ALG-06", 0.4, {"place_w", "behav_adj", "place_w", "behav_adj"}, 16},
    {"CRI-04", 0.45, {"cash_much", "geld_w", "pocket"}, 5, "", "", "", false, 1, true},
    {"ARB-16", 0.45, {"cond_if", "complain", "consequence2"}, 14, "workctx"},
    {"ARB-16", 0.45, {"threat", "consequence2"}, 12, "workctx"},
    {"ARB-15", 0.45, {"extort"}, 1, "workctx"},
    {"ARB-15", 0.45, {"demand", "money_broad", "cond_if"}, 14, "workctx"},
    {"ARB-17", 0.45, {"body_part", "suffer"}, 4, "workctx"},
    {"ARB-14", 0.45, {"leave2", "neg", "company"}, 6, "", "", "", true},
    {"ARB-12", 0.45, {"cash", "pay_verb"}, 4, "workctx", "nonlabour_ctx"},
    {"ARB-12", 0.45, {"onder_w", "hand_w"}, 2, "workctx", "nonlabour_ctx", "", false, 1, true},
};
#pragma GCC diagnostic pop

struct ConceptTerm {
    enum class Kind { kWord, kPrefix, kSuffix, kContains, kNumber };
    Kind kind = Kind::kWord;
    std::string text;
    std::string stem;
    long minimum = 0;
    long maximum = 0;
};

constexpr std::size_t kMaxConcepts = 320;
using ConceptSet = std::bitset<kMaxConcepts>;

struct CompiledConceptRule {
    const ConceptRule* rule = nullptr;
    std::vector<int> concepts;
    int context = -1;
    int without = -1;
    int block = -1;
    bool names_money = false;  // one of its concepts is money (a name starting with "money")
};

struct ConceptTable {
    std::vector<std::vector<ConceptTerm>> terms;  // per concept
    // The same terms indexed for speed: whole words and stems by hash, the rest (prefixes, compound heads,
    // numbers) in one list with their concept.
    std::unordered_map<std::string, ConceptSet> by_word;
    std::unordered_map<std::string, ConceptSet> by_stem;
    std::vector<std::pair<std::size_t, const ConceptTerm*>> other_terms;
    std::unordered_map<std::string_view, int> index;
    std::vector<CompiledConceptRule> rules;
    int negation = -1;

    int Find(std::string_view name) const {
        if (name.empty()) return -1;
        const auto found = index.find(name);
        return found == index.end() ? -1 : found->second;
    }
};

const ConceptTable& GetConceptTable() {
    static const ConceptTable table = [] {
        ConceptTable built;
        // A table that outgrows the bit sets is a programming error, caught by every test that suggests.
        if (kConcepts.size() > kMaxConcepts) throw std::logic_error("suggestions: more concepts than kMaxConcepts");
        for (const Concept& concept_entry : kConcepts) {
            if (!built.index.emplace(concept_entry.name, static_cast<int>(built.terms.size())).second) {
                throw std::logic_error("suggestions: a concept name is used twice");
            }
            std::vector<ConceptTerm> terms;
            for (std::string_view part : Split(concept_entry.terms, '|')) {
                ConceptTerm term;
                if (part.front() == '#') {
                    const std::string_view range = part.substr(1);
                    const std::size_t dash = range.find('-');
                    term.kind = ConceptTerm::Kind::kNumber;
                    term.minimum = ParseNumber(range.substr(0, dash));
                    term.maximum = dash == std::string_view::npos ? term.minimum : ParseNumber(range.substr(dash + 1));
                } else if (part.size() > 2 && part.front() == '*' && part.back() == '*') {
                    term.kind = ConceptTerm::Kind::kContains;
                    term.text = std::string(part.substr(1, part.size() - 2));
                } else if (part.front() == '*') {
                    term.kind = ConceptTerm::Kind::kSuffix;
                    term.text = std::string(part.substr(1));
                } else if (part.back() == '*') {
                    term.kind = ConceptTerm::Kind::kPrefix;
                    term.text = std::string(part.substr(0, part.size() - 1));
                } else if (part.front() == '=') {
                    term.text = std::string(part.substr(1));  // exactly as written, no stem
                } else {
                    term.text = std::string(part);
                    term.stem = StemOf(term.text);
                }
                terms.push_back(std::move(term));
            }
            built.terms.push_back(std::move(terms));
        }
        for (std::size_t concept_index = 0; concept_index < built.terms.size(); ++concept_index) {
            for (const ConceptTerm& term : built.terms[concept_index]) {
                if (term.kind != ConceptTerm::Kind::kWord) {
                    built.other_terms.emplace_back(concept_index, &term);
                    continue;
                }
                built.by_word[term.text].set(concept_index);
                if (!term.stem.empty()) built.by_stem[term.stem].set(concept_index);
            }
        }
        built.negation = built.Find("neg");
        for (const ConceptRule& rule : kConceptRules) {
            CompiledConceptRule compiled;
            compiled.rule = &rule;
            for (std::string_view name : rule.concepts) {
                compiled.concepts.push_back(built.Find(name));
                compiled.names_money = compiled.names_money || name.starts_with("money");
            }
            compiled.context = built.Find(rule.context);
            compiled.without = built.Find(rule.without);
            compiled.block = built.Find(rule.block);
            built.rules.push_back(std::move(compiled));
        }
        return built;
    }();
    return table;
}

bool TermMatches(const ConceptTerm& term, const Token& token) {
    const std::string_view norm = token.norm;
    switch (term.kind) {
        case ConceptTerm::Kind::kNumber:
            // A number alone in brackets is an age ("Roemeense man (30)"): no amount, count or wage of a concept.
            return token.number >= term.minimum && token.number <= term.maximum && !token.bracketed;
        case ConceptTerm::Kind::kPrefix:
            return norm.size() >= term.text.size() && norm.substr(0, term.text.size()) == term.text;
        case ConceptTerm::Kind::kSuffix:
            // A compound head: the word is longer than the head itself ("werkgeverswoning", not "woning").
            return norm.size() > term.text.size() + 2 && norm.substr(norm.size() - term.text.size()) == term.text;
        case ConceptTerm::Kind::kContains:
            return norm.size() > term.text.size() && norm.find(term.text) != std::string_view::npos;
        case ConceptTerm::Kind::kWord:
            return norm == term.text || (!term.stem.empty() && token.stem == term.stem);
    }
    return false;
}

// Words that open a sentence by pointing back to the one before.
bool PointsBack(std::string_view word) {
    static constexpr std::string_view kWords[] = {"die", "dat", "deze", "dit", "daar", "daarvan", "daarvoor", "dan"};
    return IsOneOf(word, kWords);
}

// The concepts a word belongs to, computed.
ConceptSet ComputeConceptsOf(const ConceptTable& table, const Token& token) {
    ConceptSet concepts;
    if (const auto word = table.by_word.find(token.norm); word != table.by_word.end()) concepts |= word->second;
    if (!token.stem.empty()) {
        if (const auto stem = table.by_stem.find(token.stem); stem != table.by_stem.end()) concepts |= stem->second;
    }
    for (const auto& [concept_index, term] : table.other_terms) {
        if (!concepts.test(concept_index) && TermMatches(*term, token)) concepts.set(concept_index);
    }
    return concepts;
}

// The concepts a word belongs to. They depend on the normalised word alone (its stem and number follow from it),
// except for a number in brackets (an age, no count: Token::bracketed), and are asked for many times per narrative
// (every layer and rule reads them), so each thread remembers them; the memory is bounded by starting afresh after
// kMaxRemembered words.
ConceptSet ConceptsOf(const ConceptTable& table, const Token& token) {
    if (token.bracketed) return ComputeConceptsOf(table, token);
    constexpr std::size_t kMaxRemembered = 50000;
    thread_local std::unordered_map<std::string, ConceptSet> remembered;
    if (const auto found = remembered.find(token.norm); found != remembered.end()) return found->second;
    if (remembered.size() >= kMaxRemembered) remembered.clear();
    const ConceptSet concepts = ComputeConceptsOf(table, token);
    remembered.emplace(token.norm, concepts);
    return concepts;
}

// Concept rule hits, per code the heaviest one (first in the text among equals).
void FindConceptHits(const std::vector<Token>& tokens, std::unordered_map<std::string_view, CodeResult>& concept_results) {
    const ConceptTable& table = GetConceptTable();
    const std::size_t concept_count = table.terms.size();
    std::vector<ConceptSet> member(tokens.size());
    std::unordered_map<std::string_view, ConceptSet> cache;
    std::vector<std::vector<std::size_t>> positions(concept_count);
    ConceptSet anywhere;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        const Token& token = tokens[index];
        ConceptSet concepts;
        if (token.bracketed) {
            concepts = ConceptsOf(table, token);  // not the word's: see ConceptsOf
        } else {
            auto [entry, inserted] = cache.try_emplace(token.norm);
            if (inserted) entry->second = ConceptsOf(table, token);
            concepts = entry->second;
        }
        member[index] = concepts;
        anywhere |= concepts;
        for (std::size_t concept_index = 0; concept_index < concept_count; ++concept_index) {
            if (concepts.test(concept_index)) positions[concept_index].push_back(index);
        }
    }
    // A sentence that opens by pointing back ("Haar verdiensten? Die gaan naar de eigenaar.", "Daar slaapt hij
    // ook.") continues the fact of the sentence before it: the concept rules read the two as one.
    std::vector<int> joined(tokens.size());
    int joined_sentence = 0;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        const bool opens = index == 0 || tokens[index].sentence != tokens[index - 1].sentence;
        if (opens && index > 0 && !PointsBack(tokens[index].norm)) ++joined_sentence;
        joined[index] = joined_sentence;
    }
    for (const CompiledConceptRule& compiled : table.rules) {
        const ConceptRule& rule = *compiled.rule;
        bool usable = true;
        for (const int concept_index : compiled.concepts) usable = usable && concept_index >= 0 && anywhere.test(concept_index);
        if (!usable) continue;
        if (compiled.context >= 0 && !anywhere.test(compiled.context)) continue;
        if (compiled.without >= 0 && anywhere.test(compiled.without)) continue;
        const auto existing = concept_results.find(rule.code);
        if (existing != concept_results.end() && existing->second.best_weight >= rule.weight) continue;
        const std::size_t span = static_cast<std::size_t>(rule.span);
        for (const std::size_t anchor : positions[compiled.concepts.front()]) {
            const int sentence = joined[anchor];
            std::size_t first = anchor;
            std::size_t last = anchor;
            std::vector<std::size_t> used = {anchor};
            bool complete = true;
            for (std::size_t part = 1; part < compiled.concepts.size() && complete; ++part) {
                const std::vector<std::size_t>& candidates = positions[compiled.concepts[part]];
                // The nearest word of this concept in the sentence, within the span of the words so far.
                std::size_t best = tokens.size();
                std::size_t best_distance = span + 1;
                const auto from = std::lower_bound(candidates.begin(), candidates.end(), last > span ? last - span : 0);
                for (auto it = from; it != candidates.end() && *it <= first + span; ++it) {
                    const std::size_t candidate = *it;
                    if (joined[candidate] < sentence - (rule.sentences - 1) ||
                        joined[candidate] > sentence + (rule.sentences - 1)) {
                        continue;
                    }
                    if (std::find(used.begin(), used.end(), candidate) != used.end()) continue;
                    // An ordered rule takes each word after the one before it ("vraagt om geld en geeft al het
                    // geld aan een man": the second "geld", not the nearer first).
                    if (rule.ordered && candidate < used.back()) continue;
                    const std::size_t low = std::min(first, candidate);
                    const std::size_t high = std::max(last, candidate);
                    if (high - low > span) continue;
                    const std::size_t distance = candidate > anchor ? candidate - anchor : anchor - candidate;
                    if (distance < best_distance) {
                        best_distance = distance;
                        best = candidate;
                    }
                }
                if (best == tokens.size()) {
                    complete = false;
                } else {
                    used.push_back(best);
                    first = std::min(first, best);
                    last = std::max(last, best);
                }
            }
            if (!complete) continue;
            if (rule.ordered && !std::is_sorted(used.begin(), used.end())) continue;
            if (compiled.block >= 0) {
                // The block stands inside the match or, for a rule marked so, in the rest of its sentence ("woont
                // boven de zaak met zijn gezin").
                bool blocked = false;
                std::size_t stop = last;
                // Within the sentence of the match's last word, as the tokens number it (`sentence` above counts
                // joined sentences, which differ after one that points back).
                while (rule.block_to_sentence_end && stop + 1 < tokens.size() &&
                       tokens[stop + 1].sentence == tokens[last].sentence) {
                    ++stop;
                }
                for (std::size_t index = first; index <= stop; ++index) blocked = blocked || member[index].test(compiled.block);
                if (blocked) continue;
            }
            if (rule.self_negating) {
                // The negation must be one of the matched words; elsewhere-negated wording stays out.
            } else if (IsNegated(tokens, first, last)) {
                continue;
            }
            CodeResult& result = concept_results[rule.code];
            const bool money_read = result.money_read || compiled.names_money;
            result = CodeResult{rule.weight, compiled.concepts.size(), 0, tokens[first].begin, tokens[last].end};
            result.money_read = money_read;
            break;
        }
    }
}

// The weight of the strongest ALG-07 pattern that a named debt arrangement explains (DropExplained) or that a debt to
// the employer (ARB-07) or one paid off with sex (SEK-05) read as loosely explains (DropOverlaps: "een voorschot; die
// schuld wordt verrekend met het loon"). One read firmly ("een schuld van 6.000 euro bij de eigenaar", "moet de reis
// terugbetalen") keeps it: the labellers tick both for such a debt, and in blind20-26 mostly did.
constexpr double kLooseDebtWeight = 0.5;
// The weight of the SEK-02 patterns that only name sex work, without money handed over or coercion.
constexpr double kLooseSexWorkWeight = 0.6;

// Per form: the indicators that point to that form on their own, the generic ones that need company, and generic
// ones that still point away from other forms (housing at the workplace: beside a sexual core it is the women's
// rooms at the salon and goes, but in a labour narrative it keeps "bang voor de baas" from reading as SEK-07).
struct FormCodes {
    std::vector<std::string_view> core;
    std::vector<std::string_view> generic;
    std::vector<std::string_view> counts_against_others = {};
};

const std::vector<FormCodes>& FormsForOverlap() {
    static const std::vector<FormCodes> forms = {
        {{"SEK-01", "SEK-02", "SEK-03", "SEK-04", "SEK-05", "SEK-08"}, {"SEK-06", "SEK-07", "SEK-09", "SEK-11"}},
        {{"CRI-01", "CRI-02", "CRI-03", "CRI-04", "CRI-05", "CRI-06"}, {}},
        {{"ARB-01", "ARB-02", "ARB-03", "ARB-05", "ARB-07", "ARB-08", "ARB-09", "ARB-12"},
         {"ARB-04", "ARB-06", "ARB-11", "ARB-13", "ARB-14", "ARB-16", "ARB-17"},
         {"ARB-13"}},
    };
    return forms;
}

bool EvidenceHasConcept(const std::vector<Token>& tokens, const CodeResult& result, std::string_view name);
bool TextHasConcept(const std::vector<Token>& tokens, std::string_view name);

// Removes suggestions that only repeat a fact already covered by a more fitting indicator (see the file comment).
void DropOverlaps(const std::vector<Token>& tokens, std::unordered_map<std::string_view, CodeResult>& results) {
    const auto has = [&](std::string_view code) { return results.contains(code); };
    const auto loose = [&](std::string_view code) {
        const auto found = results.find(code);
        return found != results.end() && found->second.best_weight <= kLooseDebtWeight;
    };
    if (loose("ALG-07") && (loose("ARB-07") || loose("SEK-05"))) results.erase("ALG-07");
    // A debt paid off with sex (SEK-05) is how the reporter names that prostitution; a loose SEK-02 (the mere word
    // "escort", "afspraken met mannen") would say it twice.
    const auto paid = results.find("SEK-02");
    if (paid != results.end() && paid->second.best_weight <= kLooseSexWorkWeight && !paid->second.money_read &&
        has("SEK-05")) {
        results.erase(paid);
    }
    const std::vector<FormCodes>& forms = FormsForOverlap();
    // A form's core is what the patterns and concepts read: a learned suggestion, less certain, never removes
    // theirs. Only where they read no form's core at all does the learned layer's core count, so that its CRI-06
    // beside a loose "angstig" (SEK-07) points to one form instead of a tie.
    const auto read = [&](std::string_view code, bool learned_too) {
        const auto found = results.find(code);
        return found != results.end() && (learned_too || !found->second.learned);
    };
    std::vector<bool> has_core(forms.size(), false);
    bool any_read = false;
    for (std::size_t form = 0; form < forms.size(); ++form) {
        for (std::string_view code : forms[form].core) has_core[form] = has_core[form] || read(code, false);
        any_read = any_read || has_core[form];
    }
    if (!any_read) {
        for (std::size_t form = 0; form < forms.size(); ++form) {
            for (std::string_view code : forms[form].core) has_core[form] = has_core[form] || read(code, true);
        }
    }
    // Not in a narrative of sex work: there the rooms at the salon are that narrative's own fact.
    std::vector<bool> points_away(has_core);
    const bool sex_work = TextHasConcept(tokens, "sexctx");
    for (std::size_t form = 0; form < forms.size() && !sex_work; ++form) {
        for (std::string_view code : forms[form].counts_against_others) {
            points_away[form] = points_away[form] || read(code, false);
        }
    }
    for (std::size_t form = 0; form < forms.size(); ++form) {
        if (has_core[form]) continue;
        bool other_core = false;
        for (std::size_t other = 0; other < forms.size(); ++other) {
            other_core = other_core || (other != form && points_away[other]);
        }
        if (!other_core) continue;
        for (std::string_view code : forms[form].generic) results.erase(code);
    }
    // Loot or begging money handed over is how a criminal-exploitation narrative names that fact (CRI-01..03);
    // without any labour indicator it does not make the income of a job (ARB-10).
    if (has_core[1] && !has_core[2] && (has("CRI-01") || has("CRI-02") || has("CRI-03"))) {
        results.erase("ARB-10");
    }
    // Loot handed over (CRI-01, CRI-03) was never the person's own money: ALG-08 is that fact again, unless its
    // evidence names a bank account or the person's own income ("het geld van zijn bijbaan", "zijn uitkering"), or
    // begging money (CRI-02, whose takings labellers do count as money handed over) is named.
    const auto money = results.find("ALG-08");
    if (money != results.end() && (has("CRI-01") || has("CRI-03")) && !has("CRI-02") &&
        !EvidenceHasConcept(tokens, money->second, "bank") && !EvidenceHasConcept(tokens, money->second, "own_income")) {
        results.erase(money);
    }
}

// Working hours written as a span of clock times, "van tien uur 's ochtends tot middernacht", "van 's ochtends
// acht tot 's nachts twee", "van twee uur 's nachts tot twee uur 's middags": the hours between the two times,
// read with their parts of the day, crossing midnight where needed; the same hour twice ("van zeven tot zeven") is
// twelve hours. Other spans on the 12-hour clock without a part of the day ("van acht tot vijf") are not counted.
// Sets `last` to the last word of the span; returns its length in hours.
int SpanHours(const std::vector<Token>& tokens, std::size_t from, std::size_t& last) {
    enum class Part { kNone, kMorning, kAfternoon, kEvening, kNight };
    const auto part_of = [](std::string_view word) {
        if (word == "ochtends" || word == "morgens") return Part::kMorning;
        if (word == "middags") return Part::kAfternoon;
        if (word == "avonds") return Part::kEvening;
        if (word == "nachts") return Part::kNight;
        return Part::kNone;
    };
    // One time: a number or "vroeg"/"laat"/"middernacht", with an optional part of the day around it.
    struct Time {
        long hour = -1;
        Part part = Part::kNone;
        bool midnight = false;
    };
    const auto read = [&](std::size_t index, std::size_t stop, std::size_t& end) {
        Time time;
        for (; index < stop && index < tokens.size(); ++index) {
            const Token& token = tokens[index];
            if (token.norm == "tot" || token.sentence != tokens[from].sentence) break;
            if (token.number >= 0 && token.number <= 24 && time.hour < 0) {
                time.hour = token.number;
            } else if (token.norm == "middernacht") {
                time.midnight = true;
            } else if (token.norm == "vroeg" && time.hour < 0) {
                time.hour = 6;
            } else if (token.norm == "laat" && time.hour < 0) {
                time.hour = 22;
            } else if (part_of(token.norm) != Part::kNone) {
                time.part = part_of(token.norm);
            } else if (token.norm != "uur" && token.norm != "s" && token.norm != "de" && token.norm != "het") {
                break;
            }
            end = index;
        }
        return time;
    };
    const auto clock = [](const Time& time, bool is_end) -> long {
        if (time.midnight) return 24;
        long hour = time.hour;
        switch (time.part) {
            case Part::kMorning:
                return hour < 0 ? (is_end ? 12 : 7) : hour % 12;
            case Part::kAfternoon:
                return hour < 0 ? 15 : (hour < 12 ? hour + 12 : hour);
            case Part::kEvening:
                return hour < 0 ? 20 : (hour < 12 ? hour + 12 : hour);
            case Part::kNight:
                if (hour < 0) return is_end ? 26 : 1;
                return hour >= 7 && hour < 12 ? hour + 12 : hour;
            case Part::kNone:
                return hour;
        }
        return hour;
    };
    std::size_t start_end = from;
    const Time start = read(from + 1, from + 6, start_end);
    if (start_end + 1 >= tokens.size() || tokens[start_end + 1].norm != "tot") return 0;
    std::size_t end_end = start_end + 1;
    const Time end = read(start_end + 2, start_end + 7, end_end);
    if ((start.hour < 0 && start.part == Part::kNone) || (end.hour < 0 && end.part == Part::kNone && !end.midnight)) {
        return 0;
    }
    // Without any part of the day both times must be on the 24-hour clock to be read at all, except the same hour
    // twice ("van zeven tot zeven", "van 9 tot 9"): morning to evening, twelve hours however it is read.
    if (start.part == Part::kNone && end.part == Part::kNone && !end.midnight && end.hour <= 12) {
        if (start.hour != end.hour || start.hour < 5) return 0;
        last = end_end;
        return 12;
    }
    const long begin_hour = clock(start, false);
    long end_hour = clock(end, true);
    if (end_hour <= begin_hour) end_hour += 24;
    last = end_end;
    return static_cast<int>(end_hour - begin_hour);
}

// The longest working day written as a clock span; the evidence covers "van ... tot ...".
bool FindLongSpan(const std::vector<Token>& tokens, CodeResult& result) {
    constexpr int kLongDayHours = 11;
    for (std::size_t index = 0; index + 3 < tokens.size(); ++index) {
        if (tokens[index].norm != "van") continue;
        std::size_t last = index;
        const int hours = SpanHours(tokens, index, last);
        if (hours >= kLongDayHours && hours <= 20 && !IsNegated(tokens, index, last)) {
            result = CodeResult{0.7, 4, 0, tokens[index].begin, tokens[last].end};
            return true;
        }
    }
    return false;
}

// A working day told by when people are fetched and brought back: "om 5 uur 's ochtends komt er een busje en om 9
// uur 's avonds zijn ze pas terug", "haalt ze om 05.00 op en zet ze om 21.00 weer af", "om half vijf ... rond tien
// uur 's avonds terug". An early morning time (3 to 6:30) and, after it in the same or the next sentence, a late
// evening time (from 20:00, or past midnight), in a narrative of work or of a van that fetches people. Times are
// read from a part of the day ("'s avonds") or from the 24-hour clock with minutes ("21.00", "05.00"); a bare "om
// vijf" is not read. A night shift ("om 22 uur begint ze, om 6 uur is ze klaar") has the late time first and is
// not read.
bool FindEarlyToLate(const std::vector<Token>& tokens, CodeResult& result) {
    if (!TextHasConcept(tokens, "workctx") && !TextHasConcept(tokens, "fetched")) return false;
    struct Reading {
        double hour;
        std::size_t first;
        std::size_t last;
        bool ends;
        bool may_start = true;  // false for a bare colon time nobody sets off at ("05:50 aanwezig bij de loods")
    };
    std::vector<Reading> readings;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        const Token& token = tokens[index];
        if (token.number < 0 || token.number > 24) continue;
        // Not a count of something ("12 man", "9 mannen"), nor minutes of an earlier time.
        if (index > 0 && tokens[index - 1].number >= 0 && tokens[index - 1].sentence == token.sentence) continue;
        double hour = static_cast<double>(token.number);
        std::size_t first = index;
        if (index > 0 && tokens[index - 1].norm == "half") {
            hour -= 0.5;
            first = index - 1;
        } else if (index > 1 && tokens[index - 1].norm == "voor" && tokens[index - 2].norm == "kwart") {
            hour -= 0.25;
            first = index - 2;
        }
        std::size_t last = index;
        bool clock24 = false;
        int part = 0;  // 1 morning, 2 evening, 3 night
        for (std::size_t next = index + 1; next < tokens.size() && next <= index + 4; ++next) {
            const std::string_view norm = tokens[next].norm;
            if (tokens[next].sentence != token.sentence) break;
            if (next == index + 1 && tokens[next].number >= 0 && tokens[next].number < 60 && norm.size() == 2) {
                clock24 = true;  // "05.00", "21.30"
            } else if (norm == "ochtends" || norm == "morgens") {
                part = 1;
            } else if (norm == "avonds") {
                part = 2;
            } else if (norm == "nachts") {
                part = 3;
            } else if (norm != "uur" && norm != "u" && norm != "s") {
                break;
            }
            last = next;
        }
        if (part == 0 && !clock24 && hour < 13) continue;
        // A time, not a date, an amount or a count: "om", "rond", "tegen", "na", "vanaf", "tot" before it, or "uur"
        // / "u" after it or its minutes ("04-06-1985", "20,00 euro", "24 mensen" are no times).
        const std::string_view before = first > 0 ? std::string_view(tokens[first - 1].norm) : std::string_view{};
        const bool time_word = before == "om" || before == "rond" || before == "tegen" || before == "na" ||
                               before == "vanaf" || before == "tot" || before == "omstreeks" || before == "voor";
        const std::size_t after = index + (clock24 ? 2 : 1);
        const bool hour_word = after < tokens.size() && (tokens[after].norm == "uur" || tokens[after].norm == "u");
        // Hours and minutes with a colon are a time by themselves; a day starts at a bare one only where people set
        // off at it ("05:10 stappen 9 mannen in"), not in a log of calls or inspections ("05:50 aanwezig bij de loods",
        // "06:15 belt mw terug").
        static constexpr std::string_view kSetOff[] = {"stappen", "stapt",      "stapte",   "stapten", "vertrekken",
                                                       "vertrekt", "vertrok",   "vertrokken", "opgehaald", "gehaald"};
        bool sets_off = false;
        for (std::size_t next = index + 2; next < tokens.size() && next <= index + 4; ++next) {
            if (tokens[next].sentence != token.sentence) break;
            sets_off = sets_off || IsOneOf(tokens[next].norm, kSetOff);
        }
        const bool colon_clock = clock24 && tokens[index + 1].after_colon;
        if (!time_word && !hour_word && !colon_clock) continue;
        if (part == 3 && hour == 12) hour = 24;  // "twaalf uur 's nachts"
        const bool ends = before == "tot";  // "van 22.00 tot 06.00": an end, not a start
        if (part == 2 && hour < 12) hour += 12;
        if (part == 3 && hour >= 7 && hour < 12) hour += 12;
        readings.push_back(Reading{hour, first, last, ends, time_word || hour_word || sets_off});
    }
    // "middernacht" after "om", "rond", "tot", "na" is midnight.
    for (std::size_t index = 1; index < tokens.size(); ++index) {
        const std::string_view before = tokens[index - 1].norm;
        if (tokens[index].norm == "middernacht" && (before == "om" || before == "rond" || before == "tot" ||
                                                    before == "na" || before == "tegen")) {
            readings.push_back(Reading{24, index - 1, index, false});
        }
    }
    std::sort(readings.begin(), readings.end(),
              [](const Reading& left, const Reading& right) { return left.first < right.first; });
    // The late time must be the next time read after the early one ("begint om 06.30 uur en eindigt om 15.00 uur.
    // Om 20.00 uur haalt ze de kinderen op" is an ordinary day), in the same or the next sentence.
    for (std::size_t at = 0; at + 1 < readings.size(); ++at) {
        const Reading& early = readings[at];
        const Reading& late = readings[at + 1];
        if (early.hour < 3 || early.hour > 6.5 || early.ends || !early.may_start) continue;
        if (tokens[late.first].sentence > tokens[early.first].sentence + 1) continue;
        // Only the early time may be denied: "niet voor tien uur 's avonds terug" is later still.
        if ((late.hour >= 20 || late.hour < 2) && !IsNegated(tokens, early.first, early.last)) {
            result = CodeResult{0.7, 4, 0, tokens[early.first].begin, tokens[late.last].end};
            return true;
        }
    }
    return false;
}

// "maakt soms lange diensten", "werkt soms tot middernacht": a long day now and then is no signal.
// The softening word stands inside the evidence or at most kBefore words before it.
void DropSoftened(const std::vector<Token>& tokens, std::unordered_map<std::string_view, CodeResult>& results) {
    constexpr std::size_t kBefore = 3;
    for (std::string_view code : {"ALG-02", "ARB-02"}) {
        const auto found = results.find(code);
        if (found == results.end()) continue;
        bool softened = false;
        for (std::size_t index = 0; index < tokens.size() && !softened; ++index) {
            if (tokens[index].end > found->second.end) break;
            const std::string_view norm = tokens[index].norm;
            if (norm != "soms" && norm != "weleens" && norm != "incidenteel" && norm != "zelden") continue;
            // "rijdt soms vijftien uur aan een stuk" stays a signal.
            const bool long_number = std::any_of(tokens.begin(), tokens.end(), [&](const Token& token) {
                return token.begin >= found->second.begin && token.end <= found->second.end && token.number >= 12;
            });
            if (long_number) continue;
            // "van 6 uur tot soms 22u" softens only the end time, not the working day.
            if (index > 0 && tokens[index - 1].norm == "tot") continue;
            std::size_t first = index;
            while (first < tokens.size() && tokens[first].begin < found->second.begin) ++first;
            softened = first - index <= kBefore;
        }
        if (softened) results.erase(found);
    }
}

// Whether a word of tokens[first..last) belongs to a concept of the second layer.
bool RangeHasConcept(const std::vector<Token>& tokens, std::size_t first, std::size_t last, std::string_view name) {
    const ConceptTable& table = GetConceptTable();
    const int concept_index = table.Find(name);
    if (concept_index < 0) return false;
    return std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(first),
                       tokens.begin() + static_cast<std::ptrdiff_t>(last),
                       [&](const Token& token) { return ConceptsOf(table, token).test(concept_index); });
}

// The words [begin, end) of the sentences that hold tokens[first] to tokens[last].
std::pair<std::size_t, std::size_t> SentenceSpan(const std::vector<Token>& tokens, std::size_t first,
                                                 std::size_t last) {
    std::size_t begin = first;
    std::size_t end = last + 1;
    while (begin > 0 && tokens[begin - 1].sentence == tokens[first].sentence) --begin;
    while (end < tokens.size() && tokens[end].sentence == tokens[last].sentence) ++end;
    return {begin, end};
}

// Whether any word of the text belongs to a concept of the second layer.
bool TextHasConcept(const std::vector<Token>& tokens, std::string_view name) {
    return RangeHasConcept(tokens, 0, tokens.size(), name);
}

// A fact the narrative explains itself is not the signal: a debt with debt counselling or a payment plan
// (ALG-07, only its loose mentions), school missed for the flu, a funeral or a holiday ("luxe verzuim"), a scooter
// bought from savings, a new friend "van haar eigen leeftijd", sex work that is licensed and independent (SEK-02,
// loose mentions).
// An entry "a b" is two words in a row, the second a prefix.
struct Explanation {
    std::vector<std::string_view> codes;
    double max_weight;  // only suggestions at most this heavy are dropped
    std::vector<std::string_view> prefixes;
    // When given, the text must also say the explanation was seen or checked ("liet de loonstroken zien", "blijkt
    // een verjaardagscadeau"): a mere claim or a receipt of the purchase explains nothing.
    std::vector<std::string_view> confirmations = {};
};

bool SaidIn(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t last,
            std::string_view entry);
bool ReasonSaidIn(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                  std::string_view entry);

void DropExplained(std::string_view text, const std::vector<Token>& tokens,
                   std::unordered_map<std::string_view, CodeResult>& results) {
    static const std::vector<Explanation> kExplanations = {
        {{"ALG-07"},
         kLooseDebtWeight,
         {"schuldhulp", "betalingsregeling", "bewindvoer", "schuldsanering", "budgetbeheer", "gokverslaving",
          "terugvordering", "wsnp", "studieschuld"}},
        {{"SEK-10", "CRI-08"},
         1.0,
         {"griep", "longontsteking", "begrafenis", "verlof", "ziekenhuisopname", "operatie", "luxe verzuim"}},
        {{"CRI-04", "CRI-05"}, 1.0, {"spaargeld", "gespaard", "erfenis"}},
        // Money or goods whose lawful source the text shows and someone checked: a payslip, the day's takings, a gift
        // or an heirloom ("liet de loonstroken van zijn zomerbaan zien", "blijkt een verjaardagscadeau van opa en
        // oma"); "hij zegt dat het een cadeau is" or a receipt of the purchase is no explanation.
        {{"CRI-04", "CRI-05"},
         1.0,
         {"erfstuk", "nalatenschap", "loonstro", "kwitantie", "zomerbaan", "vakantiebaan", "zaterdagbaan",
          "verjaardagscadeau", "dagomzet", "kasboek", "kassasysteem"},
         {"zien$", "ingezien", "getoond", "bevestigd", "bevestigen", "blijkt", "bleek", "gecontroleerd", "klopt",
          "kloppen", "taxatie"}},
        // A delivery job someone checked explains parcels a neighbour took for drugs ("'dat zijn vast drugs'.
        // Nagevraagd: het is hun folder- en krantenwijk via een bezorgbedrijf"), where the criminal codes were read
        // loosely; "alleen een krantenwijk" beside money he spends explains nothing, for lack of the writer's check
        // ("uit zijn telefoon bleek dat hij pakketjes met drugs rondbrengt" is no check of the job), and a job
        // explains no drug use (CRI-07).
        {{"CRI-03", "CRI-06"},
         0.5,
         {"krantenwijk", "folderwijk", "bezorgbedrijf", "bezorgdienst", "postbezorg", "pakketbezorg"},
         {"nagevraagd", "nagegaan", "gecontroleerd"}},
        {{"ALG-03"}, 1.0, {"leeftijdsgeno", "eigen leeftijd"}},
        {{"SEK-02"}, kLooseSexWorkWeight, {"zelfstandig", "vergund", "geregistreerd"}},
    };
    const auto said = [&](std::string_view entry) { return ReasonSaidIn(text, tokens, 0, tokens.size(), entry); };
    for (const Explanation& explanation : kExplanations) {
        bool present = false;
        for (std::string_view code : explanation.codes) {
            const auto found = results.find(code);
            present = present || (found != results.end() && found->second.best_weight <= explanation.max_weight);
        }
        if (!present || !std::any_of(explanation.prefixes.begin(), explanation.prefixes.end(), said)) continue;
        if (!explanation.confirmations.empty() &&
            !std::any_of(explanation.confirmations.begin(), explanation.confirmations.end(), said)) {
            continue;
        }
        for (std::string_view code : explanation.codes) {
            const auto found = results.find(code);
            if (found != results.end() && found->second.best_weight <= explanation.max_weight) results.erase(found);
        }
    }
}

// Indicator words in a plainly innocent context. The same words that point to control tell an ordinary story when
// the text gives the innocent reason itself and nobody else is named as holding the person or the thing:
//   * a passport or ID that is lost, stolen, being renewed, at an embassy for a visa or kept at home: the reason
//     stands in the evidence's sentence or the next one, and no holder (employer, boss, "vriend", ...) stands there;
//   * tiredness, a worn-out look or no doctor when the same or the next sentence gives an ordinary cause or care
//     (night shifts behind her, chemotherapy, a physiotherapist, the company doctor, "eigen huisarts", a named
//     illness, for tiredness and weight loss only); an injury from a fall or a match that a document confirms
//     (ALG-14: "ontslagbrief", "logboek");
//   * the working conditions of someone who is their own boss (eigen zaak, zelfstandige, zzp'er): long days
//     (ALG-02, ARB-02), no insurance (ARB-12), limited movement (ARB-14) and a worn-out body (ARB-17), when the
//     narrative names no employer or other boss over them ("eigenaar" is the person where "zelf/is/als eigenaar"
//     or opening a sentence);
//   * money sent home to the family (ALG-08, ARB-10, SEK-02, and the learned layer's guesses of ARB-15 and ARB-07):
//     a family cue and a sending word, no holder beside it; money given to one's own family ("aan zijn vrouw");
//     money the person keeps or manages ("houdt het geld zelf", "beheert haar eigen geld");
//   * a controlling companion (ALG-12) where the person speaks for themself or was spoken alone ("deed zelf het
//     woord", "apart met haar gesproken"), unless a refusal stands in the narrative;
//   * a second phone (SEK-08) for work outside sex work, or an independent sex worker's; a debt to the employer
//     (ARB-07) agreed to on paper, unless it is for the journey or bears interest or fines; a passport in one's own
//     locker;
//   * wages paid "via de bank" (ALG-08, ARB-10, and the learned layer's ARB-03), unless money is given away or paid
//     back or a pass is held beside it;
//   * money managed under a court's order ("beschermingsbewind", "kantonrechter") or an account the person manages
//     ("beheert zijn rekening zelf"), unless money is taken or handed over or a contrast stands beside it; begging
//     or selling for oneself ("doet dat voor zichzelf", "geregistreerd verkoper"), read loosely, with nobody who
//     takes the money or forces the person (CRI-02, ALG-08); a deduction the writer denies ("de huur gaat niet van
//     zijn loon af"), read loosely and with no debt or amount beside it (ARB-03, ARB-07);
//   * housing (ARB-13, ALG-09) the writer found "in orde" or "goedgekeurd", said of a dwelling in the same clause (for
//     "goedgekeurd", the same sentence); housing described
//     as in order or as a family's own home (ARB-13: "gecertificeerd", "eigen kamer", "met zijn vrouw", "niemand
//     woont").
// A negation over a cue denies it ("niet kwijt", "niet meer in orde"): a denied reason explains nothing away.
// A cue is a word prefix; "a b c" is words in a row, the last a prefix. A cue in quotes is the writer doubting
// it ("de vorige zouden steeds 'kwijt' zijn") and gives no reason.
bool InQuotes(std::string_view text, const Token& token) {
    if (token.begin == 0) return false;
    const char before = text[token.begin - 1];
    // ' and " or the closing byte of a UTF-8 quotation mark (U+2018, U+201C: E2 80 98 / E2 80 9C).
    return before == '\'' || before == '"' ||
           (token.begin >= 3 && text[token.begin - 3] == '\xE2' && text[token.begin - 2] == '\x80' &&
            (before == '\x98' || before == '\x9C'));
}

// Whether the cue's words stand on consecutive tokens from tokens[index] on, before `last`: all but the last whole,
// the last as a prefix (whole too when it ends in "$": "gaf zelf$" is not "gaf zelfs"), the first not in quotes.
bool SaidAt(std::string_view text, const std::vector<Token>& tokens, std::size_t index, std::size_t last,
            std::string_view entry) {
    if (index >= last || InQuotes(text, tokens[index])) return false;
    for (std::size_t at = index; at < last; ++at) {
        const std::size_t space = entry.find(' ');
        const std::string_view norm = tokens[at].norm;
        if (space == std::string_view::npos) {
            if (entry.ends_with('$')) return norm == entry.substr(0, entry.size() - 1);
            return norm.substr(0, entry.size()) == entry;
        }
        if (norm != entry.substr(0, space)) return false;
        entry.remove_prefix(space + 1);
    }
    return false;
}

bool SaidIn(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t last,
            std::string_view entry) {
    for (std::size_t index = first; index < last; ++index) {
        if (SaidAt(text, tokens, index, last, entry)) return true;
    }
    return false;
}

// SaidIn, but not where a negation turns the cue around ("niet in orde", "niet meer in orde", "niet kwijt"): a
// denied reason is none.
bool ReasonSaidIn(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                  std::string_view entry) {
    const auto words = static_cast<std::size_t>(std::count(entry.begin(), entry.end(), ' '));
    for (std::size_t index = first; index < last; ++index) {
        if (SaidAt(text, tokens, index, last, entry) && !IsNegated(tokens, index, index + words)) return true;
    }
    return false;
}

// Whether tokens[index] is an owner a pronoun names as the narrative's person: "Bakker staat zelf ... in zijn zaak.
// Hij is de eigenaar, doet dat al 25 jaar". The pronoun must be the person the narrative is about, read as its first
// third-person pronoun ("hij"/"zijn"/"hem", "zij"/"ze"/"haar"): in "Ze werkt 14 uur per dag in de
// nagelsalon. Hij is de eigenaar." he is someone else.
bool PronounOwnerAt(const std::vector<Token>& tokens, std::size_t index) {
    // Third person only: "ik" and "mijn" are mostly the writer, or an owner quoted ("Ik ben de eigenaar, zij werkt
    // voor mij").
    const auto person_of = [](std::string_view word) {
        if (word == "hij" || word == "zijn" || word == "hem") return 'm';
        if (word == "zij" || word == "ze" || word == "haar") return 'f';
        return '\0';
    };
    if (!tokens[index].norm.starts_with("eigenaar") || index < 2) return false;
    std::size_t at = index - 1;
    if (tokens[at].norm == "de" && at > 1) --at;
    if (tokens[at].norm != "is" && tokens[at].norm != "ben") return false;
    const char person = person_of(tokens[at - 1].norm);
    if (person == '\0' || tokens[at - 1].sentence != tokens[index].sentence) return false;
    for (const Token& token : tokens) {
        if (const char first = person_of(token.norm); first != '\0') return first == person;
    }
    return false;
}

bool PronounOwnerIsThePerson(const std::vector<Token>& tokens) {
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        if (PronounOwnerAt(tokens, index)) return true;
    }
    return false;
}

// Whether tokens[index] names the person as the owner: "zelf eigenaar", "is eigenaar", "als eigenaar", or
// "Eigenaar van de cafetaria" opening a sentence or following a colon ("Ondernemersloket: eigenaar van een
// cafetaria"), not "de eigenaar", "zijn eigenaar", nor an owner after a comma ("..., eigenaar betaalt hem contant").
bool OwnerIsThePerson(const std::vector<Token>& tokens, std::size_t index) {
    if (!tokens[index].norm.starts_with("eigenaar")) return false;
    if (index == 0 || tokens[index - 1].sentence != tokens[index].sentence) return true;
    if (tokens[index].after_colon && index + 1 < tokens.size() && tokens[index + 1].norm == "van") return true;
    const std::string_view before = tokens[index - 1].norm;
    return before == "zelf" || before == "is" || before == "als" || before == "ben" || PronounOwnerAt(tokens, index);
}

// Whether a word of tokens[first..last) names someone who may hold the person or their things ("eigen baas" is the
// person themself; so is an owner OwnerIsThePerson names, where `owner_is_self`, in a narrative about the person's
// own business).
bool NamesHolder(const std::vector<Token>& tokens, std::size_t first, std::size_t last, bool owner_is_self = false) {
    const ConceptTable& table = GetConceptTable();
    const int holder = table.Find("pimp_boss");
    // Once a pronoun names the narrative's person as the owner ("Hij is eigenaar"), its other owners are that person
    // too ("de eigenaar van de snackbar vertelde dat hij 80 uur per week werkt. Hij is eigenaar, ..."); a hope to
    // become one ("hoopt zelf eigenaar te worden") or someone else who "is eigenaar" names no such person.
    const bool person_owns = owner_is_self && PronounOwnerIsThePerson(tokens);
    for (std::size_t index = first; index < last; ++index) {
        if (index > 0 && tokens[index - 1].norm == "eigen") continue;
        if (person_owns && tokens[index].norm.starts_with("eigenaar")) continue;
        if (owner_is_self && OwnerIsThePerson(tokens, index)) continue;
        if (holder >= 0 && ConceptsOf(table, tokens[index]).test(holder)) return true;
        const std::string_view norm = tokens[index].norm;
        if (norm.starts_with("opdrachtgever") || norm.starts_with("leidinggevend")) return true;
    }
    return false;
}

// Whether the text names someone else who arranges the person's affairs ("een 'kennis'", "die man", "haar vriend", "de
// bemiddelaar", "zijn werkgever", "de huisbaas", "een 'tolk'" in quotes: an interpreter is routine), or the words
// [first, last) around the evidence say the person did not know ("nooit afgesloten", "wisten niet eens", "buiten
// haar medeweten"): what makes allowances or loans in the person's name fraud by others.
bool NamesSomeoneElseOrUnknowing(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                                 std::size_t last) {
    // Besides the bosses, partners and go-betweens of the pimp_boss concept ("regelaar", "neef", "bemiddelaar").
    static constexpr std::string_view kOthers[] = {"kennis",     "kennissen", "nicht",     "tante",    "landgenoot",
                                                   "ex",         "expartner", "exvriend",  "onbekende", "onbekend",
                                                   "verhuurder", "zwager",    "boekhouder", "huisbaas"};
    static constexpr std::string_view kKnow[] = {"wist",   "wisten",  "weet",     "weten",     "kent", "kende",
                                                 "kennen", "herkent", "herkende", "herkennen", "snapt"};
    static constexpr std::string_view kNot[] = {"niet", "niets", "niks", "geen", "nooit"};
    const ConceptTable& table = GetConceptTable();
    const int boss = table.Find("pimp_boss");
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        const std::string_view norm = tokens[index].norm;
        const std::string_view before = index > 0 ? std::string_view{tokens[index - 1].norm} : std::string_view{};
        const bool pointed = before == "een" || before == "die" || before == "de" || before == "deze" ||
                             before == "oudere";
        if (IsOneOf(norm, kOthers) || (boss >= 0 && ConceptsOf(table, tokens[index]).test(boss)) ||
            (norm == "tolk" && InQuotes(text, tokens[index])) || ((norm == "man" || norm == "vrouw") && pointed)) {
            return true;
        }
        if (index < first || index >= last) continue;
        if (norm == "nooit" || norm == "medeweten") return true;
        // "wist niet", "wisten ze niet eens", "kent hij niet": not known to the person.
        for (std::size_t next = index + 1; IsOneOf(norm, kKnow) && next < tokens.size() && next <= index + 3; ++next) {
            if (IsOneOf(tokens[next].norm, kNot)) return true;
        }
    }
    return false;
}

// When DropInnocentUses' cues explain a code's evidence away.
struct DropWhen {
    // Concepts whose words beside the evidence keep it a signal (money given away, a pass held).
    std::vector<std::string_view> blocking{};
    // Only the learned layer's guesses of the codes, not what a pattern or concept rule read.
    bool learned_only = false;
    // Someone named as holding the person's things or money beside the evidence keeps it; false where the cue itself
    // names the one who came along or gave the phone.
    bool holder_blocks = true;
    // Only evidence of at most this weight (a loose reading; what a strong pattern read stays).
    double max_weight = 1.0;
    // When set, only evidence whose own words hold this concept ("fetched": a pick-up read as a long day).
    std::string_view evidence_concept{};
};

void DropInnocentUses(std::string_view text, const std::vector<Token>& tokens,
                      std::unordered_map<std::string_view, CodeResult>& results) {
    // The words of the evidence's sentence and the sentence after it.
    const auto scope = [&](const CodeResult& result, std::size_t& first, std::size_t& last) {
        int from = -1;
        int to = -1;
        for (const Token& token : tokens) {
            if (token.begin < result.begin || token.end > result.end) continue;
            if (from < 0) from = token.sentence;
            to = token.sentence;
        }
        first = tokens.size();
        last = 0;
        for (std::size_t index = 0; index < tokens.size(); ++index) {
            if (tokens[index].sentence < from || tokens[index].sentence > to + 1) continue;
            first = std::min(first, index);
            last = index + 1;
        }
        return from >= 0;
    };
    // Drops each of the codes whose evidence has, beside it, one of the cues (and one of `also`, when given), and
    // passes `when` (DropWhen).
    const auto drop_with_cues = [&](std::initializer_list<std::string_view> codes,
                                    const std::vector<std::string_view>& cues,
                                    const std::vector<std::string_view>& also, const DropWhen& when) {
        for (std::string_view code : codes) {
            const auto found = results.find(code);
            std::size_t first = 0;
            std::size_t last = 0;
            if (found == results.end() || !scope(found->second, first, last)) continue;
            if (when.learned_only && !found->second.learned) continue;
            if (found->second.best_weight > when.max_weight) continue;
            if (!when.evidence_concept.empty() && !EvidenceHasConcept(tokens, found->second, when.evidence_concept)) {
                continue;
            }
            if (when.holder_blocks && NamesHolder(tokens, first, last)) continue;
            const auto said = [&](const std::vector<std::string_view>& list) {
                return std::any_of(list.begin(), list.end(),
                                   [&](std::string_view cue) { return ReasonSaidIn(text, tokens, first, last, cue); });
            };
            const bool blocked = std::any_of(when.blocking.begin(), when.blocking.end(), [&](std::string_view name) {
                return RangeHasConcept(tokens, first, last, name);
            });
            if (said(cues) && (also.empty() || said(also)) && !blocked) results.erase(found);
        }
    };
    static const std::vector<std::string_view> kDocumentReasons = {
        "verloren", "verlies", "kwijt", "gestolen", "vermissing", "diefstal", "ambassade", "consula", "visum", "visa",
        "vernieuw", "thuis in", "thuis bewaar", "thuis had", "thuis gelaten", "thuis ligt", "ligt thuis",
        "thuis laten", "laten liggen", "eigen kluis", "zelf de code"};
    drop_with_cues({"ALG-01", "ARB-04"}, kDocumentReasons, {}, {});
    // A copy or scan of the passport (for the wage records, a landlord) is not the passport kept: its own evidence
    // says so. Nor is the person's own document in hand ("chauffeur had eigen paspoort en rijbewijs"): "eigen" right
    // before the document and right after "had"/"heeft", with nothing denied, no one who holds, keeps or takes it and
    // no contrast after it in its sentence and the next ("geen eigen paspoort", "de baas heeft hun eigen paspoorten",
    // "heeft eigen paspoort niet in bezit", "had eigen paspoort, maar de baas bewaart het" stay; two reviews'
    // counterexamples are tests).
    const ConceptTable& concepts = GetConceptTable();
    const int document = concepts.Find("doc");
    for (std::string_view code : {"ALG-01", "ARB-04"}) {
        const auto found = results.find(code);
        if (found == results.end()) continue;
        // The evidence and the two words after it ("heeft zijn paspoort gekopieerd").
        bool copy = false;
        int after = -1;
        for (std::size_t index = 0; index < tokens.size() && !copy; ++index) {
            const Token& token = tokens[index];
            if (token.begin < found->second.begin) continue;
            if (token.end > found->second.end && ++after >= 2) break;
            const std::string_view norm = token.norm;
            copy = norm.find("kopie") != std::string_view::npos || norm.starts_with("gekopieerd") ||
                   norm.starts_with("scan") || norm == "gescand";
            if (after < 0 && index >= 2 && document >= 0 && tokens[index - 1].norm == "eigen" &&
                ConceptsOf(concepts, token).test(document)) {
                const std::string_view before = tokens[index - 2].norm;
                const bool has = before == "had" || before == "heeft" || before == "hadden" || before == "hebben";
                // Nothing denied, and no one who holds, keeps or takes it, nor a contrast ("maar", "echter", "toch":
                // but_word), in the rest of the sentence and the next ("heeft eigen paspoort niet in bezit", "heeft
                // eigen paspoort bij de werkgever moeten achterlaten", "had eigen paspoort, maar de baas bewaart het",
                // "Hadden eigen paspoorten bij aankomst. Die zijn door de ploegbaas ingenomen.").
                std::size_t end = index + 1;
                while (end < tokens.size() && tokens[end].sentence <= token.sentence + 1) ++end;
                // Words of keeping, taking or leaving behind (the doc_keep concept also holds "ligt", "zat": where a
                // passport lies, not who has it).
                static constexpr std::string_view kKept[] = {
                    "bewaar",  "beheer", "vastgehouden", "vasthoud", "ingenomen", "inneem", "innam", "inlever",
                    "ingeleverd", "afgegeven", "afgeven", "afgepakt", "afpak", "kluis", "achtergelaten", "achterlaten",
                    "verzameld", "meegenomen", "afgenomen", "inhoud", "ingehouden", "houd", "hield"};
                const auto denied_or_kept = [](const Token& word) {
                    return word.negator || std::any_of(std::begin(kKept), std::end(kKept), [&](std::string_view stem) {
                               return word.norm.starts_with(stem);
                           });
                };
                const bool rest_says_more =
                    std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(index) + 1,
                                tokens.begin() + static_cast<std::ptrdiff_t>(end), denied_or_kept) ||
                    RangeHasConcept(tokens, index + 1, end, "take") || RangeHasConcept(tokens, index + 1, end, "holder") ||
                    RangeHasConcept(tokens, index + 1, end, "but_word");
                copy = has && !rest_says_more;
            }
        }
        if (copy) results.erase(found);
    }
    // Money sent home to the family is the person's own choice, no money handed over; nor is it the extortion or
    // debt the learned layer may guess from the same words (a pattern's "stuurt de foto's naar haar familie" stays).
    static const std::vector<std::string_view> kToFamily = {
        "naar haar familie", "naar zijn familie", "naar hun familie", "naar de familie", "naar familie",
        "naar haar ouders",  "naar zijn ouders", "naar hun ouders"};
    static const std::vector<std::string_view> kSending = {"stuur", "gestuurd", "opgestuurd", "overma", "overgemaakt"};
    drop_with_cues({"ALG-08", "ARB-10", "SEK-02"}, kToFamily, kSending, {});
    drop_with_cues({"ARB-15", "ARB-07"}, kToFamily, kSending, {.learned_only = true});
    // Nor is money given to one's own family ("geeft zijn loon aan zijn vrouw"); "aan een vrouw die het werk
    // regelt" and "aan de broer van de baas" stay.
    drop_with_cues({"ALG-08", "ARB-10"},
                   {"aan zijn vrouw", "aan haar man", "aan zijn moeder", "aan haar moeder", "aan zijn ouders",
                    "aan haar ouders", "aan hun ouders", "aan zijn familie", "aan haar familie", "aan hun familie",
                    "aan zijn kinderen", "aan haar kinderen"},
                   {}, {});
    // Money the person keeps or manages ("houdt het geld zelf", "mag alles zelf houden", "beheert haar eigen geld
    // en pinpas") is no money handed over; "een eigen rekening, maar haar man beheert die" is.
    drop_with_cues({"ALG-08", "ARB-10", "SEK-02"},
                   {"geld zelf", "alles zelf", "verdiensten zelf", "inkomsten zelf", "zelf houd", "zelf bewaar",
                    "zelf beheer", "beheert haar eigen", "beheert zijn eigen", "beheren hun eigen",
                    "beheert ze zelf", "beheert hij zelf"},
                   {"houd", "hield", "bewaar", "beheer"}, {.blocking = {"give", "give_strong", "hand_to", "take_from"}});
    // Money managed under a court's order ("beschermingsbewind via de kantonrechter") is no money taken: the writer
    // names the legal ground. Someone who takes, is handed or keeps the money or the card keeps it a signal ("zijn
    // huisgenoot heeft zijn pinpas; er is beschermingsbewind aangevraagd"), and a private power of attorney is no
    // such ground ("haar man heeft een volmacht en neemt al haar geld").
    drop_with_cues({"ALG-08", "ARB-11"}, {"beschermingsbewind", "kantonrechter"}, {},
                   {.blocking = {"give_strong", "hand_to", "take_money", "bank_keep"}});
    // Begging or selling for oneself ("doet dat voor zichzelf", "op eigen initiatief", "geregistreerd verkoper van
    // de straatkrant", collecting for a charity) is no forced begging and no money handed over, where these were
    // read loosely; someone who drops the person off, collects or takes the money, or forces them keeps it a signal,
    // and so does a strong reading ("wordt gedwongen te bedelen").
    drop_with_cues({"CRI-02", "ALG-08"},
                   {"doet dat voor zichzelf", "doet het voor zichzelf", "is voor hemzelf", "is voor haarzelf",
                    "eigen initiatief", "niemand die hem stuurt", "niemand die haar stuurt", "niemand stuurt",
                    "geregistreerd verkoper", "verkoperspas", "collecteer"},
                   {},
                   {.blocking = {"hand_to", "give_strong", "cup_taker", "take_money", "coerce_strong", "fetched"},
                    .max_weight = 0.7});
    // An account the person manages ("hij beheert zijn rekening zelf") is no money out of their hands, whoever else
    // the sentence names (an employer paying the wage); a contrast ("maar de baas heeft zijn pas"), money handed over
    // or taken ("de voorman haalt elke vrijdag 150 euro bij hem op") keeps it a signal.
    drop_with_cues({"ALG-08", "ARB-10", "ARB-11"},
                   {"beheert zijn rekening zelf", "beheert haar rekening zelf", "beheert zijn eigen rekening",
                    "beheert haar eigen rekening", "beheert zijn bankrekening zelf", "beheert haar bankrekening zelf"},
                   {}, {.blocking = {"give_strong", "hand_to", "pay_back", "contrast", "take_away"}, .holder_blocks = false});
    // Housing the writer describes as in order or as a family's own home ("gecertificeerde huisvesting", "ieder een
    // eigen kamer en sleutel", "woont met zijn vrouw boven de zaak") is no bad housing.
    drop_with_cues({"ARB-13"},
                   {"gecertificeerd", "vergund", "omzettingsvergunning", "eigen kamer", "eigen sleutel",
                    "eigen huurcontract", "eigen studio", "eigen woning", "eigen koopwoning", "op eigen naam",
                    "woont zelfstandig", "genoeg bedden", "te logeren", "niemand woont", "niemand slaapt",
                    "niemand overnacht"},
                   {}, {});
    // A family above its own shop, in its own home ("met zijn vrouw en kinderen boven de zaak, in een eigen
    // koopwoning"); a family in a garage box stays badly housed.
    drop_with_cues({"ARB-13"}, {"met zijn vrouw", "met haar man", "met zijn gezin", "met haar gezin", "met hun gezin",
                                "gezin van"},
                   {"boven de", "eigen"}, {});
    // A deduction the writer denies ("de huur gaat niet van zijn loon af", "er wordt niets ingehouden") is neither
    // underpayment nor a debt paid off from the wage, where these were read loosely from the same words (a concept
    // rule, the learned layer); what a pattern read beside it ("krijgt maar 150 euro per week", "een schuld van 4000
    // euro voor de reis") stays, and so does any debt or amount named beside it ("voor 6 euro per uur"). The employer
    // is named here as the one who deducts, so no holder check.
    drop_with_cues({"ARB-03", "ARB-07"},
                   {"niet van zijn loon af", "niet van haar loon af", "niet van hun loon af", "niet van het loon af",
                    "niet van zijn salaris af", "niet van haar salaris af", "niet ingehouden", "niets ingehouden",
                    "niet verrekend", "niet afgetrokken"},
                   {},
                   {.blocking = {"take_money", "pay_back", "debt", "euro_word"}, .holder_blocks = false, .max_weight = 0.5});
    // Allowances, loans or subscriptions in the person's name (CRI-06 read from "toeslagen op haar naam") are fraud by
    // others only where the text names someone else who arranges things ("een 'kennis'", "die man", "de
    // bemiddelaar") or the person did not know ("die zij nooit heeft afgesloten", "wisten niet eens dat ze toeslag
    // kregen"); "ontvangt bijstand op zijn naam", "heeft twee leningen op haar naam lopen", "na het overlijden van haar
    // man wil ze de toeslagen op haar naam" are the person's own.
    if (const auto fraud = results.find("CRI-06"); fraud != results.end() && fraud->second.best_weight <= 0.6) {
        bool in_name = false;
        for (const Token& token : tokens) {
            in_name = in_name || (token.begin >= fraud->second.begin && token.end <= fraud->second.end &&
                                  token.norm == "naam");
        }
        std::size_t first = 0;
        std::size_t last = 0;
        // Another reading of CRI-06 beside it ("een strafblad voor heling") keeps the code whatever this one is.
        if (in_name && fraud->second.extra_hits == 0 && scope(fraud->second, first, last) &&
            !NamesSomeoneElseOrUnknowing(text, tokens, first, last)) {
            results.erase(fraud);
        }
    }
    // Unpaid work the writer names as the person's care arrangement with its care provider ("Dat is zijn dagbesteding
    // via de Wmo") is no underpaid labour, no long days and no other pressure where only the learned layer guessed
    // these; what a rule read stays, and so does day care named as a cover ("de boer noemt het dagbesteding", "als
    // dagbesteding op de boerderij van een kennis"), someone else's, or ended ("gestopt met de dagbesteding"), or a
    // contrast, debt, money taken or coercion beside it ("is zijn dagbesteding, maar hij moet er 50 uur werken").
    drop_with_cues({"ARB-03", "ARB-02", "ALG-02", "ARB-16"},
                   {"is zijn dagbesteding", "is haar dagbesteding", "als dagbesteding", "als zijn dagbesteding",
                    "als haar dagbesteding", "voor zijn dagbesteding", "voor haar dagbesteding"},
                   {"wmo", "zorgaanbieder", "zorgboerderij", "begeleider", "begeleiding", "indicatie", "zorginstelling",
                    "dagcentrum"},
                   {.blocking = {"take_money", "give_strong", "hand_to", "coerce_strong", "pay_back", "debt", "but_word"},
                    .learned_only = true,
                    .holder_blocks = false});
    // A car-pool the writer checked ("elke ochtend om zes uur opgehaald door een busje vol mannen. Uitgezocht: een
    // collega die carpoolt naar de bouwplaats") explains a pick-up the learned layer guessed to be a long day; it
    // explains no hours ("komt na middernacht terug. Gecontroleerd: carpool"), what a rule read stays, and so does a
    // check that found none ("nagevraagd, die kent geen carpool").
    static const std::vector<std::string_view> kChecked = {"uitgezocht", "nagevraagd", "nagegaan", "gecontroleerd"};
    if (std::any_of(kChecked.begin(), kChecked.end(),
                    [&](std::string_view cue) { return ReasonSaidIn(text, tokens, 0, tokens.size(), cue); })) {
        drop_with_cues({"ALG-02", "ARB-02"}, {"carpool"}, {},
                       {.blocking = {"contrast", "answer_no"},
                        .learned_only = true,
                        .holder_blocks = false,
                        .evidence_concept = "fetched"});
    }
    // Wages paid through the bank or a payroll office are no money handed over, unless money is given away or a pass
    // held beside it.
    static const std::vector<std::string_view> kWage = {"loon", "salaris", "betaald", "uitbetaald"};
    static const std::vector<std::string_view> kPayroll = {
        "via de bank", "via het loonbedrijf", "via een loonbedrijf", "via de loonadministratie",
        "via de salarisadministratie", "via het payrollbedrijf", "via een payrollbedrijf"};
    drop_with_cues({"ALG-08", "ARB-10"}, kPayroll, kWage,
                   {.blocking = {"give_strong", "hand_to", "bank_keep", "take_money", "pay_back", "but_word"}});
    // Nor is it underpayment where only the learned layer guesses so from the same words ("werken acht uur per dag en
    // het loon gaat via de bank", "loon gaat via het loonbedrijf"); an amount a pattern reads as too low stays.
    drop_with_cues({"ARB-03"}, kPayroll, kWage,
                   {.blocking = {"pay_back", "take_money", "bank_keep", "but_word"}, .learned_only = true});
    // Housing the writer found in order ("units, keuken en sanitair in orde", "de woning is gecontroleerd en
    // goedgekeurd") is no bad housing: the order is said of a dwelling in its own clause ("de verblijfsvergunning is in
    // orde", "de vergunning voor het terras is goedgekeurd" say nothing of the housing).
    static const std::vector<std::string_view> kDwelling = {
        "huisvest", "woning", "unit", "kamer", "slaapkamer", "sanitair", "keuken", "caravan", "chalet", "onderkomen",
        "wooneenhe", "accommodatie"};
    for (std::string_view code : {"ARB-13", "ALG-09"}) {
        const auto found = results.find(code);
        std::size_t first = 0;
        std::size_t last = 0;
        if (found == results.end() || !scope(found->second, first, last) || NamesHolder(tokens, first, last)) continue;
        bool in_order = false;
        for (std::size_t index = first; index < last && !in_order; ++index) {
            // "goedgekeurd" often closes a second clause of its own ("de woning is gecontroleerd en goedgekeurd"):
            // its dwelling may stand anywhere before it in the sentence.
            const bool approved = ReasonSaidIn(text, tokens, index, std::min(index + 1, last), "goedgekeurd");
            if (!approved && !ReasonSaidIn(text, tokens, index, std::min(index + 2, last), "in orde") &&
                !ReasonSaidIn(text, tokens, index, std::min(index + 2, last), "op orde")) {
                continue;
            }
            for (std::size_t word = first; word < index && !in_order; ++word) {
                in_order = (approved ? tokens[word].sentence == tokens[index].sentence
                                     : tokens[word].clause == tokens[index].clause) &&
                           std::any_of(kDwelling.begin(), kDwelling.end(),
                                       [&](std::string_view noun) { return tokens[word].norm.starts_with(noun); });
                // Approved for less than it holds, or for something else ("terwijl die voor 4 personen is
                // goedgekeurd", "goedgekeurd als opslag, niet voor bewoning"): a contrast after the dwelling.
                if (in_order && approved) {
                    in_order = !RangeHasConcept(tokens, word, SentenceSpan(tokens, index, index).second, "contrast");
                }
            }
        }
        if (in_order) results.erase(found);
    }
    // A debt to the employer the person agreed to and that is on paper ("een voorschot voor de reparatie van zijn
    // auto, schriftelijk vastgelegd", "huur wordt met hun instemming volgens cao ingehouden") is no debt bondage
    // (ARB-07); the employer is the creditor here, so no holder check.
    if (const auto debt = results.find("ARB-07"); debt != results.end()) {
        std::size_t first = 0;
        std::size_t last = 0;
        const auto said = [&](std::initializer_list<std::string_view> cues) {
            return std::any_of(cues.begin(), cues.end(),
                               [&](std::string_view cue) { return ReasonSaidIn(text, tokens, first, last, cue); });
        };
        if (scope(debt->second, first, last) &&
            !said({"reis$", "vliegreis", "overtocht", "rente$", "woeker", "boete"}) &&
            (said({"met zijn instemming", "met haar instemming", "met hun instemming", "zelf voorgesteld",
                   "zelf zo voorgesteld", "volgens cao", "volgens de cao", "leenovereenkomst"}) ||
             (said({"voorschot"}) && said({"schriftelijk", "vastgelegd", "op papier"})))) {
            results.erase(debt);
        }
    }
    // A second phone for work ("de tweede is een werktelefoon van de thuiszorg", "één zakelijke en één privé") or the
    // interpreters' phone line is no hidden phone, outside sex work; nor is an independent sex worker's
    // ("zelfstandig", "vergunning") work phone.
    if (!TextHasConcept(tokens, "sexctx")) {
        drop_with_cues({"SEK-08"},
                       {"werktelefoon", "van haar werk", "van zijn werk", "voor haar werk", "voor zijn werk",
                        "voor het werk", "van de zaak", "van haar werkgever", "van zijn werkgever", "zakelijk",
                        "bezorgapp", "roosterapp", "bereikbaarheidsdienst", "tolkentelefoon",
                        "tolktelefoon", "telefoontolk"},
                       {}, {.holder_blocks = false});
    } else {
        drop_with_cues({"SEK-08"},
                       {"zelfstandig escort", "zelfstandig sekswerk", "zelfstandige$", "als zelfstandig", "zzp",
                        "vergunning van", "vergunning voor", "vergunde", "vergund$"},
                       {"telefoon", "toestel"}, {});
    }
    // The person who speaks for themself ("deed zelf het woord", "beantwoordde de vragen zelf", "gaf zelf alle
    // antwoorden via de neef"), or whom the writer spoke alone ("apart met haar gesproken", "onder vier ogen"), is
    // not under the control of whoever came along or translated; "mocht niet zelf antwoorden" and "kon haar niet
    // apart spreken" are denied and stay.
    // A refusal beside the cue ("daarna weigerde de neef te vertalen") keeps it.
    drop_with_cues({"ALG-12"},
                   {"zelf het woord", "zelf het gesprek", "zelf de vragen", "vragen zelf$", "antwoordde zelf$",
                    "antwoordt zelf$", "zelf alle antwoorden", "gaf zelf$", "geeft zelf$", "sprak zelf$",
                    "spreekt zelf$", "praatte zelf$", "praat zelf$", "vertelde zelf$", "vertelt zelf$",
                    "voor zichzelf$", "apart met haar gesproken", "apart met hem gesproken", "apart gesproken",
                    "onder vier ogen gesproken", "alleen gesproken"},
                   {}, {.blocking = {"refused"}, .holder_blocks = false});
    static const std::vector<std::string_view> kCareOrCause = {
        "nachtdienst", "chemo", "kanker", "onder behandeling", "fysiotherap", "bedrijfsarts", "eigen huisarts"};
    drop_with_cues({"ALG-11", "SEK-11", "ALG-14", "ARB-17"}, kCareOrCause, {}, {});
    // Studying late is no long working day ("leert tot 2 uur 's nachts"): the evidence itself says what the hours are.
    drop_with_cues({"ALG-02", "ARB-02"}, {"leert", "leren", "studeert", "studeren", "huiswerk", "blokt", "blokken"}, {},
                   {.evidence_concept = "study_w"});
    // Exams and a baby's night feeds explain tiredness ("viel bijna in slaap ... eindexamenweek"), nothing else: not
    // bruises or care withheld, not with a contrast beside them ("heeft tentamens, zegt ze, maar ..."), not beside
    // long working days ("werkt 70 uur per week ... doet de nachtvoeding"), and only as whole words ("zijn zus zit
    // in de examenklas" explains nothing).
    if (!results.contains("ALG-02") && !results.contains("ARB-02")) {
        drop_with_cues({"ALG-14", "ARB-17"},
                       {"nachtvoeding$", "nachtvoedingen$", "examen$", "examens$", "eindexamen$", "eindexamens$",
                        "eindexamenweek$", "tentamen$", "tentamens$", "toetsweek$"},
                       {}, {.blocking = {"but_word"}, .evidence_concept = "tired_word"});
    }
    // A named illness explains tiredness or weight loss, not care withheld ("heeft diabetes maar mag niet naar de
    // dokter" is still ALG-11).
    drop_with_cues({"ALG-14", "ARB-17"}, {"ziekte van", "pfeiffer", "diabetes", "bloeddruk", "dietist"}, {}, {});
    // An injury from a fall or a match that a document or a witness confirms ("liet de ontslagbrief van de SEH
    // zien", "de EHBO'er heeft het in het logboek gezet") is no sign of abuse; "zei dat ze gevallen was" alone is.
    drop_with_cues({"ALG-14"}, {"ontslagbrief", "liet de brief", "logboek", "verslag van"},
                   {"gevallen", "val", "onderuit", "getrapt", "wedstrijd", "ongeluk", "gestruikeld"}, {});

    static const std::vector<std::string_view> kOwnBusiness = {
        "zzp",          "zelfstandige",    "als zelfstandig",   "zelfstandig ondernem", "ondernemer",
        "eigen bedrijf", "eigen zaak",     "eigen baas",        "eigen onderneming",    "eigen winkel",
        "eigen praktijk", "zelf eigenaar", "eigen bakkerij",    "eigen restaurant",     "eigen salon",
        "eigen kapsalon", "eigen garage",  "eigen cafetaria",   "eigen snackbar",       "eigen eethuis",
        "eigen webshop",  "eenmanszaak",     "is van ons$",       "is van mij$"};
    const bool own_business = std::any_of(kOwnBusiness.begin(), kOwnBusiness.end(), [&](std::string_view cue) {
        return SaidIn(text, tokens, 0, tokens.size(), cue);
    }) || PronounOwnerIsThePerson(tokens);
    if (own_business && !NamesHolder(tokens, 0, tokens.size(), true)) {
        for (std::string_view code : {"ALG-02", "ARB-02", "ARB-12", "ARB-14", "ARB-17"}) results.erase(code);
    }
}

// Whether a word of the evidence [begin, end) belongs to a concept of the second layer.
bool EvidenceHasConcept(const std::vector<Token>& tokens, const CodeResult& result, std::string_view name) {
    const ConceptTable& table = GetConceptTable();
    const int concept_index = table.Find(name);
    if (concept_index < 0) return false;
    return std::any_of(tokens.begin(), tokens.end(), [&](const Token& token) {
        return token.begin >= result.begin && token.end <= result.end &&
               ConceptsOf(table, token).test(concept_index);
    });
}

// A worker's injury from the work ("snijwond", "handen kapot", "liep mank", "arm in het verband") is a health
// complaint of the labour list (ARB-17), which is how its labels read it, not the look of someone unwell or abused
// (ALG-14): in a work narrative without sex work and without violence named beside it, a loose ALG-14 read from such
// a word becomes ARB-17.
void MoveWorkInjuries(const std::vector<Token>& tokens, std::unordered_map<std::string_view, CodeResult>& results) {
    constexpr double kLooseLookWeight = 0.55;
    static constexpr std::string_view kInjury[] = {
        "snee", "sneden", "snijwond", "wond", "mitella", "gips", "hechting", "ontstok", "ontsteking", "verband", "blaar",
        "blaren", "kapot", "open", "mank", "krom", "kreupel", "hinkt", "hinkte", "gezwollen", "brandwond", "kneuz",
        "gekneusd", "blessure", "gebroken"};
    const auto look = results.find("ALG-14");
    if (look == results.end() || look->second.best_weight > kLooseLookWeight) return;
    if (!TextHasConcept(tokens, "workctx") || TextHasConcept(tokens, "sexctx") || TextHasConcept(tokens, "violence") ||
        TextHasConcept(tokens, "abuse_word")) {
        return;
    }
    // Beside a sexual or criminal core indicator the labour list's ARB-17 would be dropped as generic (DropOverlaps):
    // the injury stays ALG-14 there.
    for (std::size_t form = 0; form < 2; ++form) {  // the sexual and the criminal list (FormsForOverlap)
        for (std::string_view code : FormsForOverlap()[form].core) {
            if (results.contains(code)) return;
        }
    }
    const bool injury = std::any_of(tokens.begin(), tokens.end(), [&](const Token& token) {
        return token.begin >= look->second.begin && token.end <= look->second.end &&
               std::any_of(std::begin(kInjury), std::end(kInjury),
                           [&](std::string_view prefix) { return token.norm.starts_with(prefix); });
    });
    if (!injury) return;
    const CodeResult moved = look->second;
    results.erase(look);
    results.try_emplace("ARB-17", moved);
}

// In a sex-work narrative without any other labour fact, money handed over (ARB-10) is the money of SEK-02 and a
// debt to the "employer" (ARB-07) is a debt (ALG-07) of that prostitution; in a narrative without any sign of sex
// work, money handed over is ARB-10 and not SEK-02. Money handed over is always also ALG-08.
void MoveToSexWork(const std::vector<Token>& tokens, std::unordered_map<std::string_view, CodeResult>& results) {
    const auto move = [&](std::string_view from, std::string_view to) {
        const auto found = results.find(from);
        if (found == results.end()) return;
        const CodeResult copy = found->second;  // an insertion may rehash and invalidate `found`
        results.erase(found);
        results.try_emplace(to, copy);
    };
    bool other_labour = false;
    for (std::string_view code : FormsForOverlap()[2].core) {
        // Long days, a debt to the "employer" and living where one works (ARB-13: "ze woont boven de salon") are as
        // much a sex worker's as a labourer's.
        other_labour = other_labour || (code != "ARB-10" && code != "ARB-07" && code != "ARB-02" && code != "ARB-13" &&
                                        results.contains(code));
    }
    // SEK-02 itself is no proof of sex work: its patterns also read a plain "geld afdragen".
    bool sex_core = false;
    for (std::string_view code : FormsForOverlap()[0].core) {
        sex_core = sex_core || (code != "SEK-02" && results.contains(code));
    }
    const bool sex_work = sex_core || TextHasConcept(tokens, "sexctx_strong") ||
                          (results.contains("SEK-02") && TextHasConcept(tokens, "sexctx"));
    if (!other_labour && (results.contains("ARB-10") || results.contains("ARB-07")) && sex_work) {
        move("ARB-10", "SEK-02");
        move("ARB-07", "ALG-07");
        move("ARB-02", "ALG-02");
    }
    // Money a pattern or concept read as handed over (ALG-08: "het geld gaat naar hem", "hij haalt het geld op") is,
    // in a sex-work narrative without labour or theft, what the sex work earned: SEK-02.
    const auto handed = results.find("ALG-08");
    const bool loot = results.contains("CRI-01") || results.contains("CRI-02") || results.contains("CRI-03");
    const auto paid = results.find("SEK-02");
    if (sex_work && !other_labour && !loot && handed != results.end() && !handed->second.learned &&
        (paid == results.end() || paid->second.learned) && EvidenceHasConcept(tokens, handed->second, "money_broad")) {
        CodeResult copy = handed->second;
        copy.money_read = true;
        results.insert_or_assign("SEK-02", copy);
    }
    if (!sex_work && results.contains("ARB-10")) {
        // And the other way round: a plain "geld afdragen" at work is no prostitution.
        results.erase("SEK-02");
    }
}

// One fact named in one list is often also a general signal, and the reader ticks both: money handed over
// (ARB-10, SEK-02, begging money CRI-02, with money in the evidence) is also ALG-08; exhaustion at work (ARB-17 from a word
// of fatigue) is also the unhealthy look of ALG-14, and that look (ALG-14 from fatigue) in a labour narrative is
// also ARB-17. The implied suggestion carries the same evidence.
void AddImplied(const std::vector<Token>& tokens, std::unordered_map<std::string_view, CodeResult>& results) {
    const auto imply = [&](std::string_view from, std::string_view to, std::string_view evidence_concept) {
        const auto found = results.find(from);
        if (found == results.end() || results.contains(to)) return;
        if (!EvidenceHasConcept(tokens, found->second, evidence_concept)) return;
        const CodeResult copy = found->second;
        results.emplace(to, copy);
    };
    // Not from loot (CRI-01, CRI-03): that was never the person's own money (DropOverlaps).
    for (std::string_view code : {"ARB-10", "SEK-02", "CRI-02"}) imply(code, "ALG-08", "money_broad");
    imply("ARB-17", "ALG-14", "tired_word");
    if (TextHasConcept(tokens, "workctx") && !TextHasConcept(tokens, "nonlabour_ctx")) imply("ALG-14", "ARB-17", "tired_word");
}

// Whether the text names more work than tokens[hours] ("8 uur per dag") anywhere: other hours ("tot 23.00 uur", "nog
// 6 uur"), another count of ten or more ("vaak ook 12 of meer"), the evening or night ("elke avond", "alle nachten"),
// work on top ("daarna", "daarnaast", "ook"), or a contrast ("krijgt 8 uur betaald, maar werkt er veertien").
bool MoreWorkInText(const std::vector<Token>& tokens, std::size_t hours) {
    static constexpr std::string_view kMore[] = {
        "daarna", "daarnaast", "nog",      "bovendien",   "ook",      "avond",      "avonds",  "nacht",
        "nachten", "nachts",   "middernacht", "oppassen", "klaarstaan", "maar",     "werkelijkheid", "overuren",
        "extra",  "weekend",   "weekenden", "zaterdag",   "zondag",   "veertien",   "twaalf",  "elf", "tien"};
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        if (index == hours || tokens[index].bracketed) continue;
        const bool hours_named = tokens[index].number >= 0 && index + 1 < tokens.size() && tokens[index + 1].norm == "uur";
        if (hours_named || (tokens[index].number >= 10 && tokens[index].number < 1900)) return true;
        if (IsOneOf(tokens[index].norm, kMore)) return true;
    }
    return false;
}

// Whether tokens[first..last] name a working week of at most 48 hours ("40 uur per week", "38 uur in de week"), the
// Dutch legal maximum on average, or a working day of at most nine hours in a text that names no more work than that
// anywhere (MoreWorkInText: more work often stands in the next sentence, "8 uur per dag in de kas. Na zijn dienst werkt
// hij tot 23.00 uur in de afwas"), and no other count of hours.
bool NamesOrdinaryWorkingTime(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    bool ordinary = false;
    for (std::size_t index = first; index <= last && index + 3 < tokens.size(); ++index) {
        if (tokens[index].number < 0 || tokens[index + 1].norm != "uur") continue;
        const bool weekly = (tokens[index + 2].norm == "per" && tokens[index + 3].norm == "week") ||
                            (index + 4 < tokens.size() && tokens[index + 2].norm == "in" &&
                             tokens[index + 4].norm == "week");
        const bool daily = tokens[index + 2].norm == "per" && tokens[index + 3].norm == "dag";
        if (weekly ? tokens[index].number > 48 : !daily || tokens[index].number > 9) return false;
        if (daily && MoreWorkInText(tokens, index)) return false;
        ordinary = true;
    }
    return ordinary;
}

// The words beside an income that make it money out of the person's hands: given, handed over, taken, kept or
// demanded, a bank account or card, or little or none of it received ("ontvangt niets", "krijgt het loon niet",
// "blijft weinig over"); not any "geen" ("heeft geen kinderen").
constexpr std::string_view kMoneyOutConcepts[] = {"give",   "give_strong", "hand_to", "take_money",
                                                  "demand", "bank",        "niet_w",  "little"};

// The learned layer's codes the two layers above did not find, weighing at most kModelMaxWeight so that the loose
// suggestions' rules (DropExplained, DropOverlaps) apply to them. The model knows a duplicate pair by its first
// code and, like the patterns, offers both (DropOverlaps removes the one of a form the narrative lacks).
void AddModelHits(const SuggestionModel& model, const std::vector<Token>& tokens,
                  std::unordered_map<std::string_view, CodeResult>& results) {
    constexpr double kModelMaxWeight = 0.5;
    static constexpr std::pair<std::string_view, std::string_view> kDuplicatePairs[] = {{"ALG-01", "ARB-04"},
                                                                                      {"SEK-10", "CRI-08"}};
    const bool work = TextHasConcept(tokens, "workctx");
    // Someone who takes a beggar's money (the concept rule's cup_taker: "chauffeur", "oom", "regelaar", ...).
    const bool taker = TextHasConcept(tokens, "cup_taker");
    for (const ModelHit& hit : model.Score(tokens)) {
        if (hit.probability < model.threshold()) break;
        const Indicator* indicator = FindIndicator(hit.code);
        if (indicator == nullptr) continue;
        // A labour indicator needs work in the narrative, as the concept rules ask (a threat in a scam mail, "ze
        // heeft niets betaald" at a shop, are not a worker's).
        if (!work && hit.code.starts_with("ARB-")) continue;
        const CodeResult result{std::min(hit.probability, kModelMaxWeight), 0, 0, tokens[hit.first].begin,
                                tokens[hit.last].end, true};
        // Begging or a begging cup is money handed over only when someone else takes it (the concept rule's
        // cup_taker): "zit te bedelen bij de Jumbo", "om 18 uur pakt hij zijn bekertje" are the beggar's own.
        if (hit.code == "ALG-08" && !taker &&
            (EvidenceHasConcept(tokens, result, "beg_cup") || EvidenceHasConcept(tokens, result, "beg"))) {
            continue;
        }
        // Income the person receives is no money out of their hands unless a word of that stands in its sentence
        // (kMoneyOutConcepts): the model alone reads it into "ontvangt een uitkering en woont samen met haar partner".
        if (hit.code == "ALG-08" && EvidenceHasConcept(tokens, result, "receive")) {
            // The whole sentence: "ontvangt een uitkering, maar haar ex-partner eist iedere maand de helft op".
            // A pair, not a structured binding: clang before 16 cannot capture those in a lambda (make fuzz).
            const std::pair<std::size_t, std::size_t> sentence = SentenceSpan(tokens, hit.first, hit.last);
            if (!std::any_of(std::begin(kMoneyOutConcepts), std::end(kMoneyOutConcepts), [&](std::string_view name) {
                    return RangeHasConcept(tokens, sentence.first, sentence.second, name);
                })) {
                continue;
            }
        }
        // Spending from one's own money ("koopt van zijn eigen geld", "heeft ervoor gespaard") is no spending beyond
        // a job, as the concept rules' spend_block says.
        if (hit.code == "CRI-05" && EvidenceHasConcept(tokens, result, "spend_block")) continue;
        // A working week the law allows ("40 uur per week") or an ordinary day ("acht uur per dag") is no long day.
        if ((hit.code == "ALG-02" || hit.code == "ARB-02") && NamesOrdinaryWorkingTime(tokens, hit.first, hit.last))
            continue;
        results.try_emplace(indicator->code, result);
        for (const auto& [first, second] : kDuplicatePairs) {
            if (hit.code == first && (work || !second.starts_with("ARB-"))) results.try_emplace(second, result);
        }
    }
}

}  // namespace

std::vector<std::string_view> ConceptNamesOf(const Token& token) {
    const ConceptSet concepts = ConceptsOf(GetConceptTable(), token);
    std::vector<std::string_view> names;
    for (std::size_t index = 0; index < kConcepts.size(); ++index) {
        if (concepts.test(index)) names.push_back(kConcepts[index].name);
    }
    return names;
}

namespace {

// A pattern's weight from which a reading is firm: a fact stated, not a guess from loose words.
constexpr double kFirmWeight = 0.8;

// Whether the writer concludes that nothing points to exploitation at all: "Geen aanwijzingen voor uitbuiting.",
// "Er zijn geen signalen van mensenhandel.", "Conclusie: geen zorgen.", "Geen reden tot zorg." The labelling rule
// counts a fact the text itself explains as innocent as absent, and such a conclusion is the writer's explanation of
// the facts written before it. Returns where the conclusion starts ("geen"); nothing when
//   * it does not open its sentence: on someone's word or about someone or something ("Moeder heeft geen zorgen",
//     "Broer: geen zorgen", "Op school geen zorgen", "In het gesprek met de hoofdhuurder geen signalen"), "Verder
//     geen signalen" (no signals besides those written), "Nog geen aanwijzingen" (not yet);
//   * it names one thing, or anything but exploitation as a whole ("geen aanwijzingen voor drugsgebruik", "geen
//     signalen van dwang", "geen aanwijzingen voor iets anders", "geen zorgen meer", "geen zorgen over haar
//     thuissituatie");
//   * it is a question, in quotes, or on someone's word ("volgens de werkgever", "zegt");
//   * a contrast, a referral or an investigation follows it anywhere ("maar", "wel", "alleen", "behalve",
//     "doorgezet naar", "politie");
//   * anything after its sentence is itself a suggestion ("Geen aanwijzingen voor uitbuiting gevonden. Het gesprek
//     was in bijzijn van de eigenaar, die steeds het woord deed.").
// Decisions ("geen verdere actie", "geen vervolg") are no conclusion about the facts: they often mean the case went
// elsewhere or the person refused help.
std::vector<Suggestion> Suggest(std::string_view text, const SuggestionModel* model, bool read_conclusion);

std::optional<std::size_t> WriterFindsNothing(std::string_view text, const std::vector<Token>& tokens,
                                              const SuggestionModel* model) {
    static constexpr std::string_view kFindings[] = {"aanwijzingen", "signalen", "indicaties", "zorgen"};
    static constexpr std::string_view kOneFinding[] = {"aanwijzing", "signaal", "indicatie"};  // after "geen enkele"
    static constexpr std::string_view kReasons[] = {"reden", "aanleiding"};                    // "geen reden tot zorg"
    static constexpr std::string_view kOpeners[] = {"er",  "zijn",   "is",       "werden",    "dus",        "daarom",
                                                    "kortom", "conclusie", "concluderend", "samenvattend", "ik", "wij",
                                                    "we",  "zie",    "zien",     "zag",       "zagen",      "heb",
                                                    "hebben", "al",  "met"};
    static constexpr std::string_view kOnSomeonesWord[] = {"zegt",   "zei",    "zeggen", "vindt", "vond",
                                                           "volgens", "denkt", "dacht",  "beweert", "stelt", "aldus",
                                                           "meldt",  "meldde", "hoeft",  "hoeven", "verklaart",
                                                           "antwoordt", "antwoordde", "vertelt", "vertelde"};
    // What may follow the finding in its clause: exploitation as a whole, and words that name nothing.
    static constexpr std::string_view kWhole[] = {
        "voor", "van", "op", "dat", "er", "sprake", "is", "gezien", "gevonden", "aangetroffen", "of", "en", "een",
        "uitbuiting", "arbeidsuitbuiting", "seksuele", "criminele", "mensenhandel", "misstanden", "uitbuitingssituatie",
        "tot", "zorg", "zorgen"};
    static constexpr std::string_view kAfterwards[] = {
        "wel",   "alleen",     "behalve",    "hoewel",       "desondanks",   "niettemin",   "daarentegen", "doorgezet",
        "doorverwezen", "gemeld", "melding", "politie", "aandachtfunctionaris", "onderzoek", "aangifte", "vermoeden"};
    // The last word after which no contrast, referral or investigation follows (one pass, so that a long text of
    // many "geen" costs no more than a short one).
    std::size_t quiet_from = 0;
    const ConceptTable& table = GetConceptTable();
    const int contrast = table.Find("but_word");
    for (std::size_t word = 0; word < tokens.size(); ++word) {
        if (IsOneOf(tokens[word].norm, kAfterwards) || (contrast >= 0 && ConceptsOf(table, tokens[word]).test(contrast))) {
            quiet_from = word + 1;
        }
    }
    std::optional<std::size_t> conclusion;  // the last one: it explains the most
    std::size_t conclusion_end = 0;          // the first word after its sentence
    for (std::size_t index = 0; index + 1 < tokens.size(); ++index) {
        if (tokens[index].norm != "geen") continue;
        std::size_t finding = index + 1;
        const bool one = tokens[finding].norm == "enkele" && finding + 1 < tokens.size();
        if (one) ++finding;
        const bool reason = !one && IsOneOf(tokens[finding].norm, kReasons);
        if (!(one ? IsOneOf(tokens[finding].norm, kOneFinding) : reason || IsOneOf(tokens[finding].norm, kFindings))) {
            continue;
        }
        if (finding + 1 < quiet_from || InQuotes(text, tokens[index]) || InQuotes(text, tokens[finding])) continue;
        // Only openers before it in its sentence (so at most one candidate per sentence).
        std::size_t begin = index;
        while (begin > 0 && tokens[begin - 1].sentence == tokens[index].sentence &&
               IsOneOf(tokens[begin - 1].norm, kOpeners)) {
            --begin;
        }
        if (begin > 0 && tokens[begin - 1].sentence == tokens[index].sentence) continue;
        const std::size_t end = SentenceSpan(tokens, finding, finding).second;
        bool attributed = false;
        for (std::size_t word = begin; word < end; ++word) {
            attributed = attributed || IsOneOf(tokens[word].norm, kOnSomeonesWord);
        }
        if (attributed) continue;
        bool whole = true;
        bool about_worry = false;  // "geen reden tot zorg"
        for (std::size_t word = finding + 1; word < end && tokens[word].clause == tokens[finding].clause; ++word) {
            const std::string_view norm = tokens[word].norm;
            whole = whole && IsOneOf(norm, kWhole);
            about_worry = about_worry || norm == "zorg" || norm == "zorgen";
        }
        if (!whole || (reason && !about_worry)) continue;
        // A question is no conclusion ("Geen zorgen? Dat durf ik niet te zeggen.").
        std::size_t after_sentence = tokens[end - 1].end;
        while (after_sentence < text.size() && (text[after_sentence] == '\'' || text[after_sentence] == '"' ||
                                                text[after_sentence] == ' ' || text[after_sentence] == ')')) {
            ++after_sentence;
        }
        if (after_sentence < text.size() && text[after_sentence] == '?') continue;
        conclusion = tokens[index].begin;
        conclusion_end = end;
    }
    // Nothing after its sentence may itself be a suggestion: read once, without looking for conclusions again (an
    // earlier conclusion has the same text after it, and more).
    if (conclusion && conclusion_end < tokens.size() &&
        !Suggest(text.substr(tokens[conclusion_end].begin), model, false).empty()) {
        return std::nullopt;
    }
    return conclusion;
}

}  // namespace

std::vector<Suggestion> SuggestIndicators(std::string_view text) {
    return SuggestIndicators(text, &SuggestionModel::Builtin());
}

std::vector<Suggestion> SuggestIndicators(std::string_view text, const SuggestionModel* model) {
    return Suggest(text, model, true);
}

namespace {

std::vector<Suggestion> Suggest(std::string_view text, const SuggestionModel* model, bool read_conclusion) {
    const Matcher& matcher = GetMatcher();
    std::vector<Token> tokens = Tokenize(text);
    std::vector<Suggestion> suggestions;
    if (tokens.empty()) return suggestions;
    for (Token& token : tokens) {
        token.norm_id = matcher.Find(token.norm);
        token.stem_id = matcher.Find(token.stem);
    }
    std::vector<char> found;
    std::vector<Hit> hits;
    FindHits(matcher, tokens, found, hits);

    std::unordered_map<std::string_view, CodeResult> results;
    for (std::size_t index = 0; index < matcher.patterns.size(); ++index) {
        if (found[index] == 0) continue;
        const CompiledPattern& pattern = matcher.patterns[index];
        const Hit& hit = hits[index];
        const Rule& rule = kRules[pattern.rule_index];
        const std::size_t begin = tokens[hit.first].begin;
        const std::size_t end = tokens[hit.last].end;
        auto [entry, inserted] = results.try_emplace(rule.code);
        CodeResult& result = entry->second;
        const std::size_t length = pattern.elements.size();
        if (inserted) {
            result = CodeResult{rule.weight, length, 0, begin, end};
            continue;
        }
        ++result.extra_hits;
        // The best evidence is the one of the heaviest pattern; among equals the most specific (most elements),
        // then the earliest in the text.
        const bool better = rule.weight != result.best_weight ? rule.weight > result.best_weight
                            : length != result.best_length  ? length > result.best_length
                                                            : begin < result.begin;
        if (better) {
            result.best_weight = rule.weight;
            result.best_length = length;
            result.begin = begin;
            result.end = end;
        }
    }

    // The concept layer adds codes the patterns did not find; it never strengthens a pattern's code.
    std::unordered_map<std::string_view, CodeResult> concept_results;
    FindConceptHits(tokens, concept_results);
    for (const auto& [code, result] : concept_results) {
        const auto [entry, added] = results.try_emplace(code, result);
        entry->second.money_read = entry->second.money_read || result.money_read;
    }
    if (model != nullptr) AddModelHits(*model, tokens, results);

    if (CodeResult span; FindLongSpan(tokens, span) || FindEarlyToLate(tokens, span)) {
        results.try_emplace("ALG-02", span);
        results.try_emplace("ARB-02", span);
    }
    DropSoftened(tokens, results);
    DropExplained(text, tokens, results);
    DropInnocentUses(text, tokens, results);
    MoveToSexWork(tokens, results);
    MoveWorkInjuries(tokens, results);
    AddImplied(tokens, results);
    DropOverlaps(tokens, results);
    if (const auto nothing = read_conclusion ? WriterFindsNothing(text, tokens, model) : std::nullopt) {
        // A firm reading stays: the officer sees a fact the writer thought nothing of ("werkt elke dag van 5 tot 21
        // uur, slaapt daar ook. Dus geen zorgen.").
        std::erase_if(results, [&](const auto& entry) {
            return entry.second.end <= *nothing && entry.second.best_weight < kFirmWeight;
        });
    }
    for (const auto& [code, result] : results) {
        if (FindIndicator(code) == nullptr) continue;
        const double bonus = kExtraHitBonus * std::min(result.extra_hits, kMaxExtraHits);
        const double score = std::min(1.0, result.best_weight + bonus);
        suggestions.push_back(Suggestion{std::string(code),
                                         std::string(text.substr(result.begin, result.end - result.begin)),
                                         static_cast<double>(static_cast<long>(score * 100 + 0.5)) / 100});
    }
    std::sort(suggestions.begin(), suggestions.end(), [](const Suggestion& left, const Suggestion& right) {
        if (left.score != right.score) return left.score > right.score;
        return left.code < right.code;
    });
    return suggestions;
}

}  // namespace

}  // namespace meldroute::domain
