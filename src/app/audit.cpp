#include "app/audit.hpp"

#include "app/crypto.hpp"
#include "base/trace.hpp"

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

const std::vector<ProcessingActivity>& ProcessingActivities() {
    static const std::vector<ProcessingActivity> activities{
        {"mr-01", "Ontvangen van signalen van mensenhandel", "ontvangst signaal mensenhandel"},
        {"mr-02", "Behandelen van signalen in de meldroute (vastleggen, verrijken, wegen, doorzetten, terugkoppelen)",
         "uitvoering meldroute mensenhandel"},
        {"mr-03", "Terugkoppeling aan de melder", "melder bekijkt eigen melding"},
        {"mr-04", "Beleidsinformatie zonder persoonsgegevens", "beleidsinformatie"},
        {"mr-05", "Toezicht op de verwerking (audit)", "toezicht op verwerking"},
        {"mr-06", "Toegang: aanmelden, afmelden en tweestapsverificatie", "aanmelden"},
        {"mr-06", "Toegang: aanmelden, afmelden en tweestapsverificatie", "afmelden"},
        {"mr-06", "Toegang: aanmelden, afmelden en tweestapsverificatie", "tweestapsverificatie"},
        {"mr-07", "Beheer van accounts en instellingen", "beheer accounts"},
        {"mr-07", "Beheer van accounts en instellingen", "gebruikersbeheer"},
        {"mr-07", "Beheer van accounts en instellingen", "beheer signalenlijst"},
        {"mr-08", "Opleidingsregister: medewerkers, e-learning en bewustwording", "opleidingsregister signaleren mensenhandel"},
        {"mr-09", "Register van aandachtfunctionarissen", "register aandachtfunctionarissen"},
        {"mr-10", "Voortgang van het actieplan", "voortgang actieplan mensenhandel"},
        {"mr-11", "Bewaartermijnen: bewaarplicht en vernietiging van persoonsgegevens", "bewaartermijn en vernietiging"},
        {"mr-12", "Verzoeken van betrokkenen: inzage (art. 15 AVG) en rectificatie (art. 16 AVG)",
         "inzageverzoek betrokkene"},
        {"mr-12", "Verzoeken van betrokkenen: inzage (art. 15 AVG) en rectificatie (art. 16 AVG)",
         "rectificatie op verzoek betrokkene"},
        {"mr-99", "Overige verwerking", ""},
    };
    return activities;
}

namespace {

const ProcessingActivity& ActivityFor(std::string_view purpose) {
    const auto& activities = ProcessingActivities();
    for (const ProcessingActivity& activity : activities) {
        if (activity.purpose == purpose) return activity;
    }
    return activities.back();
}

// "signal/6f1c…" → the data subject's record: a random id that says nothing without the database.
std::pair<std::string, std::string> DataSubjectOf(const std::string& object) {
    for (const char* type : {"signal", "case", "referral"}) {
        const std::string prefix = std::string{type} + "/";
        if (object.starts_with(prefix)) return {object.substr(prefix.size()), type};
    }
    return {"", ""};
}

}  // namespace

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

    const TraceContext* trace = CurrentTrace();
    const auto [subject_id, subject_type] = DataSubjectOf(entry.object);
    store::ProcessingRecord processing;
    processing.trace_id = trace != nullptr ? trace->trace_id : RandomHex(16);
    processing.span_id = RandomHex(8);
    processing.parent_span_id = trace != nullptr ? trace->parent_span_id : "";
    processing.name = entry.action;
    processing.started_at = trace != nullptr && !trace->started_at.empty() ? trace->started_at : at;
    processing.ended_at = at;
    processing.status = entry.outcome == "toegestaan" ? "OK" : "ERROR";
    processing.activity_id = std::string{ActivityFor(entry.purpose).id};
    processing.purpose = entry.purpose;
    processing.data_subject_id = subject_id;
    processing.data_subject_type = subject_type;
    processing.actor = entry.actor;
    processing.audit_sequence = record.sequence;
    transaction.AppendProcessingRecord(processing);
}

namespace {

Status WithTrace(const std::function<Status(store::Transaction&)>& work,
                 const std::function<Status(const std::function<Status(store::Transaction&)>&)>& run) {
    const TraceContext* trace = CurrentTrace();
    if (trace == nullptr) return run(work);
    const TraceContext copy = *trace;
    return run([&](store::Transaction& transaction) {
        ScopedTrace scoped{copy};
        return work(transaction);
    });
}

}  // namespace

Status TracedStore::Write(const std::function<Status(store::Transaction&)>& work) {
    return WithTrace(work, [this](const auto& traced) { return inner_.Write(traced); });
}

void TracedStore::WriteDeferred(std::function<Status(store::Transaction&)> work, std::function<void(Status)> done) {
    const TraceContext* trace = CurrentTrace();
    if (trace == nullptr) {
        inner_.WriteDeferred(std::move(work), std::move(done));
        return;
    }
    // The work runs after this request's thread has moved on: it carries its own copy of the trace.
    inner_.WriteDeferred(
        [copy = *trace, work = std::move(work)](store::Transaction& transaction) {
            ScopedTrace scoped{copy};
            return work(transaction);
        },
        std::move(done));
}

Status TracedStore::Read(const std::function<Status(store::Transaction&)>& work) {
    return WithTrace(work, [this](const auto& traced) { return inner_.Read(traced); });
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
