#include "store/copy_to_postgres.hpp"

#include <algorithm>
#include <map>

#include "store/postgres/connection.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/schema_model.hpp"
#include "store/sqlite/connection.hpp"

namespace meldroute::store {

namespace {

// Kept by triggers (both engines): PostgreSQL fills them from the copied rows (the day counts by their triggers
// as the signals arrive, the figures of each case at the end), and the checks below compare them with the
// source's.
constexpr std::string_view kDerivedTables[] = {"signal_day_counts", "case_figures"};
// A COPY chunk: large enough that the round trips do not count, small enough to stay out of the way.
constexpr std::size_t kChunkBytes = 1 << 20;

std::string ColumnList(const TableSpec& table) {
    std::string list;
    for (const ColumnSpec& column : table.columns) {
        if (!list.empty()) list += ", ";
        list += column.name;
    }
    return list;
}

// One value in COPY's text format: backslash, tab, newline and carriage return escaped; NULL is \N.
void AppendCopyValue(std::string& out, const std::optional<std::string>& value) {
    if (!value) {
        out += "\\N";
        return;
    }
    for (char character : *value) {
        switch (character) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += character;
        }
    }
}

template <typename Db>
std::int64_t CountOf(Db& db, std::string_view table) {
    auto statement = db.Prepare("SELECT count(*) FROM " + std::string{table});
    statement.Step();
    return statement.Int(0);
}

// The day counts as figures see them: the sum per day, channel and reporter, zero rows left out.
template <typename Db>
std::map<std::string, std::int64_t> DayCounts(Db& db) {
    auto statement = db.Prepare("SELECT day || '|' || channel || '|' || reporter, signals FROM signal_day_counts "
                                "WHERE signals <> 0");
    std::map<std::string, std::int64_t> counts;
    while (statement.Step()) counts[statement.Text(0)] = statement.Int(1);
    return counts;
}

// The kept figures of every case, one text per case: its columns, each list's items sorted (the engines' string
// aggregates promise no order).
template <typename Db>
std::map<std::string, std::string> CaseFigures(Db& db) {
    const TableSpec& table = ModelTable("case_figures");
    auto statement = db.Prepare("SELECT " + ColumnList(table) + " FROM case_figures");
    std::map<std::string, std::string> rows;
    while (statement.Step()) {
        std::string row;
        for (int column = 0; column < static_cast<int>(table.columns.size()); ++column) {
            auto value = statement.OptionalText(column);
            std::vector<std::string> items;
            std::size_t start = 0;
            while (value && start <= value->size()) {
                std::size_t end = value->find('\x1e', start);
                if (end == std::string::npos) end = value->size();
                items.push_back(value->substr(start, end - start));
                start = end + 1;
            }
            std::sort(items.begin(), items.end());
            row += value ? "|" : "|null";
            for (const std::string& item : items) row += item + '\x1e';
        }
        rows[statement.Text(1)] = std::move(row);
    }
    return rows;
}

}  // namespace

Result<CopyReport> CopySqliteToPostgres(const std::string& sqlite_path, const std::string& postgres_url) {
    if (!postgres::IsPostgresUrl(postgres_url)) {
        return MakeError(ErrorCode::kInvalidArgument, "--to: expected postgresql://…");
    }
    CopyReport report;
    try {
        sqlite::Connection source{sqlite_path, true};
        // One snapshot of the source for the whole copy (WAL: writers may go on, this read does not see them).
        source.Execute("BEGIN");
        auto version = source.Prepare("PRAGMA user_version");
        version.Step();
        if (version.Int(0) != kSchemaVersion) {
            return MakeError(ErrorCode::kFailedPrecondition,
                             "the embedded store is at schema version " + std::to_string(version.Int(0)) +
                                 ", not " + std::to_string(kSchemaVersion) + "; start meldroute on it once first");
        }
        // One long transaction that sits idle while the SQLite side is counted and checked: no idle bound.
        postgres::Connection target{postgres_url, postgres::SessionTimeouts{std::chrono::seconds{30}, {}}};
        target.BeginWrite();
        try {
            if (!postgres::HoldsNoTables(target)) {
                target.Execute("ROLLBACK");
                return MakeError(ErrorCode::kFailedPrecondition,
                                 "the PostgreSQL database holds tables; copy into a new, empty database");
            }
            postgres::CreateSchema(target);
            // The schema's seeds (codes, the action plan, the yearly figures) come from the source as they are
            // there now; the action plan's rows go before its objectives (references).
            for (const char* seeded : {"codes", "plan_actions", "plan_objectives", "yearly_figures"}) {
                target.Execute(std::string{"DELETE FROM "} + seeded);
            }
            // The figures of each case are computed once at the end rather than again at every row of the
            // tables they come from.
            target.Execute(CaseFiguresTriggersEnabledSql(false));
            for (const TableSpec& table : SchemaTables()) {
                if (std::ranges::find(kDerivedTables, table.name) != std::end(kDerivedTables)) continue;
                const std::string columns = ColumnList(table);
                auto rows = source.Prepare("SELECT " + columns + " FROM " + std::string{table.name});
                const int width = static_cast<int>(table.columns.size());
                std::int64_t copied = 0;
                // FREEZE: the tables were created in this transaction, so their rows are written frozen and their
                // pages visible to all. Otherwise the copied rows waited for a VACUUM that could see past the
                // copy; until then each index-only scan of the figures fetched the rows from the table (at 1M
                // signals the recorded signals of every year: 70,024 heap fetches, 229 ms against 53 ms).
                target.CopyIn("COPY " + std::string{table.name} + " (" + columns + ") FROM STDIN WITH (FREEZE)",
                              [&](std::string& buffer) {
                                  while (buffer.size() < kChunkBytes) {
                                      if (!rows.Step()) return false;
                                      for (int column = 0; column < width; ++column) {
                                          if (column > 0) buffer += '\t';
                                          AppendCopyValue(buffer, rows.OptionalText(column));
                                      }
                                      buffer += '\n';
                                      ++copied;
                                  }
                                  return true;
                              });
                // The identity sequences continue after the copied keys.
                for (const ColumnSpec& column : table.columns) {
                    if (column.type != LogicalType::kSequence) continue;
                    const std::string name{column.name};
                    target.Execute("SELECT setval(pg_get_serial_sequence('" + std::string{table.name} + "', '" + name +
                                   "'), COALESCE((SELECT max(" + name + ") FROM " + std::string{table.name} +
                                   "), 0) + 1, false)");
                }
                if (CountOf(target, table.name) != copied || CountOf(source, table.name) != copied) {
                    throw StoreFailure("table " + std::string{table.name} + " did not arrive whole");
                }
                report.rows.emplace_back(std::string{table.name}, copied);
                report.total += copied;
            }
            target.Execute(CaseFiguresBackfillSql(Dialect::kPostgres));
            target.Execute(CaseFiguresTriggersEnabledSql(true));
            if (DayCounts(target) != DayCounts(source)) {
                throw StoreFailure("the day counts kept on PostgreSQL differ from the embedded store's");
            }
            if (CaseFigures(target) != CaseFigures(source)) {
                throw StoreFailure("the figures kept per case on PostgreSQL differ from the embedded store's");
            }
            target.Execute("COMMIT");
        } catch (const StoreFailure&) {
            target.Execute("ROLLBACK");
            throw;
        }
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, std::string{"copying the store failed: "} + failure.what());
    }
    return report;
}

}  // namespace meldroute::store
