// The policy figures' use cases: statistics of a period, the yearly overview beside the figures from before
// meldroute, the care evaluation, and entering those earlier figures. Figures only, never a person's data;
// each read runs on a snapshot in the reader pool (it never holds up the writer) and is audited before its
// figures are handed out.
#include <algorithm>
#include <set>

#include "app/audit.hpp"
#include "app/service.hpp"
#include "app/service_support.hpp"
#include "base/memory.hpp"
#include "base/time.hpp"

namespace meldroute::app {

namespace {

using support::Invalid;
using support::kAllowed;
using support::NowText;
using domain::Role;

constexpr const char* kPurposePolicy = "beleidsinformatie";
constexpr const char* kDateHint = "Geef een geldige datum als JJJJ-MM-DD.";
constexpr int kFirstYear = 1990;
constexpr int kLastYear = 2100;

int ThisYear() { return std::stoi(FormatDate(DayOf(Now())).substr(0, 4)); }

std::string YearStart(int year) { return std::to_string(year) + "-01-01T00:00:00Z"; }

}  // namespace

Result<Statistics> Service::GetStatistics(const Principal& principal, const std::string& from, const std::string& to,
                                          bool suppress, const std::string& action) {
    MR_TRY(Require(principal, {Role::kBeleid, Role::kAandachtfunctionaris}, action));
    const ReturnFreedMemoryOnExit release;  // the lead times of a whole period are gathered in memory
    auto from_day = ParseDate(from);
    auto to_day = ParseDate(to);
    std::vector<InvalidParam> problems;
    if (!from_day) problems.push_back({"from", kDateHint});
    if (!to_day) problems.push_back({"to", kDateHint});
    if (from_day && to_day && *from_day > *to_day) problems.push_back({"to", "De einddatum ligt voor de begindatum."});
    // Suppressed figures are meant to leave the organisation; with periods of free choice, the difference of two
    // overlapping totals would give away what suppression hides. So they come per calendar year only.
    bool one_year = from.size() == 10 && to.size() == 10 && from.substr(0, 4) == to.substr(0, 4) &&
                    from.substr(4) == "-01-01" && to.substr(4) == "-12-31";
    if (suppress && problems.empty() && !one_year) {
        problems.push_back({"suppress", "Afgeschermde cijfers gaan over precies één kalenderjaar (JJJJ-01-01 tot JJJJ-12-31)."});
    }
    if (!problems.empty()) return Invalid(std::move(problems));
    Statistics statistics;
    statistics.from = from;
    statistics.to = to;
    // The period includes the whole of its last day.
    std::string from_time = FormatTime(TimePoint{*from_day});
    std::string to_time = FormatTime(TimePoint{*to_day + std::chrono::days{1}});
    // The facts are tallied one at a time as the store reads them (SQLite reads them from the file row by row;
    // PostgreSQL hands over a query's rows as one result), not gathered into lists first.
    std::optional<domain::StatisticsTally> tally;
    MR_TRY(AuditedRead(
        [&](store::Transaction& transaction) -> Status {
            tally.emplace(from_time, to_time, DayOf(Now()), config_.deadlines);
            transaction.ForEachSignalForFigures(from_time, to_time,
                                                [&](const domain::SignalForFigures& fact) { tally->Add(fact); });
            transaction.ForEachCaseForFigures(from_time, to_time,
                                              [&](const domain::CaseForFigures& fact) { tally->Add(fact); });
            return Ok();
        },
        {principal.username, action, suppress ? "statistics/afgeschermd" : "statistics", kPurposePolicy, kAllowed}));
    statistics.report = std::move(*tally).Finish();
    if (suppress) statistics.suppression = domain::SuppressReport(statistics.report, config_.suppression_threshold);
    return statistics;
}

Result<YearlyOverview> Service::GetYearlyOverview(const Principal& principal, bool suppress, const std::string& action) {
    MR_TRY(Require(principal, {Role::kBeleid, Role::kAandachtfunctionaris}, action));
    const int this_year = ThisYear();
    std::vector<store::YearlyFiguresRecord> entered;
    std::vector<domain::PeriodCounts> per_year;
    // Only counts per year are shown, so the store counts them: every year at once, without reading a case.
    MR_TRY(AuditedRead(
        [&](store::Transaction& transaction) -> Status {
            entered = transaction.ListYearlyFigures();
            per_year = transaction.CountsPerYear(YearStart(kFirstYear), YearStart(this_year + 1));
            return Ok();
        },
        {principal.username, action, suppress ? "yearly-overview/afgeschermd" : "yearly-overview", kPurposePolicy,
         kAllowed}));
    std::set<int> years;
    for (const auto& figures : entered) years.insert(figures.year);
    for (const auto& counts : per_year) years.insert(std::stoi(counts.period));
    YearlyOverview overview;
    if (suppress) overview.threshold = config_.suppression_threshold;
    if (years.empty()) return overview;
    for (int year = *years.begin(); year <= std::max(*years.rbegin(), this_year); ++year) {
        YearlyOverviewRow row;
        row.year = year;
        for (const auto& figures : entered) {
            if (figures.year == year) row.entered = figures;
        }
        for (const auto& counts : per_year) {
            if (counts.period == std::to_string(year)) row.recorded = counts;
        }
        overview.rows.push_back(std::move(row));
    }
    return overview;
}

Result<domain::CareEvaluation> Service::GetCareEvaluation(const Principal& principal, int year, bool suppress,
                                                          const std::string& action) {
    MR_TRY(Require(principal, {Role::kBeleid, Role::kAandachtfunctionaris}, action));
    const ReturnFreedMemoryOnExit release;  // the figures of a whole period are read into memory
    if (year < kFirstYear || year > kLastYear) {
        return Invalid({{"year", "Geef een jaar tussen " + std::to_string(kFirstYear) + " en " +
                                     std::to_string(kLastYear) + "."}});
    }
    std::vector<domain::CaseForFigures> cases;
    MR_TRY(AuditedRead(
        [&](store::Transaction& transaction) -> Status {
            cases = transaction.CasesForFiguresBetween(YearStart(year), YearStart(year + 1));
            return Ok();
        },
        {principal.username, action, "care-evaluation/" + std::to_string(year) + (suppress ? "/afgeschermd" : ""),
         "evaluatie zorgtrajecten met de zorgcoördinator", kAllowed}));
    auto evaluation = domain::BuildCareEvaluation(cases, year);
    if (suppress) evaluation.trajectories.clear();  // single trajectories never leave the organisation
    return evaluation;
}

Result<std::vector<store::YearlyFiguresRecord>> Service::ListYearlyFigures(const Principal& principal) {
    MR_TRY(Require(principal, {Role::kBeleid, Role::kBeheerder}, "yearly-figures.read"));
    std::vector<store::YearlyFiguresRecord> figures;
    MR_TRY(AuditedRead(
        [&](store::Transaction& transaction) -> Status {
            figures = transaction.ListYearlyFigures();
            return Ok();
        },
        {principal.username, "yearly-figures.read", "yearly-figures", kPurposePolicy, kAllowed}));
    return figures;
}

Status Service::MayEnterYearlyFigures(const Principal& principal) {
    return Require(principal, {Role::kBeleid, Role::kBeheerder}, "yearly-figures.write");
}

Result<store::YearlyFiguresRecord> Service::SetYearlyFigures(const Principal& principal,
                                                             store::YearlyFiguresRecord figures) {
    MR_TRY(Require(principal, {Role::kBeleid, Role::kBeheerder}, "yearly-figures.write"));
    std::vector<InvalidParam> problems;
    if (figures.year < kFirstYear || figures.year > kLastYear) {
        problems.push_back({"year", "Geef een jaar tussen " + std::to_string(kFirstYear) + " en " +
                                        std::to_string(kLastYear) + "."});
    }
    const std::vector<std::pair<const char*, const std::optional<std::int64_t>*>> counts{
        {"regionSignals", &figures.region_signals},
        {"regionCareTrajectories", &figures.region_care_trajectories},
        {"municipalityCount", &figures.municipality_count}};
    for (const auto& [name, value] : counts) {
        if (*value && (**value < 0 || **value > 1000000)) problems.push_back({name, "Geef een aantal van 0 tot 1.000.000."});
    }
    if (!figures.region_signals && !figures.region_care_trajectories && !figures.municipality_count) {
        problems.push_back({"regionSignals", "Vul ten minste één aantal in."});
    }
    if (figures.source.empty() || figures.source.size() > 200) {
        problems.push_back({"source", "Noem de bron van de cijfers (hoogstens 200 tekens)."});
    }
    if (!problems.empty()) return Invalid(std::move(problems));
    figures.updated_at = NowText();
    figures.updated_by = principal.username;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        transaction.UpsertYearlyFigures(figures);
        AppendAudit(transaction, {principal.username, "yearly-figures.write", "yearly-figures/" + std::to_string(figures.year),
                                  kPurposePolicy, kAllowed},
                    figures.updated_at);
        return Ok();
    }));
    return figures;
}

}  // namespace meldroute::app
