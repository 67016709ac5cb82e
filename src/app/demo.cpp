// Demo data for `serve --demo`: the contract's accounts and a few signals and cases at different steps.
#include <array>
#include <chrono>

#include "app/service.hpp"
#include "base/time.hpp"

namespace meldroute::app {

namespace {

constexpr const char* kDemoPassword = "demo-password";

Principal As(const std::string& username, domain::Role role) { return Principal{username, {role}, "", ""}; }

struct DemoAccount {
    std::string username;
    domain::Role role;
    std::string department;
};

const std::vector<DemoAccount>& Accounts() {
    using domain::Role;
    static const std::vector<DemoAccount> accounts{{"melder", Role::kMelder, "publiekszaken"},
                                                   {"melder2", Role::kMelder, "toezicht-en-handhaving"},
                                                   {"af", Role::kAandachtfunctionaris, "openbare-orde-en-veiligheid"},
                                                   {"beleid", Role::kBeleid, "beleid"},
                                                   {"beheer", Role::kBeheerder, "informatievoorziening"},
                                                   {"auditor", Role::kAuditor, "privacy"}};
    return accounts;
}

}  // namespace

std::set<std::string> DemoAccountNames() {
    std::set<std::string> names;
    for (const auto& account : Accounts()) names.insert(account.username);
    return names;
}

Status Service::SeedDemo() {
    bool empty = false;
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        empty = transaction.IsEmpty();
        return Ok();
    }));
    if (!empty) return Ok();
    using domain::Role;
    for (const auto& account : Accounts()) {
        MR_TRY(AddUser(account.username, kDemoPassword, {account.role}, "demo", account.department));
    }
    MR_TRY(SeedDemoRegisters());

    Principal melder = As("melder", Role::kMelder);
    Principal melder2 = As("melder2", Role::kMelder);
    Principal officer = As("af", Role::kAandachtfunctionaris);
    std::string today = FormatDate(DayOf(Now()));
    std::string in_two_weeks = FormatDate(DayOf(Now()) + std::chrono::days{14});

    domain::SignalDraft warehouse;
    warehouse.channel = "formulier";
    warehouse.narrative =
        "Bij een controle in een bedrijfspand aan de Industrieweg troffen wij twaalf arbeiders aan die daar ook "
        "slapen. Ze werken naar eigen zeggen veertien uur per dag en de uitzender houdt hun paspoorten in.";
    warehouse.indicator_codes = {"ARB-13", "ARB-02", "ARB-04", "ALG-01"};
    warehouse.observed_on = today;
    warehouse.location = domain::Location{"Industrieweg", "12", "6902 AA", "Zevenaar"};
    warehouse.business = domain::Business{"12345678", "Uitzendbureau Snel B.V."};
    auto first = MR_TRY(FileSignal(melder, warehouse));

    domain::SignalDraft desk;
    desk.channel = "formulier";
    desk.narrative =
        "Aan de balie kwam een jonge vrouw een adres wijzigen. Een man deed het woord voor haar, hield haar "
        "identiteitskaart vast en zij wist haar eigen adres niet.";
    desk.indicator_codes = {"ALG-12", "ALG-13", "ALG-01"};
    desk.persons = {domain::Person{"slachtoffer", "", 2004, "onbekend", ""}};
    desk.location = domain::Location{"Industrieweg", "12", "6902AA", "Zevenaar"};
    MR_TRY(FileSignal(melder, desk));

    domain::SignalDraft school;
    school.channel = "formulier";
    school.narrative =
        "Een leerling van 15 verzuimt steeds vaker, heeft sinds kort dure kleding en veel contant geld en "
        "gaat om met oudere jongens die bekend zijn bij de politie.";
    school.indicator_codes = {"CRI-08", "CRI-04", "CRI-06"};
    MR_TRY(FileSignal(melder2, school));

    domain::SignalDraft anonymous;
    anonymous.narrative = "In het huis naast mij wonen steeds wisselende vrouwen. 's Nachts komen er veel mannen.";
    MR_TRY(FileAnonymousSignal(anonymous));

    // One case already on its way through the route.
    auto view = MR_TRY(CreateCase(officer, {first.id}));
    const std::string& case_id = view.file.header.id;
    MR_TRY(AddEnrichment(officer, case_id, "bag", "Gebruiksfunctie van het pand vaststellen",
                         "Het pand heeft een industriefunctie; wonen is er niet toegestaan."));
    MR_TRY(AddAssessment(officer, case_id, "hoog", {"arbeid"},
                         "Huisvesting op het bedrijfsterrein, lange werkdagen en ingehouden paspoorten."));
    MR_TRY(AddReferral(officer, case_id, "arbeidsinspectie", std::string{"lokaal-ondermijningsoverleg"}, in_two_weeks,
                       std::nullopt));
    return Ok();
}

Status Service::SeedDemoRegisters() {
    using domain::Role;
    Principal administrator = As("beheer", Role::kBeheerder);
    Principal policy = As("beleid", Role::kBeleid);
    auto today = DayOf(Now());
    auto days_ago = [&](int days) { return FormatDate(today - std::chrono::days{days}); };
    auto in_days = [&](int days) { return FormatDate(today + std::chrono::days{days}); };

    // Two designated officers, one from safety and one from the social domain (seed 3.2.1); fictitious.
    MR_TRY(AddOfficer(administrator, {"", "Sanne Visser", "veiligheid", "0316 000 101",
                                      "s.visser@gemeente.example", true}));
    MR_TRY(AddOfficer(administrator, {"", "Youssef el Amrani", "sociaal-domein", "0316 000 102",
                                      "y.elamrani@gemeente.example", true}));

    // Staff and completions through the same import as the learning platform's export; fictitious people.
    std::string csv = "medewerker-id;naam;afdeling;doelgroep;voltooid-op\n";
    const std::vector<std::array<std::string, 5>> rows{
        {"D001", "Anna de Vries", "Publiekszaken", "publiekszaken", days_ago(40)},
        {"D002", "Bram Peters", "Publiekszaken", "publiekszaken", days_ago(400)},
        {"D003", "Cor Smit", "Publiekszaken", "publiekszaken", days_ago(800)},
        {"D004", "Dewi Jansen", "Publiekszaken", "publiekszaken", ""},
        {"D005", "Eline Bakker", "Toezicht en handhaving", "toezicht", days_ago(90)},
        {"D006", "Farid Amghar", "Toezicht en handhaving", "toezicht", ""},
        {"D007", "Gerda Mulder", "Gebiedsteam Zevenaar-Oost", "gebiedsteams", days_ago(30)},
        {"D008", "Hamid Bouzid", "Gebiedsteam Zevenaar-West", "gebiedsteams", days_ago(120)},
        {"D009", "Iris Willems", "Financiën", "overig", ""}};
    for (const auto& row : rows) csv += row[0] + ";" + row[1] + ";" + row[2] + ";" + row[3] + ";" + row[4] + "\n";
    MR_TRY(ImportCompletions(administrator, csv));
    domain::TrainingSettings settings;
    settings.target_percent = {{"publiekszaken", 80}, {"toezicht", 80}, {"gebiedsteams", 80}, {"overig", 25}};
    MR_TRY(SetTrainingSettings(administrator, settings));
    MR_TRY(AddActivity(administrator, {"", "Themadag mensenhandel (met Samen Weerbaar)", "2024-04-15",
                                       "Bewustwording en signalen herkennen; de meldroute is gepresenteerd.",
                                       {{"publiekszaken", 12}, {"toezicht", 8}, {"gebiedsteams", 10}, {"overig", 4}},
                                       35}));

    // The action plan under way: one action done, one running, one overdue.
    MR_TRY(UpdatePlanAction(policy, "aandachtfunctionarissen",
                            {"Team veiligheid", "afgerond", days_ago(30), "Twee aandachtfunctionarissen benoemd."}));
    MR_TRY(UpdatePlanAction(policy, "e-learning",
                            {"Team veiligheid met HR", "loopt", in_days(120), "Eerst publiekszaken en toezicht."}));
    MR_TRY(UpdatePlanAction(policy, "inbedden-beleid",
                            {"Beleidsadviseur sociaal domein", "vertraagd", days_ago(10), "Wacht op de nieuwe Wmo-nota."}));
    return Ok();
}

}  // namespace meldroute::app
