// The keyring that seals personal data at rest: key files, rotation, reload by another process, the blind
// index's term hashes.
#include "app/keyring.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "app/crypto.hpp"
#include "domain/search_terms.hpp"

namespace meldroute::app {
namespace {

class KeyringTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(InitCrypto());
        directory_ = std::filesystem::temp_directory_path() /
                     ("meldroute-keyring-test-" + std::to_string(::getpid()) + "-" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(directory_);
    }
    void TearDown() override { std::filesystem::remove_all(directory_); }

    std::filesystem::path directory_;
};

TEST_F(KeyringTest, SealsBoundToItsContextAndNamesItsKey) {
    auto ring = Keyring::Ephemeral();
    const std::string sealed = ring->Seal("signals/1/narrative", "Marieke de Vries, 06-12345678");
    EXPECT_EQ(sealed.rfind("k1.", 0), 0u);
    EXPECT_EQ(sealed.find("Marieke"), std::string::npos);
    EXPECT_EQ(ring->Open("signals/1/narrative", sealed), "Marieke de Vries, 06-12345678");
    EXPECT_EQ(ring->Open("signals/2/narrative", sealed), std::nullopt) << "moved to another row";
    EXPECT_EQ(ring->Open("persons/1/0/name", sealed), std::nullopt) << "moved to another column";
    std::string altered = sealed;
    altered.back() = altered.back() == 'A' ? 'B' : 'A';
    EXPECT_EQ(ring->Open("signals/1/narrative", altered), std::nullopt);
    EXPECT_NE(ring->Seal("c", "same"), ring->Seal("c", "same")) << "a fresh nonce per value";
    EXPECT_EQ(Keyring::Ephemeral()->Open("signals/1/narrative", sealed), std::nullopt) << "another key";
}

TEST_F(KeyringTest, KeyFilesAreCreatedOnceWithStrictPermissions) {
    auto created = Keyring::Load(directory_, true);
    ASSERT_TRUE(created.has_value()) << created.error().detail;
    struct stat info {};
    ASSERT_EQ(::stat((directory_ / "field.key").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_EQ(std::filesystem::file_size(directory_ / "search.key"), 32u);
    const std::string sealed = (*created)->Seal("x", "geheim");
    auto again = Keyring::Load(directory_, true);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ((*again)->Open("x", sealed), "geheim");
    EXPECT_EQ((*again)->TermHash("uitbuit"), (*created)->TermHash("uitbuit"));
    EXPECT_FALSE(Keyring::Load(directory_ / "elders", false).has_value()) << "no keys made without create";
}

TEST_F(KeyringTest, RotationKeepsOldKeysAndAnotherProcessPicksUpTheNewOne) {
    auto server = *Keyring::Load(directory_, true);  // e.g. the running server
    const std::string old_value = server->Seal("x", "oud");
    auto rotator = *Keyring::Load(directory_, false);  // `meldroute keys rotate`
    auto added = rotator->AddKey();
    ASSERT_TRUE(added.has_value()) << added.error().detail;
    EXPECT_EQ(*added, "k2");
    EXPECT_TRUE(std::filesystem::exists(directory_ / "field-k2.key"));
    struct stat info {};
    ASSERT_EQ(::stat((directory_ / "field-k2.key").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_EQ(rotator->CurrentKeyId(), "k2");
    const std::string new_value = rotator->Seal("x", "nieuw");
    EXPECT_EQ(new_value.rfind("k2.", 0), 0u);
    EXPECT_EQ(rotator->Open("x", old_value), "oud");
    // The server started before k2 existed: meeting a k2 value makes it re-read the directory, and from
    // then on it seals under k2 too.
    EXPECT_EQ(server->CurrentKeyId(), "k1");
    EXPECT_EQ(server->Open("x", new_value), "nieuw");
    EXPECT_EQ(server->CurrentKeyId(), "k2");
    EXPECT_EQ(server->Seal("x", "daarna").rfind("k2.", 0), 0u);
    EXPECT_EQ(server->Open("x", "k9.AAAA"), std::nullopt);
    auto third = rotator->AddKey();
    ASSERT_TRUE(third.has_value());
    EXPECT_EQ(*third, "k3");
    auto reloaded = *Keyring::Load(directory_, false);
    EXPECT_EQ(reloaded->CurrentKeyId(), "k3");
    EXPECT_EQ(reloaded->KeyIds(), (std::vector<std::string>{"k1", "k2", "k3"}));
}

TEST(BlindIndexTerms, WordsAreFoldedAndStemmedAndHashedUnderTheSearchKey) {
    // Case, diacritics and inflection meet on one term.
    EXPECT_EQ(domain::SearchTerms("Uitbuiting"), domain::SearchTerms("uitbuiting"));
    EXPECT_EQ(domain::SearchTerms("café"), domain::SearchTerms("CAFE"));
    EXPECT_EQ(domain::SearchTerms("massagesalons"), domain::SearchTerms("massagesalon"));
    const auto terms = domain::SearchTerms("De vrouw, de VROUW en een x.");
    EXPECT_EQ(terms.size(), 4u) << "de, vrouw, en, een: distinct; the one-letter word left out";
    ASSERT_TRUE(InitCrypto());
    auto ring = Keyring::Ephemeral();
    const std::string hash = ring->TermHash("vrouw");
    EXPECT_EQ(hash.size(), 32u);
    EXPECT_EQ(hash, ring->TermHash("vrouw"));
    EXPECT_NE(hash, Keyring::Ephemeral()->TermHash("vrouw")) << "keyed: guessing words needs the search key";
    EXPECT_EQ(hash.find("vrouw"), std::string::npos);
}

}  // namespace
}  // namespace meldroute::app
