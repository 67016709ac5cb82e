#!/usr/bin/env bash
# make fuzz: builds each libFuzzer target with clang (+ AddressSanitizer and UBSan) and runs it for a bounded
# time (FUZZ_SECONDS each, default 60). Crashes land in fuzz/crashes/ and fail the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
out=build-fuzz
mkdir -p "$out" fuzz/crashes
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Isrc
       -DBOOST_ASIO_NO_DEPRECATED)
# The suggestions' learned layer compiles its weights in, from the same generated source as the CMake build.
cmake -DINPUT=src/domain/data/suggestion_model.tsv -DOUTPUT="$out/suggestion_model_data.cpp" \
    -DFUNCTION=BuiltinSuggestionModelText -P tools/embed_text.cmake
common=(src/base/time.cpp src/base/memory.cpp src/domain/catalog.cpp src/domain/model.cpp src/domain/route.cpp
        src/domain/validation.cpp src/domain/suggestions.cpp src/domain/stemming.cpp src/domain/narrative_text.cpp
        src/domain/suggestion_model.cpp "$out/suggestion_model_data.cpp")
build() {  # name, sources...
    local name=$1; shift
    echo "building $name"
    clang++ "${flags[@]}" "$@" -o "$out/$name" -lstemmer -lpthread
}
build json_body_fuzz fuzz/json_body_fuzz.cpp src/http/json_io.cpp src/http/json_writer.cpp "${common[@]}" src/domain/indication.cpp
build form_fuzz fuzz/form_fuzz.cpp src/http/common.cpp "${common[@]}"
build http_request_fuzz fuzz/http_request_fuzz.cpp src/http/router.cpp src/http/common.cpp "${common[@]}"
build suggestions_fuzz fuzz/suggestions_fuzz.cpp "${common[@]}"
build completion_csv_fuzz fuzz/completion_csv_fuzz.cpp "${common[@]}" src/domain/registers.cpp
# toml++ header-only here (not the shared library), so the parser itself is instrumented.
build jwt_fuzz fuzz/jwt_fuzz.cpp src/http/jwt.cpp src/http/json_io.cpp src/http/json_writer.cpp src/app/crypto.cpp "${common[@]}" \
    src/domain/indication.cpp -lcrypto -lsodium
build config_fuzz fuzz/config_fuzz.cpp src/config/config.cpp src/base/log.cpp src/base/trace.cpp \
    src/base/client_address.cpp -DBOOST_ASIO_NO_DEPRECATED
status=0
for target in json_body_fuzz form_fuzz http_request_fuzz suggestions_fuzz completion_csv_fuzz config_fuzz jwt_fuzz; do
    corpus="$out/corpus-$target"
    mkdir -p "$corpus"
    cp fuzz/seeds/"${target%_fuzz}"/* "$corpus"/ 2>/dev/null || true
    echo "fuzzing $target for ${seconds}s"
    if ! "$out/$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -artifact_prefix=fuzz/crashes/ \
        -print_final_stats=1 2>"$out/$target.log"; then
        echo "$target: CRASH (see $out/$target.log and fuzz/crashes/)"
        status=1
    fi
    grep -E "stat::number_of_executed_units|cov:" "$out/$target.log" | tail -2 | sed "s/^/  $target: /"
done
exit $status
