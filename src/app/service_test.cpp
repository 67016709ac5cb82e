// The use cases against a real SQLite file: roles, the route, the audit chain and all-or-nothing writes.
#include "app/service.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>
#include <utility>
#include <vector>

#include "app/crypto.hpp"
#include "app/keyring.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace meldroute::app {

OidcConfig TestOidcConfig();  // app/oidc_test.cpp

namespace {

using domain::Role;

class ServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(InitCrypto());
        directory_ = std::filesystem::temp_directory_path() /
                     ("meldroute-service-test-" + std::to_string(::getpid()) + "-" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(directory_);
        std::filesystem::create_directories(directory_);
        auto opened = store::sqlite::SqliteStore::Open((directory_ / "meldroute.db").string(), Keyring::Ephemeral());
        ASSERT_TRUE(opened.has_value()) << opened.error().detail;
        store_ = std::move(*opened);
        service_ = std::make_unique<Service>(*store_, ServiceConfig{});
    }
    void TearDown() override {
        federated_.reset();
        service_.reset();
        store_.reset();
        std::filesystem::remove_all(directory_);
    }

    domain::SignalDraft Draft(const std::string& narrative = "Twaalf mensen slapen in een loods.") {
        domain::SignalDraft draft;
        draft.channel = "formulier";
        draft.narrative = narrative;
        draft.indicator_codes = {"ARB-13", "ALG-01"};
        return draft;
    }

    Principal melder_{"melder", {Role::kMelder}, "", ""};
    Principal melder2_{"melder2", {Role::kMelder}, "", ""};
    Principal officer_{"af", {Role::kAandachtfunctionaris}, "", ""};
    Principal policy_{"beleid", {Role::kBeleid}, "", ""};
    Principal auditor_{"auditor", {Role::kAuditor}, "", ""};

    //! The service with single sign-on configured (the policy of app/oidc_test.cpp).
    Service& Federated() {
        if (!federated_) {
            ServiceConfig config;
            config.oidc = TestOidcConfig();
            federated_ = std::make_unique<Service>(*store_, config);
        }
        return *federated_;
    }

    //! What a validated ID token of the test provider says.
    static FederatedIdentity Identity(const std::string& subject, std::vector<std::string> roles, bool mfa = true) {
        FederatedIdentity identity;
        identity.issuer = TestOidcConfig().issuer;
        identity.subject = subject;
        identity.display_name = "Anna Fokkema";
        identity.preferred_username = "A.Fokkema@gemeente.example";
        identity.role_values = std::move(roles);
        identity.amr = mfa ? std::vector<std::string>{"pwd", "mfa"} : std::vector<std::string>{"pwd"};
        return identity;
    }

    //! Takes a new or reopened case along the route to its closure (outcome geen-mensenhandel).
    void RunRouteAndClose(Service& service, const std::string& case_id) {
        EXPECT_TRUE(service.AddEnrichment(officer_, case_id, "brp", "adres", "niets gevonden").has_value());
        EXPECT_TRUE(service.AddAssessment(officer_, case_id, "normaal", {"arbeid"}, "loods").has_value());
        EXPECT_TRUE(service.AddReferral(officer_, case_id, "moviera", std::nullopt, "2999-01-01", std::nullopt));
        EXPECT_TRUE(service.AddReporterFeedback(officer_, case_id, "Opgepakt.").has_value());
        EXPECT_TRUE(service.CloseCase(officer_, case_id, "geen-mensenhandel", std::string{"Niets gebleken."}));
    }

    //! The value of a result that must have succeeded.
    template <typename T>
    static T Value(Result<T> result) {
        EXPECT_TRUE(result.has_value()) << result.error().detail;
        return result.has_value() ? std::move(*result) : T{};
    }

    std::vector<store::UserRecord> Users() {
        std::vector<store::UserRecord> users;
        (void)store_->Read([&](store::Transaction& transaction) -> Status {
            users = transaction.ListUsers();
            return Ok();
        });
        return users;
    }

    std::filesystem::path directory_;
    std::unique_ptr<store::sqlite::SqliteStore> store_;
    std::unique_ptr<Service> service_;
    std::unique_ptr<Service> federated_;
};

TEST_F(ServiceTest, ReportersSeeOnlyTheirOwnSignals) {
    domain::SignalDraft draft = Draft();
    draft.persons = {{"slachtoffer", "Anna Jansen", 1990, "Nederlands", ""}};
    auto mine = service_->FileSignal(melder_, draft);
    ASSERT_TRUE(mine.has_value());
    EXPECT_EQ(mine->status, "gemeld");
    auto other = service_->GetSignal(melder2_, mine->id);
    ASSERT_FALSE(other.has_value());
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
    auto list = service_->ListSignals(melder2_, std::nullopt);
    ASSERT_TRUE(list.has_value());
    EXPECT_TRUE(list->signals.empty());
    EXPECT_TRUE(service_->GetSignal(officer_, mine->id).has_value());
    // The reporter's own list as an overview and as summaries: the same signal, the narrative only in the overview,
    // the persons in neither (they are read one signal at a time).
    ASSERT_FALSE(mine->persons.empty());
    auto own = service_->ListSignals(melder_, std::nullopt, {}, SignalDetail::kOverview);
    auto own_summaries = service_->ListSignals(melder_, std::nullopt, {}, SignalDetail::kSummary);
    ASSERT_TRUE(own.has_value() && own_summaries.has_value());
    ASSERT_EQ(own->signals.size(), 1u);
    ASSERT_EQ(own_summaries->signals.size(), 1u);
    EXPECT_EQ(own_summaries->signals[0].id, mine->id);
    EXPECT_EQ(own->signals[0].narrative, mine->narrative);
    EXPECT_TRUE(own->signals[0].persons.empty());
    EXPECT_TRUE(own_summaries->signals[0].narrative.empty());
    auto refused = service_->ListSignals(officer_, std::string{"gemeld"}, {std::string{"501"}, std::string{"x"}});
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(refused.error().invalid_params.size(), 2u);
    EXPECT_EQ(refused.error().invalid_params[0].name, "limit");
    EXPECT_EQ(refused.error().invalid_params[1].name, "before");
    EXPECT_EQ(service_->ListSignals(policy_, std::nullopt).error().code, ErrorCode::kPermissionDenied);
}

TEST_F(ServiceTest, InvalidSignalStoresNothing) {
    auto draft = Draft("");
    draft.indicator_codes = {"NOPE-1"};
    auto result = service_->FileSignal(melder_, draft);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().invalid_params.size(), 2u);
    EXPECT_TRUE(service_->ListSignals(officer_, std::nullopt)->signals.empty());
}

TEST_F(ServiceTest, TheWholeRouteEndsWithFeedbackForTheReporter) {
    auto signal = service_->FileSignal(melder_, Draft());
    ASSERT_TRUE(signal.has_value());
    auto view = service_->CreateCase(officer_, {signal->id});
    ASSERT_TRUE(view.has_value());
    const std::string case_id = view->file.header.id;
    EXPECT_EQ(service_->AddAssessment(officer_, case_id, "hoog", {"arbeid"}, "x").error().code,
              ErrorCode::kFailedPrecondition);
    ASSERT_TRUE(service_->AddEnrichment(officer_, case_id, "brp", "adres", "niets gevonden").has_value());
    ASSERT_TRUE(service_->AddAssessment(officer_, case_id, "hoog", {"arbeid"}, "loods").has_value());
    auto referral = service_->AddReferral(officer_, case_id, "moviera", std::nullopt, "2999-01-01", std::nullopt);
    ASSERT_TRUE(referral.has_value());
    EXPECT_EQ(referral->case_status, domain::CaseStatus::kDoorgezet);
    ASSERT_TRUE(service_->AddPartnerFeedback(officer_, referral->id, "in zorg genomen").has_value());
    EXPECT_EQ(service_->CloseCase(officer_, case_id, "zorgtraject", std::nullopt).error().code,
              ErrorCode::kFailedPrecondition);
    ASSERT_TRUE(service_->AddReporterFeedback(officer_, case_id, "Dank, er is hulp ingezet.").has_value());
    auto closed = service_->CloseCase(officer_, case_id, "zorgtraject", std::nullopt);
    ASSERT_TRUE(closed.has_value());
    EXPECT_EQ(closed->case_status, domain::CaseStatus::kAfgesloten);

    auto seen = service_->GetSignal(melder_, signal->id);
    ASSERT_TRUE(seen.has_value());
    EXPECT_EQ(seen->status, "afgesloten");
    ASSERT_EQ(seen->feedback.size(), 1u);
    EXPECT_EQ(seen->feedback[0].message, "Dank, er is hulp ingezet.");

    auto file = service_->GetCase(officer_, case_id);
    ASSERT_TRUE(file.has_value());
    EXPECT_EQ(file->file.timeline.size(), 7u);
    EXPECT_EQ(file->allowed_actions, std::vector<domain::CaseAction>{domain::CaseAction::kReopen});
}

TEST_F(ServiceTest, AReopenedCaseKeepsItsFirstClosureAndRunsTheRouteAgain) {
    auto signal = service_->FileSignal(melder_, Draft());
    const std::string case_id = service_->CreateCase(officer_, {signal->id})->file.header.id;
    ASSERT_TRUE(service_->AddEnrichment(officer_, case_id, "brp", "adres", "niets gevonden").has_value());
    ASSERT_TRUE(service_->AddAssessment(officer_, case_id, "normaal", {"arbeid"}, "loods").has_value());
    ASSERT_TRUE(service_->AddReferral(officer_, case_id, "moviera", std::nullopt, "2999-01-01", std::nullopt));
    ASSERT_TRUE(service_->AddReporterFeedback(officer_, case_id, "Opgepakt.").has_value());
    EXPECT_EQ(service_->ReopenCase(officer_, case_id, "Te vroeg.").error().code, ErrorCode::kFailedPrecondition)
        << "only a closed case can be reopened";
    ASSERT_TRUE(service_->CloseCase(officer_, case_id, "geen-mensenhandel", std::string{"Niets gebleken."}));

    // Only the officer, only with a reason; a refusal changes nothing.
    EXPECT_EQ(service_->ReopenCase(melder_, case_id, "Nieuwe melding.").error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(service_->ReopenCase(policy_, case_id, "Nieuwe melding.").error().code, ErrorCode::kPermissionDenied);
    auto blank = service_->ReopenCase(officer_, case_id, "  ");
    ASSERT_FALSE(blank.has_value());
    EXPECT_EQ(blank.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(blank.error().invalid_params.size(), 1u);
    EXPECT_EQ(blank.error().invalid_params[0].name, "reason");
    EXPECT_EQ(service_->ReopenCase(officer_, case_id, std::string(1001, 'x')).error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(service_->ReopenCase(officer_, "onbekend", "Nieuwe melding.").error().code, ErrorCode::kNotFound);
    EXPECT_EQ(service_->GetCase(officer_, case_id)->file.header.status, domain::CaseStatus::kAfgesloten);

    auto reopened = service_->ReopenCase(officer_, case_id, "Nieuwe melding over hetzelfde adres.");
    ASSERT_TRUE(reopened.has_value());
    EXPECT_EQ(reopened->case_status, domain::CaseStatus::kVastgelegd);
    auto view = service_->GetCase(officer_, case_id);
    ASSERT_TRUE(view.has_value());
    const domain::Case& header = view->file.header;
    EXPECT_EQ(header.reopen_count, 1);
    EXPECT_TRUE(header.reopened_at.has_value());
    EXPECT_FALSE(header.outcome.has_value()) << "open again: no outcome until it is closed again";
    ASSERT_EQ(view->file.closures.size(), 1u);
    EXPECT_EQ(view->file.closures[0].outcome, "geen-mensenhandel");
    EXPECT_EQ(view->file.closures[0].note, "Niets gebleken.");
    ASSERT_EQ(view->file.reopenings.size(), 1u);
    EXPECT_EQ(view->file.reopenings[0].reason, "Nieuwe melding over hetzelfde adres.");
    EXPECT_EQ(view->file.reopenings[0].actor, "af");
    EXPECT_EQ(view->file.timeline.back().action, "reopen");
    EXPECT_NE(view->file.timeline.back().detail.find("Nieuwe melding over hetzelfde adres."), std::string::npos);
    EXPECT_EQ(view->file.assessments.size(), 1u) << "the earlier weighing stays on the file";

    // A new signal about the same situation can be linked; the route runs again from enriching.
    auto further = service_->FileSignal(melder2_, Draft("Weer mensen in de loods gezien."));
    ASSERT_TRUE(service_->LinkSignal(officer_, case_id, further->id).has_value());
    EXPECT_EQ(service_->CloseCase(officer_, case_id, "zorgtraject", std::nullopt).error().code,
              ErrorCode::kFailedPrecondition);
    EXPECT_EQ(service_->AddAssessment(officer_, case_id, "acuut", {"arbeid"}, "x").error().code,
              ErrorCode::kFailedPrecondition);
    ASSERT_TRUE(service_->AddEnrichment(officer_, case_id, "bag", "pand", "Opslag, geen woonfunctie.").has_value());
    ASSERT_TRUE(service_->AddAssessment(officer_, case_id, "acuut", {"arbeid"}, "Nieuwe feiten.").has_value());
    ASSERT_TRUE(service_->AddReferral(officer_, case_id, "politie", std::nullopt, "2999-01-01", std::nullopt));
    // The reporters were told before the reopening: that does not count for this pass.
    auto listed = service_->ListCases(officer_);
    ASSERT_TRUE(listed.has_value());
    auto item = std::find_if(listed->begin(), listed->end(),
                             [&](const CaseListItem& entry) { return entry.summary.header.id == case_id; });
    ASSERT_NE(item, listed->end());
    EXPECT_FALSE(item->summary.has_reporter_feedback);
    ASSERT_TRUE(item->next_deadline.has_value()) << "a reporter feedback deadline runs again";
    EXPECT_LT(*item->next_deadline, "2999-01-01") << "the reporter is due before the partner";
    ASSERT_TRUE(service_->AddReporterFeedback(officer_, case_id, "Er is opnieuw actie ondernomen.").has_value());
    ASSERT_TRUE(service_->CloseCase(officer_, case_id, "zorgtraject", std::nullopt).has_value());
    view = service_->GetCase(officer_, case_id);
    ASSERT_EQ(view->file.closures.size(), 2u);
    EXPECT_EQ(view->file.closures[1].outcome, "zorgtraject");
    EXPECT_EQ(view->file.header.outcome, "zorgtraject");
    EXPECT_EQ(view->file.header.reopen_count, 1);

    // Every step is in the audit trail, the reopening too.
    auto events = service_->ListAuditEvents(auditor_, std::nullopt, std::nullopt);
    ASSERT_TRUE(events.has_value());
    EXPECT_EQ(std::count_if(events->begin(), events->end(),
                            [&](const store::AuditRecord& record) {
                                return record.action == "case.reopen" && record.object == "case/" + case_id &&
                                       record.outcome == "toegestaan";
                            }),
              1);
    EXPECT_TRUE(service_->VerifyAudit(auditor_)->valid);
}

TEST_F(ServiceTest, UnknownCodesAndPastDatesAreRefusedWithTheFieldNamed) {
    auto signal = service_->FileSignal(melder_, Draft());
    auto view = service_->CreateCase(officer_, {signal->id});
    const std::string case_id = view->file.header.id;
    auto enrichment = service_->AddEnrichment(officer_, case_id, "google", "", "x");
    ASSERT_FALSE(enrichment.has_value());
    EXPECT_EQ(enrichment.error().invalid_params.size(), 2u);
    ASSERT_TRUE(service_->AddEnrichment(officer_, case_id, "kvk", "bedrijf", "niets").has_value());
    ASSERT_TRUE(service_->AddAssessment(officer_, case_id, "acuut", {"arbeid"}, "x").has_value());
    auto referral = service_->AddReferral(officer_, case_id, "moviera", std::string{"nope"}, "2000-01-01", std::nullopt);
    ASSERT_FALSE(referral.has_value());
    EXPECT_EQ(referral.error().invalid_params.size(), 2u);
    // Nothing of the refused step was written.
    EXPECT_TRUE(service_->GetCase(officer_, case_id)->file.referrals.empty());
}

TEST_F(ServiceTest, ASignalBelongsToOneCaseOnly) {
    auto signal = service_->FileSignal(melder_, Draft());
    ASSERT_TRUE(service_->CreateCase(officer_, {signal->id}).has_value());
    auto again = service_->CreateCase(officer_, {signal->id});
    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
    auto unknown = service_->CreateCase(officer_, {"00000000-0000-4000-8000-000000000000"});
    EXPECT_EQ(unknown.error().code, ErrorCode::kUnprocessable);
}

TEST_F(ServiceTest, AnonymousCasesCloseAfterWeighing) {
    domain::SignalDraft draft;
    draft.narrative = "Veel wisselende bewoners.";
    auto signal = service_->FileAnonymousSignal(draft);
    ASSERT_TRUE(signal.has_value());
    EXPECT_EQ(signal->channel, "anoniem");
    auto view = service_->CreateCase(officer_, {signal->id});
    const std::string case_id = view->file.header.id;
    ASSERT_TRUE(service_->AddEnrichment(officer_, case_id, "bag", "pand", "woonfunctie").has_value());
    ASSERT_TRUE(service_->AddAssessment(officer_, case_id, "normaal", {"seksueel"}, "vaag").has_value());
    EXPECT_EQ(service_->AddReporterFeedback(officer_, case_id, "x").error().code, ErrorCode::kFailedPrecondition);
    EXPECT_TRUE(service_->CloseCase(officer_, case_id, "onvoldoende-informatie", std::nullopt).has_value());
}

TEST_F(ServiceTest, SignInLocksAfterFiveFailuresEvenForTheRightPassword) {
    ASSERT_TRUE(service_->AddUser("melder", "correct horse battery", {Role::kMelder}, "test").has_value());
    auto session = service_->SignIn("melder", "correct horse battery");
    ASSERT_TRUE(session.has_value());
    EXPECT_TRUE(service_->Authenticate(session->token).has_value());
    EXPECT_FALSE(service_->Authenticate(session->token + "x").has_value());
    for (int attempt = 0; attempt < 5; ++attempt) {
        EXPECT_EQ(service_->SignIn("melder", "wrong").error().code, ErrorCode::kUnauthenticated);
    }
    EXPECT_EQ(service_->SignIn("melder", "correct horse battery").error().code, ErrorCode::kRateLimited);
    // An unknown account behaves the same, so lockout reveals nothing about which accounts exist.
    for (int attempt = 0; attempt < 5; ++attempt) {
        EXPECT_EQ(service_->SignIn("nobody", "wrong").error().code, ErrorCode::kUnauthenticated);
    }
    EXPECT_EQ(service_->SignIn("nobody", "wrong").error().code, ErrorCode::kRateLimited);
}

//! The real store, with `between` run once when the first write follows a read: what another request commits
//! between a sign-in's password check (outside the writer) and its write.
class StoreWithAWriteInBetween : public store::Store {
public:
    StoreWithAWriteInBetween(store::Store& inner, std::function<Status(store::Transaction&)> between)
        : inner_(inner), between_(std::move(between)) {}
    Status Write(const std::function<Status(store::Transaction&)>& work) override {
        if (read_ && between_) {
            const auto between = std::exchange(between_, nullptr);
            MR_TRY(inner_.Write(between));
        }
        return inner_.Write(work);
    }
    Status Read(const std::function<Status(store::Transaction&)>& work) override {
        read_ = true;
        return inner_.Read(work);
    }
    [[nodiscard]] store::IndexTerms IndexTermsOf(std::string_view narrative) const override {
        return inner_.IndexTermsOf(narrative);
    }
    Status Check() override { return inner_.Check(); }
    Status Flush() override { return inner_.Flush(); }
    const store::StoreMetrics& metrics() const override { return inner_.metrics(); }

private:
    store::Store& inner_;
    std::function<Status(store::Transaction&)> between_;
    bool read_ = false;
};

TEST_F(ServiceTest, SignInRefusesAPasswordReplacedBetweenItsCheckAndItsWrite) {
    ASSERT_TRUE(service_->AddUser("melder", "correct horse battery", {Role::kMelder}, "test").has_value());
    const std::string new_hash = HashPassword("a new password of today");
    StoreWithAWriteInBetween racing{*store_, [&](store::Transaction& transaction) -> Status {
        transaction.UpdatePasswordHash("melder", new_hash);
        return Ok();
    }};
    Service service{racing, ServiceConfig{}};
    EXPECT_EQ(service.SignIn("melder", "correct horse battery").error().code, ErrorCode::kUnauthenticated);
    EXPECT_TRUE(service.SignIn("melder", "a new password of today").has_value());
}

TEST_F(ServiceTest, SignInRefusesTheRightPasswordWhenALockStartsBetweenItsCheckAndItsWrite) {
    ASSERT_TRUE(service_->AddUser("melder", "correct horse battery", {Role::kMelder}, "test").has_value());
    StoreWithAWriteInBetween racing{*store_, [](store::Transaction& transaction) -> Status {
        transaction.LockAccount("melder", FormatTime(Now() + std::chrono::minutes{15}));
        return Ok();
    }};
    Service service{racing, ServiceConfig{}};
    EXPECT_EQ(service.SignIn("melder", "correct horse battery").error().code, ErrorCode::kRateLimited);
}

TEST_F(ServiceTest, SignOutEndsTheSession) {
    ASSERT_TRUE(service_->AddUser("af", "correct horse battery", {Role::kAandachtfunctionaris}, "test").has_value());
    auto session = service_->SignIn("af", "correct horse battery");
    ASSERT_TRUE(session.has_value());
    auto principal = service_->Authenticate(session->token);
    ASSERT_TRUE(principal.has_value());
    ASSERT_TRUE(service_->SignOut(*principal).has_value());
    EXPECT_FALSE(service_->Authenticate(session->token).has_value());
}

TEST_F(ServiceTest, AuditChainIsValidAndDetectsTampering) {
    auto signal = service_->FileSignal(melder_, Draft());
    ASSERT_TRUE(service_->GetSignal(officer_, signal->id).has_value());
    (void)service_->GetSignal(melder2_, signal->id);  // refused reads are audited too
    auto verification = service_->VerifyAudit(auditor_);
    ASSERT_TRUE(verification.has_value());
    EXPECT_TRUE(verification->valid);
    auto events = service_->ListAuditEvents(auditor_, std::nullopt, std::nullopt);
    ASSERT_TRUE(events.has_value());
    bool saw_refusal = false;
    for (const auto& event : *events) saw_refusal = saw_refusal || event.outcome == "geweigerd";
    EXPECT_TRUE(saw_refusal);
    EXPECT_EQ(service_->VerifyAudit(officer_).error().code, ErrorCode::kPermissionDenied);

    // Tamper with the file directly, as an attacker with file access would.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((directory_ / "meldroute.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "DROP TRIGGER audit_events_no_update; "
                           "UPDATE audit_events SET actor = 'iemand-anders' WHERE sequence = 1;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    verification = service_->VerifyAudit(auditor_);
    ASSERT_TRUE(verification.has_value());
    EXPECT_FALSE(verification->valid);
}

TEST_F(ServiceTest, StatisticsCountWithoutPersonalData) {
    ASSERT_TRUE(service_->FileSignal(melder_, Draft()).has_value());
    domain::SignalDraft anonymous;
    anonymous.narrative = "anoniem";
    ASSERT_TRUE(service_->FileAnonymousSignal(anonymous).has_value());
    auto statistics = service_->GetStatistics(policy_, "2000-01-01", "2999-12-31");
    ASSERT_TRUE(statistics.has_value());
    EXPECT_EQ(statistics->report.signals, 2);
    EXPECT_EQ(statistics->report.by_channel.size(), 2u);
    EXPECT_EQ(service_->GetStatistics(melder_, "2000-01-01", "2999-12-31").error().code,
              ErrorCode::kPermissionDenied);
    EXPECT_EQ(service_->GetStatistics(policy_, "2001-01-01", "2000-01-01").error().code, ErrorCode::kInvalidArgument);
}

TEST_F(ServiceTest, SignalsSharingAnAddressAreLinkedAndTheAddressRecurs) {
    auto draft = Draft();
    draft.location = domain::Location{"Industrieweg", "12", "6902 AA", "Zevenaar"};
    auto first = service_->FileSignal(melder_, draft);
    draft.location = domain::Location{"industrieweg", "12", "6902aa", "zevenaar"};
    draft.narrative = "Weer veel busjes bij het pand.";
    auto second = service_->FileSignal(melder2_, draft);
    ASSERT_TRUE(first.has_value() && second.has_value());
    auto view = service_->CreateCase(officer_, {first->id});
    ASSERT_TRUE(view.has_value());
    ASSERT_EQ(view->related_signals.size(), 1u);
    EXPECT_EQ(view->related_signals[0].signal_id, second->id);
    EXPECT_EQ(view->related_signals[0].matched_on, std::vector<std::string>{"adres"});
    auto recurrences = service_->ListRecurrences(officer_);
    ASSERT_TRUE(recurrences.has_value());
    ASSERT_EQ(recurrences->size(), 1u);
    EXPECT_EQ((*recurrences)[0].signal_count, 2);
    EXPECT_NE((*recurrences)[0].label.find("ndustrieweg 12"), std::string::npos) << (*recurrences)[0].label;
    EXPECT_EQ(service_->ListRecurrences(melder_).error().code, ErrorCode::kPermissionDenied);

    // The match keys are stored as keyed hashes only: the raw file has no normalised address key in it.
    std::ifstream file{directory_ / "meldroute.db", std::ios::binary};
    std::string raw{std::istreambuf_iterator<char>(file), {}};
    EXPECT_EQ(raw.find("6902aa|12"), std::string::npos);
}

TEST_F(ServiceTest, SearchFindsNarrativesWithFiltersAndIsAudited) {
    ASSERT_TRUE(service_->FileSignal(melder_, Draft("Vrouwen in een massagesalon aan de Markt.")).has_value());
    ASSERT_TRUE(service_->FileSignal(melder_, Draft("Arbeiders slapen in een loods.")).has_value());
    domain::SignalSearch search;
    // The blind index matches whole words through their Dutch stem (no prefixes): case, plural and diacritics
    // do not matter.
    search.text = "Massagesalons";
    auto found = service_->SearchSignals(officer_, search);
    ASSERT_TRUE(found.has_value());
    ASSERT_EQ(found->size(), 1u);
    EXPECT_NE((*found)[0].narrative.find("massagesalon"), std::string::npos);
    search.text = "\"unbalanced OR ( NEAR";
    EXPECT_TRUE(service_->SearchSignals(officer_, search).has_value());
    search.text = "";
    search.status = "gemeld";
    EXPECT_EQ(service_->SearchSignals(officer_, search)->size(), 2u);
    search.status = "vastgelegd";
    EXPECT_TRUE(service_->SearchSignals(officer_, search)->empty());
    search.status = "onzin";
    EXPECT_EQ(service_->SearchSignals(officer_, search).error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(service_->SearchSignals(melder_, domain::SignalSearch{}).error().code, ErrorCode::kPermissionDenied);
    auto events = service_->ListAuditEvents(auditor_, std::nullopt, std::nullopt);
    int allowed = 0, refused = 0;
    for (const auto& event : *events) {
        if (event.action != "signal.search") continue;
        (event.outcome == "toegestaan" ? allowed : refused) += 1;
    }
    EXPECT_EQ(allowed, 4);  // the invalid search was refused before it ran
    EXPECT_EQ(refused, 1);  // the melder's attempt
}

TEST_F(ServiceTest, AForeignDatabaseFileIsRefusedAndLeftUntouched) {
    auto path = directory_ / "foreign.db";
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE x (y); INSERT INTO x VALUES (1);", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    auto size_before = std::filesystem::file_size(path);
    auto opened = store::sqlite::SqliteStore::Open(path.string(), Keyring::Ephemeral());
    ASSERT_FALSE(opened.has_value());
    EXPECT_NE(opened.error().detail.find("not a meldroute database"), std::string::npos);
    EXPECT_EQ(std::filesystem::file_size(path), size_before);
}

// ---------------------------------------------------------------------------------------------- registers

int CountAudit(Service& service, const Principal& auditor, const std::string& action) {
    auto events = service.ListAuditEvents(auditor, std::nullopt, std::nullopt);
    if (!events) return -1;
    return static_cast<int>(std::count_if(events->begin(), events->end(), [&](const store::AuditRecord& record) {
        return record.action == action && record.outcome == "toegestaan";
    }));
}

TEST_F(ServiceTest, ACsvImportWithOneBadRowStoresNothing) {
    Principal administrator{"beheer", {Role::kBeheerder}, "", ""};
    std::string csv =
        "medewerker-id;naam;afdeling;doelgroep;voltooid-op\n"
        "T1;Anna;Balie;publiekszaken;2024-06-12\n"
        "T2;Bram;Balie;receptie;2024-06-12\n";
    auto refused = service_->ImportCompletions(administrator, csv);
    ASSERT_FALSE(refused.has_value());
    ASSERT_EQ(refused.error().invalid_params.size(), 1u);
    EXPECT_EQ(refused.error().invalid_params[0].name, "csv[3]");
    auto staff = service_->ListStaffMembers(administrator);
    ASSERT_TRUE(staff.has_value());
    EXPECT_TRUE(staff->empty()) << "not even the good row was stored";
    EXPECT_EQ(CountAudit(*service_, auditor_, "training.import"), 0);
}

TEST_F(ServiceTest, ACsvImportStoresStaffAndCompletionsWithOneAuditRecord) {
    Principal administrator{"beheer", {Role::kBeheerder}, "", ""};
    std::string csv =
        "medewerker-id,naam,afdeling,doelgroep,voltooid-op\n"
        "T1,Anna,Balie,publiekszaken,2024-06-12\n"
        "T2,Bram,Toezicht,toezicht,\n";
    auto imported = service_->ImportCompletions(administrator, csv);
    ASSERT_TRUE(imported.has_value()) << imported.error().detail;
    EXPECT_EQ(imported->rows, 2);
    EXPECT_EQ(imported->staff_added, 2);
    EXPECT_EQ(imported->completions_added, 1);
    // The same file again adds nothing new; a later completion adds one.
    auto again = service_->ImportCompletions(administrator, csv);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->staff_added, 0);
    EXPECT_EQ(again->completions_added, 0);
    EXPECT_EQ(CountAudit(*service_, auditor_, "training.import"), 2);
    auto coverage = service_->GetTrainingCoverage(policy_);
    ASSERT_TRUE(coverage.has_value());
    EXPECT_EQ(coverage->groups[0].staff, 1);
    EXPECT_EQ(coverage->groups[1].never_trained, 1);
    ASSERT_TRUE(coverage->last_import.has_value());
    EXPECT_TRUE(coverage->last_import->actor.empty()) << "beleid sees figures, not who imported";
}

TEST_F(ServiceTest, OnlyTheBeheerderSeesNamesInTheTrainingRegister) {
    for (const Principal& principal : {policy_, officer_, melder_, auditor_}) {
        auto staff = service_->ListStaffMembers(principal);
        ASSERT_FALSE(staff.has_value());
        EXPECT_EQ(staff.error().code, ErrorCode::kPermissionDenied);
        EXPECT_FALSE(service_->ImportCompletions(principal, "").has_value());
    }
    EXPECT_FALSE(service_->GetTrainingCoverage(officer_).has_value());
    Principal administrator{"beheer", {Role::kBeheerder}, "", ""};
    ASSERT_TRUE(service_->ListStaffMembers(administrator).has_value());
    EXPECT_EQ(CountAudit(*service_, auditor_, "staff.list"), 1) << "reading names is audited";
}

TEST_F(ServiceTest, EveryoneSeesOnlyActiveOfficersAndOnlyTheBeheerderChangesThem) {
    Principal administrator{"beheer", {Role::kBeheerder}, "", ""};
    auto safety = service_->AddOfficer(administrator, {"", "A. Jansen", "veiligheid", "0316 123 456", "a@x.nl", true});
    ASSERT_TRUE(safety.has_value());
    ASSERT_TRUE(service_->AddOfficer(administrator, {"", "B. Smit", "sociaal-domein", "0316 123 457", "b@x.nl", false})
                    .has_value());
    EXPECT_FALSE(service_->AddOfficer(policy_, {"", "C", "veiligheid", "0316 123 458", "c@x.nl", true}).has_value());
    auto seen = service_->ListOfficers(melder_);
    ASSERT_TRUE(seen.has_value());
    ASSERT_EQ(seen->size(), 1u);
    EXPECT_EQ((*seen)[0].name, "A. Jansen");
    EXPECT_EQ(service_->ListOfficers(administrator)->size(), 2u);
    EXPECT_EQ(service_->UpdateOfficer(administrator, "onbekend", *safety).error().code, ErrorCode::kNotFound);
}

TEST_F(ServiceTest, TheActionPlanIsSeededAndChangedByBeleidOrBeheerder) {
    auto plan = service_->GetActionPlan(officer_);
    ASSERT_TRUE(plan.has_value());
    EXPECT_EQ(plan->objectives.size(), 4u);
    EXPECT_EQ(plan->actions.size(), 8u);
    EXPECT_FALSE(service_->GetActionPlan(melder_).has_value());
    domain::PlanActionUpdate update{"Team veiligheid", "afgerond", "2024-06-30", "Klaar."};
    EXPECT_EQ(service_->UpdatePlanAction(officer_, "e-learning", update).error().code, ErrorCode::kPermissionDenied);
    auto updated = service_->UpdatePlanAction(policy_, "e-learning", update);
    ASSERT_TRUE(updated.has_value());
    EXPECT_EQ(updated->status, "afgerond");
    EXPECT_TRUE(updated->completed_on.has_value());
    EXPECT_EQ(updated->updated_by, "beleid");
    EXPECT_EQ(CountAudit(*service_, auditor_, "actionplan.update"), 1);
    auto report = service_->GetPlanReport(policy_, 2024);
    ASSERT_TRUE(report.has_value());
    EXPECT_EQ(report->objectives[0].due_in_year, 1);
    EXPECT_EQ(report->objectives[0].overdue.size(), 1u) << "completed after the end of 2024";
}

TEST_F(ServiceTest, SingleSignOnTheFirstSignInCreatesTheAccountAndLaterOnesReuseIt) {
    auto first = Federated().SignInFederated(Identity("sub-1", {"mh-af"}));
    ASSERT_TRUE(first.has_value()) << first.error().detail;
    EXPECT_EQ(first->principal.username, "a.fokkema");
    EXPECT_FALSE(first->principal.must_enrol) << "the provider asserted MFA";
    auto second = Federated().SignInFederated(Identity("sub-1", {"mh-af"}));
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(second->principal.username, "a.fokkema");
    EXPECT_EQ(Users().size(), 1u);
    EXPECT_FALSE(Federated().SignIn("a.fokkema", "!sso").has_value()) << "no password opens an SSO account";
}

TEST_F(ServiceTest, SingleSignOnTheSameNameFromAnotherSubjectIsAnotherAccount) {
    ASSERT_TRUE(Federated().SignInFederated(Identity("sub-1", {"mh-af"})).has_value());
    auto other = Federated().SignInFederated(Identity("sub-2", {"mh-beleid"}));
    ASSERT_TRUE(other.has_value());
    EXPECT_NE(other->principal.username, "a.fokkema");
    EXPECT_TRUE(other->principal.username.starts_with("a.fokkema-"));
    EXPECT_EQ(other->principal.roles, std::vector<Role>{Role::kBeleid});
}

TEST_F(ServiceTest, SingleSignOnNoMappedRoleRefusesAndCreatesNothing) {
    auto refused = Federated().SignInFederated(Identity("sub-1", {"medewerker"}));
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
    EXPECT_TRUE(Users().empty());
}

TEST_F(ServiceTest, SingleSignOnRolesFollowTheClaimAndAWithdrawnRoleEndsTheSessions) {
    auto officer = Federated().SignInFederated(Identity("sub-1", {"mh-af"}));
    ASSERT_TRUE(officer.has_value());
    auto policy = Federated().SignInFederated(Identity("sub-1", {"mh-beleid"}));
    ASSERT_TRUE(policy.has_value());
    EXPECT_EQ(policy->principal.roles, std::vector<Role>{Role::kBeleid});
    auto earlier = Federated().Authenticate(officer->token);
    ASSERT_TRUE(earlier.has_value());
    EXPECT_EQ(earlier->roles, std::vector<Role>{Role::kBeleid}) << "the account's roles changed";
    EXPECT_FALSE(Federated().SignInFederated(Identity("sub-1", {})).has_value());
    EXPECT_FALSE(Federated().Authenticate(policy->token).has_value()) << "sessions ended with the role";
}

// A session started under a role that needs no second factor must not carry a role that does: such a role gained
// at the provider ends the earlier sessions, and the new one follows the new role's rules.
TEST_F(ServiceTest, SingleSignOnARoleThatNeedsASecondFactorEndsTheSessionsStartedWithoutOne) {
    auto policy = Federated().SignInFederated(Identity("sub-1", {"mh-beleid"}, false));
    ASSERT_TRUE(policy.has_value());
    EXPECT_FALSE(policy->principal.must_enrol);
    auto officer = Federated().SignInFederated(Identity("sub-1", {"mh-beleid", "mh-af"}, false));
    ASSERT_TRUE(officer.has_value());
    EXPECT_TRUE(officer->principal.must_enrol) << "an officer without TOTP may only enrol";
    auto earlier = Federated().Authenticate(policy->token);
    ASSERT_FALSE(earlier.has_value()) << "the session started as beleid alone ended";
    EXPECT_EQ(earlier.error().code, ErrorCode::kUnauthenticated);
    EXPECT_TRUE(Federated().Authenticate(officer->token).has_value());
}

// Sessions go on when the new roles need no second factor the old ones did not: only that change ends them.
TEST_F(ServiceTest, SingleSignOnARoleChangeBetweenRolesThatBothNeedASecondFactorKeepsTheSessions) {
    auto officer = Federated().SignInFederated(Identity("sub-1", {"mh-af"}));
    ASSERT_TRUE(officer.has_value());
    ASSERT_TRUE(Federated().SignInFederated(Identity("sub-1", {"mh-af", "mh-beleid"})).has_value());
    auto earlier = Federated().Authenticate(officer->token);
    ASSERT_TRUE(earlier.has_value());
    EXPECT_EQ(earlier->roles.size(), 2u);
}

// The case page posts a referral's id beside its own case: feedback on a referral of another case is not written.
TEST_F(ServiceTest, PartnerFeedbackForAReferralOfAnotherCaseThanTheOneShownIsRefused) {
    auto first = Value(service_->FileSignal(melder_, Draft()));
    auto second = Value(service_->FileSignal(melder_, Draft("Een tweede melding over een ander adres.")));
    const std::string referred = Value(service_->CreateCase(officer_, {first.id})).file.header.id;
    const std::string shown = Value(service_->CreateCase(officer_, {second.id})).file.header.id;
    ASSERT_TRUE(service_->AddEnrichment(officer_, referred, "brp", "adres", "niets gevonden").has_value());
    ASSERT_TRUE(service_->AddAssessment(officer_, referred, "normaal", {"arbeid"}, "loods").has_value());
    auto referral =
        Value(service_->AddReferral(officer_, referred, "moviera", std::nullopt, "2999-01-01", std::nullopt));
    const std::int64_t version = Value(service_->GetCase(officer_, referred)).file.header.version;
    auto refused = service_->AddPartnerFeedback(officer_, referral.id, "Contact gelegd.", {}, shown);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(Value(service_->GetCase(officer_, referred)).file.header.version, version) << "nothing was written";
    EXPECT_TRUE(service_->AddPartnerFeedback(officer_, referral.id, "Contact gelegd.", {}, referred).has_value());
}

// What a URL names as a signal's id may be a name: a refused read of it is audited without it.
TEST_F(ServiceTest, ARefusedReadOfSomethingThatIsNoIdIsAuditedWithoutIt) {
    EXPECT_EQ(service_->GetSignal(melder_, "Jan de Vries 1985").error().code, ErrorCode::kNotFound);
    auto events = Value(service_->ListAuditEvents(auditor_, std::nullopt, std::nullopt));
    ASSERT_FALSE(events.empty());
    for (const auto& record : events) EXPECT_EQ(record.object.find("Vries"), std::string::npos) << record.object;
    EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const store::AuditRecord& record) {
        return record.action == "signal.read" && record.object == "signal/(ongeldig)";
    }));
    EXPECT_TRUE(LooksLikeId(NewId()));
}

TEST_F(ServiceTest, SingleSignOnWithoutTheProvidersSecondFactorTheLocalRulesApply) {
    auto officer = Federated().SignInFederated(Identity("sub-1", {"mh-af"}, false));
    ASSERT_TRUE(officer.has_value());
    EXPECT_TRUE(officer->principal.must_enrol) << "an officer without TOTP may only enrol";
    auto policy = Federated().SignInFederated(Identity("sub-2", {"mh-beleid"}, false));
    ASSERT_TRUE(policy.has_value());
    EXPECT_FALSE(policy->principal.must_enrol) << "beleid needs no second factor";
}

// Two services on one store stand for two instances behind a load balancer: what one counts, keeps or leases, the
// other sees. The addresses are counted under a keyed hash, never stored as they are.
TEST_F(ServiceTest, RateLimitsAreCountedInTheStoreForEveryInstance) {
    ServiceConfig config;
    config.link_key = std::string(32, 'k');
    Service first{*store_, config};
    Service second{*store_, config};
    constexpr RateLimit kLimit{"test-limit", 3, std::chrono::seconds{600}};
    std::vector<std::int64_t> events;
    for (int event = 0; event < 3; ++event) {
        Service& instance = event % 2 == 0 ? first : second;
        auto spent = Value(instance.SpendRateEvent(kLimit, "192.0.2.77"));
        ASSERT_TRUE(spent.has_value()) << "event " << event;
        events.push_back(*spent);
    }
    EXPECT_EQ(Value(first.SpendRateEvent(kLimit, "192.0.2.77")), std::nullopt) << "refused, and not counted again";
    ASSERT_TRUE(second.GiveBackRateEvent(kLimit, "192.0.2.78", events.back()));
    EXPECT_EQ(Value(first.SpendRateEvent(kLimit, "192.0.2.77")), std::nullopt) << "another address's give-back";
    ASSERT_TRUE(second.GiveBackRateEvent(kLimit, "192.0.2.77", events.back()));
    EXPECT_NE(Value(first.SpendRateEvent(kLimit, "192.0.2.77")), std::nullopt) << "an event given back is free again";
    EXPECT_EQ(Value(second.SpendRateEvent(kLimit, "192.0.2.77")), std::nullopt);
    EXPECT_NE(Value(second.SpendRateEvent(kLimit, "192.0.2.78")), std::nullopt) << "another address";
    constexpr RateLimit kOther{"other-limit", 3, std::chrono::seconds{600}};
    EXPECT_NE(Value(first.SpendRateEvent(kOther, "192.0.2.77")), std::nullopt) << "another limit";
    // The check and the count are one write: attempts at the same time, on both instances, together spend the
    // limit and not one more (checking first and counting after the attempt let every attempt in flight through).
    std::atomic<int> spent{0};
    std::atomic<int> refused{0};
    {
        std::vector<std::jthread> threads;
        for (int attempt = 0; attempt < 16; ++attempt) {
            threads.emplace_back([&, attempt] {
                auto event = (attempt % 2 == 0 ? first : second).SpendRateEvent(kOther, "192.0.2.90");
                ASSERT_TRUE(event.has_value());
                ++(event->has_value() ? spent : refused);
            });
        }
    }
    EXPECT_EQ(spent.load(), 3);
    EXPECT_EQ(refused.load(), 13);
    (void)store_->Read([](store::Transaction& transaction) -> Status {
        EXPECT_EQ(transaction.CountRateEvents("test-limit", "192.0.2.77", FormatTime(Now())), 0) << "not in plain";
        return Ok();
    });
    std::ifstream file{directory_ / "meldroute.db", std::ios::binary};
    const std::string bytes{std::istreambuf_iterator<char>{file}, {}};
    EXPECT_EQ(bytes.find("192.0.2.77"), std::string::npos);
}

TEST_F(ServiceTest, ATicketLeftByOneInstanceIsTakenOnceByAnother) {
    const ServiceConfig config;
    Service first{*store_, config};
    Service second{*store_, config};
    const std::string handle = RandomToken();
    ASSERT_TRUE(first.PutTicket("oidc-login", handle, "{\"state\":\"s\"}", std::chrono::seconds{600}));
    using Payload = std::optional<std::string>;
    EXPECT_EQ(Value(second.TakeTicket("other-kind", handle)), Payload{});
    EXPECT_EQ(Value(second.TakeTicket("oidc-login", handle)), Payload{"{\"state\":\"s\"}"});
    EXPECT_EQ(Value(first.TakeTicket("oidc-login", handle)), Payload{}) << "used once";
    ASSERT_TRUE(first.PutTicket("oidc-login", handle, "kort", std::chrono::seconds{0}));
    EXPECT_EQ(Value(second.TakeTicket("oidc-login", handle)), Payload{}) << "expired";
}

// The job weighs candidates read from one snapshot and destroys each in a later write: a case reopened in
// between (by an officer, perhaps on another instance) must survive, and so must one closed again since.
TEST_F(ServiceTest, ACaseReopenedAfterTheJobReadItIsNotDestroyed) {
    ServiceConfig config;
    config.retention.after_closure = domain::RetentionTerm{0, 'd'};
    Service service{*store_, config};
    auto close_new_case = [&](const std::string& narrative) {
        auto signal = Value(service.FileSignal(melder_, Draft(narrative)));
        const std::string case_id = Value(service.CreateCase(officer_, {signal.id})).file.header.id;
        RunRouteAndClose(service, case_id);
        return case_id;
    };
    const std::string reopened = close_new_case("Twaalf mensen slapen in een loods aan de haven.");
    const std::string reclosed = close_new_case("Een nagelsalon waar de medewerkers niet vrij lijken.");
    std::vector<store::RetentionCandidate> candidates;
    ASSERT_TRUE(store_->Read([&](store::Transaction& transaction) -> Status {
        candidates = transaction.ListRetentionCandidates({"case", "9999-01-01T00:00:00Z", std::nullopt, 10});
        return Ok();
    }));
    ASSERT_EQ(candidates.size(), 2u);

    ASSERT_TRUE(service.ReopenCase(officer_, reopened, "Nieuwe melding over dezelfde loods.").has_value());
    ASSERT_TRUE(service.ReopenCase(officer_, reclosed, "Nog een gesprek.").has_value());
    std::this_thread::sleep_for(std::chrono::milliseconds{1100});  // a closure time of its own, to the second
    RunRouteAndClose(service, reclosed);

    RetentionRun run;
    for (const store::RetentionCandidate& candidate : candidates) {
        ASSERT_TRUE(service.DestroyIfDue(candidate, false, "bewaartermijn", run));
    }
    EXPECT_TRUE(run.destroyed.empty());
    for (const std::string& case_id : {reopened, reclosed}) {
        auto view = Value(service.GetCase(officer_, case_id));
        EXPECT_FALSE(view.retention.destroyed_at) << case_id;
        EXPECT_FALSE(view.file.signals.empty() || view.file.signals.front().narrative.empty()) << case_id;
    }
    // The next run weighs the case on its new closure.
    auto later = Value(service.RunRetention(false));
    ASSERT_EQ(later.destroyed.size(), 1u);
    EXPECT_EQ(later.destroyed.front().object_id, reclosed);
}

// A destroyed case keeps its skeleton for the figures, but nothing can be added to it and it cannot be reopened;
// the destruction changes its version, so an officer's stale view is refused as stale.
TEST_F(ServiceTest, ADestroyedCaseCannotBeReopenedOrChanged) {
    ServiceConfig config;
    config.retention.after_closure = domain::RetentionTerm{0, 'd'};
    Service service{*store_, config};
    auto signal = Value(service.FileSignal(melder_, Draft()));
    const std::string case_id = Value(service.CreateCase(officer_, {signal.id})).file.header.id;
    RunRouteAndClose(service, case_id);
    const std::int64_t seen = Value(service.GetCase(officer_, case_id)).file.header.version;
    ASSERT_EQ(Value(service.RunRetention(false)).destroyed.size(), 1u);

    auto stale = service.ReopenCase(officer_, case_id, "Nieuwe melding.", Precondition{seen});
    ASSERT_FALSE(stale.has_value());
    EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
    auto current = Value(service.GetCase(officer_, case_id));
    EXPECT_GT(current.file.header.version, seen);
    auto reopen = service.ReopenCase(officer_, case_id, "Nieuwe melding.", Precondition{current.file.header.version});
    ASSERT_FALSE(reopen.has_value());
    EXPECT_EQ(reopen.error().code, ErrorCode::kFailedPrecondition);
    auto after = Value(service.GetCase(officer_, case_id));
    EXPECT_TRUE(after.allowed_actions.empty()) << "no step is offered";
    EXPECT_EQ(after.file.header.status, domain::CaseStatus::kAfgesloten);
    EXPECT_EQ(after.file.header.version, current.file.header.version);
}

TEST_F(ServiceTest, TheDestructionJobRunsOncePerIntervalAcrossInstances) {
    ServiceConfig config;
    config.retention.signal_without_case = domain::RetentionTerm{0, 'd'};
    config.retention.interval = std::chrono::hours{1};
    Service first{*store_, config};
    Service second{*store_, config};
    ASSERT_TRUE(first.FileSignal(melder_, Draft()));
    auto ran = first.RunScheduledRetention("instance-a");
    ASSERT_TRUE(ran);
    ASSERT_TRUE(ran->has_value());
    EXPECT_EQ((*ran)->destroyed.size(), 1u);
    ASSERT_TRUE(first.FileSignal(melder_, Draft("Een tweede melding, na de eerste run.")));
    auto other = second.RunScheduledRetention("instance-b");
    ASSERT_TRUE(other);
    EXPECT_FALSE(other->has_value()) << "another instance ran inside the interval";
    auto again = first.RunScheduledRetention("instance-a");
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->has_value()) << "the same instance ran again inside the interval";
    auto log = first.RunRetention(true);
    ASSERT_TRUE(log);
    EXPECT_EQ(log->destroyed.size(), 1u) << "the second signal waits for the next interval";
}

}  // namespace
}  // namespace meldroute::app
