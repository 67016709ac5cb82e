// Google Benchmark for the domain core: the route table, the indication and narrative suggestions.
#include <benchmark/benchmark.h>

#include <iterator>
#include <string>

#include "app/crypto.hpp"
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

// A narrative of 2,000 characters, as long as a detailed report on the intake page: patterns, concepts and the
// learned layer together must stay under about 2 ms.
void BM_Suggestions2000(benchmark::State& state) {
    const std::string sentences[] = {
        "Bij een controle in een bedrijfspand troffen wij twaalf arbeiders aan die daar ook slapen. ",
        "Ze werken veertien uur per dag en krijgen nauwelijks loon, want de baas houdt kostgeld in. ",
        "Een vrouw aan de balie wist haar eigen adres niet en keek steeds naar de man naast haar. ",
        "Volgens de leerplichtambtenaar is de dochter van zestien dit schooljaar vaak afwezig geweest. ",
        "Hij heeft geen schulden en een eigen bankrekening, vertelde de consulent van het wijkteam. ",
    };
    std::string text;
    for (std::size_t index = 0; text.size() < 2000; ++index) text += sentences[index % std::size(sentences)];
    text.resize(2000);
    for (auto _ : state) benchmark::DoNotOptimize(SuggestIndicators(text));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Suggestions2000)->Unit(benchmark::kMicrosecond);

// One word of the blind index: HMAC-SHA-256 under the search key, the key's blocks hashed in each call against
// kept once (KeyedHash, what the keyring does). A narrative's index hashes about a hundred words in the writer.
void BM_KeyedHashPerCall(benchmark::State& state) {
    (void)meldroute::app::InitCrypto();
    const std::string key(32, 'k');
    for (auto _ : state) benchmark::DoNotOptimize(meldroute::app::KeyedHashHex(key, "arbeider"));
}
BENCHMARK(BM_KeyedHashPerCall);

void BM_KeyedHashKept(benchmark::State& state) {
    (void)meldroute::app::InitCrypto();
    const meldroute::app::KeyedHash hash{std::string(32, 'k')};
    for (auto _ : state) benchmark::DoNotOptimize(hash.Hex("arbeider"));
}
BENCHMARK(BM_KeyedHashKept);

}  // namespace

BENCHMARK_MAIN();
