// libFuzzer target: strict JSON body reading (signal drafts, signed-in and anonymous) and the generic reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/json_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string body(reinterpret_cast<const char*>(data), size);
    (void)meldroute::http::ReadSignalDraft(body, false);
    (void)meldroute::http::ReadSignalDraft(body, true);
    auto reader = meldroute::http::BodyReader::Parse(body);
    if (reader) {
        (void)reader->RequiredString("summary");
        (void)reader->StringArray("signalIds", true);
        (void)reader->OptionalInt("birthYear");
        (void)reader->Finish();
    }
    return 0;
}
