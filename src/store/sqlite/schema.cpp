#include "store/sqlite/schema.hpp"

#include "store/schema_model.hpp"
#include "store/sqlite/sealed_columns.hpp"

namespace meldroute::store::sqlite {

const std::vector<Migration>& Migrations() {
    static const std::vector<Migration> migrations{
        // 1: the route, users, sessions, codes and the audit trail.
        {std::string{R"sql(
CREATE TABLE users (
    username TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    roles TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_by_user ON login_failures (username, at);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users (username),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (username);

CREATE TABLE cases (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    urgency TEXT,
    forms TEXT NOT NULL DEFAULT '',
    rationale TEXT,
    outcome TEXT,
    closure_note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    weighed_at TEXT,
    closed_at TEXT
);
CREATE INDEX cases_by_created ON cases (created_at);
CREATE INDEX cases_by_closed ON cases (closed_at) WHERE closed_at IS NOT NULL;

CREATE TABLE signals (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    reporter TEXT,
    channel TEXT NOT NULL,
    narrative TEXT NOT NULL,
    indicator_codes TEXT NOT NULL,
    catalog_version TEXT NOT NULL,
    observed_on TEXT,
    has_location INTEGER NOT NULL DEFAULT 0,
    street TEXT,
    house_number TEXT,
    postcode TEXT,
    city TEXT,
    created_at TEXT NOT NULL,
    case_id TEXT REFERENCES cases (id),
    recorded_at TEXT
);
CREATE INDEX signals_by_reporter ON signals (reporter, sequence);
CREATE INDEX signals_by_case ON signals (case_id);
CREATE INDEX signals_inbox ON signals (sequence) WHERE case_id IS NULL;
CREATE INDEX signals_by_created ON signals (created_at, channel);

CREATE TABLE persons (
    signal_id TEXT NOT NULL REFERENCES signals (id),
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    name TEXT,
    birth_year INTEGER,
    nationality TEXT,
    phone TEXT,
    PRIMARY KEY (signal_id, position)
) WITHOUT ROWID;

CREATE TABLE enrichments (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    case_id TEXT NOT NULL REFERENCES cases (id),
    source TEXT NOT NULL,
    purpose TEXT NOT NULL,
    content TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX enrichments_by_case ON enrichments (case_id);

CREATE TABLE assessments (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    case_id TEXT NOT NULL REFERENCES cases (id),
    urgency TEXT NOT NULL,
    forms TEXT NOT NULL,
    rationale TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX assessments_by_case ON assessments (case_id);

CREATE TABLE referrals (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    case_id TEXT NOT NULL REFERENCES cases (id),
    partner TEXT NOT NULL,
    forum TEXT,
    feedback_due TEXT NOT NULL,
    note TEXT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX referrals_by_case ON referrals (case_id);

CREATE TABLE partner_feedback (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    referral_id TEXT NOT NULL REFERENCES referrals (id),
    summary TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX partner_feedback_by_referral ON partner_feedback (referral_id);

CREATE TABLE reporter_feedback (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    case_id TEXT NOT NULL REFERENCES cases (id),
    message TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX reporter_feedback_by_case ON reporter_feedback (case_id);

CREATE TABLE timeline (
    sequence INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX timeline_by_case ON timeline (case_id, sequence);

CREATE TABLE codes (
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (kind, code)
) WITHOUT ROWID;

CREATE TABLE audit_events (
    sequence INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    purpose TEXT NOT NULL,
    outcome TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_events_by_at ON audit_events (at);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
)sql" + SeedSql(1)}},
        // 2: account locks, so a lockout lasts its full term after the failure that caused it.
        {std::string{R"sql(
CREATE TABLE account_locks (
    username TEXT PRIMARY KEY,
    locked_until TEXT NOT NULL
) WITHOUT ROWID;
)sql"}},
        // 3: businesses on signals, keyed-hash match keys for linking, full-text search over narratives.
        {std::string{R"sql(
ALTER TABLE signals ADD COLUMN business_kvk TEXT;
ALTER TABLE signals ADD COLUMN business_name TEXT;

CREATE TABLE signal_keys (
    key_hash TEXT NOT NULL,
    signal_id TEXT NOT NULL REFERENCES signals (id),
    kind TEXT NOT NULL,
    PRIMARY KEY (key_hash, signal_id)
) WITHOUT ROWID;
CREATE INDEX signal_keys_by_signal ON signal_keys (signal_id);
CREATE INDEX signal_keys_by_kind ON signal_keys (kind, key_hash);

CREATE VIRTUAL TABLE signals_fts USING fts5 (
    narrative, content = 'signals', content_rowid = 'sequence', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO signals_fts (rowid, narrative) SELECT sequence, narrative FROM signals;
CREATE TRIGGER signals_fts_insert AFTER INSERT ON signals
BEGIN INSERT INTO signals_fts (rowid, narrative) VALUES (new.sequence, new.narrative); END;
CREATE TRIGGER signals_fts_delete AFTER DELETE ON signals
BEGIN INSERT INTO signals_fts (signals_fts, rowid, narrative) VALUES ('delete', old.sequence, old.narrative); END;
CREATE TRIGGER signals_fts_update AFTER UPDATE OF narrative ON signals
BEGIN
    INSERT INTO signals_fts (signals_fts, rowid, narrative) VALUES ('delete', old.sequence, old.narrative);
    INSERT INTO signals_fts (rowid, narrative) VALUES (new.sequence, new.narrative);
END;
)sql"}},
        // 4: published versions of the indicator catalog (the built-in 2024.1 lives in the program).
        {std::string{R"sql(
CREATE TABLE catalog_versions (
    sequence INTEGER PRIMARY KEY,
    version TEXT NOT NULL UNIQUE,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL
);
CREATE TABLE catalog_indicators (
    version TEXT NOT NULL REFERENCES catalog_versions (version),
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    help TEXT NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (version, code)
) WITHOUT ROWID;
CREATE TRIGGER catalog_indicators_immutable BEFORE UPDATE ON catalog_indicators
BEGIN SELECT RAISE(ABORT, 'catalog versions are immutable'); END;
CREATE TRIGGER catalog_versions_immutable BEFORE UPDATE ON catalog_versions
BEGIN SELECT RAISE(ABORT, 'catalog versions are immutable'); END;
)sql"}},
        // 5: second factor (TOTP, sealed secret), recovery codes, enrolment-only sessions.
        {std::string{R"sql(
CREATE TABLE user_mfa (
    username TEXT PRIMARY KEY REFERENCES users (username),
    secret_sealed TEXT NOT NULL,
    confirmed_at TEXT,
    last_step INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE recovery_codes (
    username TEXT NOT NULL REFERENCES users (username),
    code_hash TEXT NOT NULL,
    used_at TEXT,
    PRIMARY KEY (username, code_hash)
) WITHOUT ROWID;
ALTER TABLE sessions ADD COLUMN must_enrol INTEGER NOT NULL DEFAULT 0;
)sql"}},
        // 6: the processing log (Logboek Dataverwerkingen fields), append-only beside the audit trail.
        {std::string{R"sql(
CREATE TABLE processing_log (
    sequence INTEGER PRIMARY KEY,
    trace_id TEXT NOT NULL,
    span_id TEXT NOT NULL,
    parent_span_id TEXT NOT NULL,
    name TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    status TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    purpose TEXT NOT NULL,
    data_subject_id TEXT NOT NULL,
    data_subject_type TEXT NOT NULL,
    actor TEXT NOT NULL,
    audit_sequence INTEGER NOT NULL
);
CREATE INDEX processing_log_by_start ON processing_log (started_at);
CREATE TRIGGER processing_log_no_update BEFORE UPDATE ON processing_log
BEGIN SELECT RAISE(ABORT, 'the processing log is append-only'); END;
CREATE TRIGGER processing_log_no_delete BEFORE DELETE ON processing_log
BEGIN SELECT RAISE(ABORT, 'the processing log is append-only'); END;
)sql"}},
        // 7: the registers of issue 7: training (staff, e-learning completions, imports, targets), awareness
        // activities, designated officers, and the action plan of chapter 4 of the policy, seeded here.
        {std::string{R"sql(
CREATE TABLE staff_members (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    employee_number TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    department TEXT NOT NULL,
    target_group TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX staff_members_by_group ON staff_members (target_group, active);

CREATE TABLE training_imports (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    rows INTEGER NOT NULL,
    staff_added INTEGER NOT NULL,
    staff_updated INTEGER NOT NULL,
    completions_added INTEGER NOT NULL
);

CREATE TABLE training_completions (
    staff_id TEXT NOT NULL REFERENCES staff_members (id),
    completed_on TEXT NOT NULL,
    import_id TEXT,
    PRIMARY KEY (staff_id, completed_on)
) WITHOUT ROWID;

CREATE TABLE training_targets (
    target_group TEXT PRIMARY KEY,
    target_percent INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE register_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE awareness_activities (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    held_on TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    external_attendees INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE activity_attendees (
    activity_id TEXT NOT NULL REFERENCES awareness_activities (id),
    target_group TEXT NOT NULL,
    attendees INTEGER NOT NULL,
    PRIMARY KEY (activity_id, target_group)
) WITHOUT ROWID;

CREATE TABLE designated_officers (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    domain TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE plan_objectives (
    number INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE plan_actions (
    id TEXT PRIMARY KEY,
    objective INTEGER NOT NULL REFERENCES plan_objectives (number),
    position INTEGER NOT NULL,
    section TEXT NOT NULL,
    title TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'niet-gestart',
    due_on TEXT,
    notes TEXT NOT NULL DEFAULT '',
    completed_on TEXT,
    updated_at TEXT NOT NULL DEFAULT '',
    updated_by TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
)sql" + SeedSql(7)}},
        // 8: figures for policy: the reporting department of an account, and the yearly figures from before
        // meldroute (seed 2.3, "Omvang in de regio Oost-Nederland en Zevenaar"), seeded with 2019-2023.
        {std::string{R"sql(
ALTER TABLE users ADD COLUMN department TEXT NOT NULL DEFAULT 'onbekend';

CREATE TABLE yearly_figures (
    year INTEGER PRIMARY KEY,
    region_signals INTEGER,
    region_care_trajectories INTEGER,
    municipality_count INTEGER,
    source TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
)sql" + SeedSql(8) + R"sql(

-- The figures read cases by when they were closed and referrals by when they were made.
CREATE INDEX referrals_by_at ON referrals (at);
CREATE INDEX assessments_by_case_at ON assessments (case_id, at);
)sql"}},
        // 9: personal data sealed at rest (XChaCha20-Poly1305 through the FieldCipher), the plaintext full-text
        // index replaced by a blind index of keyed hashes of stemmed words, and a check value per key so a
        // database is never served with keys it was not sealed under. The step seals what older versions
        // stored in plaintext, in this same transaction.
        {std::string{R"sql(
DROP TRIGGER signals_fts_insert;
DROP TRIGGER signals_fts_delete;
DROP TRIGGER signals_fts_update;
DROP TABLE signals_fts;
CREATE TABLE signal_terms (
    term_hash INTEGER NOT NULL,
    signal_sequence INTEGER NOT NULL REFERENCES signals (sequence),
    PRIMARY KEY (term_hash, signal_sequence)
) WITHOUT ROWID;
CREATE TABLE field_keys (
    key_id TEXT PRIMARY KEY,
    check_sealed TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
         &SealPlaintextColumns},
        // 10: a version per case, raised by every change: the ETag that If-Match is checked against, so two
        // officers never silently overwrite each other's step.
        {std::string{R"sql(
ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
)sql"}},
        // 11: reopening a closed case ("heropenen"). Every closure is kept with its outcome, every reopening
        // with its reason; the code only ever appends to them (no triggers: key rotation re-seals their texts
        // in place, and retention destroys them). cases.outcome/closed_at hold the current closure (none while
        // a reopened case is open again). The step fills case_closures for cases closed before.
        {std::string{R"sql(
CREATE TABLE case_closures (
    sequence INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    at TEXT NOT NULL,
    outcome TEXT NOT NULL,
    note TEXT,
    actor TEXT NOT NULL
);
CREATE INDEX case_closures_by_case ON case_closures (case_id, sequence);
CREATE INDEX case_closures_by_at ON case_closures (at);

CREATE TABLE case_reopenings (
    sequence INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    at TEXT NOT NULL,
    reason TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX case_reopenings_by_case ON case_reopenings (case_id, sequence);
CREATE INDEX case_reopenings_by_at ON case_reopenings (at);

ALTER TABLE cases ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN reopened_at TEXT;

)sql"},
         &BackfillClosures},
        // 12: retention and data-subject rights: a legal hold per case (reason sealed), the moment a case's or
        // signal's personal data was destroyed (the skeleton stays for the figures), an append-only destruction
        // log without personal data, and recorded rectifications (reason sealed; old values are not kept).
        {std::string{R"sql(
ALTER TABLE cases ADD COLUMN legal_hold_reason TEXT;
ALTER TABLE cases ADD COLUMN legal_hold_by TEXT;
ALTER TABLE cases ADD COLUMN legal_hold_at TEXT;
ALTER TABLE cases ADD COLUMN destroyed_at TEXT;
ALTER TABLE signals ADD COLUMN destroyed_at TEXT;
CREATE TABLE destruction_log (
    sequence INTEGER PRIMARY KEY,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    destroyed_at TEXT NOT NULL,
    rule TEXT NOT NULL,
    categories TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE TRIGGER destruction_log_no_update BEFORE UPDATE ON destruction_log
BEGIN SELECT RAISE(ABORT, 'the destruction log is append-only'); END;
CREATE TRIGGER destruction_log_no_delete BEFORE DELETE ON destruction_log
BEGIN SELECT RAISE(ABORT, 'the destruction log is append-only'); END;
CREATE TABLE rectifications (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    signal_id TEXT NOT NULL REFERENCES signals (id),
    position INTEGER NOT NULL,
    fields TEXT NOT NULL,
    reason TEXT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX rectifications_by_signal ON rectifications (signal_id);
)sql"}},
        // 13: single sign-on (OpenID Connect): the local account an identity provider's user is linked to, keyed
        // on (issuer, subject); the display name is sealed.
        {std::string{R"sql(
CREATE TABLE federated_identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    username TEXT NOT NULL UNIQUE REFERENCES users (username),
    display_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    last_sign_in_at TEXT NOT NULL,
    PRIMARY KEY (issuer, subject)
) WITHOUT ROWID;
)sql"}},
        // 14: state shared by several instances on one store: rate-limit events per keyed hash of a client
        // address (each with its own expiry, pruned as new ones arrive), single-use tickets between two requests
        // (a single sign-on attempt; payload sealed), and leases that let one instance run a job per interval.
        {std::string{R"sql(
CREATE TABLE rate_events (
    id INTEGER PRIMARY KEY,
    bucket TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX rate_events_by_key ON rate_events (bucket, key_hash, expires_at);
CREATE INDEX rate_events_by_expiry ON rate_events (expires_at);
CREATE TABLE tickets (
    kind TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    payload TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    PRIMARY KEY (kind, key_hash)
) WITHOUT ROWID;
CREATE INDEX tickets_by_expiry ON tickets (expires_at);
CREATE TABLE job_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    held_until TEXT NOT NULL
) WITHOUT ROWID;
)sql"}},
        // 15: the figures of a year without reading a year's signals. Signals not taken into a case are counted
        // per day, channel and reporter in signal_day_counts, kept exact by triggers on every insert, change and
        // delete of a signal (so no code path can forget it); the signals taken into a case, whose lead times
        // count one by one, what the figures read per case, and what a search's filters read of a signal are
        // held by covering indexes.
        {std::string{R"sql(
CREATE TABLE signal_day_counts (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    reporter TEXT NOT NULL,  -- '' for a signal without reporter (the residents' form)
    signals INTEGER NOT NULL,
    PRIMARY KEY (day, channel, reporter)
) WITHOUT ROWID;
INSERT INTO signal_day_counts (day, channel, reporter, signals)
    SELECT substr(created_at, 1, 10), channel, COALESCE(reporter, ''), count(*) FROM signals
    WHERE recorded_at IS NULL GROUP BY 1, 2, 3;
CREATE TRIGGER signal_day_counts_insert AFTER INSERT ON signals WHEN NEW.recorded_at IS NULL
BEGIN
    INSERT INTO signal_day_counts (day, channel, reporter, signals)
        VALUES (substr(NEW.created_at, 1, 10), NEW.channel, COALESCE(NEW.reporter, ''), 1)
        ON CONFLICT (day, channel, reporter) DO UPDATE SET signals = signals + 1;
END;
CREATE TRIGGER signal_day_counts_update_old AFTER UPDATE OF created_at, channel, reporter, recorded_at ON signals
    WHEN OLD.recorded_at IS NULL
BEGIN
    UPDATE signal_day_counts SET signals = signals - 1
        WHERE day = substr(OLD.created_at, 1, 10) AND channel = OLD.channel AND reporter = COALESCE(OLD.reporter, '');
END;
CREATE TRIGGER signal_day_counts_update_new AFTER UPDATE OF created_at, channel, reporter, recorded_at ON signals
    WHEN NEW.recorded_at IS NULL
BEGIN
    INSERT INTO signal_day_counts (day, channel, reporter, signals)
        VALUES (substr(NEW.created_at, 1, 10), NEW.channel, COALESCE(NEW.reporter, ''), 1)
        ON CONFLICT (day, channel, reporter) DO UPDATE SET signals = signals + 1;
END;
CREATE TRIGGER signal_day_counts_delete AFTER DELETE ON signals WHEN OLD.recorded_at IS NULL
BEGIN
    UPDATE signal_day_counts SET signals = signals - 1
        WHERE day = substr(OLD.created_at, 1, 10) AND channel = OLD.channel AND reporter = COALESCE(OLD.reporter, '');
END;
CREATE INDEX signals_recorded_for_figures ON signals (created_at, channel, reporter, recorded_at)
    WHERE recorded_at IS NOT NULL;
CREATE INDEX signals_of_case_for_figures ON signals (case_id, created_at, reporter) WHERE case_id IS NOT NULL;
CREATE INDEX reporter_feedback_by_case_at ON reporter_feedback (case_id, at);
CREATE INDEX partner_feedback_by_referral_at ON partner_feedback (referral_id, at);
-- What a search's filters read of a candidate signal, so only the signals shown are read whole.
CREATE INDEX signals_for_search ON signals (sequence, case_id, created_at);
)sql"}},
        // 16: the related signals of a case without reading every signal that shares a key: each match key keeps
        // its signal's sequence, so the newest signals sharing a key are walked along signal_keys_newest_first
        // (key, newest first, kind: covering). The table is rebuilt to add the column NOT NULL.
        {std::string{R"sql(
CREATE TABLE signal_keys_new (
    key_hash TEXT NOT NULL,
    signal_id TEXT NOT NULL REFERENCES signals (id),
    kind TEXT NOT NULL,
    signal_sequence INTEGER NOT NULL REFERENCES signals (sequence),
    PRIMARY KEY (key_hash, signal_id)
) WITHOUT ROWID;
INSERT INTO signal_keys_new (key_hash, signal_id, kind, signal_sequence)
    SELECT k.key_hash, k.signal_id, k.kind, s.sequence FROM signal_keys k JOIN signals s ON s.id = k.signal_id;
DROP TABLE signal_keys;
ALTER TABLE signal_keys_new RENAME TO signal_keys;
CREATE INDEX signal_keys_by_signal ON signal_keys (signal_id);
CREATE INDEX signal_keys_by_kind ON signal_keys (kind, key_hash);
CREATE INDEX signal_keys_newest_first ON signal_keys (key_hash, signal_sequence, kind);
)sql"}},
        // 17: the retention job reads only what may be due: closed cases and signals without a case that are not
        // destroyed yet, each along its `since` (closure, filing), so a run reads the ones before its bound in
        // pages instead of every signal kept. Destroyed ones leave these indexes.
        {std::string{R"sql(
CREATE INDEX cases_for_retention ON cases (closed_at, sequence) WHERE closed_at IS NOT NULL AND destroyed_at IS NULL;
CREATE INDEX signals_for_retention ON signals (created_at, sequence) WHERE case_id IS NULL AND destroyed_at IS NULL;
)sql"}},
        // 18: a period's figures as one range of rows: what the figures read of each case is kept in case_figures
        // (ordered by when the case was recorded), exact through triggers on every table it is computed from, so
        // no code path can forget it; the cases older than the period with a referral, closure or reopening in it
        // come from the date indexes, which now hold the case too.
        {std::string{R"sql(
DROP INDEX referrals_by_at;
CREATE INDEX referrals_by_at ON referrals (at, case_id);
DROP INDEX case_closures_by_at;
CREATE INDEX case_closures_by_at ON case_closures (at, case_id);
DROP INDEX case_reopenings_by_at;
CREATE INDEX case_reopenings_by_at ON case_reopenings (at, case_id);
CREATE TABLE case_figures (
    created_at TEXT NOT NULL,
    case_id TEXT NOT NULL,
    case_sequence INTEGER NOT NULL,
    status TEXT NOT NULL,
    urgency TEXT,
    forms TEXT NOT NULL,
    weighed_at TEXT,
    outcome TEXT,
    closed_at TEXT,
    first_signal_at TEXT,
    has_reachable_reporter INTEGER NOT NULL,
    first_weighed_at TEXT,
    first_reporter_feedback_at TEXT,
    latest_reporter_feedback_at TEXT,
    referrals TEXT,
    closures TEXT,
    reopenings TEXT,
    PRIMARY KEY (created_at, case_id)
) WITHOUT ROWID;
CREATE INDEX case_figures_by_case ON case_figures (case_id);
)sql"} + CaseFiguresTriggersSql(Dialect::kSqlite) + CaseFiguresBackfillSql(Dialect::kSqlite)},
        // 19: a new signal's blind-index terms are written as one row (its keys as a JSON array) to
        // signal_terms_pending, appended in sequence order, instead of one random insert per term into
        // signal_terms; the writer folds the pending rows into signal_terms in large sorted batches, and a search
        // reads both (store/sql/sealing.hpp).
        {std::string{R"sql(
CREATE TABLE signal_terms_pending (
    signal_sequence INTEGER PRIMARY KEY NOT NULL REFERENCES signals (sequence),
    term_keys TEXT NOT NULL
);
)sql"}},
        // 20: case_figures holds one row per case by the database's own rule, not only by its triggers' care. The
        // rows are computed afresh first, so that no row a fault might have doubled can keep a store from opening;
        // the index is built once over them.
        {std::string{R"sql(
DELETE FROM case_figures;
DROP INDEX case_figures_by_case;
)sql"} + CaseFiguresBackfillSql(Dialect::kSqlite) +
             "CREATE UNIQUE INDEX case_figures_by_case ON case_figures (case_id);\n"},
        // 21: the inbox's page of summaries is read from signals_inbox alone, which now holds every column the
        // summary shows: a page of a hundred costs a few index pages instead of a table page for every three
        // rows (the rows carry the sealed narrative). The query names it (Connection::kInboxIndexHint): SQLite
        // would walk signals_by_case's entries without a case instead. Making signals_by_case partial (only
        // signals in a case) would do that too, but PostgreSQL then plans a filtered search as a merge join
        // along it, four times slower at 10k.
        {std::string{kInboxFromItsIndexSql}},
    };
    return migrations;
}

}  // namespace meldroute::store::sqlite
