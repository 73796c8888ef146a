// aijri-docgen OUT_DIR: writes aijri's man pages (OUT_DIR/man1/*.1) and shell completions
// (OUT_DIR/completions/) from the same command table and options that `aijri --help` shows
// (build_app()). Run at build time (src/CMakeLists.txt); the install rules install what it
// writes. Not installed itself.
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "aijri/io/output_file.hpp"

#include "app.hpp"
#include "command_docs.hpp"
#include "completions.hpp"
#include "man_page.hpp"

namespace {

using namespace aijri;
using namespace aijri::cli;

void write_file(const std::filesystem::path& path, const std::string& text) {
    OutputFile out(path.string());
    out.write(text);
    out.commit();
}

// The pages of the table as it is now: a page of a command that left the table goes.
void write_man_pages(const std::filesystem::path& folder, const ProgramDoc& program) {
    std::filesystem::create_directories(folder);
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".1") {
            std::filesystem::remove(entry.path());
        }
    }
    write_file(folder / (program.program.name + ".1"), program_man_page(program));
    for (const CommandDoc& command : program.commands) {
        write_file(folder / (command_page_name(command, program) + ".1"),
                   command_man_page(command, program));
    }
}

void write_completions(const std::filesystem::path& folder, const ProgramDoc& program) {
    std::filesystem::create_directories(folder);
    write_file(folder / "aijri.bash", bash_completion(program));
    write_file(folder / "_aijri", zsh_completion(program));
    write_file(folder / "aijri.fish", fish_completion(program));
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: aijri-docgen OUT_DIR\n", stderr);
        return 2;
    }
    try {
        CLI::App app;
        Runner runner;
        DiffArguments split;
        build_app(app, runner, split);
        const ProgramDoc program = describe_program(app, AIJRI_VERSION);
        const std::filesystem::path out = argv[1];
        write_man_pages(out / "man1", program);
        write_completions(out / "completions", program);
    } catch (const std::exception& e) {
        std::fputs(fmt::format("aijri-docgen: {}\n", e.what()).c_str(), stderr);
        return 2;
    }
    return 0;
}
