// The figures under /api/v1: statistics of a period (JSON, or one table as CSV), the yearly overview beside
// the figures from before meldroute, those figures themselves, and the care evaluation (JSON, PDF, xlsx, CSV).
#include "http/api_support.hpp"
#include "http/downloads.hpp"
#include "http/figures.hpp"

namespace meldroute::http {

namespace {

using boost::beast::http::verb;

//! `?suppress=true|false` (absent: false).
Result<bool> SuppressParameter(const Context& context) {
    auto value = First(context.query, "suppress");
    if (!value || *value == "false") return false;
    if (*value == "true") return true;
    return MakeError(ErrorCode::kInvalidArgument, "De invoer is niet geldig.",
                     {{"suppress", "Gebruik true of false."}});
}

// A path year that is not four digits becomes 0, which the service refuses (400) after its role check.
int YearParameter(const std::string& text) { return ParseYear(text).value_or(0); }

Response Send(Context& context, const Result<Download>& download) {
    if (!download) return Problem(context.request, download.error());
    return DownloadResponse(context.request, *download);
}

Result<store::YearlyFiguresRecord> ReadYearlyFigures(const std::string& body, int year) {
    auto reader = MR_TRY(BodyReader::Parse(body));
    store::YearlyFiguresRecord figures;
    figures.year = year;
    auto optional_count = [&reader](const std::string& key) -> std::optional<std::int64_t> {
        auto value = reader.OptionalInt(key);
        if (!value) return std::nullopt;
        return *value;
    };
    figures.region_signals = optional_count("regionSignals");
    figures.region_care_trajectories = optional_count("regionCareTrajectories");
    figures.municipality_count = optional_count("municipalityCount");
    figures.source = reader.RequiredString("source");
    MR_TRY(reader.Finish());
    return figures;
}

}  // namespace

void RegisterStatisticsApi(Router& router, app::Service& service) {
    app::Service* svc = &service;

    router.Add(verb::get, "/api/v1/statistics", [svc](Context& context) {
        return WithPrincipal(
            *svc, context,
            [&](const app::Principal& principal) {
                auto suppress = SuppressParameter(context);
                if (!suppress) return Problem(context.request, suppress.error());
                return Answer(context,
                              svc->GetStatistics(principal, First(context.query, "from").value_or(""),
                                                 First(context.query, "to").value_or(""), *suppress),
                              200, [](const app::Statistics& statistics) { return StatisticsToJson(statistics); });
            },
            {"from", "to", "suppress"});
    });
    router.Add(verb::get, "/api/v1/statistics/tables/{}", [svc](Context& context) {
        return WithPrincipal(
            *svc, context,
            [&](const app::Principal& principal) {
                auto suppress = SuppressParameter(context);
                if (!suppress) return Problem(context.request, suppress.error());
                return Send(context, StatisticsCsv(*svc, principal, First(context.query, "from").value_or(""),
                                                   First(context.query, "to").value_or(""), *suppress,
                                                   context.params[0]));
            },
            {"from", "to", "suppress"});
    });

    router.Add(verb::get, "/api/v1/yearly-overview", [svc](Context& context) {
        return WithPrincipal(
            *svc, context,
            [&](const app::Principal& principal) {
                auto suppress = SuppressParameter(context);
                if (!suppress) return Problem(context.request, suppress.error());
                return Answer(context, svc->GetYearlyOverview(principal, *suppress), 200,
                              [](const app::YearlyOverview& overview) { return YearlyOverviewToJson(overview); });
            },
            {"suppress"});
    });
    router.Add(verb::get, "/api/v1/yearly-overview/csv", [svc](Context& context) {
        return WithPrincipal(
            *svc, context,
            [&](const app::Principal& principal) {
                auto suppress = SuppressParameter(context);
                if (!suppress) return Problem(context.request, suppress.error());
                return Send(context, YearlyOverviewCsv(*svc, principal, *suppress));
            },
            {"suppress"});
    });

    router.Add(verb::get, "/api/v1/yearly-figures", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->ListYearlyFigures(principal), 200, [](const auto& list) {
                Json array = Json::array();
                for (const auto& figures : list) array.push_back(YearlyFiguresToJson(figures));
                return array;
            });
        });
    });
    router.Add(verb::put, "/api/v1/yearly-figures/{}", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            // The role is checked before the body is read, so a refused caller learns nothing from the body.
            if (Status allowed = svc->MayEnterYearlyFigures(principal); !allowed) {
                return Problem(context.request, allowed.error());
            }
            auto figures = ReadYearlyFigures(context.request.body(), YearParameter(context.params[0]));
            if (!figures) return Problem(context.request, figures.error());
            return Answer(context, svc->SetYearlyFigures(principal, *figures), 200,
                          [](const store::YearlyFiguresRecord& saved) { return YearlyFiguresToJson(saved); });
        });
    });

    router.Add(verb::get, "/api/v1/care-evaluations/{}", [svc](Context& context) {
        return WithPrincipal(
            *svc, context,
            [&](const app::Principal& principal) {
                auto suppress = SuppressParameter(context);
                if (!suppress) return Problem(context.request, suppress.error());
                auto evaluation = svc->GetCareEvaluation(principal, YearParameter(context.params[0]), *suppress);
                if (!evaluation) return Problem(context.request, evaluation.error());
                std::optional<domain::Suppression> suppression;
                if (*suppress) suppression = domain::SuppressEvaluation(*evaluation, svc->config().suppression_threshold);
                return JsonResponse(context.request, 200, CareEvaluationToJson(*evaluation, suppression));
            },
            {"suppress"});
    });
    // The evaluation pack's files: /pdf and /xlsx.
    using PackFile = Result<Download> (*)(app::Service&, const app::Principal&, int, bool);
    for (const auto& [path, make] : {std::pair<const char*, PackFile>{"/api/v1/care-evaluations/{}/pdf", &CareEvaluationPdf},
                                     std::pair<const char*, PackFile>{"/api/v1/care-evaluations/{}/xlsx", &CareEvaluationXlsx}}) {
        router.Add(verb::get, path, [svc, make](Context& context) {
            return WithPrincipal(
                *svc, context,
                [&](const app::Principal& principal) {
                    auto suppress = SuppressParameter(context);
                    if (!suppress) return Problem(context.request, suppress.error());
                    return Send(context, make(*svc, principal, YearParameter(context.params[0]), *suppress));
                },
                {"suppress"});
        });
    }
    router.Add(verb::get, "/api/v1/care-evaluations/{}/tables/{}", [svc](Context& context) {
        return WithPrincipal(
            *svc, context,
            [&](const app::Principal& principal) {
                auto suppress = SuppressParameter(context);
                if (!suppress) return Problem(context.request, suppress.error());
                return Send(context, CareEvaluationCsv(*svc, principal, YearParameter(context.params[0]), *suppress,
                                                       context.params[1]));
            },
            {"suppress"});
    });
}

}  // namespace meldroute::http
