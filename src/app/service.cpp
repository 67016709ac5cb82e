#include "app/service.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <span>
#include <tuple>

#include "app/audit.hpp"
#include "app/commit_gate.hpp"
#include "app/crypto.hpp"
#include "app/service_support.hpp"
#include "app/totp.hpp"
#include "base/time.hpp"
#include "domain/catalog.hpp"
#include "domain/linking.hpp"
#include "domain/validation.hpp"

namespace meldroute::app {

namespace {

using support::Invalid;
using support::kAllowed;
using support::kRefused;
using support::NotFound;
using support::NowText;
using domain::CaseAction;
using domain::CaseStatus;
using domain::Role;

constexpr const char* kPurposeRoute = "uitvoering meldroute mensenhandel";
constexpr const char* kPurposeOwnSignal = "melder bekijkt eigen melding";
constexpr const char* kPurposeIntake = "ontvangst signaal mensenhandel";

bool HasCode(const std::vector<domain::CodeItem>& items, const std::string& code) {
    return std::any_of(items.begin(), items.end(), [&](const domain::CodeItem& item) { return item.code == code; });
}

std::string CodeName(const std::vector<domain::CodeItem>& items, const std::string& code) {
    for (const auto& item : items) {
        if (item.code == code) return item.name;
    }
    return code;
}

// Turns an optional "YYYY-MM-DD" bound of a period into the time it starts (or, for the end, the start of the
// next day, so the whole last day counts); records a problem named `name` when it is not a date.
std::optional<std::string> PeriodBound(std::vector<InvalidParam>& problems, const std::string& name,
                                       const std::optional<std::string>& date, bool end) {
    if (!date) return std::nullopt;
    auto day = ParseDate(*date);
    if (!day) {
        problems.push_back({name, "Geef een geldige datum als JJJJ-MM-DD."});
        return std::nullopt;
    }
    return FormatTime(TimePoint{*day + std::chrono::days{end ? 1 : 0}});
}

bool AnyReachableReporter(const std::vector<domain::Signal>& signals) {
    return std::any_of(signals.begin(), signals.end(),
                       [](const domain::Signal& signal) { return !signal.reporter.empty(); });
}

// One audit record in a write transaction of its own: for an access whose data was read on a snapshot, or was
// refused (the request's own transaction, if any, is rolled back). Inside a request's CommitGate it is queued and
// the answer waits for its commit (the gate's holder sends it); elsewhere this waits for the commit.
Status CommitAudit(store::Store& store, AuditEntry entry) {
    return CommitGate::Write(store, [entry = std::move(entry)](store::Transaction& transaction) -> Status {
        AppendAudit(transaction, entry, NowText());
        return Ok();
    });
}

}  // namespace

bool Principal::Has(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

Service::Service(store::Store& store, ServiceConfig config)
    : traced_store_(store), store_(traced_store_), config_(std::move(config)) {
    if (config_.link_key.empty()) config_.link_key = RandomKey();
}

bool Service::RequiresMfa(const std::vector<Role>& roles) const {
    for (Role role : roles) {
        if (role == Role::kAandachtfunctionaris || role == Role::kBeheerder || role == Role::kAuditor) return true;
        if (role == Role::kMelder && config_.mfa_for_melder) return true;
    }
    return false;
}

std::vector<std::pair<std::string, std::string>> Service::HashedMatchKeys(const domain::Signal& signal) const {
    std::vector<std::pair<std::string, std::string>> hashed;
    for (const domain::MatchKey& key : domain::MatchKeys(signal)) {
        hashed.emplace_back(domain::ToString(key.kind), KeyedHashHex(config_.link_key, key.key));
    }
    return hashed;
}

void Service::StoreMatchKeys(store::Transaction& transaction, const domain::Signal& signal) {
    for (const auto& [kind, hash] : HashedMatchKeys(signal)) transaction.InsertSignalKey(signal.id, kind, hash);
}

Status Service::Require(const Principal& principal, std::initializer_list<Role> roles, const std::string& action) {
    return RequireAnyOf(principal, std::span<const Role>{roles.begin(), roles.size()}, action);
}

Status Service::Require(const Principal& principal, const std::vector<Role>& roles, const std::string& action) {
    return RequireAnyOf(principal, std::span<const Role>{roles}, action);
}

Status Service::RequireEnrolled(const Principal& principal, const std::string& action) {
    if (!principal.must_enrol) return Ok();
    AuditDenied(principal, action, "-");
    return MakeError(ErrorCode::kPermissionDenied,
                     "Stel eerst tweestapsverificatie in; daarna kunt u verder met uw werk.");
}

Status Service::RequireAnyOf(const Principal& principal, std::span<const Role> roles, const std::string& action) {
    MR_TRY(RequireEnrolled(principal, action));
    for (Role role : roles) {
        if (principal.Has(role)) return Ok();
    }
    AuditDenied(principal, action, "-");
    return MakeError(ErrorCode::kPermissionDenied, "Uw rol geeft geen toegang tot deze gegevens of handeling.");
}

void Service::AuditDenied(const Principal& principal, const std::string& action, const std::string& object) {
    // A refused access is itself worth recording; it gets its own transaction since the request's is rolled back.
    (void)CommitAudit(store_, {principal.username, action, object, kPurposeRoute, kRefused});
}

Status Service::AuditedRead(const std::function<Status(store::Transaction&)>& read, const AuditEntry& entry) {
    MR_TRY(store_.Read(read));
    return CommitAudit(store_, entry);
}

// ---------------------------------------------------------------------------------------------- sessions

namespace {

constexpr int kRecoveryCodeCount = 10;

// Recovery codes are typed by hand: lowercase, dashes and spaces do not matter.
std::string NormaliseRecoveryCode(std::string_view code) {
    std::string normalised;
    for (char character : code) {
        if (character == '-' || character == ' ') continue;
        normalised.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(character))));
    }
    return normalised;
}

// 80 random bits per code, so a fast hash is enough to store them.
std::string RecoveryCodeHash(const std::string& username, std::string_view code) {
    return Sha256Hex(username + ":" + NormaliseRecoveryCode(code));
}

std::string NewRecoveryCode() {
    static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";  // no look-alikes (0/o, 1/l/i)
    const std::string random = RandomKey();
    std::string code;
    for (std::size_t index = 0; index < 16; ++index) {
        if (index > 0 && index % 4 == 0) code.push_back('-');
        code.push_back(kAlphabet[static_cast<unsigned char>(random[index]) % (sizeof(kAlphabet) - 1)]);
    }
    return code;
}

Error OtpProblem(const std::string& reason) {
    return MakeError(ErrorCode::kUnauthenticated, reason, {{"otp", reason}});
}

constexpr const char* kOtpMissingText = "Vul de code uit uw authenticator-app in, of een herstelcode.";
constexpr const char* kOtpWrongText = "De code is onjuist of al gebruikt. Vul de code in die de app nu toont.";
constexpr const char* kWrongCredentialsText = "Gebruikersnaam of wachtwoord is onjuist.";
//! The actor of a sign-in under a name no account can have: what was typed (perhaps a password, perhaps a
//! megabyte) is not kept in the append-only audit trail.
constexpr const char* kImpossibleName = "(ongeldige naam)";

// An account name: 1-64 letters, digits, '.', '-' or '_' (what `user add` accepts).
bool PossibleAccountName(const std::string& username) {
    return !username.empty() && username.size() <= 64 &&
           std::all_of(username.begin(), username.end(), [](char character) {
               return std::isalnum(static_cast<unsigned char>(character)) || character == '.' || character == '-' ||
                      character == '_';
           });
}

// A password is verified against this for a name without a password (unknown, or a single sign-on account) so
// that timing does not reveal which names exist or sign in through the identity provider.
const std::string& DummyPasswordHash() {
    static const std::string hash = HashPassword("meldroute-dummy-password");
    return hash;
}

}  // namespace

// Counts a failed sign-in against `username`; the failure that reaches the threshold starts a lock of the full
// term, and the failures are cleared so that the count starts afresh after it.
void Service::RecordSignInFailure(store::Transaction& transaction, const std::string& username, TimePoint now) {
    const std::string now_text = FormatTime(now);
    transaction.RecordLoginFailure(username, now_text);
    if (transaction.CountLoginFailuresSince(username, FormatTime(now - std::chrono::minutes{config_.lockout_minutes})) >=
        config_.lockout_failures) {
        transaction.LockAccount(username, FormatTime(now + std::chrono::minutes{config_.lockout_minutes}));
        transaction.ClearLoginFailures(username);
    }
}

bool Service::AccountLocked(store::Transaction& transaction, const std::string& username, const std::string& now_text) {
    auto locked_until = transaction.AccountLockedUntil(username);
    if (!locked_until || *locked_until <= now_text) return false;
    AppendAudit(transaction, {username, "session.create", "session", "aanmelden", "geblokkeerd"}, now_text);
    return true;
}

// Checks a TOTP code (used once: its step is stored) or a recovery code against an enrolled second factor.
Service::FactorCheck Service::CheckSecondFactor(store::Transaction& transaction, const store::MfaRecord& mfa,
                                                const std::string& otp, const std::string& recovery_code,
                                                TimePoint now) {
    if (!otp.empty()) {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
        auto step = MatchTotp(mfa.secret, otp, seconds, mfa.last_step);
        if (!step) return FactorCheck::kWrong;
        store::MfaRecord used = mfa;
        used.last_step = *step;
        transaction.UpsertMfa(used);
        return FactorCheck::kPassed;
    }
    if (!recovery_code.empty()) {
        if (!transaction.UseRecoveryCode(mfa.username, RecoveryCodeHash(mfa.username, recovery_code),
                                         FormatTime(now))) {
            return FactorCheck::kWrong;
        }
        AppendAudit(transaction, {mfa.username, "recovery-code.use", "account", "aanmelden", kAllowed}, FormatTime(now));
        return FactorCheck::kPassed;
    }
    return FactorCheck::kMissing;
}

Result<NewSession> Service::SignIn(const std::string& username, const std::string& password, const std::string& otp,
                                   const std::string& recovery_code) {
    if (!PossibleAccountName(username)) {
        (void)VerifyPassword(password, DummyPasswordHash());
        (void)CommitAudit(store_, {kImpossibleName, "session.create", "session", "aanmelden", kRefused});
        return MakeError(ErrorCode::kUnauthenticated, kWrongCredentialsText);
    }
    TimePoint now = Now();
    std::string now_text = FormatTime(now);
    // The password is checked between a read and the write, never inside the write: Argon2id takes some 70 ms
    // and the writer serves every request's write in turn. The write checks again that the account is not
    // locked and that its hash is still the one that was verified (a lock or a new password in between wins).
    bool locked_before = false;
    std::optional<std::string> verified_hash;
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        const auto locked_until = transaction.AccountLockedUntil(username);
        locked_before = locked_until && *locked_until > now_text;
        if (auto user = transaction.FindUser(username); user && user->password_hash.starts_with("$argon2")) {
            verified_hash = std::move(user->password_hash);
        }
        return Ok();
    }));
    if (locked_before) {
        // A locked name costs no password check (nor does it reveal whether the name exists).
        (void)CommitAudit(store_, {username, "session.create", "session", "aanmelden", "geblokkeerd"});
        return LockedError();
    }
    if (!VerifyPassword(password, verified_hash ? *verified_hash : DummyPasswordHash())) verified_hash.reset();
    now = Now();  // the check may have waited for a slot: locks, failures and the session count from here
    now_text = FormatTime(now);
    enum class Outcome { kSignedIn, kLocked, kRejected, kOtpMissing, kOtpWrong } outcome = Outcome::kRejected;
    NewSession session;
    Status status = store_.Write([&](store::Transaction& transaction) -> Status {
        if (AccountLocked(transaction, username, now_text)) {
            outcome = Outcome::kLocked;
            return Ok();
        }
        const auto fail = [&](Outcome why, const char* audit_outcome) {
            RecordSignInFailure(transaction, username, now);
            AppendAudit(transaction, {username, "session.create", "session", "aanmelden", audit_outcome}, now_text);
            outcome = why;
            return Ok();
        };
        auto user = transaction.FindUser(username);
        const bool password_ok = user && verified_hash && user->password_hash == *verified_hash;
        if (!user || !user->active || !password_ok) return fail(Outcome::kRejected, kRefused);

        const bool exempt = config_.mfa_exempt.contains(user->username);
        const auto mfa = transaction.FindMfa(user->username);
        const bool enrolled = mfa && mfa->confirmed_at;
        if (enrolled && !exempt) {
            switch (CheckSecondFactor(transaction, *mfa, otp, recovery_code, now)) {
                case FactorCheck::kPassed:
                    break;
                case FactorCheck::kWrong:
                    return fail(Outcome::kOtpWrong, otp.empty() ? "herstelcode onjuist" : "code onjuist");
                case FactorCheck::kMissing:
                    // The password was right; the second factor is still to come. Not a failure to count.
                    AppendAudit(transaction, {username, "session.create", "session", "aanmelden", "code nodig"},
                                now_text);
                    outcome = Outcome::kOtpMissing;
                    return Ok();
            }
        }
        transaction.ClearLoginFailures(username);
        session = StartSession(transaction, *user, !exempt && !enrolled && RequiresMfa(user->roles), now);
        AppendAudit(transaction, {username, "session.create", "session", "aanmelden", kAllowed}, now_text);
        outcome = Outcome::kSignedIn;
        return Ok();
    });
    if (!status) return std::move(status).error();
    switch (outcome) {
        case Outcome::kSignedIn:
            return session;
        case Outcome::kLocked:
            return LockedError();
        case Outcome::kOtpMissing:
            return OtpProblem(kOtpMissingText);
        case Outcome::kOtpWrong:
            return OtpProblem(kOtpWrongText);
        case Outcome::kRejected:
            break;
    }
    return MakeError(ErrorCode::kUnauthenticated, kWrongCredentialsText);
}

namespace {

bool NameCharacter(char character) {
    return (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') || character == '.' ||
           character == '-' || character == '_';
}

// A readable local name for a new single sign-on account: the provider's preferred_username in the characters
// account names allow, with a piece of the (issuer, subject) hash when that name is taken. The name is only a
// label: the link is (issuer, subject), never a name, so an IdP user called "beheer" never becomes local "beheer".
std::string NewFederatedUsername(store::Transaction& transaction, const FederatedIdentity& identity) {
    std::string base;
    for (char character : identity.preferred_username.substr(0, identity.preferred_username.find('@'))) {
        const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
        if (NameCharacter(lower) && base.size() < 40) base.push_back(lower);
    }
    if (base.empty()) base = "sso";
    const std::string hash = Sha256Hex(identity.issuer + "\n" + identity.subject);
    std::string name = base;
    for (std::size_t length = 6; transaction.FindUser(name) && length <= hash.size(); length += 6) {
        name = base + "-" + hash.substr(0, length);
    }
    return name;
}

}  // namespace

Result<NewSession> Service::SignInFederated(const FederatedIdentity& identity, const std::string& otp,
                                            const std::string& recovery_code) {
    const TimePoint now = Now();
    const std::string now_text = FormatTime(now);
    const std::vector<Role> roles = MapRoles(config_.oidc, identity.role_values);
    // The audit trail names a provider's user by a hash of (issuer, subject) until they have an account.
    const std::string subject_ref = "sso/" + Sha256Hex(identity.issuer + "\n" + identity.subject).substr(0, 16);
    enum class Outcome { kSignedIn, kNoRole, kInactive, kLocked, kOtpMissing, kOtpWrong } outcome = Outcome::kNoRole;
    NewSession session;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        const auto link = transaction.FindFederatedIdentity(identity.issuer, identity.subject);
        if (roles.empty()) {
            // No role for meldroute (any more): nothing is created, and a linked account's sessions end.
            if (link) transaction.DeleteSessionsOf(link->username);
            AppendAudit(transaction, {link ? link->username : "sso", "session.create", subject_ref, "aanmelden",
                                      "geweigerd: geen rol"},
                        now_text);
            return Ok();
        }
        std::optional<store::UserRecord> user = link ? transaction.FindUser(link->username) : std::nullopt;
        if (link && (!user || !user->active)) {
            AppendAudit(transaction, {link->username, "session.create", subject_ref, "aanmelden", kRefused}, now_text);
            outcome = Outcome::kInactive;
            return Ok();
        }
        if (!user) {
            // "!" is no Argon2id string, so no password ever opens this account.
            user = store::UserRecord{NewFederatedUsername(transaction, identity), "!sso", roles, true, now_text};
            transaction.InsertUser(*user);
            AppendAudit(transaction, {"sso", "user.create", "user/" + user->username, "gebruikersbeheer", kAllowed},
                        now_text);
        }
        const std::string& username = user->username;
        if (AccountLocked(transaction, username, now_text)) {
            outcome = Outcome::kLocked;
            return Ok();
        }
        if (user->roles != roles) {
            // Sessions go on with the roles of now (read at every request), except when the new roles need a second
            // factor and the old ones did not: those sessions were started without one, so they end, and the new
            // session follows the new roles' rules.
            if (RequiresMfa(roles) && !RequiresMfa(user->roles)) transaction.DeleteSessionsOf(username);
            transaction.UpdateUserRoles(username, roles);
            AppendAudit(transaction, {"sso", "user.roles", "user/" + username, "gebruikersbeheer", kAllowed}, now_text);
            user->roles = roles;
        }
        transaction.UpsertFederatedIdentity(
            {identity.issuer, identity.subject, username, identity.display_name.substr(0, 200), now_text, now_text});
        // The provider's own second factor counts; without it the local rules of a password sign-in apply.
        const bool needs_factor = RequiresMfa(roles) && !IdpAssertsMfa(config_.oidc, identity);
        const auto mfa = transaction.FindMfa(username);
        const bool enrolled = mfa && mfa->confirmed_at;
        if (needs_factor && enrolled) {
            switch (CheckSecondFactor(transaction, *mfa, otp, recovery_code, now)) {
                case FactorCheck::kPassed:
                    break;
                case FactorCheck::kWrong:
                    RecordSignInFailure(transaction, username, now);
                    AppendAudit(transaction, {username, "session.create", "sso", "aanmelden", "code onjuist"}, now_text);
                    outcome = Outcome::kOtpWrong;
                    return Ok();
                case FactorCheck::kMissing:
                    AppendAudit(transaction, {username, "session.create", "sso", "aanmelden", "code nodig"}, now_text);
                    outcome = Outcome::kOtpMissing;
                    return Ok();
            }
        }
        transaction.ClearLoginFailures(username);
        session = StartSession(transaction, *user, needs_factor && !enrolled, now);
        AppendAudit(transaction, {username, "session.create", "sso", "aanmelden", kAllowed}, now_text);
        outcome = Outcome::kSignedIn;
        return Ok();
    }));
    switch (outcome) {
        case Outcome::kSignedIn:
            return session;
        case Outcome::kNoRole:
            return MakeError(ErrorCode::kPermissionDenied,
                             "Uw gemeente-account geeft geen toegang tot meldroute: er is geen rol voor u vastgelegd. "
                             "Vraag uw leidinggevende of de beheerder van de gemeente-accounts om een rol.");
        case Outcome::kInactive:
            return MakeError(ErrorCode::kPermissionDenied, "Dit account is uitgeschakeld. Neem contact op met de beheerder.");
        case Outcome::kLocked:
            return LockedError();
        case Outcome::kOtpMissing:
            return OtpProblem(kOtpMissingText);
        case Outcome::kOtpWrong:
            break;
    }
    return OtpProblem(kOtpWrongText);
}

void Service::AuditFederatedRefusal(const std::string& reason) {
    (void)store_.Write([&](store::Transaction& transaction) -> Status {
        AppendAudit(transaction, {"sso", "session.create", "sso", "aanmelden", "geweigerd: " + reason}, NowText());
        return Ok();
    });
}

NewSession Service::StartSession(store::Transaction& transaction, const store::UserRecord& user, bool must_enrol,
                                 TimePoint now) {
    NewSession session;
    session.token = RandomToken();
    session.principal = Principal{user.username, user.roles, Sha256Hex(session.token), RandomToken()};
    session.principal.must_enrol = must_enrol;
    transaction.InsertSession({session.principal.token_hash, user.username, session.principal.csrf_token,
                               FormatTime(now), FormatTime(now), must_enrol});
    session.expires_at = FormatTime(now + config_.absolute_lifetime);
    return session;
}

Error Service::LockedError() const {
    return MakeError(ErrorCode::kRateLimited,
                     "Te veel mislukte pogingen. Het account is tijdelijk geblokkeerd; probeer het over " +
                         std::to_string(config_.lockout_minutes) + " minuten opnieuw.");
}

Result<MfaStatus> Service::GetMfaStatus(const Principal& principal) {
    MfaStatus status;
    status.required = !config_.mfa_exempt.contains(principal.username) && RequiresMfa(principal.roles);
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        const auto mfa = transaction.FindMfa(principal.username);
        status.enrolled = mfa && mfa->confirmed_at;
        status.recovery_codes_left = transaction.CountUnusedRecoveryCodes(principal.username);
        return Ok();
    }));
    return status;
}

Result<TotpEnrolment> Service::StartTotpEnrolment(const Principal& principal) {
    const std::string secret = NewTotpSecret();
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        const auto mfa = transaction.FindMfa(principal.username);
        if (mfa && mfa->confirmed_at) {
            return MakeError(ErrorCode::kFailedPrecondition,
                             "Tweestapsverificatie is al ingesteld. Vraag de beheerder om die te herstellen als u "
                             "uw telefoon kwijt bent.");
        }
        transaction.UpsertMfa({principal.username, secret, std::nullopt, 0});
        AppendAudit(transaction, {principal.username, "totp.enrol", "account", "tweestapsverificatie", kAllowed},
                    NowText());
        return Ok();
    }));
    return TotpEnrolment{TotpSecretText(secret), OtpauthUri("meldroute", principal.username, secret)};
}

Result<std::optional<TotpEnrolment>> Service::PendingTotpEnrolment(const Principal& principal) {
    std::optional<TotpEnrolment> pending;
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        const auto mfa = transaction.FindMfa(principal.username);
        if (!mfa || mfa->confirmed_at) return Ok();
        pending = TotpEnrolment{TotpSecretText(mfa->secret), OtpauthUri("meldroute", principal.username, mfa->secret)};
        return Ok();
    }));
    return pending;
}

Result<std::vector<std::string>> Service::ConfirmTotpEnrolment(const Principal& principal, const std::string& otp) {
    std::vector<std::string> codes;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto mfa = transaction.FindMfa(principal.username);
        if (!mfa || mfa->confirmed_at) {
            return MakeError(ErrorCode::kFailedPrecondition, "Er is geen instelling van tweestapsverificatie gestart.");
        }
        const auto seconds =
            std::chrono::duration_cast<std::chrono::seconds>(Now().time_since_epoch()).count();
        auto step = MatchTotp(mfa->secret, otp, seconds, 0);
        if (!step) {
            return MakeError(ErrorCode::kInvalidArgument, "De code klopt niet.",
                             {{"otp", "De code klopt niet. Vul de zes cijfers in die de app nu toont."}});
        }
        const std::string at = NowText();
        mfa->confirmed_at = at;
        mfa->last_step = *step;
        transaction.UpsertMfa(*mfa);
        std::vector<std::string> hashes;
        for (int index = 0; index < kRecoveryCodeCount; ++index) {
            codes.push_back(NewRecoveryCode());
            hashes.push_back(RecoveryCodeHash(principal.username, codes.back()));
        }
        transaction.ReplaceRecoveryCodes(principal.username, hashes);
        transaction.ClearMustEnrol(principal.username);
        AppendAudit(transaction, {principal.username, "totp.confirm", "account", "tweestapsverificatie", kAllowed}, at);
        return Ok();
    }));
    return codes;
}

Status Service::ResetMfa(const Principal& principal, const std::string& username) {
    MR_TRY(Require(principal, {Role::kBeheerder}, "totp.reset"));
    return store_.Write([&](store::Transaction& transaction) -> Status {
        if (!transaction.FindUser(username)) return NotFound("Gebruiker");
        transaction.DeleteMfa(username);
        transaction.DeleteSessionsOf(username);
        AppendAudit(transaction, {principal.username, "totp.reset", "account/" + username, "beheer accounts", kAllowed},
                    NowText());
        return Ok();
    });
}

Result<std::vector<AccountView>> Service::ListAccounts(const Principal& principal) {
    MR_TRY(Require(principal, {Role::kBeheerder}, "account.list"));
    std::vector<AccountView> accounts;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        const std::string now = NowText();
        for (const store::UserRecord& user : transaction.ListUsers()) {
            AccountView account;
            account.username = user.username;
            account.roles = user.roles;
            account.active = user.active;
            account.mfa_required = !config_.mfa_exempt.contains(user.username) && RequiresMfa(user.roles);
            const auto mfa = transaction.FindMfa(user.username);
            account.mfa_enrolled = mfa && mfa->confirmed_at;
            if (auto until = transaction.AccountLockedUntil(user.username); until && *until > now) {
                account.locked_until = *until;
            }
            accounts.push_back(std::move(account));
        }
        AppendAudit(transaction, {principal.username, "account.list", "accounts", "beheer accounts", kAllowed}, now);
        return Ok();
    }));
    std::sort(accounts.begin(), accounts.end(),
              [](const AccountView& a, const AccountView& b) { return a.username < b.username; });
    return accounts;
}

Status Service::RevokeSessions(const Principal& principal, const std::string& username) {
    MR_TRY(Require(principal, {Role::kBeheerder}, "session.revoke"));
    return store_.Write([&](store::Transaction& transaction) -> Status {
        if (!transaction.FindUser(username)) return NotFound("Gebruiker");
        transaction.DeleteSessionsOf(username);
        AppendAudit(transaction,
                    {principal.username, "session.revoke", "account/" + username, "beheer accounts", kAllowed},
                    NowText());
        return Ok();
    });
}

Status Service::SetPassword(const std::string& username, const std::string& password, const std::string& actor) {
    if (password.size() < 12) return Invalid({{"password", "Het wachtwoord moet minstens 12 tekens lang zijn."}});
    const std::string hash = HashPassword(password);
    return store_.Write([&](store::Transaction& transaction) -> Status {
        if (!transaction.FindUser(username)) return NotFound("Gebruiker");
        transaction.UpdatePasswordHash(username, hash);
        transaction.DeleteSessionsOf(username);
        AppendAudit(transaction, {actor, "password.set", "account/" + username, "beheer accounts", kAllowed},
                    NowText());
        return Ok();
    });
}

Result<Principal> Service::Authenticate(const std::string& token) {
    if (token.empty() || token.size() > 200) return MakeError(ErrorCode::kUnauthenticated, "Niet aangemeld.");
    std::string token_hash = Sha256Hex(token);
    TimePoint now = Now();
    std::optional<store::SessionRecord> session;
    std::optional<store::UserRecord> user;
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        std::tie(session, user) = transaction.FindSessionAndUser(token_hash);
        return Ok();
    }));
    if (!session || !user || !user->active) return MakeError(ErrorCode::kUnauthenticated, "Niet aangemeld.");
    auto created = ParseTime(session->created_at);
    auto last_seen = ParseTime(session->last_seen_at);
    bool expired = !created || !last_seen || now - *last_seen > config_.idle_timeout ||
                   now - *created > config_.absolute_lifetime;
    if (expired) {
        (void)store_.Write([&](store::Transaction& transaction) -> Status {
            transaction.DeleteSession(token_hash);
            return Ok();
        });
        return MakeError(ErrorCode::kUnauthenticated, "De sessie is verlopen. Meld u opnieuw aan.");
    }
    // Touching on every request would make every read a write; a resolution of a quarter of the idle timeout
    // (at most a minute, at least the second the times are kept in) is enough.
    auto touch_after = std::clamp<std::chrono::seconds>(config_.idle_timeout / 4, std::chrono::seconds{1},
                                                        std::chrono::seconds{60});
    if (now - *last_seen >= touch_after) {
        (void)store_.Write([&](store::Transaction& transaction) -> Status {
            transaction.TouchSession(token_hash, FormatTime(now));
            return Ok();
        });
    }
    return Principal{user->username, user->roles, token_hash, session->csrf_token, session->must_enrol};
}

Status Service::SignOut(const Principal& principal) {
    return store_.Write([&](store::Transaction& transaction) -> Status {
        transaction.DeleteSession(principal.token_hash);
        AppendAudit(transaction, {principal.username, "session.delete", "session", "afmelden", kAllowed}, NowText());
        return Ok();
    });
}

// ---------------------------------------------------------------------------------------------- signals

namespace {

domain::Signal NewSignal(const domain::SignalDraft& draft, const std::string& reporter, const std::string& channel) {
    domain::Signal signal;
    signal.id = NewId();
    signal.reporter = reporter;
    signal.channel = channel;
    signal.narrative = draft.narrative;
    signal.indicator_codes = draft.indicator_codes;
    signal.observed_on = draft.observed_on;
    signal.location = draft.location;
    signal.persons = draft.persons;
    signal.business = draft.business;
    signal.created_at = NowText();
    signal.status = "gemeld";
    return signal;
}

}  // namespace

Result<domain::Signal> Service::StoreNewSignal(const domain::SignalDraft& draft, const std::string& reporter,
                                               const std::string& channel, const std::string& actor) {
    const bool anonymous = reporter.empty();  // the residents' form: no reporter, channel "anoniem"
    // Validate against the catalog in force before queueing for the writer; check again inside the write
    // transaction in case a new catalog version was published in between.
    std::shared_ptr<const domain::Catalog> catalog = MR_TRY(ActiveCatalog());
    auto problems = domain::ValidateSignalDraft(draft, DayOf(Now()), anonymous, *catalog);
    if (!problems.empty()) return Invalid(std::move(problems));
    domain::Signal signal = NewSignal(draft, reporter, channel);
    // The signal is filed under the catalog version the reporter's codes were checked against, which the answer
    // names. Through the API the answer is sent once the write has committed, and this thread does not wait for it
    // (CommitGate). A version published in between must still accept the codes (a retired code is refused).
    signal.catalog_version = catalog->version;
    // The blind-index terms and the match keys are keyed hashes worked out here, on the request's thread: the one
    // writer only inserts them (it was a sixth of its work per signal).
    store::IndexTerms terms = store_.IndexTermsOf(signal.narrative);
    auto match_keys = HashedMatchKeys(signal);
    MR_TRY(CommitGate::WriteAnswered(
        store_, [this, draft, signal, anonymous, actor, terms = std::move(terms),
                 match_keys = std::move(match_keys)](store::Transaction& transaction) -> Status {
            if (transaction.LatestCatalogVersion().value_or(std::string{domain::kCatalogVersion}) !=
                signal.catalog_version) {
                auto late_problems =
                    domain::ValidateSignalDraft(draft, DayOf(Now()), anonymous, *ActiveCatalogIn(transaction));
                if (!late_problems.empty()) return Invalid(std::move(late_problems));
            }
            transaction.InsertSignal(signal, terms);
            for (const auto& [kind, hash] : match_keys) transaction.InsertSignalKey(signal.id, kind, hash);
            AppendAudit(transaction, {actor, "signal.create", "signal/" + signal.id, kPurposeIntake, kAllowed},
                        signal.created_at);
            return Ok();
        }));
    return signal;
}

Result<domain::Signal> Service::FileSignal(const Principal& principal, const domain::SignalDraft& draft) {
    MR_TRY(Require(principal, {Role::kMelder, Role::kAandachtfunctionaris}, "signal.create"));
    return StoreNewSignal(draft, principal.username, draft.channel, principal.username);
}

Result<domain::Signal> Service::FileAnonymousSignal(const domain::SignalDraft& draft) {
    return StoreNewSignal(draft, "", "anoniem", "anoniem");
}

Result<SignalList> Service::ListSignals(const Principal& principal, const std::optional<std::string>& status,
                                       const SignalPageQuery& page, SignalDetail detail) {
    MR_TRY(Require(principal, {Role::kMelder, Role::kAandachtfunctionaris}, "signal.list"));
    std::vector<InvalidParam> problems;
    if (status && *status != "gemeld" && !domain::ParseCaseStatus(*status)) {
        problems.push_back({"status", "Onbekende status."});
    }
    store::SignalFilter filter;
    filter.limit = kDefaultSignalPage;
    if (page.limit) {
        auto limit = domain::ParseWholeNumber(*page.limit);
        if (!limit || *limit < 1 || *limit > kMaxSignalPage) {
            problems.push_back({"limit", "Geef een geheel getal van 1 tot en met " + std::to_string(kMaxSignalPage) + "."});
        } else {
            filter.limit = static_cast<int>(*limit);
        }
    }
    if (page.before) {
        auto before = domain::ParseWholeNumber(*page.before);
        if (!before || *before < 1) {
            problems.push_back({"before", "Onbekende cursor: gebruik de link naar de volgende pagina."});
        } else {
            filter.before = *before;
        }
    }
    if (!problems.empty()) return Invalid(std::move(problems));
    filter.status = status;
    filter.columns = detail == SignalDetail::kSummary ? store::SignalColumns::kPlain
                                                      : store::SignalColumns::kPlainAndNarrative;
    bool officer = principal.Has(Role::kAandachtfunctionaris);
    if (!officer) filter.reporter = principal.username;
    SignalList list;
    list.limit = filter.limit;
    MR_TRY(AuditedRead(
        [&](store::Transaction& transaction) -> Status {
            store::SignalPage found = transaction.ListSignals(filter);
            list.signals = std::move(found.signals);
            if (found.next_before) list.next = std::to_string(*found.next_before);
            if (!officer && detail == SignalDetail::kOverview) {
                for (domain::Signal& signal : list.signals) {
                    if (signal.case_id) signal.feedback = transaction.ListReporterFeedback(*signal.case_id);
                }
            }
            return Ok();
        },
        {principal.username, "signal.list", officer ? "signals" : "signals/eigen",
         officer ? kPurposeRoute : kPurposeOwnSignal, kAllowed}));
    return list;
}

Result<domain::Signal> Service::GetSignal(const Principal& principal, const std::string& signal_id) {
    // Any role may ask (a reporter for their own signal), but not before the second factor is enrolled.
    MR_TRY(RequireEnrolled(principal, "signal.read"));
    bool officer = principal.Has(Role::kAandachtfunctionaris);
    std::optional<domain::Signal> signal;
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        signal = transaction.FindSignal(signal_id);
        bool visible = signal && (officer || (!signal->reporter.empty() && signal->reporter == principal.username));
        if (!visible) {
            signal.reset();
            return Ok();
        }
        if (signal->case_id) signal->feedback = transaction.ListReporterFeedback(*signal->case_id);
        if (officer) signal->rectifications = transaction.ListRectifications(signal_id);
        return Ok();
    }));
    if (!signal) {
        AuditDenied(principal, "signal.read", "signal/" + (LooksLikeId(signal_id) ? signal_id : "(ongeldig)"));
        return NotFound("Deze melding");
    }
    // As AuditedRead: the signal leaves only with its committed audit record.
    MR_TRY(CommitAudit(store_, {principal.username, "signal.read", "signal/" + signal_id,
                                officer ? kPurposeRoute : kPurposeOwnSignal, kAllowed}));
    return *signal;
}

// ---------------------------------------------------------------------------------------------- cases

Result<CaseView> Service::LoadCaseView(store::Transaction& transaction, const std::string& case_id) {
    auto record = transaction.LoadCase(case_id);
    if (!record) return NotFound("Deze casus");
    CaseView view;
    view.file = std::move(record->file);
    const domain::Case* header = &view.file.header;
    // The timeline row of a reopening holds no free text (it is not sealed); its reason, sealed with the
    // reopening, is shown there again here, the n-th reopening on the n-th such row.
    std::size_t reopening = 0;
    for (auto& entry : view.file.timeline) {
        if (entry.action != "reopen" || reopening >= view.file.reopenings.size()) continue;
        entry.detail += " Reden: " + view.file.reopenings[reopening++].reason;
    }
    view.related_signals = std::move(record->related_signals);
    view.retention = std::move(record->retention);
    view.retain_until = RetainUntil(view.retention, header->outcome);
    std::vector<std::string> ticked;
    for (const domain::Signal& signal : view.file.signals) {
        ticked.insert(ticked.end(), signal.indicator_codes.begin(), signal.indicator_codes.end());
    }
    view.indication = domain::ComputeIndication(ticked);
    view.facts.has_reachable_reporter = AnyReachableReporter(view.file.signals);
    // A destroyed case takes no further step (Advance refuses them), so none is offered.
    if (!view.retention.destroyed_at) view.allowed_actions = domain::AllowedActions(header->status, view.facts);

    domain::CaseSummary summary;
    summary.header = *header;
    summary.signal_count = static_cast<int>(view.file.signals.size());
    summary.referral_count = static_cast<int>(view.file.referrals.size());
    // A reopened case owes its reporter new feedback: only feedback since the latest reopening counts.
    summary.has_reporter_feedback = std::any_of(
        view.file.reporter_feedback.begin(), view.file.reporter_feedback.end(),
        [&header](const domain::FeedbackMessage& message) { return message.at > header->reopened_at.value_or(""); });
    summary.has_reachable_reporter = view.facts.has_reachable_reporter;
    auto today = DayOf(Now());
    for (const domain::Referral& referral : view.file.referrals) {
        bool open = referral.feedback.empty();
        if (open) {
            ++summary.referrals_without_feedback;
            if (!summary.earliest_open_feedback_due || referral.feedback_due < *summary.earliest_open_feedback_due) {
                summary.earliest_open_feedback_due = referral.feedback_due;
            }
        }
        auto due = ParseDate(referral.feedback_due);
        view.referral_overdue[referral.id] =
            open && header->status != CaseStatus::kAfgesloten && due && today > *due;
    }
    view.overdue_reasons = domain::OverdueReasons(summary, today, config_.deadlines);
    return view;
}

Error Service::StaleCase() {
    return MakeError(ErrorCode::kStaleVersion,
                     "Iemand anders heeft deze casus intussen gewijzigd. Bekijk de nieuwe stand en doe uw stap zo "
                     "nodig opnieuw.");
}

Result<domain::Case> Service::Advance(store::Transaction& transaction, const Principal& principal,
                                      const std::string& case_id, CaseAction action, const std::string& detail,
                                      const Precondition& precondition) {
    auto header = transaction.FindCase(case_id);
    if (!header) return NotFound("Deze casus");
    if (precondition.case_version && *precondition.case_version != header->version) return StaleCase();
    // A destroyed case is a skeleton kept for the figures: nothing is added to it, and it is not reopened (new
    // personal data on it would never be destroyed, since the destruction job passes destroyed cases by).
    if (transaction.CaseRetention(case_id).destroyed_at) {
        return MakeError(ErrorCode::kFailedPrecondition,
                         "De persoonsgegevens van deze casus zijn na de bewaartermijn vernietigd. De casus kan niet "
                         "meer worden gewijzigd of heropend; leg zo nodig een nieuwe casus aan.");
    }
    domain::CaseFacts facts{AnyReachableReporter(transaction.ListSignalsOfCase(case_id))};
    CaseStatus next = MR_TRY(domain::NextStatus(action, header->status, facts));
    std::string now = NowText();
    header->status = next;
    header->updated_at = now;
    header->version += 1;
    transaction.InsertTimelineEntry(case_id, {now, principal.username, std::string{domain::ToString(action)}, detail});
    AppendAudit(transaction,
                {principal.username, "case." + std::string{domain::ToString(action)}, "case/" + case_id,
                 kPurposeRoute, kAllowed},
                now);
    return *header;
}

Result<CaseView> Service::CreateCase(const Principal& principal, const std::vector<std::string>& signal_ids) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "case.create"));
    if (signal_ids.empty()) return Invalid({{"signalIds", "Kies ten minste één melding."}});
    std::set<std::string> unique_ids(signal_ids.begin(), signal_ids.end());
    if (unique_ids.size() != signal_ids.size()) return Invalid({{"signalIds", "Een melding staat er dubbel in."}});
    std::optional<CaseView> view;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        for (std::size_t index = 0; index < signal_ids.size(); ++index) {
            auto signal = transaction.FindSignal(signal_ids[index]);
            std::string name = "signalIds[" + std::to_string(index) + "]";
            if (!signal) {
                return MakeError(ErrorCode::kUnprocessable, "Een genoemde melding bestaat niet.",
                                 {{name, "Onbekende melding."}});
            }
            if (signal->case_id) {
                return MakeError(ErrorCode::kFailedPrecondition, "Deze melding hoort al bij een casus.",
                                 {{name, "Hoort al bij een casus."}});
            }
            if (signal->destroyed_at) {
                return MakeError(ErrorCode::kFailedPrecondition, "Deze melding is na haar bewaartermijn vernietigd.",
                                 {{name, "Vernietigd na de bewaartermijn."}});
            }
        }
        std::string now = NowText();
        domain::Case header;
        header.id = NewId();
        header.status = CaseStatus::kVastgelegd;
        header.created_at = now;
        header.updated_at = now;
        transaction.InsertCase(header);
        for (const std::string& signal_id : signal_ids) transaction.SetSignalCase(signal_id, header.id);
        transaction.InsertTimelineEntry(
            header.id, {now, principal.username, "record",
                        "Signaal vastgelegd als casus (" + std::to_string(signal_ids.size()) + " melding(en))."});
        AppendAudit(transaction, {principal.username, "case.record", "case/" + header.id, kPurposeRoute, kAllowed}, now);
        view = MR_TRY(LoadCaseView(transaction, header.id));
        return Ok();
    }));
    return std::move(*view);
}

Result<CaseView> Service::LinkSignal(const Principal& principal, const std::string& case_id,
                                     const std::string& signal_id, const Precondition& precondition) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "case.link-signal"));
    if (signal_id.empty()) return Invalid({{"signalId", "Kies een melding."}});
    std::optional<CaseView> view;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        if (!transaction.FindCase(case_id)) return NotFound("Deze casus");
        auto signal = transaction.FindSignal(signal_id);
        if (!signal) {
            return MakeError(ErrorCode::kUnprocessable, "De genoemde melding bestaat niet.",
                             {{"signalId", "Onbekende melding."}});
        }
        if (signal->case_id) {
            return MakeError(ErrorCode::kFailedPrecondition, "Deze melding hoort al bij een casus.",
                             {{"signalId", "Hoort al bij een casus."}});
        }
        if (signal->destroyed_at) {
            return MakeError(ErrorCode::kFailedPrecondition, "Deze melding is na haar bewaartermijn vernietigd.",
                             {{"signalId", "Vernietigd na de bewaartermijn."}});
        }
        auto header = MR_TRY(Advance(transaction, principal, case_id, CaseAction::kLinkSignal,
                                     "Extra melding gekoppeld.", precondition));
        transaction.UpdateCase(header);
        transaction.SetSignalCase(signal_id, case_id);
        view = MR_TRY(LoadCaseView(transaction, case_id));
        return Ok();
    }));
    return std::move(*view);
}

Result<StepResult> Service::AddEnrichment(const Principal& principal, const std::string& case_id,
                                          const std::string& source, const std::string& purpose,
                                          const std::string& content, const Precondition& precondition) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "case.enrich"));
    StepResult result;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto sources = transaction.ListCodes("enrichment-source");
        std::vector<InvalidParam> problems;
        if (!HasCode(sources, source)) problems.push_back({"source", "Kies een bron uit de lijst."});
        domain::CheckText(problems, "purpose", purpose, domain::kMaxShortTextLength);
        domain::CheckText(problems, "content", content);
        if (!problems.empty()) return Invalid(std::move(problems));
        auto header = MR_TRY(Advance(transaction, principal, case_id, CaseAction::kEnrich,
                                     "Verrijkt uit " + CodeName(sources, source) + ".", precondition));
        transaction.UpdateCase(header);
        result = {NewId(), case_id, header.status, std::nullopt, header.version};
        transaction.InsertEnrichment({result.id, case_id, source, purpose, content, header.updated_at,
                                      principal.username});
        return Ok();
    }));
    return result;
}

Result<StepResult> Service::AddAssessment(const Principal& principal, const std::string& case_id,
                                          const std::string& urgency, const std::vector<std::string>& forms,
                                          const std::string& rationale, const Precondition& precondition) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "case.assess"));
    auto problems = domain::ValidateAssessment(urgency, forms, rationale);
    if (!problems.empty()) return Invalid(std::move(problems));
    StepResult result;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        std::string forms_text;
        for (const auto& form : forms) forms_text += (forms_text.empty() ? "" : ", ") + form;
        auto header = MR_TRY(Advance(transaction, principal, case_id, CaseAction::kAssess,
                                     "Gewogen: urgentie " + urgency + ", vormen " + forms_text + ".", precondition));
        header.urgency = urgency;
        header.forms = forms;
        header.rationale = rationale;
        header.weighed_at = header.updated_at;
        transaction.UpdateCase(header);
        result = {NewId(), case_id, header.status, std::nullopt, header.version};
        transaction.InsertAssessment({result.id, case_id, urgency, forms, rationale, header.updated_at,
                                      principal.username});
        return Ok();
    }));
    return result;
}

Result<StepResult> Service::AddReferral(const Principal& principal, const std::string& case_id,
                                        const std::string& partner, const std::optional<std::string>& forum,
                                        const std::string& feedback_due, const std::optional<std::string>& note,
                                        const Precondition& precondition) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "case.refer"));
    StepResult result;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto partners = transaction.ListCodes("partner");
        auto forums = transaction.ListCodes("forum");
        std::vector<InvalidParam> problems;
        if (!HasCode(partners, partner)) problems.push_back({"partner", "Kies een partner uit de lijst."});
        if (forum && !HasCode(forums, *forum)) problems.push_back({"forum", "Kies een overleg uit de lijst."});
        auto due = ParseDate(feedback_due);
        if (!due) {
            problems.push_back({"feedbackDue", "Geef een geldige datum als JJJJ-MM-DD."});
        } else if (*due < DayOf(Now())) {
            problems.push_back({"feedbackDue", "De datum voor terugkoppeling ligt in het verleden."});
        }
        if (note && note->size() > domain::kMaxTextLength) problems.push_back({"note", "De notitie is te lang."});
        if (!problems.empty()) return Invalid(std::move(problems));
        std::string detail = "Doorgezet naar " + CodeName(partners, partner);
        if (forum) detail += " (" + CodeName(forums, *forum) + ")";
        detail += "; terugkoppeling uiterlijk " + feedback_due + ".";
        auto header = MR_TRY(Advance(transaction, principal, case_id, CaseAction::kRefer, detail, precondition));
        transaction.UpdateCase(header);
        result = {NewId(), case_id, header.status, std::nullopt, header.version};
        domain::Referral referral;
        referral.id = result.id;
        referral.case_id = case_id;
        referral.partner = partner;
        referral.forum = forum;
        referral.feedback_due = feedback_due;
        referral.note = note;
        referral.at = header.updated_at;
        referral.actor = principal.username;
        transaction.InsertReferral(referral);
        return Ok();
    }));
    return result;
}

Result<StepResult> Service::AddPartnerFeedback(const Principal& principal, const std::string& referral_id,
                                               const std::string& summary, const Precondition& precondition,
                                               const std::optional<std::string>& of_case) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "case.partner-feedback"));
    std::vector<InvalidParam> problems;
    domain::CheckText(problems, "summary", summary);
    if (!problems.empty()) return Invalid(std::move(problems));
    StepResult result;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto referral = transaction.FindReferral(referral_id);
        if (!referral || (of_case && referral->case_id != *of_case)) return NotFound("Deze doorzetting");
        auto partners = transaction.ListCodes("partner");
        auto header = MR_TRY(Advance(transaction, principal, referral->case_id, CaseAction::kPartnerFeedback,
                                     "Terugkoppeling ontvangen van " + CodeName(partners, referral->partner) + ".",
                                     precondition));
        transaction.UpdateCase(header);
        result = {NewId(), referral->case_id, header.status, referral_id, header.version};
        transaction.InsertPartnerFeedback({result.id, referral_id, summary, header.updated_at, principal.username});
        return Ok();
    }));
    return result;
}

Result<StepResult> Service::AddReporterFeedback(const Principal& principal, const std::string& case_id,
                                                const std::string& message, const Precondition& precondition) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "case.reporter-feedback"));
    std::vector<InvalidParam> problems;
    domain::CheckText(problems, "message", message);
    if (!problems.empty()) return Invalid(std::move(problems));
    StepResult result;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto header = MR_TRY(Advance(transaction, principal, case_id, CaseAction::kReporterFeedback,
                                     "Melder geïnformeerd over wat er met het signaal is gedaan.", precondition));
        transaction.UpdateCase(header);
        result = {NewId(), case_id, header.status, std::nullopt, header.version};
        transaction.InsertReporterFeedback(result.id, case_id, {message, header.updated_at, principal.username});
        return Ok();
    }));
    return result;
}

Result<StepResult> Service::CloseCase(const Principal& principal, const std::string& case_id,
                                      const std::string& outcome, const std::optional<std::string>& note,
                                      const Precondition& precondition) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "case.close"));
    StepResult result;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto outcomes = transaction.ListCodes("outcome");
        std::vector<InvalidParam> problems;
        if (!HasCode(outcomes, outcome)) problems.push_back({"outcome", "Kies een uitkomst uit de lijst."});
        if (note && note->size() > domain::kMaxTextLength) problems.push_back({"note", "De notitie is te lang."});
        if (!problems.empty()) return Invalid(std::move(problems));
        auto header = MR_TRY(Advance(transaction, principal, case_id, CaseAction::kClose,
                                     "Afgesloten met uitkomst: " + CodeName(outcomes, outcome) + ".", precondition));
        header.outcome = outcome;
        header.closure_note = note;
        transaction.UpdateCase(header);
        transaction.InsertClosure(case_id, {header.updated_at, outcome, note, principal.username});
        result = {case_id, case_id, header.status, std::nullopt, header.version};
        return Ok();
    }));
    return result;
}

Result<StepResult> Service::ReopenCase(const Principal& principal, const std::string& case_id,
                                       const std::string& reason, const Precondition& precondition) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "case.reopen"));
    auto problems = domain::ValidateReopenReason(reason);
    if (!problems.empty()) return Invalid(std::move(problems));
    StepResult result;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto header = MR_TRY(Advance(transaction, principal, case_id, CaseAction::kReopen, "Heropend.",
                                     precondition));
        // The closure itself stays in case_closures; the case has no outcome until it is closed again.
        header.outcome.reset();
        header.closure_note.reset();
        header.reopen_count += 1;
        header.reopened_at = header.updated_at;
        transaction.UpdateCase(header);
        transaction.InsertReopening(case_id, {header.updated_at, reason, principal.username});
        result = {case_id, case_id, header.status, std::nullopt, header.version};
        return Ok();
    }));
    return result;
}

Result<CaseView> Service::GetCase(const Principal& principal, const std::string& case_id) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "case.read"));
    std::optional<CaseView> view;
    MR_TRY(AuditedRead(
        [&](store::Transaction& transaction) -> Status {
            view = MR_TRY(LoadCaseView(transaction, case_id));
            return Ok();
        },
        {principal.username, "case.read", "case/" + case_id, kPurposeRoute, kAllowed}));
    return std::move(*view);
}

Result<std::vector<CaseListItem>> Service::ListCases(const Principal& principal) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "case.list"));
    std::vector<CaseListItem> items;
    MR_TRY(AuditedRead(
        [&](store::Transaction& transaction) -> Status {
            auto today = DayOf(Now());
            for (domain::CaseSummary& summary : transaction.ListCaseSummaries(1000)) {
                CaseListItem item;
                item.overdue_reasons = domain::OverdueReasons(summary, today, config_.deadlines);
                item.next_deadline = domain::NextDeadline(summary, config_.deadlines);
                item.summary = std::move(summary);
                items.push_back(std::move(item));
            }
            return Ok();
        },
        {principal.username, "case.list", "cases", kPurposeRoute, kAllowed}));
    // Overdue work first, then the rest newest first (the store's order).
    std::stable_partition(items.begin(), items.end(),
                          [](const CaseListItem& item) { return !item.overdue_reasons.empty(); });
    return items;
}

Result<domain::Indication> Service::GetIndication(const Principal& principal, const std::string& case_id) {
    auto view = MR_TRY(GetCase(principal, case_id));
    return view.indication;
}

// ---------------------------------------------------------------------------------------------- catalog

namespace {

std::shared_ptr<const domain::Catalog> BuiltinCatalogShared() {
    static const auto builtin = std::make_shared<const domain::Catalog>(domain::BuiltinCatalog());
    return builtin;
}

}  // namespace

std::shared_ptr<const domain::Catalog> Service::CatalogIn(store::Transaction& transaction,
                                                          const std::optional<std::string>& version) {
    if (!version || *version == domain::kCatalogVersion) return BuiltinCatalogShared();
    {
        std::lock_guard lock(catalogs_mutex_);
        if (auto cached = catalogs_.find(*version); cached != catalogs_.end()) return cached->second;
    }
    std::optional<domain::Catalog> loaded = transaction.LoadCatalog(*version);
    if (!loaded) return nullptr;
    auto shared = std::make_shared<const domain::Catalog>(std::move(*loaded));
    std::lock_guard lock(catalogs_mutex_);
    return catalogs_.emplace(*version, std::move(shared)).first->second;
}

std::shared_ptr<const domain::Catalog> Service::ActiveCatalogIn(store::Transaction& transaction) {
    return CatalogIn(transaction, transaction.LatestCatalogVersion());
}

Result<std::shared_ptr<const domain::Catalog>> Service::ActiveCatalog() {
    std::shared_ptr<const domain::Catalog> catalog;
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        catalog = ActiveCatalogIn(transaction);
        return Ok();
    }));
    return catalog;
}

Result<std::shared_ptr<const domain::Catalog>> Service::CatalogVersion(const std::string& version) {
    // Versions never change, so a cached one needs no transaction (lists show many signals' versions).
    if (version == domain::kCatalogVersion) return BuiltinCatalogShared();
    {
        std::lock_guard lock(catalogs_mutex_);
        if (auto cached = catalogs_.find(version); cached != catalogs_.end()) return cached->second;
    }
    std::shared_ptr<const domain::Catalog> catalog;
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        catalog = CatalogIn(transaction, version);
        return Ok();
    }));
    if (catalog == nullptr) return NotFound("Signalenlijst " + version.substr(0, 20));
    return catalog;
}

Result<std::vector<store::CatalogVersionRecord>> Service::ListCatalogVersions(const Principal& principal) {
    std::vector<store::CatalogVersionRecord> versions{{std::string{domain::kCatalogVersion}, "", ""}};
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        auto published = transaction.ListCatalogVersions();
        versions.insert(versions.end(), published.begin(), published.end());
        return Ok();
    }));
    // Who published is only of interest to the beheerder.
    if (!principal.Has(Role::kBeheerder)) {
        for (auto& version : versions) version.published_by.clear();
    }
    return versions;
}

Result<std::shared_ptr<const domain::Catalog>> Service::PublishCatalog(
    const Principal& principal, const std::vector<domain::IndicatorProposal>& proposal,
    const std::optional<std::string>& based_on) {
    MR_TRY(Require(principal, {Role::kBeheerder}, "catalog.publish"));
    std::shared_ptr<const domain::Catalog> published;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        const std::shared_ptr<const domain::Catalog> previous = ActiveCatalogIn(transaction);
        if (based_on && *based_on != previous->version) {
            return MakeError(ErrorCode::kFailedPrecondition,
                             "De signalenlijst is intussen gewijzigd: versie " + previous->version +
                                 " is nu in gebruik. Bekijk die versie en breng uw wijzigingen opnieuw aan.");
        }
        std::vector<std::string> labels{std::string{domain::kCatalogVersion}};
        for (const auto& version : transaction.ListCatalogVersions()) labels.push_back(version.version);
        const std::string at = NowText();
        const int year = std::stoi(at.substr(0, 4));
        domain::Catalog next = MR_TRY(domain::BuildNextCatalog(*previous, proposal,
                                                                domain::NextCatalogVersionLabel(labels, year), at,
                                                                principal.username));
        transaction.InsertCatalog(next);
        AppendAudit(transaction,
                    {principal.username, "catalog.publish", "catalog/" + next.version, "beheer signalenlijst",
                     kAllowed},
                    at);
        published = std::make_shared<const domain::Catalog>(std::move(next));
        return Ok();
    }));
    std::lock_guard lock(catalogs_mutex_);
    catalogs_.emplace(published->version, published);
    return published;
}

// ---------------------------------------------------------------------------------------------- reference data

Result<std::vector<domain::CodeItem>> Service::ListCodes(const Principal& principal, const std::string& kind) {
    (void)principal;  // every signed-in role may read the code lists; they hold no personal data
    std::vector<domain::CodeItem> items;
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        items = transaction.ListCodes(kind);
        return Ok();
    }));
    return items;
}

Result<std::vector<domain::Suggestion>> Service::SuggestIndicators(const Principal& principal,
                                                                  const std::string& text) {
    MR_TRY(Require(principal, {Role::kMelder, Role::kAandachtfunctionaris}, "indicator-suggestions"));
    std::vector<InvalidParam> problems;
    if (text.size() > domain::kMaxNarrativeLength) problems.push_back({"text", "De tekst is te lang."});
    if (!problems.empty()) return Invalid(std::move(problems));
    std::shared_ptr<const domain::Catalog> catalog = MR_TRY(ActiveCatalog());
    std::vector<domain::Suggestion> suggestions = domain::SuggestIndicators(text);
    // A retired indicator is no longer offered, so it is no longer suggested either.
    std::erase_if(suggestions, [&](const domain::Suggestion& suggestion) { return !catalog->Offers(suggestion.code); });
    return suggestions;
}

Result<std::vector<domain::Recurrence>> Service::ListRecurrences(const Principal& principal) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "recurrence.list"));
    std::vector<domain::Recurrence> recurrences;
    MR_TRY(AuditedRead(
        [&](store::Transaction& transaction) -> Status {
            recurrences = transaction.ListRecurrences(2, 100);
            return Ok();
        },
        {principal.username, "recurrence.list", "signals/terugkerend", kPurposeRoute, kAllowed}));
    return recurrences;
}


Result<std::vector<domain::Signal>> Service::SearchSignals(const Principal& principal,
                                                           const domain::SignalSearch& search) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "signal.search"));
    std::vector<InvalidParam> problems;
    if (search.text.size() > domain::kMaxShortTextLength) problems.push_back({"text", "De zoektekst is te lang."});
    if (search.form && !domain::Contains(domain::Forms(), *search.form)) {
        problems.push_back({"form", "Kies seksueel, arbeid, crimineel of orgaan."});
    }
    if (search.status && *search.status != "gemeld" && !domain::ParseCaseStatus(*search.status)) {
        problems.push_back({"status", "Onbekende status."});
    }
    if (search.urgency && !domain::Contains(domain::Urgencies(), *search.urgency)) {
        problems.push_back({"urgency", "Kies acuut, hoog of normaal."});
    }
    domain::SignalSearch bounded = search;
    bounded.from = PeriodBound(problems, "from", search.from, false);
    bounded.to = PeriodBound(problems, "to", search.to, true);
    if (!problems.empty()) return Invalid(std::move(problems));
    std::vector<domain::Signal> signals;
    // The search text itself may name a person, so the audit records that a search happened, not its words.
    MR_TRY(AuditedRead(
        [&](store::Transaction& transaction) -> Status {
            signals = transaction.SearchSignals(search.text, bounded, 2000, 100);
            return Ok();
        },
        {principal.username, "signal.search", "signals", kPurposeRoute, kAllowed}));
    return signals;
}

Result<std::vector<store::AuditRecord>> Service::ListAuditEvents(const Principal& principal,
                                                                 const std::optional<std::string>& from,
                                                                 const std::optional<std::string>& to) {
    MR_TRY(Require(principal, {Role::kAuditor}, "audit.read"));
    store::AuditFilter filter;
    std::vector<InvalidParam> problems;
    filter.from = PeriodBound(problems, "from", from, false);
    filter.to = PeriodBound(problems, "to", to, true);
    if (!problems.empty()) return Invalid(std::move(problems));
    std::vector<store::AuditRecord> records;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        records = transaction.ListAuditRecords(filter);
        AppendAudit(transaction, {principal.username, "audit.read", "audit-events", "toezicht op verwerking", kAllowed},
                    NowText());
        return Ok();
    }));
    return records;
}

Result<std::vector<store::ProcessingRecord>> Service::ListProcessingRecords(const Principal& principal,
                                                                            const std::optional<std::string>& from,
                                                                            const std::optional<std::string>& to) {
    MR_TRY(Require(principal, {Role::kAuditor}, "processing-log.read"));
    store::AuditFilter filter;
    std::vector<InvalidParam> problems;
    filter.from = PeriodBound(problems, "from", from, false);
    filter.to = PeriodBound(problems, "to", to, true);
    if (!problems.empty()) return Invalid(std::move(problems));
    std::vector<store::ProcessingRecord> records;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        records = transaction.ListProcessingRecords(filter, 10000);
        AppendAudit(transaction,
                    {principal.username, "processing-log.read", "processing-log", "toezicht op verwerking", kAllowed},
                    NowText());
        return Ok();
    }));
    return records;
}

Result<AuditVerificationResult> Service::VerifyAuditOffline() {
    AuditVerificationResult result;
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        auto verification = VerifyAuditChain(transaction);
        result = {verification.valid, verification.count, verification.first_broken_sequence};
        return Ok();
    }));
    return result;
}

Result<AuditVerificationResult> Service::VerifyAudit(const Principal& principal) {
    MR_TRY(Require(principal, {Role::kAuditor}, "audit.verify"));
    return VerifyAuditOffline();
}

// ---------------------------------------------------------------------------------------------- administration

Status Service::AddUser(const std::string& username, const std::string& password,
                        const std::vector<domain::Role>& roles, const std::string& actor,
                        const std::string& department) {
    std::vector<InvalidParam> problems;
    if (!PossibleAccountName(username)) problems.push_back({"username", "use 1-64 letters, digits, '.', '-' or '_'"});
    if (password.size() < 12 || password.size() > 1024) {
        problems.push_back({"password", "use 12 to 1024 characters"});
    }
    if (roles.empty()) problems.push_back({"role", "give at least one role"});
    bool department_ok = !department.empty() && department.size() <= 64 &&
                         std::all_of(department.begin(), department.end(), [](char character) {
                             return (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') ||
                                    character == '-';
                         });
    if (!department_ok) problems.push_back({"department", "use 1-64 lowercase letters, digits or '-', e.g. publiekszaken"});
    if (!problems.empty()) return MakeError(ErrorCode::kInvalidArgument, "invalid user", std::move(problems));
    std::string hash = HashPassword(password);
    return store_.Write([&](store::Transaction& transaction) -> Status {
        if (transaction.FindUser(username)) {
            return MakeError(ErrorCode::kFailedPrecondition, "user " + username + " already exists");
        }
        std::string now = NowText();
        transaction.InsertUser({username, hash, roles, true, now, department});
        AppendAudit(transaction, {actor, "user.create", "user/" + username, "gebruikersbeheer", kAllowed}, now);
        return Ok();
    });
}

Status Service::CheckReady() { return store_.Check(); }

}  // namespace meldroute::app
