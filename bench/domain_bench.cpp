// Google Benchmark for the domain core: the route table, the indication and narrative suggestions.
#include <benchmark/benchmark.h>

#include "domain/indication.hpp"
#include "domain/route.hpp"
#include "domain/suggestions.hpp"

namespace {

using namespace meldroute::domain;

void BM_NextStatus(benchmark::State& state) {
    CaseFacts facts{true};
    for (auto _ : state) {
        for (CaseAction action : AllCaseActions()) {
            for (CaseStatus from : AllCaseStatuses()) benchmark::DoNotOptimize(NextStatus(action, from, facts));
        }
    }
}
BENCHMARK(BM_NextStatus);

void BM_Indication(benchmark::State& state) {
    std::vector<std::string> codes{"ARB-13", "ARB-02", "ARB-04", "ALG-01", "ALG-07", "SEK-08", "CRI-08"};
    for (auto _ : state) benchmark::DoNotOptimize(ComputeIndication(codes));
}
BENCHMARK(BM_Indication);

void BM_Suggestions(benchmark::State& state) {
    std::string text =
        "Bij een controle in een bedrijfspand troffen wij twaalf arbeiders aan die daar ook slapen. Ze werken "
        "veertien uur per dag, krijgen nauwelijks loon en moeten een hoge schuld aan de werkgever afbetalen. "
        "De uitzender houdt hun paspoorten in en ze zijn bang om uitgezet te worden.";
    for (auto _ : state) benchmark::DoNotOptimize(SuggestIndicators(text));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Suggestions);

}  // namespace

BENCHMARK_MAIN();
