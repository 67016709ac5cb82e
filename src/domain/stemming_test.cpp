#include "domain/stemming.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace meldroute::domain {
namespace {

TEST(DutchStem, InflectionsMeetOnOneStem) {
    EXPECT_EQ(DutchStem("bedreigingen"), DutchStem("bedreiging"));
    EXPECT_EQ(DutchStem("paspoorten"), DutchStem("paspoort"));
    EXPECT_EQ(DutchStem("uitgebuit"), DutchStem("uitgebuite"));
    EXPECT_NE(DutchStem("paspoort"), DutchStem("loon"));
}

TEST(DutchStem, EmptyWordStaysEmpty) { EXPECT_EQ(DutchStem(""), ""); }

TEST(DutchStem, EachThreadHasItsOwnStemmer) {
    std::string from_thread;
    std::thread worker([&] { from_thread = DutchStem("uitbuiting"); });
    worker.join();
    EXPECT_EQ(from_thread, DutchStem("uitbuiting"));
}

}  // namespace
}  // namespace meldroute::domain
