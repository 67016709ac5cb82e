// The policy figures against a real SQLite store filled with known signals and cases: a case whose signal came
// in December and that closed in January, cases reopened (across the turn of a year, and twice closed within
// one year), exact figures per year, every total equal to the sum of its parts, also with suppression on.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <tuple>

#include "app/crypto.hpp"
#include "app/keyring.hpp"
#include "base/time.hpp"
#include "domain/statistics.hpp"
#include "domain/statistics_test_support.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/sealed_columns.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace meldroute::store::sqlite {
namespace {

using domain::CaseStatus;

using domain::figures_test::Count;
using domain::figures_test::ExpectTotalsAddUp;

// Writes the route's records with chosen times, as the use cases would write them.
class KnownStore {
public:
    explicit KnownStore(Transaction& transaction) : transaction_(transaction) {}

    void User(const std::string& name, const std::string& department) {
        transaction_.InsertUser({name, "x", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z", department});
    }

    void Signal(const std::string& id, const std::string& at, const std::string& channel, const std::string& reporter) {
        domain::Signal signal;
        signal.id = id;
        signal.reporter = reporter;
        signal.channel = channel;
        signal.narrative = "Bekende melding " + id + " van Jan de Vries, Dorpsstraat 1.";
        signal.catalog_version = "2024.1";
        signal.created_at = at;
        transaction_.InsertSignal(signal);
    }

    void Record(const std::string& case_id, const std::string& at, const std::string& signal_id) {
        domain::Case header;
        header.id = case_id;
        header.created_at = at;
        header.updated_at = at;
        transaction_.InsertCase(header);
        transaction_.SetSignalCase(signal_id, case_id);
    }

    void Link(const std::string& case_id, const std::string& at, const std::string& signal_id) {
        Touch(case_id, at, std::nullopt);
        transaction_.SetSignalCase(signal_id, case_id);
    }

    void Weigh(const std::string& case_id, const std::string& at, const std::string& urgency,
               const std::vector<std::string>& forms) {
        auto header = *transaction_.FindCase(case_id);
        if (header.status == CaseStatus::kVastgelegd || header.status == CaseStatus::kVerrijkt) {
            header.status = CaseStatus::kGewogen;
        }
        header.urgency = urgency;
        header.forms = forms;
        header.weighed_at = at;
        header.updated_at = at;
        transaction_.UpdateCase(header);
        transaction_.InsertAssessment({case_id + "-a-" + at, case_id, urgency, forms, "Onderbouwing.", at, "af"});
    }

    void Refer(const std::string& case_id, const std::string& at, const std::string& partner, const std::string& due,
               const std::optional<std::string>& feedback_at) {
        Touch(case_id, at, CaseStatus::kDoorgezet);
        domain::Referral referral;
        referral.id = case_id + "-r-" + at;
        referral.case_id = case_id;
        referral.partner = partner;
        referral.feedback_due = due;
        referral.at = at;
        referral.actor = "af";
        transaction_.InsertReferral(referral);
        if (feedback_at) {
            transaction_.InsertPartnerFeedback({referral.id + "-f", referral.id, "Opgepakt.", *feedback_at, "af"});
        }
    }

    void TellReporter(const std::string& case_id, const std::string& at) {
        Touch(case_id, at, CaseStatus::kTeruggekoppeld);
        transaction_.InsertReporterFeedback(case_id + "-m-" + at, case_id, {"Opgepakt.", at, "af"});
    }

    void Close(const std::string& case_id, const std::string& at, const std::string& outcome) {
        auto header = *transaction_.FindCase(case_id);
        header.status = CaseStatus::kAfgesloten;
        header.outcome = outcome;
        header.updated_at = at;
        transaction_.UpdateCase(header);
        transaction_.InsertClosure(case_id, {at, outcome, std::nullopt, "af"});
    }

    void Reopen(const std::string& case_id, const std::string& at) {
        auto header = *transaction_.FindCase(case_id);
        header.status = CaseStatus::kVastgelegd;
        header.outcome.reset();
        header.reopen_count += 1;
        header.reopened_at = at;
        header.updated_at = at;
        transaction_.UpdateCase(header);
        transaction_.InsertReopening(case_id, {at, "Nieuwe melding over dezelfde situatie.", "af"});
    }

private:
    void Touch(const std::string& case_id, const std::string& at, std::optional<CaseStatus> status) {
        auto header = *transaction_.FindCase(case_id);
        if (status) header.status = *status;
        header.updated_at = at;
        transaction_.UpdateCase(header);
    }

    Transaction& transaction_;
};

// The known store (times UTC; "t" = 10:00 that day):
//   S1 2024-03-05 formulier (publiekszaken) → C1 recorded 03-06, weighed hoog/arbeid, Moviera 03-08, told
//      03-15, closed 2024-04-01 zorgtraject.
//   S2 2024-12-20 telefoon (toezicht) → C2 recorded 12-21, weighed acuut/seksueel 12-22, politie 12-23, told
//      2025-01-05, closed 2025-01-10 strafrechtelijk: signal in December, closed in January.
//   S3 2024-06-10 anoniem → C3 recorded 06-11, weighed normaal/arbeid 06-12, closed 06-20 geen-mensenhandel;
//      S5 2025-01-31 email (publiekszaken) linked after reopening it on 2025-02-01, weighed again hoog/arbeid +
//      crimineel 02-03, Moviera 02-04, told 02-10, closed 2025-02-15 zorgtraject.
//   S4 2024-11-30 persoonlijk (publiekszaken) → C4 recorded 12-01, weighed normaal/seksueel 12-02, Veilig Thuis
//      12-03 (answered 12-06), told 12-05, closed 12-10 doorverwezen, reopened 2024-12-28: open since.
//   S6 2025-03-01 formulier (toezicht) → C5 recorded 03-02, weighed hoog/crimineel 03-03, RIEC 03-04, told
//      03-05, closed 03-10 onvoldoende-informatie, reopened 03-20, weighed acuut 03-21, told 03-25, closed
//      2025-04-01 zorgtraject: closed twice in one year.
//   S7 2025-12-31 23:59:59 formulier (publiekszaken), S8 2026-01-01 00:00:00: no case.
void FillKnownStore(Transaction& transaction) {
    KnownStore known(transaction);
    known.User("balie", "publiekszaken");
    known.User("boa", "toezicht");

    known.Signal("s1", "2024-03-05T10:00:00Z", "formulier", "balie");
    known.Record("c1", "2024-03-06T10:00:00Z", "s1");
    known.Weigh("c1", "2024-03-07T10:00:00Z", "hoog", {"arbeid"});
    known.Refer("c1", "2024-03-08T10:00:00Z", "moviera", "2024-03-20", "2024-03-12T10:00:00Z");
    known.TellReporter("c1", "2024-03-15T10:00:00Z");
    known.Close("c1", "2024-04-01T10:00:00Z", "zorgtraject");

    known.Signal("s2", "2024-12-20T10:00:00Z", "telefoon", "boa");
    known.Record("c2", "2024-12-21T10:00:00Z", "s2");
    known.Weigh("c2", "2024-12-22T10:00:00Z", "acuut", {"seksueel"});
    known.Refer("c2", "2024-12-23T10:00:00Z", "politie", "2025-01-10", "2025-01-03T10:00:00Z");
    known.TellReporter("c2", "2025-01-05T10:00:00Z");
    known.Close("c2", "2025-01-10T10:00:00Z", "strafrechtelijk");

    known.Signal("s3", "2024-06-10T10:00:00Z", "anoniem", "");
    known.Record("c3", "2024-06-11T10:00:00Z", "s3");
    known.Weigh("c3", "2024-06-12T10:00:00Z", "normaal", {"arbeid"});
    known.Close("c3", "2024-06-20T10:00:00Z", "geen-mensenhandel");

    known.Signal("s4", "2024-11-30T10:00:00Z", "persoonlijk", "balie");
    known.Record("c4", "2024-12-01T10:00:00Z", "s4");
    known.Weigh("c4", "2024-12-02T10:00:00Z", "normaal", {"seksueel"});
    known.Refer("c4", "2024-12-03T10:00:00Z", "veilig-thuis", "2024-12-20", "2024-12-06T10:00:00Z");
    known.TellReporter("c4", "2024-12-05T10:00:00Z");
    known.Close("c4", "2024-12-10T10:00:00Z", "doorverwezen");
    known.Reopen("c4", "2024-12-28T10:00:00Z");

    known.Signal("s5", "2025-01-31T10:00:00Z", "email", "balie");
    known.Reopen("c3", "2025-02-01T10:00:00Z");
    known.Link("c3", "2025-02-01T11:00:00Z", "s5");
    known.Weigh("c3", "2025-02-03T10:00:00Z", "hoog", {"arbeid", "crimineel"});
    known.Refer("c3", "2025-02-04T10:00:00Z", "moviera", "2025-02-20", "2025-02-08T10:00:00Z");
    known.TellReporter("c3", "2025-02-10T10:00:00Z");
    known.Close("c3", "2025-02-15T10:00:00Z", "zorgtraject");

    known.Signal("s6", "2025-03-01T10:00:00Z", "formulier", "boa");
    known.Record("c5", "2025-03-02T10:00:00Z", "s6");
    known.Weigh("c5", "2025-03-03T10:00:00Z", "hoog", {"crimineel"});
    known.Refer("c5", "2025-03-04T10:00:00Z", "riec", "2025-03-30", "2025-03-06T10:00:00Z");
    known.TellReporter("c5", "2025-03-05T10:00:00Z");
    known.Close("c5", "2025-03-10T10:00:00Z", "onvoldoende-informatie");
    known.Reopen("c5", "2025-03-20T10:00:00Z");
    known.Weigh("c5", "2025-03-21T10:00:00Z", "acuut", {"crimineel"});
    known.TellReporter("c5", "2025-03-25T10:00:00Z");
    known.Close("c5", "2025-04-01T10:00:00Z", "zorgtraject");

    known.Signal("s7", "2025-12-31T23:59:59Z", "formulier", "balie");
    known.Signal("s8", "2026-01-01T00:00:00Z", "formulier", "boa");
}

class FiguresStoreTest : public ::testing::Test {
protected:
    std::shared_ptr<app::Keyring> keyring_ = (app::InitCrypto(), app::Keyring::Ephemeral());
    void SetUp() override {
        directory_ = std::filesystem::temp_directory_path() /
                     ("meldroute-figures-test-" + std::to_string(::getpid()) + "-" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(directory_);
        std::filesystem::create_directories(directory_);
        auto opened = SqliteStore::Open((directory_ / "store.db").string(), keyring_);
        ASSERT_TRUE(opened.has_value()) << opened.error().detail;
        store_ = std::move(*opened);
        ASSERT_TRUE(store_->Write([](Transaction& transaction) -> Status {
            FillKnownStore(transaction);
            return Ok();
        }).has_value());
    }
    void TearDown() override {
        store_.reset();
        std::filesystem::remove_all(directory_);
    }

    // The figures of [from, to) as the statistics service computes them, as of 30 June 2025.
    domain::StatisticsReport Figures(const std::string& from, const std::string& to) {
        std::vector<domain::SignalForFigures> signals;
        std::vector<domain::CaseForFigures> cases;
        EXPECT_TRUE(store_->Read([&](Transaction& transaction) -> Status {
            signals = transaction.SignalsForFiguresBetween(from, to);
            cases = transaction.CasesForFiguresBetween(from, to);
            return Ok();
        }).has_value());
        return domain::ComputeStatistics(signals, cases, from, to, *ParseDate("2025-06-30"), domain::DeadlineSettings{});
    }

    std::vector<domain::CaseForFigures> CasesOf(const std::string& from, const std::string& to) {
        std::vector<domain::CaseForFigures> cases;
        EXPECT_TRUE(store_->Read([&](Transaction& transaction) -> Status {
            cases = transaction.CasesForFiguresBetween(from, to);
            return Ok();
        }).has_value());
        return cases;
    }

    std::vector<domain::PeriodCounts> CountsPerYear(const std::string& from, const std::string& to) {
        std::vector<domain::PeriodCounts> counts;
        EXPECT_TRUE(store_->Read([&](Transaction& transaction) -> Status {
            counts = transaction.CountsPerYear(from, to);
            return Ok();
        }).has_value());
        return counts;
    }

    // Runs SQL on the store's file directly: changes no use case makes (yet).
    void Exec(const std::string& sql) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open((directory_ / "store.db").c_str(), &db), SQLITE_OK);
        char* error = nullptr;
        int code = sqlite3_exec(db, ("PRAGMA foreign_keys = OFF;" + sql).c_str(), nullptr, nullptr, &error);
        std::string message = error != nullptr ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        ASSERT_EQ(code, SQLITE_OK) << message;
    }

    std::filesystem::path directory_;
    std::unique_ptr<SqliteStore> store_;
};

const std::string k2024 = "2024-01-01T00:00:00Z";
const std::string k2025 = "2025-01-01T00:00:00Z";
const std::string k2026 = "2026-01-01T00:00:00Z";

TEST_F(FiguresStoreTest, ExactFiguresFor2024) {
    auto report = Figures(k2024, k2025);
    EXPECT_EQ(report.signals, 4);
    EXPECT_EQ(Count(report.by_channel, "formulier"), 1);
    EXPECT_EQ(Count(report.by_channel, "telefoon"), 1);
    EXPECT_EQ(Count(report.by_channel, "anoniem"), 1);
    EXPECT_EQ(Count(report.by_channel, "persoonlijk"), 1);
    EXPECT_EQ(Count(report.by_department, "publiekszaken"), 2);
    EXPECT_EQ(Count(report.by_department, "toezicht"), 1);
    EXPECT_EQ(Count(report.by_department, domain::kResidentDepartment), 1);

    EXPECT_EQ(report.cases, 4);
    // Forms and urgency are those of the latest weighing, also when it was made after a reopening in 2025.
    EXPECT_EQ(Count(report.by_urgency, "hoog"), 2);
    EXPECT_EQ(Count(report.by_urgency, "acuut"), 1);
    EXPECT_EQ(Count(report.by_urgency, "normaal"), 1);
    EXPECT_EQ(Count(report.by_form, "arbeid"), 2);
    EXPECT_EQ(Count(report.by_form, "seksueel"), 2);
    EXPECT_EQ(Count(report.by_form, "crimineel"), 1);

    EXPECT_EQ(report.referrals, 3);
    EXPECT_EQ(Count(report.by_partner, "moviera"), 1);
    EXPECT_EQ(Count(report.by_partner, "politie"), 1);
    EXPECT_EQ(Count(report.by_partner, "veilig-thuis"), 1);

    // Closures of 2024 with the outcome given then; the spanning case closed in January 2025 is not among them.
    EXPECT_EQ(report.closures, 3);
    EXPECT_EQ(Count(report.by_outcome, "zorgtraject"), 1);
    EXPECT_EQ(Count(report.by_outcome, "geen-mensenhandel"), 1) << "C3's first closure stays counted in 2024";
    EXPECT_EQ(Count(report.by_outcome, "doorverwezen"), 1) << "C4 was reopened, its closure still happened";
    EXPECT_EQ(Count(report.by_outcome, "strafrechtelijk"), 0);
    EXPECT_EQ(report.care_trajectories, 1);
    EXPECT_EQ(report.reopenings, 1);

    ASSERT_EQ(report.per_year.size(), 1u);
    EXPECT_EQ(report.per_month.size(), 12u);
    auto month = [&](const std::string& key) {
        for (const auto& counts : report.per_month) {
            if (counts.period == key) return counts;
        }
        return domain::PeriodCounts{};
    };
    EXPECT_EQ(month("2024-12").signals, 1);
    EXPECT_EQ(month("2024-12").cases, 2);
    EXPECT_EQ(month("2024-04").care_trajectories, 1);
    EXPECT_EQ(month("2024-12").reopenings, 1);

    // Lead times keep the first pass: C3's weighing after its reopening does not move "signal → weighed".
    EXPECT_EQ(report.signal_to_weighed.count, 4);
    EXPECT_DOUBLE_EQ(*report.signal_to_weighed.median, 2.0);
    EXPECT_DOUBLE_EQ(*report.signal_to_weighed.p90, 2.0);

    // C4, reopened on 28 December, owes its reporter new feedback (14 days): overdue by 30 June 2025.
    EXPECT_EQ(report.overdue_cases, 1);
    EXPECT_EQ(Count(report.overdue_by_reason, "terugkoppeling-melder"), 1);
    ExpectTotalsAddUp(report, "2024");
}

TEST_F(FiguresStoreTest, ExactFiguresFor2025) {
    auto report = Figures(k2025, k2026);
    EXPECT_EQ(report.signals, 3) << "S7 at 23:59:59 on 31 December counts, S8 at midnight does not";
    EXPECT_EQ(Count(report.by_channel, "email"), 1);
    EXPECT_EQ(Count(report.by_channel, "formulier"), 2);
    EXPECT_EQ(Count(report.by_department, "publiekszaken"), 2);
    EXPECT_EQ(Count(report.by_department, "toezicht"), 1);

    EXPECT_EQ(report.cases, 1) << "reopened cases are not recorded again";
    EXPECT_EQ(Count(report.by_urgency, "acuut"), 1);
    EXPECT_EQ(report.referrals, 2);
    EXPECT_EQ(Count(report.by_partner, "moviera"), 1);
    EXPECT_EQ(Count(report.by_partner, "riec"), 1);

    // The spanning case's closure in January, the reopened C3 closed again, C5 closed twice in the year.
    EXPECT_EQ(report.closures, 4);
    EXPECT_EQ(Count(report.by_outcome, "strafrechtelijk"), 1);
    EXPECT_EQ(Count(report.by_outcome, "zorgtraject"), 2);
    EXPECT_EQ(Count(report.by_outcome, "onvoldoende-informatie"), 1);
    EXPECT_EQ(report.care_trajectories, 2);
    EXPECT_EQ(report.reopenings, 2);
    ExpectTotalsAddUp(report, "2025");
}

TEST_F(FiguresStoreTest, TwoYearsAreTheSumOfEachYear) {
    auto first = Figures(k2024, k2025);
    auto second = Figures(k2025, k2026);
    auto both = Figures(k2024, k2026);
    EXPECT_EQ(both.signals, first.signals + second.signals);
    EXPECT_EQ(both.cases, first.cases + second.cases);
    EXPECT_EQ(both.referrals, first.referrals + second.referrals);
    EXPECT_EQ(both.closures, first.closures + second.closures);
    EXPECT_EQ(both.reopenings, first.reopenings + second.reopenings);
    EXPECT_EQ(both.care_trajectories, first.care_trajectories + second.care_trajectories);
    for (const auto& [outcome, count] : both.by_outcome) {
        EXPECT_EQ(count, Count(first.by_outcome, outcome) + Count(second.by_outcome, outcome)) << outcome;
    }
    for (const auto& [channel, count] : both.by_channel) {
        EXPECT_EQ(count, Count(first.by_channel, channel) + Count(second.by_channel, channel)) << channel;
    }
    ASSERT_EQ(both.per_year.size(), 2u);
    EXPECT_EQ(both.per_year[0].care_trajectories, first.care_trajectories);
    EXPECT_EQ(both.per_year[1].care_trajectories, second.care_trajectories);
    EXPECT_EQ(both.per_year[0].reopenings, 1);
    EXPECT_EQ(both.per_year[1].reopenings, 2);
    ExpectTotalsAddUp(both, "2024-2025");
}

// The yearly overview takes its counts per year from the store (CountsPerYear) instead of computing them from
// every case: they must be exactly what the statistics compute, for every year and every count.
void ExpectCountsPerYear(const std::vector<domain::PeriodCounts>& counted, const domain::StatisticsReport& computed) {
    ASSERT_EQ(counted.size(), computed.per_year.size());
    for (std::size_t index = 0; index < counted.size(); ++index) {
        const domain::PeriodCounts& year = counted[index];
        const domain::PeriodCounts& expected = computed.per_year[index];
        EXPECT_EQ(year.period, expected.period);
        EXPECT_EQ(year.signals, expected.signals) << year.period;
        EXPECT_EQ(year.cases, expected.cases) << year.period;
        EXPECT_EQ(year.care_trajectories, expected.care_trajectories) << year.period;
        EXPECT_EQ(year.reopenings, expected.reopenings) << year.period;
    }
}

TEST_F(FiguresStoreTest, TheStoreCountsPerYearWhatTheStatisticsCompute) {
    const std::string from = "2020-01-01T00:00:00Z";
    const std::string to = "2030-01-01T00:00:00Z";
    auto counted = CountsPerYear(from, to);
    ExpectCountsPerYear(counted, Figures(from, to));
    ASSERT_EQ(counted.size(), 3u) << "2024, 2025 and 2026 (S8, the first second of 2026)";
    EXPECT_EQ(counted[1].period, "2025");
    EXPECT_EQ(counted[1].signals, 3) << "S5, S6, S7";
    EXPECT_EQ(counted[1].reopenings, 2);

    // Signals taken into a case, moved to another reporter or deleted move from one count to the other.
    ASSERT_TRUE(store_->Write([](Transaction& transaction) -> Status {
        KnownStore known(transaction);
        known.Signal("s9", "2025-05-05T10:00:00Z", "telefoon", "balie");
        known.Signal("s10", "2027-05-05T11:00:00Z", "telefoon", "balie");
        known.Record("c9", "2027-05-07T10:00:00Z", "s9");
        return Ok();
    }).has_value());
    Exec("DELETE FROM signals WHERE id = 's8'");
    counted = CountsPerYear(from, to);
    ExpectCountsPerYear(counted, Figures(from, to));
    ASSERT_EQ(counted.size(), 3u) << "2026 has nothing left; 2027 has S10 and C9";
    EXPECT_EQ(counted[1].signals, 4);
    EXPECT_EQ(counted[2].period, "2027");
    EXPECT_EQ(counted[2].cases, 1);
}

// Over whole days the store counts the signals not in a case from its kept day counts; a bound inside a day
// makes it read the signals themselves. Both must give the same figures, also after signals were taken into
// cases, moved to another reporter and deleted (the counts are kept by triggers on every change).
void ExpectSameSignalFigures(const domain::StatisticsReport& counted, const domain::StatisticsReport& read) {
    EXPECT_EQ(counted.signals, read.signals);
    EXPECT_EQ(counted.by_channel, read.by_channel);
    EXPECT_EQ(counted.by_department, read.by_department);
    ASSERT_EQ(counted.per_year.size(), read.per_year.size());
    for (std::size_t index = 0; index < counted.per_year.size(); ++index) {
        EXPECT_EQ(counted.per_year[index].signals, read.per_year[index].signals) << counted.per_year[index].period;
    }
    ASSERT_EQ(counted.per_month.size(), read.per_month.size());
    for (std::size_t index = 0; index < counted.per_month.size(); ++index) {
        EXPECT_EQ(counted.per_month[index].signals, read.per_month[index].signals) << counted.per_month[index].period;
    }
    EXPECT_EQ(counted.signal_to_recorded.count, read.signal_to_recorded.count);
    EXPECT_EQ(counted.signal_to_recorded.median, read.signal_to_recorded.median);
    EXPECT_EQ(counted.signal_to_recorded.p90, read.signal_to_recorded.p90);
}

TEST_F(FiguresStoreTest, KeptDayCountsGiveTheSameFiguresAsTheSignalsThemselves) {
    // One second before 2024 nothing happened, so [that second, 2026) holds what [2024, 2026) holds.
    const std::string just_before_2024 = "2023-12-31T23:59:59Z";
    ExpectSameSignalFigures(Figures(k2024, k2026), Figures(just_before_2024, k2026));
    auto year = Figures(k2025, k2026);
    EXPECT_EQ(year.signals, 3) << "S5, S6, S7 (S8 is the first second of 2026)";
    EXPECT_EQ(Figures("2025-12-31T23:59:59Z", k2026).signals, 1) << "a bound inside a day: S7 alone";

    ASSERT_TRUE(store_->Write([](Transaction& transaction) -> Status {
        KnownStore known(transaction);
        known.Signal("s9", "2025-05-05T10:00:00Z", "telefoon", "balie");
        known.Signal("s10", "2025-05-05T11:00:00Z", "telefoon", "balie");
        known.Signal("s11", "2025-05-06T11:00:00Z", "anoniem", "");
        known.Record("c9", "2025-05-07T10:00:00Z", "s9");
        return Ok();
    }).has_value());
    // Changes no use case makes today still keep the counts right: another reporter, a signal deleted.
    Exec("UPDATE signals SET reporter = 'boa' WHERE id = 's10'");
    Exec("DELETE FROM signals WHERE id = 's11'");
    auto counted = Figures(k2025, k2026);
    EXPECT_EQ(counted.signals, 5);
    EXPECT_EQ(Count(counted.by_department, "toezicht"), 2) << "S6 and S10, which moved to boa";
    EXPECT_EQ(counted.signal_to_recorded.count, 3) << "S5 (linked to C3), S6 (C5) and S9";
    ExpectSameSignalFigures(counted, Figures("2024-12-31T23:59:59Z", k2026));
}

TEST_F(FiguresStoreTest, TheStoreHandsOverEveryClosureAndReopening) {
    auto cases = CasesOf(k2025, k2026);
    ASSERT_EQ(cases.size(), 3u) << "C2 (closed in 2025), C3 (reopened in 2025) and C5; not C1 or C4";
    const domain::CaseForFigures& c3 = cases[1];
    ASSERT_EQ(c3.closures.size(), 2u);
    EXPECT_EQ(c3.closures[0].outcome, "geen-mensenhandel");
    EXPECT_EQ(c3.closures[1].outcome, "zorgtraject");
    EXPECT_EQ(c3.reopenings, std::vector<std::string>{"2025-02-01T10:00:00Z"});
    EXPECT_EQ(c3.outcome, "zorgtraject") << "the outcome is that of the latest closure";
    EXPECT_EQ(c3.closed_at, "2025-02-15T10:00:00Z");
    EXPECT_EQ(c3.first_signal_at, "2024-06-10T10:00:00Z") << "the linked signal does not move the start";

    auto evaluation = domain::BuildCareEvaluation(CasesOf(k2024, k2026), 2025);
    EXPECT_EQ(evaluation.started, 1) << "C3's first referral to Moviera was after its reopening";
    EXPECT_EQ(evaluation.led_to_care, 1);
    EXPECT_EQ(evaluation.reopened, 1);
    ASSERT_EQ(evaluation.trajectories.size(), 1u);
    EXPECT_EQ(evaluation.trajectories[0].reopen_count, 1);
}

TEST_F(FiguresStoreTest, WithSuppressionTheTotalsStayAndNoSmallCountCanBeWorkedOut) {
    using domain::Visibility;
    const std::vector<std::pair<std::string, std::string>> periods{{k2024, k2025}, {k2025, k2026}, {k2024, k2026}};
    for (const auto& [from, to] : periods) {
        auto report = Figures(from, to);
        auto suppression = domain::SuppressReport(report, 5);
        SCOPED_TRACE(from + " – " + to);
        ExpectTotalsAddUp(report, "suppressed");  // suppression changes what is shown, never the counts
        auto primary = [](std::int64_t value) { return value > 0 && value < 5 ? Visibility::kBelowThreshold : Visibility::kShown; };
        EXPECT_EQ(suppression.Of("closures"), primary(report.closures));
        EXPECT_EQ(suppression.Of("reopenings"), primary(report.reopenings));
        if (!suppression.withheld.contains("byOutcome")) {
            EXPECT_EQ(suppression.Of("careTrajectories"), suppression.Of("byOutcome/zorgtraject"));
        }
        EXPECT_EQ(suppression.Of("careTrajectories"), primary(report.care_trajectories))
            << "a withheld breakdown does not turn a small total into \"x\"";
        // Each breakdown: every small cell is hidden; where its total is shown, the hidden cells still leave
        // every small one anywhere in 1 … 4.
        for (const auto& [name, breakdown, total] : std::vector<std::tuple<std::string, const domain::Breakdown*, std::int64_t>>{
                 {"byChannel", &report.by_channel, report.signals},
                 {"byDepartment", &report.by_department, report.signals},
                 {"byUrgency", &report.by_urgency, report.cases},
                 {"byPartner", &report.by_partner, report.referrals},
                 {"byOutcome", &report.by_outcome, report.closures}}) {
            std::vector<std::int64_t> cells;
            std::vector<Visibility> visibility;
            for (const auto& [key, value] : *breakdown) {
                cells.push_back(value);
                visibility.push_back(suppression.Of(name + "/" + key));
                if (value > 0 && value < 5) {
                    EXPECT_NE(visibility.back(), Visibility::kShown) << name << "/" << key;
                }
            }
            if (total >= 5) {
                EXPECT_TRUE(domain::GroupProtected(cells, visibility, 5)) << name;
            }
        }
    }
}

// Cases closed before migration 11 keep their one closure in the new history, with the note re-sealed for
// its own row.
TEST(FiguresMigrationTest, ClosedCasesFromBeforeReopeningGetTheirClosure) {
    auto path = std::filesystem::temp_directory_path() / ("meldroute-migration11-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    std::shared_ptr<app::Keyring> keyring = (app::InitCrypto(), app::Keyring::Ephemeral());
    const auto& migrations = Migrations();
    std::string sql;
    constexpr std::size_t kBeforeReopening = 10;  // migration 11 brings case_closures and its backfill step
    ASSERT_GT(migrations.size(), kBeforeReopening);
    for (std::size_t index = 0; index < kBeforeReopening; ++index) sql += migrations[index].sql;
    const std::string note = keyring->Seal(SealContext("cases", "oud", "closure_note"), "Klaar.");
    sql += "INSERT INTO cases (id, status, outcome, closure_note, created_at, updated_at, closed_at) VALUES "
           "('oud', 'afgesloten', 'zorgtraject', '" + note + "', '2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z', "
           "'2024-02-01T00:00:00Z');"
           "INSERT INTO timeline (case_id, at, actor, action, detail) VALUES "
           "('oud', '2024-02-01T00:00:00Z', 'af', 'close', 'Afgesloten.');";
    sql += "PRAGMA application_id = " + std::to_string(kApplicationId) + ";";
    sql += "PRAGMA user_version = " + std::to_string(kBeforeReopening) + ";";
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    {
        auto store = SqliteStore::Open(path.string(), keyring);
        ASSERT_TRUE(store.has_value()) << store.error().detail;
        EXPECT_TRUE((*store)->Read([](Transaction& transaction) -> Status {
            auto record = transaction.LoadCase("oud");
            EXPECT_TRUE(record.has_value());
            auto closures = record ? record->file.closures : std::vector<domain::Closure>{};
            EXPECT_EQ(closures.size(), 1u);
            if (!closures.empty()) {
                EXPECT_EQ(closures[0].outcome, "zorgtraject");
                EXPECT_EQ(closures[0].note, "Klaar.");
                EXPECT_EQ(closures[0].actor, "af");
            }
            EXPECT_EQ(transaction.FindCase("oud")->reopen_count, 0);
            return Ok();
        }).has_value());
        auto changed = (*store)->Write([](Transaction& transaction) -> Status {
            transaction.InsertClosure("oud", {"2024-03-01T00:00:00Z", "doorverwezen", std::string{"Nog een."}, "af"});
            return Ok();
        });
        EXPECT_TRUE(changed.has_value());
        EXPECT_TRUE((*store)->Read([](Transaction& transaction) -> Status {
            auto record = transaction.LoadCase("oud");
            EXPECT_TRUE(record.has_value());
            auto closures = record ? record->file.closures : std::vector<domain::Closure>{};
            EXPECT_EQ(closures.size(), 2u);
            if (closures.size() == 2) {
                EXPECT_EQ(closures[1].note, "Nog een.");
            }
            return Ok();
        }).has_value());
    }
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
}

// Migration 15 fills the day counts from the signals already there: the figures of an upgraded store are
// those the signals give.
TEST(FiguresMigrationTest, DayCountsAreFilledFromTheSignalsOfAnOlderDatabase) {
    auto path = std::filesystem::temp_directory_path() / ("meldroute-migration15-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    std::shared_ptr<app::Keyring> keyring = (app::InitCrypto(), app::Keyring::Ephemeral());
    const auto& migrations = Migrations();
    const std::size_t before_day_counts = migrations.size() - 1;  // the last migration brings signal_day_counts
    std::string sql;
    for (std::size_t index = 0; index < before_day_counts; ++index) sql += migrations[index].sql;
    sql += "INSERT INTO users (username, password_hash, roles, created_at, department) VALUES "
           "('balie', 'x', 'melder', '2024-01-01T00:00:00Z', 'publiekszaken');"
           "INSERT INTO cases (id, status, created_at, updated_at) VALUES "
           "('c1', 'vastgelegd', '2024-03-07T10:00:00Z', '2024-03-07T10:00:00Z');";
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>> signals{
        {"s1", "'balie'", "2024-03-05T10:00:00Z", "'2024-03-07T10:00:00Z'"},
        {"s2", "'balie'", "2024-03-05T11:00:00Z", "NULL"},
        {"s3", "NULL", "2024-03-05T12:00:00Z", "NULL"},
        {"s4", "'balie'", "2024-03-05T13:00:00Z", "NULL"}};
    for (const auto& [id, reporter, at, recorded_at] : signals) {
        sql += "INSERT INTO signals (id, reporter, channel, narrative, indicator_codes, catalog_version, created_at, "
               "case_id, recorded_at) VALUES ('" + id + "', " + reporter + ", " +
               (reporter == "NULL" ? "'anoniem'" : "'email'") + ", 'x', '', '2024.1', '" + at + "', " +
               (recorded_at == "NULL" ? "NULL" : "'c1'") + ", " + recorded_at + ");";
    }
    sql += "PRAGMA application_id = " + std::to_string(kApplicationId) + ";";
    sql += "PRAGMA user_version = " + std::to_string(before_day_counts) + ";";
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error != nullptr ? error : "");
    sqlite3_close(db);
    {
        auto store = SqliteStore::Open(path.string(), keyring);
        ASSERT_TRUE(store.has_value()) << store.error().detail;
        std::vector<domain::SignalForFigures> facts;
        EXPECT_TRUE((*store)->Read([&](Transaction& transaction) -> Status {
            facts = transaction.SignalsForFiguresBetween("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
            return Ok();
        }).has_value());
        auto report = domain::ComputeStatistics(facts, {}, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z",
                                                *ParseDate("2025-06-30"), domain::DeadlineSettings{});
        EXPECT_EQ(report.signals, 4);
        EXPECT_EQ(Count(report.by_department, "publiekszaken"), 3);
        EXPECT_EQ(Count(report.by_department, domain::kResidentDepartment), 1);
        EXPECT_EQ(Count(report.by_channel, "email"), 3);
        EXPECT_EQ(report.signal_to_recorded.count, 1);
        EXPECT_EQ(report.signal_to_recorded.median, 2.0);
        EXPECT_EQ(facts.size(), 3u) << "S2 and S4 (one day, channel and reporter) as one row, S3, and S1 alone";
    }
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
}

}  // namespace
}  // namespace meldroute::store::sqlite
