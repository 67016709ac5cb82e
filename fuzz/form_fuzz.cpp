// libFuzzer target: form bodies, query strings, URL decoding and cookie headers.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    auto values = meldroute::http::ParseUrlEncoded(text);
    (void)meldroute::http::All(values, "indicatorCodes");
    (void)meldroute::http::UrlDecode(text, false);
    meldroute::http::Request request;
    try {
        request.set(boost::beast::http::field::cookie, text);
        request.set(boost::beast::http::field::authorization, text);
    } catch (const std::exception&) {
        return 0;  // Beast refuses header values with CR/LF; nothing of ours to test then
    }
    (void)meldroute::http::Cookie(request, "meldroute_sessie");
    (void)meldroute::http::BearerToken(request);
    return 0;
}
