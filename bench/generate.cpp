// make bench: fills a data directory with synthetic signals and cases for the speed measurements.
//
// It writes through the real store (store::Transaction of the SQLite store): every personal-data field is sealed
// with the data directory's keyring, every narrative goes into the blind search index, the match keys are the
// app's keyed hashes and every step appends to the hash-chained audit trail with its processing record, exactly
// the rows the use cases write. What it skips is the HTTP layer, the role check and the per-request transaction:
// it commits kBatchSize signals (with the route steps that fall between them) per transaction without fsync (the
// store is flushed once at the end), and it sets the historical times itself, since the use cases stamp "now".
// Steps follow the route table (domain::NextStatus).
//
// Usage: bench_generate [--store URL] DATA_DIR COUNT [SEED]
//                                              fills DATA_DIR (keys created beside the database), or with
//                                              --store the PostgreSQL database URL (an empty one), keys in DATA_DIR
//        bench_generate --cache-key            prints what a cached store depends on (schema and generator)
//        bench_generate --stores               prints the stores it can fill, one a line (bench/run.sh asks
//                                              before measuring BENCH_PG; a store added here is measured there)
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include "app/audit.hpp"
#include "app/crypto.hpp"
#include "app/keyring.hpp"
#include "app/service.hpp"
#include "base/time.hpp"
#include "domain/catalog.hpp"
#include "domain/linking.hpp"
#include "domain/route.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace {

using namespace meldroute;
using domain::CaseAction;

// Raise when the generated data changes, so cached stores are made again.
constexpr int kGeneratorVersion = 3;
// Signals per transaction (the store runs each write in a savepoint: see SqliteStore::TuneForBulkLoad).
constexpr int kBatchSize = 2000;
constexpr int kWriterCacheKib = 512 * 1024;
constexpr const char* kOfficer = "af";
constexpr const char* kPurposeIntake = "signalering mensenhandel";
constexpr const char* kPurposeRoute = "afhandeling signaal mensenhandel";
constexpr const char* kAllowed = "toegestaan";
// Signals are spread evenly from this day up to yesterday.
constexpr std::chrono::sys_days kFirstDay{std::chrono::year{2021} / 1 / 1};

template <std::size_t N>
using Words = std::array<const char*, N>;

constexpr Words<60> kFirstNames{
    "Anna", "Mihai", "Olena", "Piotr", "Fatima", "Jan", "Ioana", "Tomasz", "Lin", "Ahmed", "Maria", "Daan",
    "Elena", "Andrei", "Iryna", "Katarzyna", "Youssef", "Sanne", "Georgi", "Wei", "Nadia", "Bogdan", "Oksana",
    "Pawel", "Aisha", "Lars", "Cristina", "Marek", "Mei", "Omar", "Eva", "Vasyl", "Agnieszka", "Kofi", "Lotte",
    "Dimitar", "Hui", "Samira", "Stefan", "Natalia", "Adebayo", "Femke", "Radu", "Tetiana", "Jakub", "Grace",
    "Mohamed", "Noor", "Ivan", "Alina", "Chinedu", "Bram", "Svetlana", "Ewa", "Hamza", "Julia", "Nikolai",
    "Xiu", "Esther", "Viktor"};
constexpr Words<80> kLastNames{
    "Popescu", "Kowalski", "Shevchenko", "de Vries", "Jansen", "Nowak", "Ionescu", "El Idrissi", "Bakker", "Chen",
    "Petrov", "Visser", "Dumitru", "Wisniewski", "Bondarenko", "van Dijk", "Smit", "Wojcik", "Stan", "Benali",
    "Meijer", "Wang", "Ivanov", "de Boer", "Gheorghe", "Kaminski", "Kovalenko", "Mulder", "de Groot", "Lewandowski",
    "Rusu", "Amrani", "Bos", "Li", "Georgiev", "Vos", "Munteanu", "Zielinski", "Tkachenko", "Peters", "Hendriks",
    "Szymanski", "Matei", "Bouzid", "van Leeuwen", "Zhang", "Dimitrov", "Dekker", "Constantin", "Wozniak",
    "Kravchenko", "Brouwer", "de Wit", "Dabrowski", "Stoica", "Haddou", "Dijkstra", "Liu", "Nikolov", "Smits",
    "Tudor", "Kozlowski", "Oliinyk", "de Graaf", "van der Meer", "Jankowski", "Florea", "Ziani", "Kok", "Yang",
    "Todorov", "Jacobs", "Moldovan", "Mazur", "Lysenko", "de Haan", "Vermeulen", "Krawczyk", "Okafor", "Mensah"};
constexpr Words<8> kNationalities{"Roemeens", "Pools", "Oekraïens", "Bulgaars", "Nederlands", "Marokkaans",
                                  "Chinees", "Nigeriaans"};
constexpr Words<20> kStreets{"Industrieweg", "Kerkstraat", "Stationsplein", "Molenweg", "Hoofdstraat", "Dorpsstraat",
                             "Havenkade", "Tuinbouwweg", "Marktplein", "Schoolstraat", "Julianastraat", "Beatrixlaan",
                             "Nieuwe Weg", "Rijksweg", "Kastanjelaan", "Parallelweg", "Veerweg", "Sportlaan",
                             "Bloemenstraat", "Energieweg"};
constexpr Words<12> kCities{"Zevenaar", "Duiven", "Westervoort", "Arnhem", "Doetinchem", "Lobith",
                            "Didam", "Velp", "Huissen", "Elst", "Doesburg", "Wehl"};
// A business's trade name: a kind, a word and a place, so the names vary with the number of businesses.
constexpr Words<20> kBusinessKinds{"Uitzendbureau", "Nagelstudio", "Massagesalon", "Autowasstraat", "Kwekerij",
                                   "Schoonmaakbedrijf", "Bouwbedrijf", "Restaurant", "Champignonkwekerij",
                                   "Distributiecentrum", "Koeriersdienst", "Kapsalon", "Hotel", "Vleesverwerker",
                                   "Tuincentrum", "Bezorgservice", "Logistiek", "Aardbeienteler", "Snackbar",
                                   "Bloemenkwekerij"};
constexpr Words<50> kBusinessWords{
    "Lotus", "Jasmijn", "Centrum", "De Kas", "Glans", "Fundament", "De Draak", "Snel", "Zon", "Oost", "West",
    "Noord", "Zuid", "De Linde", "Sterk", "Groen", "Parel", "Orchidee", "Sakura", "Royal", "Express", "Plus",
    "Service", "Totaal", "De Brug", "Het Anker", "De Molen", "Rivier", "Polder", "Dijk", "Horizon", "Prima",
    "Bella", "Gouden Draak", "Keizer", "Kroon", "Regenboog", "Eiland", "Delta", "Vallei", "Ster", "Maan", "Zee",
    "Duin", "Berk", "Eik", "Wilg", "Roos", "Tulp", "Iris"};
constexpr Words<4> kForms{"arbeid", "seksueel", "crimineel", "orgaan"};
constexpr Words<3> kUrgencies{"acuut", "hoog", "normaal"};
constexpr Words<6> kPartners{"moviera", "politie", "arbeidsinspectie", "riec", "zorg-en-veiligheidshuis", "comensha"};
constexpr Words<6> kOutcomes{"zorgtraject", "strafrechtelijk", "bestuurlijk", "doorverwezen", "geen-mensenhandel",
                             "onvoldoende-informatie"};
constexpr Words<3> kReporters{"melder", "melder2", "af"};
constexpr Words<4> kChannels{"formulier", "telefoon", "persoonlijk", "email"};

// Narrative sentences per form ({n} a number, {p} a place), and ones that fit any form.
const std::vector<std::vector<const char*>>& FormSentences() {
    static const std::vector<std::vector<const char*>> sentences{
        {"Bij een controle troffen wij {n} arbeiders aan die in het bedrijfspand slapen.",
         "Ze werken naar eigen zeggen veertien uur per dag, ook in het weekend.",
         "De uitzender houdt hun paspoorten in en betaalt het loon contant uit.",
         "Er wordt huur en vervoer ingehouden, waardoor er bijna niets overblijft.",
         "In de kassen van de kwekerij werken mensen zonder beschermende kleding.",
         "De werkgever dreigt hen te ontslaan als ze klagen over de huisvesting.",
         "In de autowasstraat werken jonge mannen die geen Nederlands of Engels spreken.",
         "Ze hebben een schuld bij het bureau dat hun reis naar {p} heeft geregeld."},
        {"In de woning aan de {p} komen 's nachts steeds andere mannen langs.",
         "Er wonen wisselende vrouwen die nauwelijks naar buiten gaan.",
         "Op een advertentiesite staat een profiel met foto's van een zeer jonge vrouw.",
         "De vrouw van de massagesalon leek bang en keek steeds naar een man bij de deur.",
         "Een vriend regelt haar klanten en houdt het geld dat zij verdient.",
         "Zij vertelde dat zij een schuld moet afbetalen aan de man die haar hierheen bracht.",
         "Bij de nagelstudio wordt na sluitingstijd nog bezoek ontvangen."},
        {"Een leerling van {n} jaar verzuimt steeds vaker en heeft veel contant geld.",
         "Hij gaat om met oudere jongens die bekend zijn bij de politie.",
         "Er wordt vermoed dat jongeren worden ingezet als drugskoerier.",
         "Een jongen vertelde dat hij een bankrekening moest afstaan aan een kennis.",
         "Zij moest winkeldiefstallen plegen om een schuld af te lossen."},
        {"Een man vertelde dat hem geld is aangeboden voor een nier.",
         "Er werd gesproken over een operatie in het buitenland tegen betaling."}};
    return sentences;
}

constexpr Words<9> kCommonSentences{
    "De melder maakt zich zorgen over de situatie.",
    "Het is onduidelijk wie de woning huurt.",
    "Volgens de buren is dit al maanden zo.",
    "De betrokkene wilde geen hulp aannemen en leek onder druk te staan.",
    "Er staan vaak busjes met buitenlandse kentekens voor de deur.",
    "Bij het loket kwam een man het woord doen voor de betrokkene.",
    "De wijkagent is op de hoogte gebracht.",
    "Het adres staat op naam van een bedrijf dat al eerder in beeld was.",
    "Er zijn geen contracten of loonstroken gezien."};

const std::vector<std::vector<std::string>>& FormIndicators() {
    static const std::vector<std::vector<std::string>> codes{{"ARB-13", "ARB-02", "ARB-04", "ARB-10", "ALG-01"},
                                                             {"SEK-02", "SEK-08", "ALG-08", "ALG-12"},
                                                             {"CRI-08", "CRI-04", "CRI-06", "ALG-13"},
                                                             {"ALG-01", "ALG-07"}};
    return codes;
}

// One route step of a case, due at `at`.
struct PendingStep {
    TimePoint at;
    std::string case_id;
    int step = 0;  // index into the case's plan
    bool operator>(const PendingStep& other) const { return at > other.at; }
};

// Where a generated case stands, and which steps it will take.
struct PlannedCase {
    domain::Case header;
    std::string signal_id;
    bool reachable_reporter = true;
    std::vector<CaseAction> plan;
    std::string last_referral_id;
};

// How many distinct persons, addresses and businesses the signals draw from. The pools grow with the store, so a
// match key recurs a handful of times at every size, as the same person, address or business does in real signals
// (with a few hot addresses recurring more), and not hundreds of times at 1,000,000 as fixed pools of a few
// thousand made it.
struct Pools {
    int persons = 0;        // about one per signal: mentioned 1.5 times on average
    int addresses = 0;      // one per three signals: an address recurs about twice
    int hot_addresses = 0;  // one per 2,000 signals, drawn for 2% of addresses: a few dozen signals each
    int businesses = 0;     // one per 20 signals: a business recurs about six times
};

Pools PoolsFor(std::int64_t count) {
    auto at_least = [count](std::int64_t minimum, std::int64_t per) {
        return static_cast<int>(std::max(minimum, count / per));
    };
    return {at_least(200, 1), at_least(100, 3), at_least(10, 2000), at_least(50, 20)};
}

// splitmix64: the fields of a pooled person, address or business follow from its number, so each recurs whole.
std::uint64_t Mix(std::uint64_t value) {
    value += 0x9e3779b97f4a7c15ULL;
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

template <std::size_t N>
const char* Nth(const Words<N>& words, std::uint64_t& bits) {
    const char* word = words[bits % N];
    bits /= N;
    return word;
}

// Person number `number`: a first and last name (a quarter with a double surname), a birth year for 70%, a phone
// for 40%. Sixty first and eighty last names give over 300,000 names with the double ones.
domain::Person PooledPerson(std::uint64_t number) {
    std::uint64_t bits = Mix(number);
    domain::Person person;
    person.name = std::string{Nth(kFirstNames, bits)} + " " + Nth(kLastNames, bits);
    if (bits % 4 == 0) person.name += std::string{"-"} + kLastNames[(bits / 4) % kLastNames.size()];
    bits /= 4 * kLastNames.size();
    if (bits % 10 < 7) person.birth_year = 1965 + static_cast<int>((bits / 10) % 45);
    bits /= 450;
    person.nationality = Nth(kNationalities, bits);
    if (bits % 10 < 4) person.phone = "06" + std::to_string(10000000 + Mix(number ^ 0x5a5a5a5aULL) % 89999999);
    return person;
}

// Address number `number` (hot ones from another range of numbers): street, house number, postcode, town.
domain::Location PooledAddress(std::uint64_t number) {
    std::uint64_t bits = Mix(number);
    std::string street = Nth(kStreets, bits);
    const std::string house_number = std::to_string(1 + bits % 200);
    bits /= 200;
    std::string postcode = std::to_string(1000 + bits % 9000) + " ";
    bits /= 9000;
    postcode += static_cast<char>('A' + bits % 26);
    postcode += static_cast<char>('A' + (bits / 26) % 26);
    bits /= 26 * 26;
    return domain::Location{std::move(street), house_number, std::move(postcode), Nth(kCities, bits)};
}

// Business number `number`: its own KvK number and a trade name of kind, word and town (12,000 names).
domain::Business PooledBusiness(std::uint64_t number) {
    std::uint64_t bits = Mix(number);
    std::string name = std::string{Nth(kBusinessKinds, bits)} + " " + Nth(kBusinessWords, bits) + " " +
                       Nth(kCities, bits);
    return domain::Business{std::to_string(10000000 + number), std::move(name)};
}

class Generator {
public:
    Generator(store::Store& store, std::string link_key, std::uint32_t seed, std::int64_t count)
        : store_(store), link_key_(std::move(link_key)), random_(seed), pools_(PoolsFor(count)) {}

    Status Run(std::int64_t count) {
        const TimePoint first{kFirstDay};
        const TimePoint last{DayOf(Now()) - std::chrono::days{1}};
        const double spacing = std::chrono::duration<double>(last - first).count() / static_cast<double>(count);
        std::int64_t written = 0;
        while (written < count) {
            const std::int64_t batch_end = std::min(count, written + kBatchSize);
            MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
                for (std::int64_t index = written; index < batch_end; ++index) {
                    const TimePoint at = first + std::chrono::seconds{static_cast<std::int64_t>(spacing * index)};
                    RunDueSteps(transaction, at);
                    FileSignal(transaction, at);
                }
                return Ok();
            }));
            written = batch_end;
            if (written % 100000 == 0 || written == count) {
                std::fprintf(stderr, "bench_generate: %lld of %lld signals\n", static_cast<long long>(written),
                             static_cast<long long>(count));
            }
        }
        // Steps due before yesterday still happen; later ones stay open, as recent cases are.
        return store_.Write([&](store::Transaction& transaction) -> Status {
            RunDueSteps(transaction, last);
            return Ok();
        });
    }

private:
    int Pick(int size) { return std::uniform_int_distribution<int>{0, size - 1}(random_); }
    bool Chance(double probability) { return std::uniform_real_distribution<double>{0, 1}(random_) < probability; }
    template <std::size_t N>
    const char* Any(const Words<N>& words) {
        return words[static_cast<std::size_t>(Pick(static_cast<int>(N)))];
    }
    std::chrono::seconds Days(int low, int high) {
        return std::chrono::seconds{std::uniform_int_distribution<std::int64_t>{low * 86400LL, high * 86400LL}(random_)};
    }

    std::string Fill(std::string sentence) {
        if (auto at = sentence.find("{n}"); at != std::string::npos) sentence.replace(at, 3, std::to_string(3 + Pick(15)));
        if (auto at = sentence.find("{p}"); at != std::string::npos) sentence.replace(at, 3, Any(kStreets));
        return sentence;
    }

    // A narrative of three to six sentences mostly about one form, with indicator codes to match.
    int Narrate(domain::Signal& signal) {
        static constexpr std::array<int, 4> kFormWeights{50, 30, 17, 3};
        int form = std::discrete_distribution<int>{kFormWeights.begin(), kFormWeights.end()}(random_);
        const auto& sentences = FormSentences()[static_cast<std::size_t>(form)];
        const int length = 3 + Pick(4);
        for (int index = 0; index < length; ++index) {
            std::string sentence = index % 3 == 2 ? kCommonSentences[static_cast<std::size_t>(Pick(9))]
                                                  : sentences[static_cast<std::size_t>(Pick(static_cast<int>(sentences.size())))];
            if (!signal.narrative.empty()) signal.narrative += ' ';
            signal.narrative += Fill(sentence);
        }
        const auto& codes = FormIndicators()[static_cast<std::size_t>(form)];
        for (const std::string& code : codes) {
            if (Chance(0.5)) signal.indicator_codes.push_back(code);
        }
        return form;
    }

    void FileSignal(store::Transaction& transaction, TimePoint at) {
        domain::Signal signal;
        signal.id = app::NewId();
        signal.created_at = FormatTime(at);
        signal.status = "gemeld";
        signal.catalog_version = domain::kCatalogVersion;
        if (Chance(0.12)) {
            signal.channel = "anoniem";
        } else {
            signal.reporter = Any(kReporters);
            signal.channel = Any(kChannels);
            signal.observed_on = FormatDate(DayOf(at) - std::chrono::days{Pick(10)});
        }
        const int form = Narrate(signal);
        if (Chance(0.7)) {
            constexpr std::uint64_t kHotRange = 1ULL << 40;
            signal.location = Chance(0.02) ? PooledAddress(kHotRange + static_cast<std::uint64_t>(Pick(pools_.hot_addresses)))
                                           : PooledAddress(static_cast<std::uint64_t>(Pick(pools_.addresses)));
        }
        if (Chance(0.3)) signal.business = PooledBusiness(static_cast<std::uint64_t>(Pick(pools_.businesses)));
        const int persons = Pick(4);
        for (int index = 0; index < persons; ++index) {
            domain::Person person = PooledPerson(static_cast<std::uint64_t>(Pick(pools_.persons)));
            person.role = index == 0 ? "slachtoffer" : (Chance(0.5) ? "verdachte" : "overig");
            signal.persons.push_back(std::move(person));
        }
        transaction.InsertSignal(signal);
        for (const domain::MatchKey& key : domain::MatchKeys(signal)) {
            transaction.InsertSignalKey(signal.id, domain::ToString(key.kind), app::KeyedHashHex(link_key_, key.key));
        }
        app::AppendAudit(transaction,
                         {signal.reporter.empty() ? "anoniem" : signal.reporter, "signal.create", "signal/" + signal.id,
                          kPurposeIntake, kAllowed},
                         signal.created_at);
        if (Chance(0.15)) PlanCase(signal, form, at);
    }

    // Takes the signal into a case a few days later and plans how far along the route it gets.
    void PlanCase(const domain::Signal& signal, int form, TimePoint at) {
        PlannedCase planned;
        planned.header.id = app::NewId();
        planned.header.forms = {kForms[static_cast<std::size_t>(form)]};
        if (Chance(0.15)) planned.header.forms.push_back(kForms[static_cast<std::size_t>((form + 1) % 4)]);
        planned.header.urgency = Any(kUrgencies);
        planned.reachable_reporter = !signal.reporter.empty();
        planned.plan = {CaseAction::kLinkSignal, CaseAction::kEnrich};  // the first stands for recording the case
        PlanRoute(planned, 0.92);
        // A few closed cases are reopened (a further signal about the same situation) and go the route again.
        if (planned.plan.back() == CaseAction::kClose && Chance(0.04)) {
            planned.plan.push_back(CaseAction::kReopen);
            planned.plan.push_back(CaseAction::kEnrich);
            PlanRoute(planned, 1.0);
        }
        planned.signal_id = signal.id;
        pending_.push({at + Days(0, 10), planned.header.id, 0});
        cases_.emplace(planned.header.id, std::move(planned));
    }

    // Weighing, referral, the partner's and the reporter's feedback and the closure, each taken by most cases.
    void PlanRoute(PlannedCase& planned, double weighed) {
        if (!Chance(weighed)) return;
        planned.plan.push_back(CaseAction::kAssess);
        if (!Chance(0.85)) return;
        planned.plan.push_back(CaseAction::kRefer);
        if (Chance(0.8)) planned.plan.push_back(CaseAction::kPartnerFeedback);
        if (planned.reachable_reporter) {
            if (!Chance(0.85)) return;
            planned.plan.push_back(CaseAction::kReporterFeedback);
        }
        if (Chance(0.8)) planned.plan.push_back(CaseAction::kClose);
    }

    void RunDueSteps(store::Transaction& transaction, TimePoint now) {
        while (!pending_.empty() && pending_.top().at <= now) {
            PendingStep due = pending_.top();
            pending_.pop();
            auto found = cases_.find(due.case_id);
            PlannedCase& planned = found->second;
            TakeStep(transaction, planned, due);
            if (static_cast<std::size_t>(due.step + 1) < planned.plan.size()) {
                pending_.push({due.at + Days(1, 12), due.case_id, due.step + 1});
            } else {
                cases_.erase(found);
            }
        }
    }

    void TakeStep(store::Transaction& transaction, PlannedCase& planned, const PendingStep& due) {
        domain::Case& header = planned.header;
        const std::string now = FormatTime(due.at);
        const CaseAction action = planned.plan[static_cast<std::size_t>(due.step)];
        if (due.step == 0) {
            header.status = domain::CaseStatus::kVastgelegd;
            header.created_at = now;
            header.updated_at = now;
            transaction.InsertCase(header);
            transaction.SetSignalCase(planned.signal_id, header.id);
            transaction.InsertTimelineEntry(header.id, {now, kOfficer, "record", "Signaal vastgelegd als casus (1 melding(en))."});
            app::AppendAudit(transaction, {kOfficer, "case.record", "case/" + header.id, kPurposeRoute, kAllowed}, now);
            return;
        }
        auto next = domain::NextStatus(action, header.status, {planned.reachable_reporter});
        if (!next) return;  // the route does not allow it from here: the case simply stays where it is
        header.status = *next;
        header.updated_at = now;
        header.version += 1;
        transaction.InsertTimelineEntry(header.id, {now, kOfficer, std::string{domain::ToString(action)}, "Stap gezet."});
        app::AppendAudit(transaction,
                         {kOfficer, "case." + std::string{domain::ToString(action)}, "case/" + header.id, kPurposeRoute,
                          kAllowed},
                         now);
        switch (action) {
            case CaseAction::kEnrich:
                transaction.InsertEnrichment({app::NewId(), header.id, "bag", "Gebruiksfunctie van het pand vaststellen",
                                              "Het pand heeft een industriefunctie.", now, kOfficer});
                break;
            case CaseAction::kAssess:
                header.rationale = "Meerdere indicatoren wijzen op uitbuiting.";
                header.weighed_at = now;
                transaction.InsertAssessment({app::NewId(), header.id, *header.urgency, header.forms, *header.rationale,
                                              now, kOfficer});
                break;
            case CaseAction::kRefer: {
                domain::Referral referral;
                referral.id = app::NewId();
                referral.case_id = header.id;
                referral.partner = Any(kPartners);
                referral.feedback_due = FormatDate(DayOf(due.at) + std::chrono::days{14});
                referral.at = now;
                referral.actor = kOfficer;
                planned.last_referral_id = referral.id;
                transaction.InsertReferral(referral);
                break;
            }
            case CaseAction::kPartnerFeedback:
                transaction.InsertPartnerFeedback(
                    {app::NewId(), planned.last_referral_id, "De partner heeft contact gelegd.", now, kOfficer});
                break;
            case CaseAction::kReporterFeedback:
                transaction.InsertReporterFeedback(app::NewId(), header.id,
                                                   {"Wij hebben uw signaal opgepakt.", now, kOfficer});
                break;
            case CaseAction::kClose:
                header.outcome = Any(kOutcomes);
                transaction.InsertClosure(header.id, {now, *header.outcome, std::nullopt, kOfficer});
                break;
            case CaseAction::kReopen:
                header.outcome.reset();
                header.reopen_count += 1;
                header.reopened_at = now;
                transaction.InsertReopening(header.id, {now, "Nieuwe melding over dezelfde situatie.", kOfficer});
                break;
            default:
                break;
        }
        transaction.UpdateCase(header);
    }

    store::Store& store_;
    std::string link_key_;
    std::mt19937 random_;
    Pools pools_;
    std::priority_queue<PendingStep, std::vector<PendingStep>, std::greater<>> pending_;
    std::map<std::string, PlannedCase> cases_;
};

int Fail(const std::string& message) {
    std::fprintf(stderr, "bench_generate: %s\n", message.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::string{argv[1]} == "--cache-key") {
        std::printf("schema%zu-generator%d\n", store::sqlite::Migrations().size(), kGeneratorVersion);
        return 0;
    }
    if (argc == 2 && std::string{argv[1]} == "--stores") {
        std::printf("sqlite\npostgresql\n");
        return 0;
    }
    std::string store_url;
    if (argc > 2 && std::string{argv[1]} == "--store") {
        store_url = argv[2];
        argc -= 2;
        argv += 2;
    }
    if (argc < 3) return Fail("usage: bench_generate [--store URL] DATA_DIR COUNT [SEED] | --cache-key | --stores");
    const std::filesystem::path data{argv[1]};
    const std::int64_t count = std::stoll(argv[2]);
    const auto seed = static_cast<std::uint32_t>(argc > 3 ? std::stoul(argv[3]) : 20240415UL);
    std::error_code error;
    std::filesystem::create_directories(data, error);
    if (error) return Fail("cannot create " + data.string() + ": " + error.message());
    auto link_key = app::LoadOrCreateKeyFile(data / "keys" / "link.key", true);
    if (!link_key) return Fail(link_key.error().detail);
    auto keyring = app::Keyring::Load(data / "keys", true);
    if (!keyring) return Fail(keyring.error().detail);
    // The PostgreSQL store commits durably per batch (no bulk-load switches); SQLite loads without fsync and
    // flushes once at the end.
    std::unique_ptr<store::Store> opened;
    if (store_url.empty()) {
        auto sqlite = store::sqlite::SqliteStore::Open((data / "meldroute.db").string(), *keyring, 1);
        if (!sqlite) return Fail(sqlite.error().detail);
        (*sqlite)->TuneForBulkLoad(kWriterCacheKib);
        opened = std::move(*sqlite);
    } else {
        auto postgres = store::postgres::PgStore::Open(store_url, *keyring, 1);
        if (!postgres) return Fail(postgres.error().detail);
        opened = std::move(*postgres);
    }
    app::ServiceConfig config;
    config.link_key = *link_key;
    app::Service service{*opened, config};
    // The demo accounts (the bench signs in as them), registers and the demo's few signals and case.
    if (Status seeded = service.SeedDemo(); !seeded) return Fail("demo data: " + seeded.error().detail);
    const auto started = std::chrono::steady_clock::now();
    Generator generator{*opened, *link_key, seed, count};
    if (Status generated = generator.Run(count); !generated) return Fail(generated.error().detail);
    if (Status flushed = opened->Flush(); !flushed) return Fail(flushed.error().detail);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "bench_generate: %lld signals in %.1f s\n", static_cast<long long>(count), seconds);
    return 0;
}
