#include "store/sqlite/schema.hpp"

#include "store/sqlite/sealed_columns.hpp"

namespace meldroute::store::sqlite {

const std::vector<Migration>& Migrations() {
    static const std::vector<Migration> migrations{
        // 1: the route, users, sessions, codes and the audit trail.
        {R"sql(
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
)sql"},
        // 2: account locks, so a lockout lasts its full term after the failure that caused it.
        {R"sql(
CREATE TABLE account_locks (
    username TEXT PRIMARY KEY,
    locked_until TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
        // 3: businesses on signals, keyed-hash match keys for linking, full-text search over narratives.
        {R"sql(
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
)sql"},
        // 4: published versions of the indicator catalog (the built-in 2024.1 lives in the program).
        {R"sql(
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
)sql"},
        // 5: second factor (TOTP, sealed secret), recovery codes, enrolment-only sessions.
        {R"sql(
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
)sql"},
        // 6: personal data sealed at rest (XChaCha20-Poly1305 through the FieldCipher), the plaintext full-text
        // index replaced by a blind index of keyed hashes of stemmed words, and a check value per key so a
        // database is never served with keys it was not sealed under. The step seals what older versions
        // stored in plaintext, in this same transaction.
        {R"sql(
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
)sql",
         &SealPlaintextColumns},
    };
    return migrations;
}

}  // namespace meldroute::store::sqlite
