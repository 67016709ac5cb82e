// The hash-chained audit trail: each record's hash covers its fields and the previous record's hash,
// so changing or removing any record breaks every hash after it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace meldroute::app {

struct AuditEntry {
    std::string actor;
    std::string action;   // e.g. "signal.read", "case.assess"
    std::string object;   // e.g. "signal/6f1c…", never personal data
    std::string purpose;  // why the data was processed
    std::string outcome;  // "toegestaan" | "geweigerd"
};

//! One entry of the register of processing activities (AVG art. 30) that processing records point to.
struct ProcessingActivity {
    std::string_view id;       // e.g. "mr-02"
    std::string_view name;     // Dutch, as in the register
    std::string_view purpose;  // the purpose string the use cases record
};

//! The register, in order; a purpose not in it maps to the last entry ("overige verwerking").
const std::vector<ProcessingActivity>& ProcessingActivities();

//! Appends one audit record inside the caller's transaction, so it commits with the change it describes, and
//! beside it a processing record (Logboek Dataverwerkingen) carrying the request's trace (CurrentTrace()).
void AppendAudit(store::Transaction& transaction, const AuditEntry& entry, const std::string& at);

struct AuditVerification {
    bool valid = true;
    std::int64_t count = 0;
    std::int64_t first_broken_sequence = 0;  // 0 when valid
};

//! A store that carries the caller's trace into its transactions, which a group-committing store may run on
//! another thread; every use case goes through it, so every processing record names its request.
class TracedStore final : public store::Store {
public:
    explicit TracedStore(store::Store& inner) : inner_(inner) {}
    Status Write(const std::function<Status(store::Transaction&)>& work) override;
    Status Read(const std::function<Status(store::Transaction&)>& work) override;
    void WriteDeferred(std::function<Status(store::Transaction&)> work, std::function<void(Status)> done) override;
    store::IndexTerms IndexTermsOf(std::string_view narrative) const override { return inner_.IndexTermsOf(narrative); }
    Status Check() override { return inner_.Check(); }
    Status Flush() override { return inner_.Flush(); }
    const store::StoreMetrics& metrics() const override { return inner_.metrics(); }

private:
    store::Store& inner_;
};

//! Recomputes the whole chain.
AuditVerification VerifyAuditChain(store::Transaction& transaction);

//! The hash of a record given its fields and previous hash (exposed for tests).
std::string AuditHash(const store::AuditRecord& record);

inline constexpr const char* kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

}  // namespace meldroute::app
