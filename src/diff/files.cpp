#include <atomic>
#include <future>
#include <memory>

#include "aijri/diff/sides.hpp"

#include "builder.hpp"
#include "plan.hpp"
#include "reading.hpp"

namespace aijri {

namespace detail {

BatchOptions side_batch_options(const DiffSideOptions& options, const Methodology& methodology) {
    BatchOptions batch;
    batch.jobs = options.jobs;
    batch.max_bytes = options.max_bytes;
    batch.methodology = &methodology;
    batch.keep_prose = false;
    batch.input_format = options.input_format;
    return batch;
}

std::vector<InputFile> walked(WalkResult walk, const WarningFunction& on_warning) {
    for (const std::string& warning : walk.warnings) {
        on_warning(warning);
    }
    return std::move(walk.files);
}

} // namespace detail

DiffResult diff_files(std::vector<InputFile> old_files, std::string_view old_root,
                      std::vector<InputFile> new_files, std::string_view new_root,
                      const Methodology& old_m, const Methodology& new_m,
                      const BatchOptions& options) {
    const detail::ReadingPlan plan = detail::plan_reading(old_files, old_root, new_files, new_root);
    std::vector<InputFile> files;
    files.reserve(plan.origin.size());
    for (const detail::Origin& at : plan.origin) {
        files.push_back(std::move(at.old_side ? old_files[at.index] : new_files[at.index]));
    }
    DiffBuilder builder(old_files.size(), new_files.size(), old_m, new_m);
    // Whichever file of a pair is scored second compares the two, on its thread.
    const auto& pairs = plan.pairs;
    const auto arrived = std::make_unique<std::atomic<unsigned char>[]>(pairs.size());
    evaluate_all(
        files, options,
        [&](std::size_t k) -> const Methodology& {
            return plan.origin[k].old_side ? old_m : new_m;
        },
        [&](std::size_t k, Evaluation&& e) {
            const detail::Origin at = plan.origin[k];
            DiffEntry entry = make_diff_entry(e);
            entry.place = detail::below_root(e.file, at.old_side ? old_root : new_root);
            if (at.old_side) {
                builder.add_old(at.index, std::move(entry));
            } else {
                builder.add(at.index, std::move(entry));
            }
            if (at.pair != detail::k_no_pair &&
                arrived[at.pair].fetch_add(1, std::memory_order_acq_rel) == 1) {
                builder.compare_early(pairs[at.pair].first, pairs[at.pair].second);
            }
        });
    return builder.finish();
}

DiffResult diff_folders(const std::string& old_root, const std::string& new_root,
                        const DiffSideOptions& options) {
    // The old side's warnings still come first.
    const InputFormat format = options.input_format;
    auto new_walk = std::async(std::launch::async,
                               [&new_root, format] { return collect_inputs({new_root}, format); });
    std::vector<InputFile> old_files =
        detail::walked(collect_inputs({old_root}, format), options.on_walk_warning);
    const Methodology& new_m = *options.new_methodology;
    return diff_files(std::move(old_files), old_root,
                      detail::walked(new_walk.get(), options.on_walk_warning), new_root,
                      *options.old_methodology, new_m, detail::side_batch_options(options, new_m));
}

} // namespace aijri
