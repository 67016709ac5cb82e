#include "http/reports.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace meldroute::http {

namespace {

constexpr double kPageWidth = 595.0;  // A4 in points
constexpr double kPageHeight = 842.0;
constexpr double kMargin = 48.0;
constexpr const char* kFont = "DejaVu Sans";

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Draws on A4 pages top to bottom, starting a new page when the next block does not fit.
class PdfWriter {
public:
    explicit PdfWriter(std::string& output)
        : surface_(cairo_pdf_surface_create_for_stream(AppendToString, &output, kPageWidth, kPageHeight)),
          cr_(cairo_create(surface_)) {}
    ~PdfWriter() {
        cairo_destroy(cr_);
        cairo_surface_destroy(surface_);
    }
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    void Metadata(const std::string& title) {
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "meldroute");
    }

    void Text(const std::string& text, double size, bool bold, double x_offset = 0) {
        Room(size * 1.6);
        SetFont(size, bold);
        cairo_move_to(cr_, kMargin + x_offset, y_ + size);
        cairo_show_text(cr_, text.c_str());
        y_ += size * 1.6;
    }

    void Space(double points) { y_ += points; }

    // Plain text wrapped at spaces within the margins, so no word runs off the page.
    void Paragraph(const std::string& text, double size) {
        const double width = kPageWidth - 2 * kMargin;
        std::istringstream words(text);
        std::string line, word;
        while (words >> word) {
            std::string candidate = line.empty() ? word : line + " " + word;
            SetFont(size, false);
            cairo_text_extents_t extents;
            cairo_text_extents(cr_, candidate.c_str(), &extents);
            if (!line.empty() && extents.x_advance > width) {
                Text(line, size, false);
                line = word;
            } else {
                line = std::move(candidate);
            }
        }
        if (!line.empty()) Text(line, size, false);
    }

    void BarChart(const Chart& chart) {
        const double bar_height = 16, gap = 6, label_width = 210;
        const double height = 22 + static_cast<double>(chart.bars.size()) * (bar_height + gap) + 12;
        Room(height);
        Text(chart.title, 11, true);
        double maximum = 0;
        for (const auto& bar : chart.bars) maximum = std::max(maximum, bar.value);
        const double width = kPageWidth - 2 * kMargin - label_width - 40;
        for (const auto& bar : chart.bars) {
            SetFont(9, false);
            cairo_set_source_rgb(cr_, 0, 0, 0);
            cairo_move_to(cr_, kMargin, y_ + 12);
            cairo_show_text(cr_, Fit(bar.label, label_width - 6, 9).c_str());
            double length = maximum > 0 ? width * bar.value / maximum : 0;
            cairo_set_source_rgb(cr_, 0.0, 0.32, 0.55);
            cairo_rectangle(cr_, kMargin + label_width, y_, std::max(length, 1.0), bar_height);
            cairo_fill(cr_);
            cairo_set_source_rgb(cr_, 0, 0, 0);
            cairo_move_to(cr_, kMargin + label_width + std::max(length, 1.0) + 4, y_ + 12);
            cairo_show_text(cr_, bar.text.c_str());
            y_ += bar_height + gap;
        }
        y_ += 12;
    }

    void Table(const FigureTable& table) {
        Room(60);
        Text(table.caption, 11, true);
        if (table.withheld) {
            Text("Niet getoond: te weinig om te verdelen zonder iets over personen prijs te geven.", 9, false);
            Space(8);
            return;
        }
        const double usable = kPageWidth - 2 * kMargin;
        const double size = table.columns.size() > 6 ? 6.5 : 9;
        const double column = usable / static_cast<double>(std::max<std::size_t>(table.columns.size(), 1));
        auto row = [&](const std::vector<std::string>& cells, bool bold) {
            Room(size * 1.8);
            SetFont(size, bold);
            cairo_set_source_rgb(cr_, 0, 0, 0);
            for (std::size_t index = 0; index < cells.size(); ++index) {
                cairo_move_to(cr_, kMargin + column * static_cast<double>(index), y_ + size);
                cairo_show_text(cr_, Fit(cells[index], column - 4, size).c_str());
            }
            y_ += size * 1.8;
        };
        row(table.columns, true);
        cairo_set_line_width(cr_, 0.5);
        cairo_move_to(cr_, kMargin, y_ - size * 0.5);
        cairo_line_to(cr_, kPageWidth - kMargin, y_ - size * 0.5);
        cairo_stroke(cr_);
        for (const auto& cells : table.rows) row(cells, false);
        Space(10);
    }

    Status Finish() {
        cairo_show_page(cr_);
        cairo_surface_finish(surface_);
        if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
            return MakeError(ErrorCode::kInternal, "Het PDF-bestand kon niet worden gemaakt.");
        }
        return Ok();
    }

private:
    void SetFont(double size, bool bold) {
        cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, size);
    }

    // Starts a new page when `height` more points do not fit on this one.
    void Room(double height) {
        if (y_ + height <= kPageHeight - kMargin) return;
        cairo_show_page(cr_);
        y_ = kMargin;
    }

    // Shortens `text` (at a UTF-8 boundary) with "…" until it fits in `width`.
    std::string Fit(std::string text, double width, double size) {
        SetFont(size, false);
        cairo_text_extents_t extents;
        cairo_text_extents(cr_, text.c_str(), &extents);
        if (extents.x_advance <= width) return text;
        while (!text.empty()) {
            do {
                text.pop_back();
            } while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80);
            if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0xC0) text.pop_back();
            std::string candidate = text + "…";
            cairo_text_extents(cr_, candidate.c_str(), &extents);
            if (extents.x_advance <= width) return candidate;
        }
        return text;
    }

    cairo_surface_t* surface_;
    cairo_t* cr_;
    double y_ = kMargin;
};

}  // namespace

Result<std::string> RenderPdf(const std::string& title, const std::string& subtitle, const std::vector<Chart>& charts,
                              const std::vector<FigureTable>& tables) {
    std::string output;
    {
        PdfWriter writer{output};
        writer.Metadata(title);
        writer.Text(title, 18, true);
        writer.Paragraph(subtitle, 9);
        writer.Space(12);
        for (const Chart& chart : charts) writer.BarChart(chart);
        for (const FigureTable& table : tables) writer.Table(table);
        MR_TRY(writer.Finish());
    }
    return output;
}

Result<std::string> RenderXlsx(const std::string& title, const std::vector<FigureTable>& tables,
                               const std::vector<std::string>& charted) {
    // libxlsxwriter writes to a file; it lives only for this call in a private temporary directory.
    char directory_template[] = "/tmp/meldroute-xlsx-XXXXXX";
    if (mkdtemp(directory_template) == nullptr) {
        return MakeError(ErrorCode::kInternal, "Het spreadsheet kon niet worden gemaakt.");
    }
    std::filesystem::path directory{directory_template};
    std::string path = (directory / "export.xlsx").string();
    lxw_workbook_options options{};
    options.tmpdir = directory_template;
    lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
    if (workbook == nullptr) {
        std::filesystem::remove_all(directory);
        return MakeError(ErrorCode::kInternal, "Het spreadsheet kon niet worden gemaakt.");
    }
    lxw_doc_properties properties{};
    std::string title_copy = title;
    std::string author = "meldroute";
    properties.title = title_copy.data();
    properties.author = author.data();
    workbook_set_properties(workbook, &properties);
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (const FigureTable& table : tables) {
        std::string sheet_name = table.slug.substr(0, 31);
        lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
        worksheet_write_string(sheet, 0, 0, table.caption.c_str(), bold);
        if (table.withheld) {
            worksheet_write_string(sheet, 1, 0,
                                   "Niet getoond: te weinig om te verdelen zonder iets over personen prijs te geven.",
                                   nullptr);
            continue;
        }
        for (std::size_t column = 0; column < table.columns.size(); ++column) {
            worksheet_write_string(sheet, 2, static_cast<lxw_col_t>(column), table.columns[column].c_str(), bold);
            worksheet_set_column(sheet, static_cast<lxw_col_t>(column), static_cast<lxw_col_t>(column),
                                 column == 0 ? 42 : 16, nullptr);
        }
        for (std::size_t row = 0; row < table.rows.size(); ++row) {
            for (std::size_t column = 0; column < table.rows[row].size(); ++column) {
                const std::string& cell = table.rows[row][column];
                char* end = nullptr;
                double number = std::strtod(cell.c_str(), &end);
                bool numeric = column > 0 && !cell.empty() && end != nullptr && *end == '\0';
                auto at_row = static_cast<lxw_row_t>(row + 3);
                auto at_column = static_cast<lxw_col_t>(column);
                if (numeric) {
                    worksheet_write_number(sheet, at_row, at_column, number, nullptr);
                } else {
                    worksheet_write_string(sheet, at_row, at_column, cell.c_str(), nullptr);
                }
            }
        }
        if (std::find(charted.begin(), charted.end(), table.slug) != charted.end() && !table.rows.empty()) {
            lxw_chart* chart = workbook_add_chart(workbook, LXW_CHART_BAR);
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            auto last = static_cast<lxw_row_t>(table.rows.size() + 2);
            chart_series_set_categories(series, sheet_name.c_str(), 3, 0, last, 0);
            chart_series_set_values(series, sheet_name.c_str(), 3, 1, last, 1);
            chart_title_set_name(chart, table.caption.c_str());
            chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
            worksheet_insert_chart(sheet, static_cast<lxw_row_t>(table.rows.size() + 5), 0, chart);
        }
    }
    lxw_error closed = workbook_close(workbook);
    std::string content;
    if (closed == LXW_NO_ERROR) {
        std::ifstream file{path, std::ios::binary};
        content.assign(std::istreambuf_iterator<char>{file}, std::istreambuf_iterator<char>{});
    }
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
    if (closed != LXW_NO_ERROR || content.empty()) {
        return MakeError(ErrorCode::kInternal, "Het spreadsheet kon niet worden gemaakt.");
    }
    return content;
}

}  // namespace meldroute::http
