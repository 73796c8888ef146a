// The batch pipeline under failure.
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/batch/batch.hpp"

#include "support/builder.hpp"

using namespace aijri;

namespace {

// `count` valid assessments in a fresh folder, named so that path order is creation order.
std::vector<InputFile> valid_files(int count) {
    const std::string root = test::temp_dir();
    std::vector<InputFile> files;
    for (int i = 0; i < count; ++i) {
        const std::string path = root + "/" + std::to_string(10000 + i) + ".json";
        test::write_text_file(path, test::to_json({}));
        files.push_back(InputFile{path, false, nullptr, {}});
    }
    return files;
}

RenderedResult summary_only(const Evaluation& e) {
    RenderedResult r;
    r.summary = summarize(e);
    return r;
}

} // namespace

TEST_CASE("an exception on a worker thread reaches the caller, in order") {
    // Thrown on a worker, an exception would end the program (std::terminate); it must come
    // out of run_batch, after every earlier result was emitted.
    const std::vector<InputFile> files = valid_files(40);
    const std::string failing = files[17].path;
    const BatchOptions options{4, k_default_max_bytes, &builtin_methodology()};
    std::vector<std::string> emitted;
    const auto render = [&](const Evaluation& e) {
        if (e.file == failing) {
            throw std::runtime_error("render failed");
        }
        return summary_only(e);
    };
    CHECK_THROWS_WITH(run_batch(files, options, render,
                                [&](RenderedResult&& r) { emitted.push_back(r.summary.file); }),
                      "render failed");
    REQUIRE(emitted.size() == 17);
    CHECK(emitted.back() == files[16].path);
}

TEST_CASE("a failure to emit stops every worker and reaches the caller") {
    // Results are emitted by whichever worker finishes the next chunk in order, so the
    // exception starts on any thread; the batch must end, not hang or go on scoring.
    const std::vector<InputFile> files = valid_files(400);
    const BatchOptions options{2, k_default_max_bytes, &builtin_methodology()};
    std::vector<std::string> emitted;
    CHECK_THROWS_WITH(run_batch(files, options, summary_only,
                                [&](RenderedResult&& r) {
                                    if (emitted.size() == 50) {
                                        throw std::runtime_error("disk full");
                                    }
                                    emitted.push_back(r.summary.file);
                                }),
                      "disk full");
    REQUIRE(emitted.size() == 50);
    for (std::size_t i = 0; i < emitted.size(); ++i) {
        CHECK(emitted[i] == files[i].path);
    }
}
