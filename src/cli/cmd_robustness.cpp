#include <memory>

#include "batch_command.hpp"
#include "commands.hpp"

namespace aijri::cli {

Runner setup_robustness(CLI::App& command) {
    auto options = std::make_shared<BatchCommandOptions>();
    options->command = "robustness";
    options->analyse = true;
    add_batch_options(command, *options);
    add_choice_option(command, "--uncertainty", options->uncertainty, k_uncertainty_model_names,
                      "How inputs vary in the uncertainty and sensitivity analysis: " +
                          list_choices(k_uncertainty_model_names,
                                       {{"default", "a declared range, else the score ± 1"},
                                        {"declared", "declared ranges only"}}),
                      "MODEL");
    command
        .add_option("--fail-if-fragile", options->fail_if_fragile,
                    "Exit 1 when N or fewer unit steps change some role's formula zone, down or "
                    "up (the report names the role and the edits)")
        ->type_name("N")
        ->check(whole_number(0, k_max_fragile_steps));
    command.footer(
        "Examples:\n"
        "  aijri robustness assessments/deep-learning-engineer.json\n"
        "  aijri robustness --format json role.json\n"
        "  aijri robustness --sort fragility assessments/   # the least firm verdicts first\n"
        "  aijri robustness --fail-if-fragile 2 --format github assessments/\n"
        "  aijri robustness --uncertainty declared --format csv assessments/ > firmness.csv\n"
        "Every figure is exact: the margin to the zone lines, the fewest unit steps that change\n"
        "the zone (and which), each input's swing between its bounds, the probability of each\n"
        "zone and the AIJRI's percentiles under uncertain inputs, and the Sobol indices.");
    return [options, &command] {
        options->config.apply(command);
        return run_batch_command(*options);
    };
}

} // namespace aijri::cli
