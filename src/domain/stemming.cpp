#include "domain/stemming.hpp"

#include <libstemmer.h>

namespace meldroute::domain {

namespace {

// libstemmer's stemmer objects keep per-call state, so each thread has its own.
class ThreadStemmer {
public:
    ThreadStemmer() : stemmer_(sb_stemmer_new("dutch", "UTF_8")) {}
    ~ThreadStemmer() {
        if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
    }
    ThreadStemmer(const ThreadStemmer&) = delete;
    ThreadStemmer& operator=(const ThreadStemmer&) = delete;

    std::string Stem(std::string_view word) {
        if (stemmer_ == nullptr || word.empty()) return std::string{word};
        const sb_symbol* stem =
            sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
        if (stem == nullptr) return std::string{word};
        return std::string(reinterpret_cast<const char*>(stem), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
    }

private:
    sb_stemmer* stemmer_;
};

}  // namespace

std::string DutchStem(std::string_view word) {
    thread_local ThreadStemmer stemmer;
    return stemmer.Stem(word);
}

}  // namespace meldroute::domain
