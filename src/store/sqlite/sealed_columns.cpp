#include "store/sqlite/sealed_columns.hpp"

#include <algorithm>
#include <map>

#include "domain/search_terms.hpp"
#include "store/sql/sealing.hpp"
#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace meldroute::store::sqlite {

namespace {

std::string WhereKeys(const SealedColumn& column) {
    std::string where;
    for (const char* key : column.keys) {
        if (!where.empty()) where += " AND ";
        where += std::string{key} + " = ?";
    }
    return where;
}

std::string SelectKeys(const SealedColumn& column) {
    std::string select;
    for (const char* key : column.keys) select += std::string{key} + ", ";
    return select;
}

struct Cell {
    std::vector<std::string> keys;
    std::string value;
};

std::string RowOf(const Cell& cell) {
    std::string row;
    for (const std::string& key : cell.keys) {
        if (!row.empty()) row += '/';
        row += key;
    }
    return row;
}

Cell ReadCell(const Statement& statement, const SealedColumn& column) {
    Cell cell;
    for (std::size_t index = 0; index < column.keys.size(); ++index) {
        cell.keys.push_back(statement.Text(static_cast<int>(index)));
    }
    cell.value = statement.Text(static_cast<int>(column.keys.size()));
    return cell;
}

// Writes `sealed` into the cell; with `only_if_unchanged`, only when it still holds the value read.
std::int64_t UpdateCell(Connection& connection, const SealedColumn& column, const Cell& cell,
                        const std::string& sealed, bool only_if_unchanged) {
    std::string sql = std::string{"UPDATE "} + column.table + " SET " + column.column + " = ? WHERE " +
                      WhereKeys(column);
    if (only_if_unchanged) sql += std::string{" AND "} + column.column + " = ?";
    auto statement = connection.Prepare(sql);
    int index = 1;
    statement.Bind(index++, std::string_view{sealed});
    for (const std::string& key : cell.keys) statement.Bind(index++, std::string_view{key});
    if (only_if_unchanged) statement.Bind(index++, std::string_view{cell.value});
    statement.Run();
    return connection.Changes();
}

bool HasColumn(Connection& connection, const SealedColumn& column) {
    auto statement = connection.Prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    statement.BindAll(std::string_view{column.table}, std::string_view{column.column});
    return statement.Step();
}

}  // namespace

void SealPlaintextColumns(Connection& connection, const FieldCipher& cipher) {
    {
        auto statement = connection.Prepare("SELECT sequence, narrative FROM signals");
        while (statement.Step()) sql::IndexNarrative(connection, cipher, statement.Int(0), statement.Text(1));
    }
    for (const SealedColumn& column : SealedColumns()) {
        if (!HasColumn(connection, column)) continue;  // added by a later migration, sealed from the start
        std::vector<Cell> cells;
        {
            auto statement = connection.Prepare("SELECT " + SelectKeys(column) + column.column + " FROM " +
                                                column.table + " WHERE " + column.column + " IS NOT NULL");
            while (statement.Step()) cells.push_back(ReadCell(statement, column));
        }
        const bool totp = std::string_view{column.table} == "user_mfa";
        for (const Cell& cell : cells) {
            std::string plaintext = cell.value;
            if (totp) {
                // Sealed by the app before this migration, bound to "totp/<username>".
                auto opened = cipher.Open("totp/" + cell.keys[0], cell.value);
                if (!opened) {
                    throw StoreFailure("a TOTP secret cannot be opened with DATA/keys/field.key; are these the "
                                       "keys of this database?");
                }
                plaintext = std::move(*opened);
            }
            UpdateCell(connection, column,
                       cell, cipher.Seal(SealContext(column.table, RowOf(cell), column.column), plaintext), false);
        }
    }
}

void BackfillClosures(Connection& connection, const FieldCipher& cipher) {
    struct Closed {
        std::string case_id, at, outcome, actor;
        std::optional<std::string> note;
    };
    std::vector<Closed> closed;
    {
        auto statement = connection.Prepare(
            "SELECT c.id, c.closed_at, c.outcome, c.closure_note, "
            "COALESCE((SELECT t.actor FROM timeline t WHERE t.case_id = c.id AND t.action = 'close' "
            "ORDER BY t.sequence DESC LIMIT 1), 'onbekend') "
            "FROM cases c WHERE c.closed_at IS NOT NULL AND c.outcome IS NOT NULL ORDER BY c.sequence");
        while (statement.Step()) {
            Closed row{statement.Text(0), statement.Text(1), statement.Text(2), statement.Text(4), std::nullopt};
            if (auto sealed = statement.OptionalText(3)) {
                row.note = OpenCell(cipher, "cases", row.case_id, "closure_note", *sealed);
            }
            closed.push_back(std::move(row));
        }
    }
    std::int64_t sequence = 0;
    for (const Closed& row : closed) {
        ++sequence;
        auto insert = connection.Prepare(
            "INSERT INTO case_closures (sequence, case_id, at, outcome, note, actor) VALUES (?, ?, ?, ?, ?, ?)");
        insert.Bind(1, sequence).Bind(2, std::string_view{row.case_id}).Bind(3, std::string_view{row.at});
        insert.Bind(4, std::string_view{row.outcome});
        if (row.note) {
            insert.Bind(5, std::string_view{SealCell(cipher, "case_closures", std::to_string(sequence), "note", *row.note)});
        }
        insert.Bind(6, std::string_view{row.actor});
        insert.Run();
    }
}

ResealReport ResealAll(Connection& connection, const FieldCipher& cipher, int batch) {
    ResealReport report;
    const std::string prefix = cipher.CurrentKeyId() + ".";
    for (const SealedColumn& column : SealedColumns()) {
        const std::string select = "SELECT " + SelectKeys(column) + column.column + " FROM " + column.table +
                                   " WHERE " + column.column + " IS NOT NULL AND substr(" + column.column +
                                   ", 1, ?1) != ?2 LIMIT ?3";
        for (;;) {
            std::vector<Cell> cells;
            {
                // Read outside the write lock; a running server keeps writing meanwhile.
                connection.Execute("BEGIN");
                try {
                    auto statement = connection.Prepare(select);
                    statement.BindAll(static_cast<std::int64_t>(prefix.size()), prefix, batch);
                    while (statement.Step()) cells.push_back(ReadCell(statement, column));
                } catch (...) {
                    connection.Execute("ROLLBACK");
                    throw;
                }
                connection.Execute("COMMIT");
            }
            if (cells.empty()) break;
            std::vector<std::string> sealed;
            for (const Cell& cell : cells) {
                const std::string context = SealContext(column.table, RowOf(cell), column.column);
                auto opened = cipher.Open(context, cell.value);
                if (!opened) {
                    report.failure = std::string{"a value in "} + column.table + "." + column.column +
                                     " cannot be opened with any key in the keys directory";
                    return report;
                }
                sealed.push_back(cipher.Seal(context, *opened));
            }
            connection.Execute("BEGIN IMMEDIATE");
            try {
                for (std::size_t index = 0; index < cells.size(); ++index) {
                    report.values += UpdateCell(connection, column, cells[index], sealed[index], true);
                }
                connection.Execute("COMMIT");
            } catch (...) {
                connection.Execute("ROLLBACK");
                throw;
            }
            ++report.batches;
        }
    }
    return report;
}

}  // namespace meldroute::store::sqlite
