// Demo data for `serve --demo`: the contract's accounts and a few signals and cases at different steps.
#include <chrono>

#include "app/service.hpp"
#include "base/time.hpp"

namespace meldroute::app {

namespace {

constexpr const char* kDemoPassword = "demo-password";

Principal As(const std::string& username, domain::Role role) { return Principal{username, {role}, "", ""}; }

}  // namespace

Status Service::SeedDemo() {
    bool empty = false;
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        empty = transaction.IsEmpty();
        return Ok();
    }));
    if (!empty) return Ok();
    using domain::Role;
    struct DemoAccount {
        std::string username;
        Role role;
        std::string department;
    };
    const std::vector<DemoAccount> accounts{{"melder", Role::kMelder, "publiekszaken"},
                                            {"melder2", Role::kMelder, "toezicht-en-handhaving"},
                                            {"af", Role::kAandachtfunctionaris, "openbare-orde-en-veiligheid"},
                                            {"beleid", Role::kBeleid, "beleid"},
                                            {"beheer", Role::kBeheerder, "informatievoorziening"},
                                            {"auditor", Role::kAuditor, "privacy"}};
    for (const auto& account : accounts) {
        MR_TRY(AddUser(account.username, kDemoPassword, {account.role}, "demo", account.department));
    }

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

}  // namespace meldroute::app
