// The in-memory form of one role assessment (ASSESSMENT-FORMAT.md, version 1).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/model/bounds.hpp"
#include "aijri/model/stated_figures.hpp"
#include "aijri/model/zone.hpp"
#include "aijri/util/rational.hpp"

namespace aijri {

enum class Impact { displacement, augmentation, not_involved };
std::string_view to_string(Impact impact); // "displacement", …
std::optional<Impact> impact_from_string(std::string_view text);

// The values an analyst is unsure between for a scored input ("range": [lo, hi] in the file):
// the uncertainty analysis takes the input as uniform over lo..hi, both included.
struct ScoreRange {
    int lo = 0;
    int hi = 0;
    friend bool operator==(const ScoreRange&, const ScoreRange&) = default;
};

// What makes `range` unfit for an input of `bounds` scored `score`, as the "expected …" half
// of a message (each reader adds what it found, in its own notation); nullopt when it fits.
std::optional<std::string> range_problem(ScoreRange range, ScoreBounds bounds, int score);

struct ScoredItem {
    int score = 0;
    std::string rationale;
    std::optional<ScoreRange> range;
};

struct Task {
    std::string name;
    Rational time_pct; // percent, at most two decimals
    int score = 1;     // 1..5
    Impact impact = Impact::augmentation;
    std::string rationale;
    std::optional<ScoreRange> range; // of `score`
};

struct RoleDefinition {
    std::string title;
    std::string seniority;
    std::string primary_function;
    std::string not_this_role;
    std::string typical_experience;
    std::string seniority_note;
};

// The fixed dimensions, in the order the format lists them. Their keys are the JSON names.
inline constexpr std::array<std::string_view, 3> k_principle_keys = {
    "embodied_physicality", "deep_interpersonal_connection", "goal_setting_moral_judgment"};
inline constexpr std::array<std::string_view, 3> k_principle_titles = {
    "Embodied Physicality", "Deep Interpersonal Connection", "Goal-Setting & Moral Judgment"};
inline constexpr std::array<std::string_view, 5> k_evidence_keys = {
    "job_posting_trends", "company_actions", "wage_trends", "ai_tool_maturity", "expert_consensus"};
inline constexpr std::array<std::string_view, 5> k_evidence_titles = {
    "Job Posting Trends", "Company Actions", "Wage Trends", "AI Tool Maturity", "Expert Consensus"};
inline constexpr std::array<std::string_view, 5> k_barrier_keys = {
    "regulatory_licensing", "physical_presence", "union_collective_bargaining",
    "liability_accountability", "cultural_ethical"};
inline constexpr std::array<std::string_view, 5> k_barrier_titles = {
    "Regulatory/Licensing", "Physical Presence", "Union/Collective Bargaining",
    "Liability/Accountability", "Cultural/Ethical"};

struct Reinstatement {
    bool new_tasks = false;
    std::string note;
};

struct Override {
    std::optional<Rational> aijri;
    std::optional<Zone> zone;
    bool has_sub_label = false;           // the key was present (its value may be null)
    std::optional<std::string> sub_label; // null: no sub-label
    std::string reason;
};

struct CommentarySection {
    std::string heading;
    std::string text;
};

struct Assessment {
    std::string id; // the "id" field, else the file name without .json
    bool id_from_file_name = false;
    std::string schema; // "$schema", kept so that a rewrite keeps it
    RoleDefinition role;
    std::array<ScoredItem, 3> principles;
    ScoredItem growth;
    std::vector<Task> tasks;
    std::optional<Reinstatement> reinstatement;
    std::array<ScoredItem, 5> evidence;
    std::array<ScoredItem, 5> barriers;
    std::optional<Override> override_;
    StatedFigures stated;
    std::vector<CommentarySection> commentary;
};

// The id a file gets when it has no "id": its name without folders and ".json" (or a
// document's ".md", ".markdown").
std::string id_from_path(std::string_view path);

} // namespace aijri
