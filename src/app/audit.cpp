#include "app/audit.hpp"

#include "app/crypto.hpp"

namespace meldroute::app {

std::string AuditHash(const store::AuditRecord& record) {
    // Unit separators keep field boundaries unambiguous ("ab"+"c" differs from "a"+"bc").
    constexpr char kSeparator = '\x1f';
    std::string canonical = record.previous_hash;
    for (const std::string* field : {&record.at, &record.actor, &record.action, &record.object, &record.purpose,
                                     &record.outcome}) {
        canonical += kSeparator;
        canonical += *field;
    }
    canonical += kSeparator;
    canonical += std::to_string(record.sequence);
    return Sha256Hex(canonical);
}

void AppendAudit(store::Transaction& transaction, const AuditEntry& entry, const std::string& at) {
    auto last = transaction.LastAuditRecord();
    store::AuditRecord record;
    record.sequence = last ? last->sequence + 1 : 1;
    record.at = at;
    record.actor = entry.actor;
    record.action = entry.action;
    record.object = entry.object;
    record.purpose = entry.purpose;
    record.outcome = entry.outcome;
    record.previous_hash = last ? last->hash : kGenesisHash;
    record.hash = AuditHash(record);
    transaction.AppendAuditRecord(record);
}

AuditVerification VerifyAuditChain(store::Transaction& transaction) {
    AuditVerification verification;
    std::string expected_previous = kGenesisHash;
    std::int64_t expected_sequence = 1;
    transaction.ForEachAuditRecord([&](const store::AuditRecord& record) {
        ++verification.count;
        bool intact = record.sequence == expected_sequence && record.previous_hash == expected_previous &&
                      AuditHash(record) == record.hash;
        if (!intact && verification.valid) {
            verification.valid = false;
            verification.first_broken_sequence = record.sequence;
        }
        expected_previous = record.hash;
        expected_sequence = record.sequence + 1;
    });
    return verification;
}

}  // namespace meldroute::app
