#include "plan.hpp"
#include <algorithm>

namespace aijri::detail {

std::string_view below_root(std::string_view path, std::string_view root) {
    if (!path.starts_with(root)) {
        return path;
    }
    path.remove_prefix(root.size());
    while (!path.empty() && path.front() == '/') {
        path.remove_prefix(1);
    }
    return path;
}

bool walk_order_less(std::string_view a, std::string_view b) {
    const std::size_t common = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < common; ++i) {
        if (a[i] != b[i]) {
            if (a[i] == '/' || b[i] == '/') {
                return a[i] == '/';
            }
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
        }
    }
    return a.size() < b.size();
}

ReadingPlan plan_reading(const std::vector<InputFile>& old_files, std::string_view old_root,
                         const std::vector<InputFile>& new_files, std::string_view new_root) {
    ReadingPlan plan;
    plan.origin.reserve(old_files.size() + new_files.size());
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < old_files.size() || j < new_files.size()) {
        const std::string_view old_path =
            i < old_files.size() ? below_root(old_files[i].path, old_root) : "";
        const std::string_view new_path =
            j < new_files.size() ? below_root(new_files[j].path, new_root) : "";
        if (j == new_files.size() ||
            (i < old_files.size() && walk_order_less(old_path, new_path))) {
            plan.origin.push_back({true, i++, k_no_pair});
        } else if (i == old_files.size() || walk_order_less(new_path, old_path)) {
            plan.origin.push_back({false, j++, k_no_pair});
        } else {
            plan.origin.push_back({true, i, plan.pairs.size()});
            plan.origin.push_back({false, j, plan.pairs.size()});
            plan.pairs.emplace_back(i++, j++);
        }
    }
    return plan;
}

} // namespace aijri::detail
