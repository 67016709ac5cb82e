// The indicator catalog of seed Bijlage 3: fixed codes, Dutch texts, grouped by list.
#include "domain/catalog.hpp"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>

namespace meldroute::domain {

namespace {

// One bullet of a seed list: the exact wording and a plain-Dutch hint.
struct RawIndicator {
    std::string_view text;
    std::string_view help;
};

// One list of Bijlage 3 before codes are assigned.
struct RawGroup {
    std::string_view category;
    std::string_view code_prefix;
    std::string_view title;
    std::string_view lead;
    std::vector<RawIndicator> indicators;
};

// Formats a code such as "ALG-01" from a prefix and a 1-based number (at most 99).
std::string MakeCode(std::string_view prefix, std::size_t number) {
    std::string code(prefix);
    code += '-';
    code += static_cast<char>('0' + number / 10);
    code += static_cast<char>('0' + number % 10);
    return code;
}

// Builds all groups from the seed's lists, in the seed's order.
std::vector<IndicatorGroup> BuildGroups() {
    const std::vector<RawGroup> raw_groups = {
        {
            "algemeen",
            "ALG",
            "Algemene signalen",
            "Iemand is (vermoedelijk) slachtoffer van een uitbuitingssituatie als de persoon:",
            {
                {"geen beschikking heeft over eigen paspoort of identiteitskaart",
                 "Bijvoorbeeld: iemand anders bewaart het paspoort of de id-kaart."},
                {"extreem lange werkdagen maakt",
                 "Bijvoorbeeld: de persoon werkt elke dag twaalf uur of meer, ook in het weekend."},
                {"plotseling veel nieuwe contacten heeft (niet leeftijdsconform)",
                 "Bijvoorbeeld: de persoon heeft ineens veel nieuwe vrienden die veel ouder zijn."},
                {"beschermend is tegen over nieuwe vrienden en kennissen",
                 "Bijvoorbeeld: de persoon wil niets vertellen over nieuwe vrienden en neemt het steeds voor hen op."},
                {"zich isoleert van familie en vrienden, liegt of sociaal wenselijk gedrag vertoont om geen wantrouwen "
                 "te wekken",
                 "Bijvoorbeeld: de persoon ziet familie en vrienden niet meer en geeft antwoorden die ingestudeerd "
                 "klinken."},
                {"op verschillende plekken verschillend gedrag laat zien",
                 "Bijvoorbeeld: de persoon is thuis stil en bang, maar op straat of op het werk heel anders."},
                {"onverklaarbare schulden heeft",
                 "Bijvoorbeeld: de persoon heeft schulden, maar kan niet uitleggen waar die vandaan komen."},
                {"geen beschikking heeft over eigen bankrekening, moet veel geld afstaan.",
                 "Bijvoorbeeld: iemand anders heeft de bankpas of de persoon moet het meeste geld aan een ander "
                 "geven."},
                {"op geïsoleerde plekken en in slechte omstandigheden werkt",
                 "Bijvoorbeeld: de persoon werkt op een afgelegen plek, zonder goede pauzes, verlichting of "
                 "veiligheid."},
                {"niet aanspreekbaar is (taalbarrière, onder invloed, wilsonbekwaam, analfabeet)",
                 "Bijvoorbeeld: u kunt geen echt gesprek voeren door de taal, door drugs of alcohol, of omdat de "
                 "persoon u niet begrijpt."},
                {"geen vrijelijk toegang heeft tot medische zorg",
                 "Bijvoorbeeld: de persoon mag niet zelf naar de huisarts of heeft geen zorgverzekering."},
                {"in een gesprek met een professional iemand bij zich aanwezig heeft die controle uitoefent (over het "
                 "gesprek, de financiën, officiële documenten)",
                 "Bijvoorbeeld: een begeleider praat steeds voor de persoon en houdt de papieren en het geld vast."},
                {"het eigen adres niet weet, heeft geen sleutel",
                 "Bijvoorbeeld: de persoon weet niet waar hij of zij woont of kan niet zelf naar binnen."},
                {"er ongezonder uit ziet (moe, vermagerd, zelfverwonding, sporen van mishandeling)",
                 "Bijvoorbeeld: de persoon is erg moe, veel afgevallen of heeft blauwe plekken of wonden."},
            },
        },
        {
            "seksueel",
            "SEK",
            "Signalen van seksuele uitbuiting",
            "Iemand is (vermoedelijk) slachtoffer van seksuele uitbuiting als de persoon:",
            {
                {"wordt gedwongen om seks te hebben of seksuele handelingen te verrichten tegen de zin in",
                 "Bijvoorbeeld: de persoon vertelt dat hij of zij seks moet hebben terwijl hij of zij dat niet wil."},
                {"wordt gedwongen om seks te hebben tegen betaling, waarbij hij of zij het geld moet afdragen",
                 "Bijvoorbeeld: de persoon werkt in de prostitutie en moet het verdiende geld aan een ander geven."},
                {"wordt gedwongen om mee te doen aan de productie van pornografisch materiaal",
                 "Bijvoorbeeld: de persoon moet meedoen aan seksfilms of naaktfoto's die worden verkocht of gedeeld."},
                {"door de partner wordt gedwongen om seks te hebben met bekenden of vrienden",
                 "Bijvoorbeeld: de vriend of vriendin dwingt de persoon om seks te hebben met zijn of haar vrienden."},
                {"door de partner wordt gedwongen om 'schulden' af te lossen door seks te hebben met vreemden",
                 "Bijvoorbeeld: de vriend of vriendin zegt dat de persoon geld schuldig is en dat met seks moet "
                 "terugbetalen."},
                {"opvallend veranderd van gedrag, uiterlijk en/of kleding",
                 "Bijvoorbeeld: de persoon draagt ineens heel andere, dure of uitdagende kleding of gedraagt zich "
                 "anders."},
                {"angstig en onderdanig gedrag vertoont",
                 "Bijvoorbeeld: de persoon is bang, kijkt weg en doet alles wat een ander zegt."},
                {"een tweede telefoon bezit",
                 "Bijvoorbeeld: de persoon heeft een extra telefoon die hij of zij verstopt of alleen voor bepaalde "
                 "mensen gebruikt."},
                {"veel nieuwe sociale contacten heeft die onbekend zijn voor eerder vrienden en/of familie",
                 "Bijvoorbeeld: familie en oude vrienden weten niet wie de nieuwe mensen zijn met wie de persoon "
                 "omgaat."},
                {"verzuimt op school",
                 "Bijvoorbeeld: de leerling is vaak afwezig zonder goede reden."},
                {"bij gezondheidsproblemen geen medische hulp inschakelt",
                 "Bijvoorbeeld: de persoon gaat niet naar een dokter, ook niet bij pijn, een infectie of een "
                 "zwangerschap."},
            },
        },
        {
            "crimineel",
            "CRI",
            "Signalen van criminele uitbuiting",
            "Iemand is (vermoedelijk) slachtoffer van criminele uitbuiting als:",
            {
                {"wordt gedwongen om mensen te beroven of zakken te rollen, en daarna de buit moet afstaan",
                 "Bijvoorbeeld: de persoon moet mensen op straat bestelen en de buit aan een ander geven."},
                {"wordt gedwongen om te bedelen, en daarna de buit moet afstaan",
                 "Bijvoorbeeld: de persoon bedelt elke dag op dezelfde plek en moet het geld daarna aan iemand "
                 "geven."},
                {"wordt gedwongen om in te breken of te stelen, en daarna de buit moet afstaan",
                 "Bijvoorbeeld: de persoon moet voor een ander inbreken in huizen of stelen uit winkels."},
                {"beschikt over luxe artikelen, dure kleding en/of veel cash",
                 "Bijvoorbeeld: een jongere zonder baan heeft ineens dure schoenen, een nieuwe telefoon of veel "
                 "contant geld."},
                {"veel meer geld uitgeeft dan je op basis van een (bij)baan kan verwachten",
                 "Bijvoorbeeld: de persoon geeft veel meer geld uit dan hij of zij met een bijbaan kan verdienen."},
                {"contact heeft met mensen die crimineel gedrag vertonen",
                 "Bijvoorbeeld: de persoon gaat om met mensen die drugs verkopen of bekend zijn bij de politie."},
                {"middelen (drugs) gebruikt",
                 "Bijvoorbeeld: de persoon gebruikt drugs en kan daardoor afhankelijk worden van anderen."},
                {"verzuimt op school",
                 "Bijvoorbeeld: de leerling is vaak afwezig of komt alleen nog op vreemde tijden naar school."},
            },
        },
        {
            "arbeid",
            "ARB",
            "Signalen van arbeidsuitbuiting",
            "Iemand is (vermoedelijke) slachtoffer van arbeidsuitbuiting als de persoon:",
            {
                {"gevaarlijk en ongezond werk moet doen",
                 "Bijvoorbeeld: de persoon werkt zonder beschermende kleding met gevaarlijke machines of stoffen."},
                {"lange werkdagen moet maken",
                 "Bijvoorbeeld: de persoon werkt veel meer uren dan normaal, zonder vrije dagen."},
                {"niet of te weinig betaald krijgt, of lang op de betaling moet wachten",
                 "Bijvoorbeeld: de persoon krijgt veel minder dan het minimumloon of wacht maanden op het loon."},
                {"niet kan beschikken over een eigen paspoort",
                 "Bijvoorbeeld: de werkgever of het uitzendbureau houdt het paspoort van de werknemer vast."},
                {"met valse beloften naar Nederland is gehaald",
                 "Bijvoorbeeld: de persoon kreeg een goede baan beloofd, maar het werk of het loon is heel anders."},
                {"wordt mishandeld, gechanteerd, gedwongen of bedreigd",
                 "Bijvoorbeeld: de persoon wordt geslagen of bedreigd als hij of zij niet hard genoeg werkt."},
                {"een hoge schuld moet afbetalen aan de werkgever",
                 "Bijvoorbeeld: de persoon moet reiskosten, huur of bemiddeling terugbetalen en komt nooit uit de "
                 "schuld."},
                {"illegaal in Nederland verblijft",
                 "Bijvoorbeeld: de persoon heeft geen geldige verblijfsvergunning of visum."},
                {"bang is voor uitzetting",
                 "Bijvoorbeeld: de persoon durft niet naar de politie of de gemeente uit angst het land uit te "
                 "moeten."},
                {"(een groot deel van) de inkomsten moet afdragen",
                 "Bijvoorbeeld: de persoon moet een groot deel van het loon aan de werkgever of een tussenpersoon "
                 "geven."},
                {"niet kan beschikken over het geld op de eigen bankrekening",
                 "Bijvoorbeeld: de werkgever heeft de bankpas en de pincode van de werknemer."},
                {"zwart betaald wordt, of niet verzekerd is tegen bijvoorbeeld ongevallen",
                 "Bijvoorbeeld: de persoon heeft geen contract of loonstrook en is niet verzekerd bij een ongeluk."},
                {"in een bedrijfspand of op het bedrijfsterrein woont, of op een andere manier slecht is gehuisvest",
                 "Bijvoorbeeld: werknemers slapen met veel mensen in een loods, een kantoor of een te kleine woning."},
                {"beperkte bewegingsvrijheid heeft",
                 "Bijvoorbeeld: de persoon mag niet alleen naar buiten of wordt steeds gebracht en gehaald."},
                {"wordt gechanteerd of afgeperst",
                 "Bijvoorbeeld: iemand eist geld of gehoorzaamheid en dreigt anders geheimen te vertellen of de "
                 "familie iets aan te doen."},
                {"op andere manieren onder druk wordt gezet",
                 "Bijvoorbeeld: de werkgever dreigt met ontslag, met verlies van de woning of met gevolgen voor de "
                 "familie."},
                {"signalen van vermoeidheid, uitputting en/of gezondheidsklachten vertoont",
                 "Bijvoorbeeld: de persoon is uitgeput, ziet er ziek uit of heeft klachten door het werk."},
            },
        },
    };

    std::vector<IndicatorGroup> groups;
    groups.reserve(raw_groups.size());
    for (const RawGroup& raw_group : raw_groups) {
        IndicatorGroup group;
        group.category = std::string(raw_group.category);
        group.title = std::string(raw_group.title);
        group.lead = std::string(raw_group.lead);
        group.indicators.reserve(raw_group.indicators.size());
        std::size_t number = 0;
        for (const RawIndicator& raw_indicator : raw_group.indicators) {
            ++number;
            group.indicators.push_back(Indicator{
                MakeCode(raw_group.code_prefix, number),
                std::string(raw_group.category),
                std::string(raw_indicator.text),
                std::string(raw_indicator.help),
            });
        }
        groups.push_back(std::move(group));
    }
    return groups;
}

}  // namespace

const std::vector<IndicatorGroup>& IndicatorGroups() {
    static const std::vector<IndicatorGroup> groups = BuildGroups();
    return groups;
}

const std::vector<Indicator>& Indicators() {
    static const std::vector<Indicator> indicators = [] {
        std::vector<Indicator> all;
        for (const IndicatorGroup& group : IndicatorGroups()) {
            all.insert(all.end(), group.indicators.begin(), group.indicators.end());
        }
        return all;
    }();
    return indicators;
}

const Indicator* FindIndicator(std::string_view code) {
    // Keys view the codes of the static Indicators() vector, which lives until program exit.
    static const std::unordered_map<std::string_view, const Indicator*> index = [] {
        std::unordered_map<std::string_view, const Indicator*> by_code;
        const std::vector<Indicator>& all = Indicators();
        by_code.reserve(all.size());
        for (const Indicator& indicator : all) {
            by_code.emplace(indicator.code, &indicator);
        }
        return by_code;
    }();
    const auto found = index.find(code);
    return found == index.end() ? nullptr : found->second;
}

const Indicator* Catalog::Find(std::string_view code) const {
    for (const IndicatorGroup& group : groups) {
        for (const Indicator& indicator : group.indicators) {
            if (indicator.code == code) return &indicator;
        }
    }
    return nullptr;
}

bool Catalog::Offers(std::string_view code) const {
    const Indicator* indicator = Find(code);
    return indicator != nullptr && !indicator->retired;
}

std::vector<const Indicator*> Catalog::All() const {
    std::vector<const Indicator*> all;
    for (const IndicatorGroup& group : groups) {
        for (const Indicator& indicator : group.indicators) all.push_back(&indicator);
    }
    return all;
}

const Catalog& BuiltinCatalog() {
    static const Catalog catalog{std::string{kCatalogVersion}, "", "", IndicatorGroups()};
    return catalog;
}

std::optional<std::string> CategoryOfCode(std::string_view code) {
    if (code.size() != 6 || code[3] != '-' || code[4] < '0' || code[4] > '9' || code[5] < '0' || code[5] > '9') {
        return std::nullopt;
    }
    static constexpr std::pair<std::string_view, std::string_view> kPrefixes[] = {
        {"ALG", "algemeen"}, {"SEK", "seksueel"}, {"CRI", "crimineel"}, {"ARB", "arbeid"}};
    for (const auto& [prefix, category] : kPrefixes) {
        if (code.substr(0, 3) == prefix) return std::string(category);
    }
    return std::nullopt;
}

std::optional<std::string> FormOfCategory(std::string_view category) {
    if (category == "seksueel" || category == "arbeid" || category == "crimineel") {
        return std::string(category);
    }
    return std::nullopt;
}

}  // namespace meldroute::domain
