#include "store/sealed_columns.hpp"

#include "store/store.hpp"

namespace meldroute::store {

const std::vector<SealedColumn>& SealedColumns() {
    static const std::vector<SealedColumn> columns{
        {"signals", "narrative", {"id"}},
        {"signals", "street", {"id"}},
        {"signals", "house_number", {"id"}},
        {"signals", "postcode", {"id"}},
        {"signals", "city", {"id"}},
        {"signals", "business_kvk", {"id"}},
        {"signals", "business_name", {"id"}},
        {"persons", "name", {"signal_id", "position"}},
        {"persons", "birth_year", {"signal_id", "position"}},
        {"persons", "nationality", {"signal_id", "position"}},
        {"persons", "phone", {"signal_id", "position"}},
        {"cases", "rationale", {"id"}},
        {"cases", "closure_note", {"id"}},
        {"enrichments", "purpose", {"id"}},
        {"enrichments", "content", {"id"}},
        {"assessments", "rationale", {"id"}},
        {"referrals", "note", {"id"}},
        {"partner_feedback", "summary", {"id"}},
        {"reporter_feedback", "message", {"id"}},
        {"user_mfa", "secret_sealed", {"username"}},
        {"staff_members", "name", {"id"}},
        {"designated_officers", "name", {"id"}},
        {"designated_officers", "phone", {"id"}},
        {"designated_officers", "email", {"id"}},
        {"case_closures", "note", {"sequence"}},
        {"case_reopenings", "reason", {"sequence"}},
        {"cases", "legal_hold_reason", {"id"}},
        {"rectifications", "reason", {"id"}},
        {"federated_identities", "display_name", {"username"}},
        {"tickets", "payload", {"kind", "key_hash"}},
    };
    return columns;
}

std::string SealContext(std::string_view table, std::string_view row, std::string_view column) {
    std::string context;
    context.reserve(table.size() + row.size() + column.size() + 2);
    context.append(table).append("/").append(row).append("/").append(column);
    return context;
}

std::string SealCell(const FieldCipher& cipher, std::string_view table, std::string_view row,
                     std::string_view column, std::string_view plaintext) {
    return cipher.Seal(SealContext(table, row, column), plaintext);
}

std::string OpenCell(const FieldCipher& cipher, std::string_view table, std::string_view row,
                     std::string_view column, std::string_view sealed) {
    auto opened = cipher.Open(SealContext(table, row, column), sealed);
    if (!opened) {
        throw StoreFailure(std::string{"a sealed value in "} + std::string{table} + "." + std::string{column} +
                           " cannot be opened with the keys in the keys directory");
    }
    return std::move(*opened);
}

std::int64_t TermKey(const FieldCipher& cipher, std::string_view term) {
    const std::string hash = cipher.TermHash(term);
    std::uint64_t key = 0;
    for (std::size_t index = 0; index < 16 && index < hash.size(); ++index) {
        const char digit = hash[index];
        key = (key << 4) | static_cast<std::uint64_t>(digit <= '9' ? digit - '0' : digit - 'a' + 10);
    }
    return static_cast<std::int64_t>(key);
}

}  // namespace meldroute::store
