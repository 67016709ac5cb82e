#include "app/keyring.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <mutex>

#include "app/crypto.hpp"

namespace meldroute::app {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kKeyBytes = 32;

fs::path KeyFile(const fs::path& directory, const std::string& id) {
    return id == "k1" ? directory / "field.key" : directory / ("field-" + id + ".key");
}

// "k<N>" → N, or 0 when the text is not a key id.
int KeyNumber(std::string_view id) {
    if (id.size() < 2 || id.size() > 6 || id[0] != 'k') return 0;
    int number = 0;
    for (char character : id.substr(1)) {
        if (character < '0' || character > '9') return 0;
        number = number * 10 + (character - '0');
    }
    return number;
}

Status WriteFileDurably(const fs::path& path, std::string_view content, bool exclusive) {
    int flags = O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC);
    int descriptor = ::open(path.c_str(), flags, 0600);
    if (descriptor < 0) return MakeError(ErrorCode::kUnavailable, "cannot create " + path.string());
    bool written = ::write(descriptor, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
                   ::fsync(descriptor) == 0;
    ::close(descriptor);
    if (!written) return MakeError(ErrorCode::kUnavailable, "cannot write " + path.string());
    return Ok();
}

void SyncDirectory(const fs::path& directory) {
    int descriptor = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
    if (descriptor >= 0) {
        ::fsync(descriptor);
        ::close(descriptor);
    }
}

}  // namespace

Result<std::string> LoadOrCreateKeyFile(const fs::path& path, bool create) {
    std::error_code error;
    if (fs::exists(path, error)) {
        std::ifstream file{path, std::ios::binary};
        std::string key{std::istreambuf_iterator<char>(file), {}};
        if (key.size() != kKeyBytes) return MakeError(ErrorCode::kUnavailable, path.string() + " is not a 32-byte key");
        return key;
    }
    if (!create) return MakeError(ErrorCode::kUnavailable, "key file " + path.string() + " is missing");
    fs::create_directories(path.parent_path(), error);
    if (error) return MakeError(ErrorCode::kUnavailable, "cannot create " + path.parent_path().string());
    fs::permissions(path.parent_path(), fs::perms::owner_all, fs::perm_options::replace, error);
    std::string key = RandomKey();
    MR_TRY(WriteFileDurably(path, key, true));
    SyncDirectory(path.parent_path());
    return key;
}

std::shared_ptr<Keyring> Keyring::Ephemeral() { return FromKeys({{"k1", RandomKey()}}, "k1", RandomKey()); }

std::shared_ptr<Keyring> Keyring::FromKeys(std::map<std::string, std::string> keys, std::string current,
                                           std::string search_key) {
    std::shared_ptr<Keyring> ring{new Keyring()};
    ring->keys_ = std::move(keys);
    ring->current_ = std::move(current);
    ring->search_hash_.emplace(search_key);
    return ring;
}

Result<std::shared_ptr<Keyring>> Keyring::Load(const fs::path& keys_dir, bool create) {
    std::shared_ptr<Keyring> ring{new Keyring()};
    ring->directory_ = keys_dir;
    // k1 and the search key are made at first start; later keys only by AddKey.
    MR_TRY(LoadOrCreateKeyFile(KeyFile(keys_dir, "k1"), create));
    ring->search_hash_.emplace(MR_TRY(LoadOrCreateKeyFile(keys_dir / "search.key", create)));
    std::unique_lock lock{ring->mutex_};
    MR_TRY(ring->ReloadLocked());
    return ring;
}

Status Keyring::ReloadLocked() const {
    std::map<std::string, std::string> keys;
    keys["k1"] = MR_TRY(LoadOrCreateKeyFile(KeyFile(directory_, "k1"), false));
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(directory_, error)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("field-", 0) != 0 || entry.path().extension() != ".key") continue;
        const std::string id = name.substr(6, name.size() - 6 - 4);
        if (KeyNumber(id) < 2) continue;
        keys[id] = MR_TRY(LoadOrCreateKeyFile(entry.path(), false));
    }
    std::string current = "k1";
    if (fs::exists(directory_ / "current", error)) {
        std::ifstream file{directory_ / "current"};
        std::getline(file, current);
        if (!keys.contains(current)) {
            return MakeError(ErrorCode::kUnavailable,
                             (directory_ / "current").string() + " names key '" + current + "', which is missing");
        }
    }
    keys_ = std::move(keys);
    current_ = std::move(current);
    return Ok();
}

Result<std::string> Keyring::AddKey() {
    std::unique_lock lock{mutex_};
    if (directory_.empty()) {
        int next = 1;
        for (const auto& [id, key] : keys_) next = std::max(next, KeyNumber(id));
        const std::string id = "k" + std::to_string(next + 1);
        keys_[id] = RandomKey();
        current_ = id;
        return id;
    }
    MR_TRY(ReloadLocked());
    int next = 1;
    for (const auto& [id, key] : keys_) next = std::max(next, KeyNumber(id));
    const std::string id = "k" + std::to_string(next + 1);
    const std::string key = RandomKey();
    MR_TRY(WriteFileDurably(KeyFile(directory_, id), key, true));
    const fs::path staged = directory_ / "current.new";
    MR_TRY(WriteFileDurably(staged, id + "\n", false));
    std::error_code error;
    fs::rename(staged, directory_ / "current", error);
    if (error) return MakeError(ErrorCode::kUnavailable, "cannot replace " + (directory_ / "current").string());
    SyncDirectory(directory_);
    keys_[id] = key;
    current_ = id;
    return id;
}

std::string Keyring::Seal(std::string_view context, std::string_view plaintext) const {
    std::shared_lock lock{mutex_};
    return app::Seal(current_, keys_.at(current_), context, plaintext);
}

std::optional<std::string> Keyring::Open(std::string_view context, std::string_view sealed) const {
    const std::string id = SealedKeyId(sealed);
    {
        std::shared_lock lock{mutex_};
        auto found = keys_.find(id);
        if (found != keys_.end()) return Unseal(found->second, context, sealed);
        if (directory_.empty() || KeyNumber(id) == 0) return std::nullopt;
    }
    std::unique_lock lock{mutex_};
    if (!keys_.contains(id) && !ReloadLocked()) return std::nullopt;
    auto found = keys_.find(id);
    if (found == keys_.end()) return std::nullopt;
    return Unseal(found->second, context, sealed);
}

std::string Keyring::CurrentKeyId() const {
    std::shared_lock lock{mutex_};
    return current_;
}

std::vector<std::string> Keyring::KeyIds() const {
    std::shared_lock lock{mutex_};
    std::vector<std::string> ids;
    for (const auto& [id, key] : keys_) ids.push_back(id);
    return ids;
}

// 128 bits of the HMAC are plenty to tell terms apart and keep the index small.
std::string Keyring::TermHash(std::string_view term) const { return search_hash_->Hex(term).substr(0, 32); }

}  // namespace meldroute::app
