#include <memory>

#include "batch_command.hpp"
#include "commands.hpp"

namespace aijri::cli {

Runner setup_score(CLI::App& command) {
    auto options = std::make_shared<BatchCommandOptions>();
    options->command = "score";
    add_batch_options(command, *options);
    command.footer("Examples:\n"
                   "  aijri score assessments/deep-learning-engineer.json\n"
                   "  aijri score --set /tasks/1/score=4 role.json      # what if, file untouched\n"
                   "  aijri score role.md                            # a document, as published\n"
                   "  aijri score --format json role.json\n"
                   "  aijri score assessments/                      # a table, zone counts\n"
                   "  aijri score --format junit -o report.xml assessments/\n"
                   "  aijri score --format github --fail-on-zone Red assessments/\n"
                   "  aijri score --format csv --sort score assessments/ > scores.csv\n"
                   "  aijri score --jsonl-input roles.jsonl --format jsonl\n"
                   "  cat role.json | aijri score -\n"
                   "NO_COLOR=1 turns colour off; --color always forces it.");
    return [options, &command] {
        options->config.apply(command);
        return run_batch_command(*options);
    };
}

} // namespace aijri::cli
