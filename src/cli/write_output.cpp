#include "write_output.hpp"
#include <sys/stat.h>

#include <fmt/format.h>

#include "aijri/io/walk.hpp"

#include "common.hpp"

namespace aijri::cli {
namespace {

bool is_folder(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

} // namespace

void refuse_output_over_inputs(const std::string& output, const std::vector<std::string>& inputs,
                               const std::string& option) {
    struct stat target {};
    // stat follows links: a link to an input is that input. Only a regular file that exists
    // can be an input; a new file is not one yet, and a device is written in place.
    if (output.empty() || output == "-" || ::stat(output.c_str(), &target) != 0 ||
        !S_ISREG(target.st_mode)) {
        return;
    }
    const auto is_output = [&target](const std::string& path) {
        struct stat info {};
        return ::stat(path.c_str(), &info) == 0 && info.st_dev == target.st_dev &&
               info.st_ino == target.st_ino;
    };
    for (const std::string& input : inputs) {
        if (input.empty() || input == "-") {
            continue;
        }
        bool found = is_output(input);
        if (!found && is_folder(input)) {
            InputWalk walk({input});
            while (const auto file = walk.next()) {
                if (is_output(file->path)) {
                    found = true;
                    break;
                }
            }
        }
        if (found) {
            throw Failure(fmt::format("aijri: {} {} is one of the inputs; inputs are never "
                                      "written",
                                      option, display_path(output)),
                          k_exit_usage);
        }
    }
}

void write_output(const std::string& path, std::string_view text, GuardLines guard) {
    OutputFile out(path, guard);
    out.write(text);
    out.commit();
}

} // namespace aijri::cli
