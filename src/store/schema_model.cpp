#include "store/schema_model.hpp"

#include <stdexcept>

namespace meldroute::store {

namespace {

// The seeds, as the migrations that added them inserted them (standard SQL: both engines run them).
constexpr const char* kSeedCodes = R"sql(
INSERT INTO codes (kind, code, name, position) VALUES
    ('partner', 'moviera', 'Moviera (regionale zorgcoördinator)', 1),
    ('partner', 'zorg-en-veiligheidshuis', 'Zorg- en Veiligheidshuis regio Arnhem', 2),
    ('partner', 'riec', 'RIEC Oost-Nederland', 3),
    ('partner', 'politie', 'Politie (incl. AVIM)', 4),
    ('partner', 'veilig-thuis', 'Veilig Thuis', 5),
    ('partner', 'arbeidsinspectie', 'Nederlandse Arbeidsinspectie', 6),
    ('partner', 'comensha', 'CoMensha', 7),
    ('partner', 'fairwork', 'FairWork', 8),
    ('partner', 'ckm', 'Centrum Kinderhandel Mensenhandel', 9),
    ('partner', 'samen-weerbaar', 'Samen Weerbaar', 10),
    ('forum', 'signalenoverleg', 'Signalenoverleg', 1),
    ('forum', 'casusoverleg-mensenhandel', 'Casusoverleg mensenhandel', 2),
    ('forum', 'lokaal-ondermijningsoverleg', 'Lokaal ondermijningsoverleg', 3),
    ('forum', 'riec-casusoverleg', 'RIEC casusoverleg / regionale tafel', 4),
    ('enrichment-source', 'brp', 'Basisregistratie Personen (BRP)', 1),
    ('enrichment-source', 'bag', 'Basisregistratie Adressen en Gebouwen (BAG)', 2),
    ('enrichment-source', 'vergunningen', 'Vergunningen', 3),
    ('enrichment-source', 'uitkeringen', 'Uitkeringen', 4),
    ('enrichment-source', 'kvk', 'Handelsregister (KvK)', 5),
    ('enrichment-source', 'overig', 'Overig', 6),
    ('outcome', 'zorgtraject', 'Zorgtraject gestart', 1),
    ('outcome', 'strafrechtelijk', 'Strafrechtelijk traject', 2),
    ('outcome', 'bestuurlijk', 'Bestuurlijke maatregel', 3),
    ('outcome', 'doorverwezen', 'Doorverwezen', 4),
    ('outcome', 'geen-mensenhandel', 'Geen mensenhandel', 5),
    ('outcome', 'onvoldoende-informatie', 'Onvoldoende informatie', 6);
)sql";

constexpr const char* kSeedPlan = R"sql(
INSERT INTO plan_objectives (number, title, description) VALUES
    (1, 'Signaleren',
     'Interne medewerkers én professionals bij externe ketenpartners weten signalen van mensenhandel te herkennen en te duiden, en weten hoe ze daarop moeten handelen. Inwoners krijgen informatie en handelingsperspectief.'),
    (2, 'Beleid',
     'De gemeente heeft een op lokale omstandigheden toegespitst beleid over mensenhandel, afgestemd op districtelijk en regionaal niveau.'),
    (3, 'Integrale aanpak',
     'Goede ketenregie en samenwerking door goed overleg: met centrumgemeente Arnhem, tussen zorg en veiligheid, over casuïstiek tussen alle partners en strategisch via Samen Weerbaar.'),
    (4, 'Zorgcoördinatie',
     'Alle (mogelijke) slachtoffers van mensenhandel krijgen snel en goed de zorg, opvang en ondersteuning die ze nodig hebben.');

INSERT INTO plan_actions (id, objective, position, section, title) VALUES
    ('e-learning', 1, 1, '4.2.2',
     'E-learning signalering mensenhandel (CCV) inzetten: eerst publiekszaken, toezicht en gebiedsteams, daarna overige medewerkers'),
    ('bewustwording', 1, 2, '4.2.3',
     'Activiteiten voor bewustwording organiseren voor interne en externe professionals, met het aanbod van Samen Weerbaar'),
    ('aandachtfunctionarissen', 1, 3, '4.2.4',
     'Ten minste één, bij voorkeur twee aandachtfunctionarissen mensenhandel: uit veiligheid en uit het sociaal domein'),
    ('inbedden-beleid', 2, 1, '4.3.2',
     'Mensenhandel opnemen in ander beleid: zorg/Wmo, huiselijk geweld en kindermishandeling, prostitutie, arbeidsmigranten, veiligheid en ondermijning'),
    ('barrieres', 2, 2, '4.3.3',
     'Onderzoeken of de gemeente meer barrières kan opwerpen: integraal toezicht, huisvesting van arbeidsmigranten, illegale prostitutie, Bibob'),
    ('regionale-aansluiting', 2, 3, '4.3.4',
     'Aansluiten in de regio bij andere gemeenten en samenwerkingsverbanden, zoals Samen Weerbaar en het RIEC'),
    ('zorg-en-veiligheid', 3, 1, '4.4.2',
     'De samenwerking tussen zorg en veiligheid versterken'),
    ('aansluiting-moviera', 4, 1, '4.5.2',
     'Aansluiten bij Moviera vanuit zorg en veiligheid; de zorgtrajecten jaarlijks samen bespreken en evalueren');
)sql";

constexpr const char* kSeedYearlyFigures = R"sql(
INSERT INTO yearly_figures VALUES
    (2019, 57, 42, 1, 'Aanpak mensenhandel gemeente Zevenaar (2024), tabel in 2.3', '2024-10-01T00:00:00Z', 'migratie'),
    (2020, 33, 17, 0, 'Aanpak mensenhandel gemeente Zevenaar (2024), tabel in 2.3', '2024-10-01T00:00:00Z', 'migratie'),
    (2021, 53, 23, 3, 'Aanpak mensenhandel gemeente Zevenaar (2024), tabel in 2.3', '2024-10-01T00:00:00Z', 'migratie'),
    (2022, 74, 32, 3, 'Aanpak mensenhandel gemeente Zevenaar (2024), tabel in 2.3', '2024-10-01T00:00:00Z', 'migratie'),
    (2023, 110, 48, 6, 'Aanpak mensenhandel gemeente Zevenaar (2024), tabel in 2.3', '2024-10-01T00:00:00Z', 'migratie');
)sql";

std::string PostgresType(const ColumnSpec& column) {
    switch (column.type) {
        case LogicalType::kInteger:
            return "bigint";
        case LogicalType::kSequence:
            return "bigint GENERATED BY DEFAULT AS IDENTITY";
        case LogicalType::kSealed:
            return "text";
        case LogicalType::kText:
            break;
    }
    // Byte order, as SQLite compares text: ORDER BY and range conditions give the same rows on both engines.
    return "text COLLATE \"C\"";
}

std::string Join(const std::vector<std::string_view>& names) {
    std::string joined;
    for (std::string_view name : names) {
        if (!joined.empty()) joined += ", ";
        joined += name;
    }
    return joined;
}

// A trigger that refuses a change with `message` (the append-only and immutable tables).
std::string RefuseTrigger(std::string_view table, std::string_view suffix, std::string_view events,
                          std::string_view level, std::string_view message) {
    std::string sql = "CREATE TRIGGER " + std::string{table} + "_" + std::string{suffix} + " BEFORE " +
                      std::string{events} + " ON " + std::string{table} + " FOR EACH " + std::string{level} +
                      " EXECUTE FUNCTION meldroute_refuse('" + std::string{message} + "');\n";
    return sql;
}

}  // namespace

const std::vector<TableSpec>& SchemaTables() {
    static const std::vector<TableSpec> tables{
        {"users",
         {{"username", LogicalType::kText, true},
          {"password_hash", LogicalType::kText, true},
          {"roles", LogicalType::kText, true},
          {"active", LogicalType::kInteger, true, "1"},
          {"created_at", LogicalType::kText, true},
          {"department", LogicalType::kText, true, "'onbekend'"}},
         {"username"},
         {}},
        {"login_failures",
         {{"id", LogicalType::kSequence, false},
          {"username", LogicalType::kText, true},
          {"at", LogicalType::kText, true}},
         {"id"},
         {{"login_failures_by_user", "username, at"}}},
        {"sessions",
         {{"token_hash", LogicalType::kText, true},
          {"username", LogicalType::kText, true, {}, "users (username)"},
          {"csrf_token", LogicalType::kText, true},
          {"created_at", LogicalType::kText, true},
          {"last_seen_at", LogicalType::kText, true},
          {"must_enrol", LogicalType::kInteger, true, "0"}},
         {"token_hash"},
         {{"sessions_by_user", "username"}}},
        {"account_locks",
         {{"username", LogicalType::kText, true},
          {"locked_until", LogicalType::kText, true}},
         {"username"},
         {}},
        {"user_mfa",
         {{"username", LogicalType::kText, true, {}, "users (username)"},
          {"secret_sealed", LogicalType::kSealed, true},
          {"confirmed_at", LogicalType::kText, false},
          {"last_step", LogicalType::kInteger, true, "0"}},
         {"username"},
         {}},
        {"recovery_codes",
         {{"username", LogicalType::kText, true, {}, "users (username)"},
          {"code_hash", LogicalType::kText, true},
          {"used_at", LogicalType::kText, false}},
         {"username", "code_hash"},
         {}},
        {"federated_identities",
         {{"issuer", LogicalType::kText, true},
          {"subject", LogicalType::kText, true},
          {"username", LogicalType::kText, true, {}, "users (username)", true},
          {"display_name", LogicalType::kSealed, true, "''"},
          {"created_at", LogicalType::kText, true},
          {"last_sign_in_at", LogicalType::kText, true}},
         {"issuer", "subject"},
         {}},
        {"cases",
         {{"sequence", LogicalType::kSequence, false},
          {"id", LogicalType::kText, true, {}, {}, true},
          {"status", LogicalType::kText, true},
          {"urgency", LogicalType::kText, false},
          {"forms", LogicalType::kText, true, "''"},
          {"rationale", LogicalType::kSealed, false},
          {"outcome", LogicalType::kText, false},
          {"closure_note", LogicalType::kSealed, false},
          {"created_at", LogicalType::kText, true},
          {"updated_at", LogicalType::kText, true},
          {"weighed_at", LogicalType::kText, false},
          {"closed_at", LogicalType::kText, false},
          {"version", LogicalType::kInteger, true, "1"},
          {"reopen_count", LogicalType::kInteger, true, "0"},
          {"reopened_at", LogicalType::kText, false},
          {"legal_hold_reason", LogicalType::kSealed, false},
          {"legal_hold_by", LogicalType::kText, false},
          {"legal_hold_at", LogicalType::kText, false},
          {"destroyed_at", LogicalType::kText, false}},
         {"sequence"},
         {{"cases_by_created", "created_at"}, {"cases_by_closed", "closed_at", "closed_at IS NOT NULL"},
          {"cases_for_retention", "closed_at, sequence", "closed_at IS NOT NULL AND destroyed_at IS NULL"}}},
        {"signals",
         {{"sequence", LogicalType::kSequence, false},
          {"id", LogicalType::kText, true, {}, {}, true},
          {"reporter", LogicalType::kText, false},
          {"channel", LogicalType::kText, true},
          {"narrative", LogicalType::kSealed, true},
          {"indicator_codes", LogicalType::kText, true},
          {"catalog_version", LogicalType::kText, true},
          {"observed_on", LogicalType::kText, false},
          {"has_location", LogicalType::kInteger, true, "0"},
          {"street", LogicalType::kSealed, false},
          {"house_number", LogicalType::kSealed, false},
          {"postcode", LogicalType::kSealed, false},
          {"city", LogicalType::kSealed, false},
          {"created_at", LogicalType::kText, true},
          {"case_id", LogicalType::kText, false, {}, "cases (id)"},
          {"recorded_at", LogicalType::kText, false},
          {"business_kvk", LogicalType::kSealed, false},
          {"business_name", LogicalType::kSealed, false},
          {"destroyed_at", LogicalType::kText, false}},
         {"sequence"},
         {{"signals_by_reporter", "reporter, sequence"}, {"signals_by_case", "case_id"},
          // Migration 21: the inbox's page read from this index alone (every column the summary shows).
          {"signals_inbox",
           "sequence, id, reporter, channel, indicator_codes, catalog_version, observed_on, created_at, case_id, "
           "destroyed_at",
           "case_id IS NULL AND destroyed_at IS NULL"}, {"signals_by_created", "created_at, channel"},
          {"signals_recorded_for_figures", "created_at, channel, reporter, recorded_at", "recorded_at IS NOT NULL"},
          {"signals_of_case_for_figures", "case_id, created_at, reporter", "case_id IS NOT NULL"},
          {"signals_for_search", "sequence, case_id, created_at"},
          {"signals_for_retention", "created_at, sequence", "case_id IS NULL AND destroyed_at IS NULL"}}},
        {"persons",
         {{"signal_id", LogicalType::kText, true, {}, "signals (id)"},
          {"position", LogicalType::kInteger, true},
          {"role", LogicalType::kText, true},
          {"name", LogicalType::kSealed, false},
          {"birth_year", LogicalType::kSealed, false, {}, {}, false, "INTEGER"},
          {"nationality", LogicalType::kSealed, false},
          {"phone", LogicalType::kSealed, false}},
         {"signal_id", "position"},
         {}},
        {"signal_keys",
         {{"key_hash", LogicalType::kText, true},
          {"signal_id", LogicalType::kText, true, {}, "signals (id)"},
          {"kind", LogicalType::kText, true},
          {"signal_sequence", LogicalType::kInteger, true, {}, "signals (sequence)"}},
         {"key_hash", "signal_id"},
         {{"signal_keys_by_signal", "signal_id"}, {"signal_keys_by_kind", "kind, key_hash"},
          {"signal_keys_newest_first", "key_hash, signal_sequence, kind"}}},
        {"signal_terms",
         {{"term_hash", LogicalType::kInteger, true},
          {"signal_sequence", LogicalType::kInteger, true, {}, "signals (sequence)"}},
         {"term_hash", "signal_sequence"},
         {}},
        {"signal_terms_pending",
         {{"signal_sequence", LogicalType::kInteger, true, {}, "signals (sequence)"},
          {"term_keys", LogicalType::kText, true}},
         {"signal_sequence"},
         {}},
        {"enrichments",
         {{"sequence", LogicalType::kSequence, false},
          {"id", LogicalType::kText, true, {}, {}, true},
          {"case_id", LogicalType::kText, true, {}, "cases (id)"},
          {"source", LogicalType::kText, true},
          {"purpose", LogicalType::kSealed, true},
          {"content", LogicalType::kSealed, true},
          {"at", LogicalType::kText, true},
          {"actor", LogicalType::kText, true}},
         {"sequence"},
         {{"enrichments_by_case", "case_id"}}},
        {"assessments",
         {{"sequence", LogicalType::kSequence, false},
          {"id", LogicalType::kText, true, {}, {}, true},
          {"case_id", LogicalType::kText, true, {}, "cases (id)"},
          {"urgency", LogicalType::kText, true},
          {"forms", LogicalType::kText, true},
          {"rationale", LogicalType::kSealed, true},
          {"at", LogicalType::kText, true},
          {"actor", LogicalType::kText, true}},
         {"sequence"},
         {{"assessments_by_case", "case_id"}, {"assessments_by_case_at", "case_id, at"}}},
        {"referrals",
         {{"sequence", LogicalType::kSequence, false},
          {"id", LogicalType::kText, true, {}, {}, true},
          {"case_id", LogicalType::kText, true, {}, "cases (id)"},
          {"partner", LogicalType::kText, true},
          {"forum", LogicalType::kText, false},
          {"feedback_due", LogicalType::kText, true},
          {"note", LogicalType::kSealed, false},
          {"at", LogicalType::kText, true},
          {"actor", LogicalType::kText, true}},
         {"sequence"},
         {{"referrals_by_case", "case_id"}, {"referrals_by_at", "at, case_id"}}},
        {"partner_feedback",
         {{"sequence", LogicalType::kSequence, false},
          {"id", LogicalType::kText, true, {}, {}, true},
          {"referral_id", LogicalType::kText, true, {}, "referrals (id)"},
          {"summary", LogicalType::kSealed, true},
          {"at", LogicalType::kText, true},
          {"actor", LogicalType::kText, true}},
         {"sequence"},
         {{"partner_feedback_by_referral", "referral_id"}, {"partner_feedback_by_referral_at", "referral_id, at"}}},
        {"reporter_feedback",
         {{"sequence", LogicalType::kSequence, false},
          {"id", LogicalType::kText, true, {}, {}, true},
          {"case_id", LogicalType::kText, true, {}, "cases (id)"},
          {"message", LogicalType::kSealed, true},
          {"at", LogicalType::kText, true},
          {"actor", LogicalType::kText, true}},
         {"sequence"},
         {{"reporter_feedback_by_case", "case_id"}, {"reporter_feedback_by_case_at", "case_id, at"}}},
        {"timeline",
         {{"sequence", LogicalType::kSequence, false},
          {"case_id", LogicalType::kText, true, {}, "cases (id)"},
          {"at", LogicalType::kText, true},
          {"actor", LogicalType::kText, true},
          {"action", LogicalType::kText, true},
          {"detail", LogicalType::kText, true}},
         {"sequence"},
         {{"timeline_by_case", "case_id, sequence"}}},
        {"case_closures",
         {{"sequence", LogicalType::kSequence, false},
          {"case_id", LogicalType::kText, true, {}, "cases (id)"},
          {"at", LogicalType::kText, true},
          {"outcome", LogicalType::kText, true},
          {"note", LogicalType::kSealed, false},
          {"actor", LogicalType::kText, true}},
         {"sequence"},
         {{"case_closures_by_case", "case_id, sequence"}, {"case_closures_by_at", "at, case_id"}}},
        {"case_reopenings",
         {{"sequence", LogicalType::kSequence, false},
          {"case_id", LogicalType::kText, true, {}, "cases (id)"},
          {"at", LogicalType::kText, true},
          {"reason", LogicalType::kSealed, true},
          {"actor", LogicalType::kText, true}},
         {"sequence"},
         {{"case_reopenings_by_case", "case_id, sequence"}, {"case_reopenings_by_at", "at, case_id"}}},
        {"rectifications",
         {{"sequence", LogicalType::kSequence, false},
          {"id", LogicalType::kText, true, {}, {}, true},
          {"signal_id", LogicalType::kText, true, {}, "signals (id)"},
          {"position", LogicalType::kInteger, true},
          {"fields", LogicalType::kText, true},
          {"reason", LogicalType::kSealed, false},
          {"at", LogicalType::kText, true},
          {"actor", LogicalType::kText, true}},
         {"sequence"},
         {{"rectifications_by_signal", "signal_id"}}},
        {"destruction_log",
         {{"sequence", LogicalType::kSequence, false},
          {"object_type", LogicalType::kText, true},
          {"object_id", LogicalType::kText, true},
          {"destroyed_at", LogicalType::kText, true},
          {"rule", LogicalType::kText, true},
          {"categories", LogicalType::kText, true},
          {"actor", LogicalType::kText, true}},
         {"sequence"},
         {},
         "the destruction log is append-only", "the destruction log is append-only"},
        {"codes",
         {{"kind", LogicalType::kText, true},
          {"code", LogicalType::kText, true},
          {"name", LogicalType::kText, true},
          {"position", LogicalType::kInteger, true},
          {"active", LogicalType::kInteger, true, "1"}},
         {"kind", "code"},
         {}},
        {"audit_events",
         {{"sequence", LogicalType::kInteger, false},
          {"at", LogicalType::kText, true},
          {"actor", LogicalType::kText, true},
          {"action", LogicalType::kText, true},
          {"object", LogicalType::kText, true},
          {"purpose", LogicalType::kText, true},
          {"outcome", LogicalType::kText, true},
          {"previous_hash", LogicalType::kText, true},
          {"hash", LogicalType::kText, true}},
         {"sequence"},
         {{"audit_events_by_at", "at"}},
         "the audit trail is append-only", "the audit trail is append-only"},
        {"processing_log",
         {{"sequence", LogicalType::kSequence, false},
          {"trace_id", LogicalType::kText, true},
          {"span_id", LogicalType::kText, true},
          {"parent_span_id", LogicalType::kText, true},
          {"name", LogicalType::kText, true},
          {"started_at", LogicalType::kText, true},
          {"ended_at", LogicalType::kText, true},
          {"status", LogicalType::kText, true},
          {"activity_id", LogicalType::kText, true},
          {"purpose", LogicalType::kText, true},
          {"data_subject_id", LogicalType::kText, true},
          {"data_subject_type", LogicalType::kText, true},
          {"actor", LogicalType::kText, true},
          {"audit_sequence", LogicalType::kInteger, true}},
         {"sequence"},
         {{"processing_log_by_start", "started_at"}},
         "the processing log is append-only", "the processing log is append-only"},
        {"catalog_versions",
         {{"sequence", LogicalType::kSequence, false},
          {"version", LogicalType::kText, true, {}, {}, true},
          {"published_at", LogicalType::kText, true},
          {"published_by", LogicalType::kText, true}},
         {"sequence"},
         {},
         "catalog versions are immutable"},
        {"catalog_indicators",
         {{"version", LogicalType::kText, true, {}, "catalog_versions (version)"},
          {"code", LogicalType::kText, true},
          {"position", LogicalType::kInteger, true},
          {"text", LogicalType::kText, true},
          {"help", LogicalType::kText, true},
          {"retired", LogicalType::kInteger, true, "0"}},
         {"version", "code"},
         {},
         "catalog versions are immutable"},
        {"field_keys",
         {{"key_id", LogicalType::kText, true},
          {"check_sealed", LogicalType::kText, true}},
         {"key_id"},
         {}},
        {"staff_members",
         {{"sequence", LogicalType::kSequence, false},
          {"id", LogicalType::kText, true, {}, {}, true},
          {"employee_number", LogicalType::kText, true, {}, {}, true},
          {"name", LogicalType::kSealed, true},
          {"department", LogicalType::kText, true},
          {"target_group", LogicalType::kText, true},
          {"active", LogicalType::kInteger, true, "1"},
          {"created_at", LogicalType::kText, true},
          {"updated_at", LogicalType::kText, true}},
         {"sequence"},
         {{"staff_members_by_group", "target_group, active"}}},
        {"training_imports",
         {{"sequence", LogicalType::kSequence, false},
          {"id", LogicalType::kText, true, {}, {}, true},
          {"at", LogicalType::kText, true},
          {"actor", LogicalType::kText, true},
          {"rows", LogicalType::kInteger, true},
          {"staff_added", LogicalType::kInteger, true},
          {"staff_updated", LogicalType::kInteger, true},
          {"completions_added", LogicalType::kInteger, true}},
         {"sequence"},
         {}},
        {"training_completions",
         {{"staff_id", LogicalType::kText, true, {}, "staff_members (id)"},
          {"completed_on", LogicalType::kText, true},
          {"import_id", LogicalType::kText, false}},
         {"staff_id", "completed_on"},
         {}},
        {"training_targets",
         {{"target_group", LogicalType::kText, true},
          {"target_percent", LogicalType::kInteger, true}},
         {"target_group"},
         {}},
        {"register_settings",
         {{"key", LogicalType::kText, true},
          {"value", LogicalType::kText, true}},
         {"key"},
         {}},
        {"awareness_activities",
         {{"sequence", LogicalType::kSequence, false},
          {"id", LogicalType::kText, true, {}, {}, true},
          {"title", LogicalType::kText, true},
          {"held_on", LogicalType::kText, true},
          {"description", LogicalType::kText, true, "''"},
          {"external_attendees", LogicalType::kInteger, true, "0"},
          {"created_at", LogicalType::kText, true}},
         {"sequence"},
         {}},
        {"activity_attendees",
         {{"activity_id", LogicalType::kText, true, {}, "awareness_activities (id)"},
          {"target_group", LogicalType::kText, true},
          {"attendees", LogicalType::kInteger, true}},
         {"activity_id", "target_group"},
         {}},
        {"designated_officers",
         {{"sequence", LogicalType::kSequence, false},
          {"id", LogicalType::kText, true, {}, {}, true},
          {"name", LogicalType::kSealed, true},
          {"domain", LogicalType::kText, true},
          {"phone", LogicalType::kSealed, true},
          {"email", LogicalType::kSealed, true},
          {"active", LogicalType::kInteger, true, "1"},
          {"created_at", LogicalType::kText, true},
          {"updated_at", LogicalType::kText, true}},
         {"sequence"},
         {}},
        {"plan_objectives",
         {{"number", LogicalType::kInteger, false},
          {"title", LogicalType::kText, true},
          {"description", LogicalType::kText, true}},
         {"number"},
         {}},
        {"plan_actions",
         {{"id", LogicalType::kText, true},
          {"objective", LogicalType::kInteger, true, {}, "plan_objectives (number)"},
          {"position", LogicalType::kInteger, true},
          {"section", LogicalType::kText, true},
          {"title", LogicalType::kText, true},
          {"owner", LogicalType::kText, true, "''"},
          {"status", LogicalType::kText, true, "'niet-gestart'"},
          {"due_on", LogicalType::kText, false},
          {"notes", LogicalType::kText, true, "''"},
          {"completed_on", LogicalType::kText, false},
          {"updated_at", LogicalType::kText, true, "''"},
          {"updated_by", LogicalType::kText, true, "''"}},
         {"id"},
         {}},
        {"yearly_figures",
         {{"year", LogicalType::kInteger, false},
          {"region_signals", LogicalType::kInteger, false},
          {"region_care_trajectories", LogicalType::kInteger, false},
          {"municipality_count", LogicalType::kInteger, false},
          {"source", LogicalType::kText, true},
          {"updated_at", LogicalType::kText, true},
          {"updated_by", LogicalType::kText, true}},
         {"year"},
         {}},
        // Migration 14: state shared by the instances on one store.
        {"rate_events",
         {{"id", LogicalType::kSequence, false},
          {"bucket", LogicalType::kText, true},
          {"key_hash", LogicalType::kText, true},
          {"expires_at", LogicalType::kText, true}},
         {"id"},
         {{"rate_events_by_key", "bucket, key_hash, expires_at"}, {"rate_events_by_expiry", "expires_at"}}},
        {"tickets",
         {{"kind", LogicalType::kText, true},
          {"key_hash", LogicalType::kText, true},
          {"payload", LogicalType::kSealed, true},
          {"expires_at", LogicalType::kText, true}},
         {"kind", "key_hash"},
         {{"tickets_by_expiry", "expires_at"}}},
        {"job_leases",
         {{"name", LogicalType::kText, true},
          {"holder", LogicalType::kText, true},
          {"held_until", LogicalType::kText, true}},
         {"name"},
         {}},
        // Migration 15: signals not taken into a case, counted per day, channel and reporter ('' for none); kept
        // exact by triggers on signals (SQLite: migration 15; PostgreSQL: kPostgresDayCounts below).
        {"signal_day_counts",
         {{"day", LogicalType::kText, true},
          {"channel", LogicalType::kText, true},
          {"reporter", LogicalType::kText, true},
          {"signals", LogicalType::kInteger, true}},
         {"day", "channel", "reporter"},
         {}},
        // Migration 18: what the figures read of each case, one row per case kept exact by triggers on the case
        // and every table it is computed from (CaseFiguresTriggersSql), in the order the cases were recorded, so
        // a period's cases are one range of rows. The lists hold "sequence US field US ..." items separated by RS.
        {"case_figures",
         {{"created_at", LogicalType::kText, true},
          {"case_id", LogicalType::kText, true},
          {"case_sequence", LogicalType::kInteger, true},
          {"status", LogicalType::kText, true},
          {"urgency", LogicalType::kText, false},
          {"forms", LogicalType::kText, true},
          {"weighed_at", LogicalType::kText, false},
          {"outcome", LogicalType::kText, false},
          {"closed_at", LogicalType::kText, false},
          {"first_signal_at", LogicalType::kText, false},
          {"has_reachable_reporter", LogicalType::kInteger, true},
          {"first_weighed_at", LogicalType::kText, false},
          {"first_reporter_feedback_at", LogicalType::kText, false},
          {"latest_reporter_feedback_at", LogicalType::kText, false},
          {"referrals", LogicalType::kText, false},
          {"closures", LogicalType::kText, false},
          {"reopenings", LogicalType::kText, false}},
         {"created_at", "case_id"},
         // Migration 20: unique, so that the rule of one row per case is the database's, not only the triggers'.
         {{"case_figures_by_case", "case_id", {}, true}}},
    };
    return tables;
}

const TableSpec& ModelTable(std::string_view name) {
    for (const TableSpec& table : SchemaTables()) {
        if (table.name == name) return table;
    }
    throw std::out_of_range("no table " + std::string{name} + " in the model");
}

std::string SeedSql(int migration) {
    switch (migration) {
        case 1:
            return kSeedCodes;
        case 7:
            return kSeedPlan;
        case 8:
            return kSeedYearlyFigures;
        default:
            return {};
    }
}

std::string AllSeedSql() { return SeedSql(1) + SeedSql(7) + SeedSql(8); }

std::string SqliteType(const ColumnSpec& column) {
    if (!column.sqlite_type.empty()) return std::string{column.sqlite_type};
    return column.type == LogicalType::kInteger || column.type == LogicalType::kSequence ? "INTEGER" : "TEXT";
}

// The triggers that keep signal_day_counts exact (what SQLite's migration 15 does with four triggers): every
// insert, change and delete of a signal not recorded into a case moves its count.
constexpr const char* kPostgresDayCounts = R"sql(
CREATE FUNCTION meldroute_signal_day_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.recorded_at IS NULL THEN
        UPDATE signal_day_counts SET signals = signals - 1
            WHERE day = substr(OLD.created_at, 1, 10) AND channel = OLD.channel
              AND reporter = COALESCE(OLD.reporter, '');
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.recorded_at IS NULL THEN
        INSERT INTO signal_day_counts (day, channel, reporter, signals)
            VALUES (substr(NEW.created_at, 1, 10), NEW.channel, COALESCE(NEW.reporter, ''), 1)
            ON CONFLICT (day, channel, reporter) DO UPDATE SET signals = signal_day_counts.signals + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER signal_day_counts_insert AFTER INSERT ON signals
    FOR EACH ROW EXECUTE FUNCTION meldroute_signal_day_counts();
CREATE TRIGGER signal_day_counts_update AFTER UPDATE OF created_at, channel, reporter, recorded_at ON signals
    FOR EACH ROW EXECUTE FUNCTION meldroute_signal_day_counts();
CREATE TRIGGER signal_day_counts_delete AFTER DELETE ON signals
    FOR EACH ROW EXECUTE FUNCTION meldroute_signal_day_counts();
)sql";

std::string PostgresTableSql(const TableSpec& table) {
    std::string sql;
    sql += "CREATE TABLE " + std::string{table.name} + " (\n";
    for (const ColumnSpec& column : table.columns) {
        sql += "    " + std::string{column.name} + " " + PostgresType(column);
        if (column.not_null) sql += " NOT NULL";
        if (!column.default_sql.empty()) sql += " DEFAULT " + std::string{column.default_sql};
        if (column.unique) sql += " UNIQUE";
        if (!column.references.empty()) sql += " REFERENCES " + std::string{column.references};
        sql += ",\n";
    }
    sql += "    PRIMARY KEY (" + Join(table.primary_key) + ")\n);\n";
    for (const IndexSpec& index : table.indexes) {
        sql += std::string{index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX "} + std::string{index.name} + " ON " +
               std::string{table.name} + " (" + std::string{index.columns} + ")";
        if (!index.where.empty()) sql += " WHERE " + std::string{index.where};
        sql += ";\n";
    }
    if (!table.refuse_update.empty()) {
        sql += RefuseTrigger(table.name, "no_update", "UPDATE", "ROW", table.refuse_update);
    }
    if (!table.refuse_delete.empty()) {
        sql += RefuseTrigger(table.name, "no_delete", "DELETE", "ROW", table.refuse_delete);
        sql += RefuseTrigger(table.name, "no_truncate", "TRUNCATE", "STATEMENT", table.refuse_delete);
    }
    return sql;
}

// ------------------------------------------------------------------------------------------------ case_figures

namespace {

// A table the figures of a case are computed from: the columns whose change moves them, and the column that
// names the case (a partner's feedback names it through its referral).
struct FiguresSource {
    std::string_view table;
    std::string_view columns;
    std::string_view case_column;
};

constexpr FiguresSource kFiguresSources[] = {
    {"cases", "created_at, status, urgency, forms, weighed_at, outcome, closed_at", "id"},
    {"signals", "case_id, created_at, reporter", "case_id"},
    {"assessments", "case_id, at", "case_id"},
    {"reporter_feedback", "case_id, at", "case_id"},
    {"referrals", "id, case_id, partner, at, feedback_due", "case_id"},
    {"partner_feedback", "referral_id, at", "referral_id"},
    {"case_closures", "case_id, at, outcome", "case_id"},
    {"case_reopenings", "case_id, at", "case_id"},
};

constexpr const char* kCaseFiguresColumns =
    "created_at, case_id, case_sequence, status, urgency, forms, weighed_at, outcome, closed_at, first_signal_at, "
    "has_reachable_reporter, first_weighed_at, first_reporter_feedback_at, latest_reporter_feedback_at, referrals, "
    "closures, reopenings";

// The case the row `row` (NEW or OLD) of `source` belongs to, as an SQL expression.
std::string CaseOf(const FiguresSource& source, std::string_view row) {
    if (source.case_column == "referral_id") {
        return "(SELECT case_id FROM referrals WHERE id = " + std::string{row} + ".referral_id)";
    }
    return std::string{row} + "." + std::string{source.case_column};
}

// The figures row of every case `FROM cases c` (add a WHERE), in kCaseFiguresColumns' order.
std::string CaseFiguresSelect(Dialect dialect) {
    const bool postgres = dialect == Dialect::kPostgres;
    const std::string aggregate = postgres ? "string_agg" : "group_concat";
    const std::string unit = postgres ? "chr(31)" : "char(31)";
    const std::string record = postgres ? "chr(30)" : "char(30)";
    // SQLite's group_concat takes no order; the reader sorts the items by their sequence either way.
    auto in_order = [&](const char* alias) { return postgres ? std::string{" ORDER BY "} + alias + ".sequence" : ""; };
    return "SELECT c.created_at, c.id, c.sequence, c.status, c.urgency, c.forms, c.weighed_at, c.outcome, c.closed_at, "
           "(SELECT min(s.created_at) FROM signals s WHERE s.case_id = c.id), "
           "CASE WHEN EXISTS (SELECT 1 FROM signals s WHERE s.case_id = c.id AND s.reporter IS NOT NULL) THEN 1 "
           "ELSE 0 END, "
           "(SELECT min(a.at) FROM assessments a WHERE a.case_id = c.id), "
           "(SELECT min(f.at) FROM reporter_feedback f WHERE f.case_id = c.id), "
           "(SELECT max(f.at) FROM reporter_feedback f WHERE f.case_id = c.id), "
           "(SELECT " + aggregate + "(CAST(r.sequence AS TEXT) || " + unit + " || r.partner || " + unit +
           " || r.at || " + unit + " || r.feedback_due || " + unit +
           " || COALESCE((SELECT min(p.at) FROM partner_feedback p WHERE p.referral_id = r.id), ''), " + record +
           in_order("r") + ") FROM referrals r WHERE r.case_id = c.id), "
           "(SELECT " + aggregate + "(CAST(x.sequence AS TEXT) || " + unit + " || x.at || " + unit + " || x.outcome, " +
           record + in_order("x") + ") FROM case_closures x WHERE x.case_id = c.id), "
           "(SELECT " + aggregate + "(CAST(x.sequence AS TEXT) || " + unit + " || x.at, " + record + in_order("x") +
           ") FROM case_reopenings x WHERE x.case_id = c.id) "
           "FROM cases c";
}

// Replaces the figures row of the case `case_expression` names with what the tables hold now (none once the
// case is gone).
std::string RefreshCaseFigures(const std::string& case_expression) {
    return "    DELETE FROM case_figures WHERE case_id = " + case_expression + ";\n    INSERT INTO case_figures (" +
           kCaseFiguresColumns + ")\n        " + CaseFiguresSelect(Dialect::kSqlite) + " WHERE c.id = " +
           case_expression + ";\n";
}

// PostgreSQL: one function refreshes a case's row, one trigger function finds the case of the changed row.
constexpr const char* kPostgresCaseFiguresChanged = R"sql(
CREATE FUNCTION meldroute_case_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_case text;
    new_case text;
BEGIN
    IF TG_TABLE_NAME = 'cases' THEN
        IF TG_OP <> 'INSERT' THEN old_case := OLD.id; END IF;
        IF TG_OP <> 'DELETE' THEN new_case := NEW.id; END IF;
    ELSIF TG_TABLE_NAME = 'partner_feedback' THEN
        IF TG_OP <> 'INSERT' THEN SELECT case_id INTO old_case FROM referrals WHERE id = OLD.referral_id; END IF;
        IF TG_OP <> 'DELETE' THEN SELECT case_id INTO new_case FROM referrals WHERE id = NEW.referral_id; END IF;
    ELSE
        IF TG_OP <> 'INSERT' THEN old_case := OLD.case_id; END IF;
        IF TG_OP <> 'DELETE' THEN new_case := NEW.case_id; END IF;
    END IF;
    IF old_case IS NOT NULL AND old_case IS DISTINCT FROM new_case THEN
        PERFORM meldroute_refresh_case_figures(old_case);
    END IF;
    IF new_case IS NOT NULL THEN PERFORM meldroute_refresh_case_figures(new_case); END IF;
    RETURN NULL;
END $$;
)sql";

}  // namespace

std::string CaseFiguresTriggersSql(Dialect dialect) {
    std::string sql;
    if (dialect == Dialect::kPostgres) {
        // PL/pgSQL keeps the statements' plans from call to call (an SQL function plans them at every call).
        sql += "CREATE FUNCTION meldroute_refresh_case_figures(figures_case text) RETURNS void LANGUAGE plpgsql AS $$\n"
               "BEGIN\n    DELETE FROM case_figures WHERE case_id = figures_case;\n    INSERT INTO case_figures (" +
               std::string{kCaseFiguresColumns} + ")\n        " + CaseFiguresSelect(dialect) +
               " WHERE c.id = figures_case;\nEND $$;\n";
        sql += kPostgresCaseFiguresChanged;
    }
    for (const FiguresSource& source : kFiguresSources) {
        const std::string table{source.table};
        const std::string name = "case_figures_" + table;
        // A row without a case (a signal in the inbox) moves no figures; a subquery cannot be a PostgreSQL WHEN.
        const bool plain = source.case_column != "referral_id";
        const std::string when_new = plain ? " WHEN (" + CaseOf(source, "NEW") + " IS NOT NULL)" : "";
        if (dialect == Dialect::kPostgres) {
            const std::string execute = " EXECUTE FUNCTION meldroute_case_figures_changed();\n";
            sql += "CREATE TRIGGER " + name + "_insert AFTER INSERT ON " + table + " FOR EACH ROW" + when_new + execute;
            sql += "CREATE TRIGGER " + name + "_update AFTER UPDATE OF " + std::string{source.columns} + " ON " +
                   table + " FOR EACH ROW" + execute;
            sql += "CREATE TRIGGER " + name + "_delete AFTER DELETE ON " + table + " FOR EACH ROW" + execute;
        } else {
            sql += "CREATE TRIGGER " + name + "_insert AFTER INSERT ON " + table + when_new + "\nBEGIN\n" +
                   RefreshCaseFigures(CaseOf(source, "NEW")) + "END;\n";
            sql += "CREATE TRIGGER " + name + "_update AFTER UPDATE OF " + std::string{source.columns} + " ON " +
                   table + "\nBEGIN\n" + RefreshCaseFigures(CaseOf(source, "OLD")) +
                   RefreshCaseFigures(CaseOf(source, "NEW")) + "END;\n";
            sql += "CREATE TRIGGER " + name + "_delete AFTER DELETE ON " + table + "\nBEGIN\n" +
                   RefreshCaseFigures(CaseOf(source, "OLD")) + "END;\n";
        }
    }
    return sql;
}

std::string CaseFiguresTriggersEnabledSql(bool enabled) {
    std::string sql;
    for (const FiguresSource& source : kFiguresSources) {
        for (const char* event : {"insert", "update", "delete"}) {
            sql += "ALTER TABLE " + std::string{source.table} + (enabled ? " ENABLE" : " DISABLE") +
                   " TRIGGER case_figures_" + std::string{source.table} + "_" + event + ";\n";
        }
    }
    return sql;
}

std::string CaseFiguresBackfillSql(Dialect dialect) {
    return "INSERT INTO case_figures (" + std::string{kCaseFiguresColumns} + ") " + CaseFiguresSelect(dialect) + ";\n";
}

std::string PostgresSchemaSql() {
    std::string sql =
        "CREATE FUNCTION meldroute_refuse() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$;\n";
    for (const TableSpec& table : SchemaTables()) sql += PostgresTableSql(table);
    return sql + kPostgresDayCounts + CaseFiguresTriggersSql(Dialect::kPostgres) + AllSeedSql();
}

}  // namespace meldroute::store
