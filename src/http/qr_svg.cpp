#include "http/qr_svg.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

namespace meldroute::http {

namespace {

std::string EscapeXml(std::string_view text) {
    std::string escaped;
    for (char character : text) {
        switch (character) {
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            case '"': escaped += "&quot;"; break;
            default: escaped.push_back(character);
        }
    }
    return escaped;
}

}  // namespace

std::string QrSvg(std::string_view text, std::string_view label) {
    const std::string input{text};
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (code == nullptr) return {};
    constexpr int kQuiet = 4;
    const int width = code->width;
    const int size = width + 2 * kQuiet;
    // One path of unit squares: "M x y h1 v1 h-1 z" per dark module.
    std::string path;
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if ((code->data[y * width + x] & 1) == 0) continue;
            path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
        }
    }
    const std::string dimension = std::to_string(size);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mr-qr\" role=\"img\" aria-label=\"" + EscapeXml(label) +
           "\" viewBox=\"0 0 " + dimension + " " + dimension + "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\">" +
           "<rect width=\"" + dimension + "\" height=\"" + dimension + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path +
           "\"/></svg>";
}

}  // namespace meldroute::http
