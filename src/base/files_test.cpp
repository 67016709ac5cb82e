#include "base/files.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

namespace meldroute {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& text) { std::ofstream{path, std::ios::binary} << text; }

std::string Read(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

std::set<std::string> Names(const fs::path& directory) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator{directory}) names.insert(entry.path().filename().string());
    return names;
}

// Each way of renaming, started at directly: this file system may support the first way, so its fallbacks would
// otherwise never run here.
class RenameWithoutReplacingTest : public ::testing::TestWithParam<RenameWay> {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "meldroute-rename-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        directory_ = pattern;
        from_ = directory_ / ".backup.partial-1";
        to_ = directory_ / "backup";
    }
    void TearDown() override { fs::remove_all(directory_); }

    fs::path directory_;
    fs::path from_;
    fs::path to_;
};

TEST_P(RenameWithoutReplacingTest, AFreeNameGetsTheFileAndTheTemporaryNameGoes) {
    Write(from_, "the finished copy");
    EXPECT_EQ(RenameWithoutReplacing(from_, to_, GetParam()), 0);
    EXPECT_EQ(Read(to_), "the finished copy");
    EXPECT_EQ(Names(directory_), (std::set<std::string>{"backup"}));
}

TEST_P(RenameWithoutReplacingTest, AFileMadeAtTheNameMeanwhileIsKeptAndSoIsTheNewOne) {
    Write(to_, "made by someone else");
    Write(from_, "the finished copy");
    EXPECT_EQ(RenameWithoutReplacing(from_, to_, GetParam()), EEXIST);
    EXPECT_EQ(Read(to_), "made by someone else");
    EXPECT_EQ(Read(from_), "the finished copy");
}

TEST_P(RenameWithoutReplacingTest, ALinkAtTheNameIsNotFollowed) {
    const fs::path elsewhere = directory_ / "elsewhere";
    fs::create_symlink(elsewhere, to_);
    Write(from_, "the finished copy");
    EXPECT_EQ(RenameWithoutReplacing(from_, to_, GetParam()), EEXIST);
    EXPECT_TRUE(fs::is_symlink(to_));
    EXPECT_FALSE(fs::exists(elsewhere));
    EXPECT_EQ(Read(from_), "the finished copy");
}

TEST_P(RenameWithoutReplacingTest, AFailedRenameLeavesNothingAtTheName) {
    // No temporary file: every way fails, and none leaves a file (an exclusive claim, say) at the target's name.
    EXPECT_EQ(RenameWithoutReplacing(from_, to_, GetParam()), ENOENT);
    EXPECT_TRUE(Names(directory_).empty());
}

INSTANTIATE_TEST_SUITE_P(EveryWay, RenameWithoutReplacingTest,
                         ::testing::Values(RenameWay::kNoReplaceFlag, RenameWay::kHardLink, RenameWay::kExclusiveClaim),
                         [](const ::testing::TestParamInfo<RenameWay>& info) {
                             switch (info.param) {
                                 case RenameWay::kNoReplaceFlag: return std::string{"NoReplaceFlag"};
                                 case RenameWay::kHardLink: return std::string{"HardLink"};
                                 case RenameWay::kExclusiveClaim: return std::string{"ExclusiveClaim"};
                             }
                             return std::string{"Unknown"};
                         });

}  // namespace
}  // namespace meldroute
