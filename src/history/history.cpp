#include "aijri/history/history.hpp"
#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "aijri/assessment/reader.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/io/file_source.hpp"
#include "aijri/io/git_log.hpp"
#include "aijri/io/git_source.hpp"
#include "aijri/model/assessment.hpp"
#include "aijri/util/diagnostic.hpp"

namespace aijri {

std::string_view to_string(PointStatus status) {
    switch (status) {
    case PointStatus::valid:
        return "valid";
    case PointStatus::invalid:
        return "invalid";
    case PointStatus::deleted:
        return "deleted";
    }
    return "valid";
}

namespace {

// How a commit is named in messages, as git names it in short.
constexpr std::size_t k_short_commit = 8;

std::string short_commit(const std::string& id) {
    return id.substr(0, k_short_commit);
}

// What is kept of one version of a file scored under one version of the methodology: the
// figures, never the inputs or texts.
struct Scored {
    std::string id; // as the file gives it; "" when it could not be read that far
    bool valid = false;
    Rational aijri;
    Zone zone = Zone::green;
    std::string label;
    Diagnostics errors;
    bool methodology_error = false;
    std::string skipped; // a document that is no assessment (Evaluation::skipped)
};

Scored keep(const Evaluation& e) {
    Scored s;
    s.skipped = e.skipped;
    s.id = e.assessment ? e.assessment->id : e.declared_id;
    s.methodology_error = e.methodology_error;
    if (e.valid()) {
        s.valid = true;
        s.aijri = e.score->final_.aijri;
        s.zone = e.score->final_.zone;
        s.label = e.score->final_.label;
        return s;
    }
    for (const Diagnostic& d : e.diagnostics) {
        if (d.severity == Severity::error) {
            s.errors.push_back(d);
        }
    }
    return s;
}

// A file's content (a blob) to score under one version of the methodology.
struct Version {
    std::string blob;
    std::size_t methodology = 0; // into Methodologies
    std::string path;            // where it is first seen: its name decides JSON or document
};

// What the walk over the commits does, in order; replayed with the scores (Replay) once
// every version is read.
struct Step {
    enum class Kind {
        // A file as the range's base has it, just before a commit touches it: scored to
        // know its role and its figures before the range, and no point.
        introduce,
        point,   // a version of a file at a commit
        deleted, // the file at `path` is gone
    };
    Kind kind = Kind::point;
    std::size_t commit = 0;
    std::string path;
    std::string old_path; // renamed from
    std::size_t version = 0;
    bool file_changed = false;
    bool methodology_changed = false;
};

// The versions of the methodology: [0] the one given (the file on disk, or the embedded
// one), then each version of the tracked file in the order the commits bring them.
struct Methodologies {
    std::vector<std::string> blobs{""};        // [0]: none
    std::vector<std::string> first_commit{""}; // where each version is first used
    std::map<std::string, std::size_t> index_of;

    std::size_t of(const std::optional<std::string>& blob, const std::string& commit) {
        if (!blob) {
            return 0;
        }
        const auto [it, inserted] = index_of.emplace(*blob, blobs.size());
        if (inserted) {
            blobs.push_back(*blob);
            first_commit.push_back(commit);
        }
        return it->second;
    }
};

// The change of an assessment file, once the methodology's file is told apart.
struct FileChange {
    enum class Kind { write, rename, remove };
    Kind kind = Kind::write;
    std::string path;
    std::string old_path;
    std::string blob;
};

class Planner {
public:
    Planner(const HistoryOptions& options, std::optional<std::string> methodology_path)
        : m_options(options), m_methodology_path(std::move(methodology_path)) {}

    void start(const std::vector<GitFile>& base, std::size_t base_methodology) {
        for (const GitFile& f : base) {
            if (f.path != m_methodology_path) {
                m_tree[f.path] = Entry{f.blob, true};
            }
        }
        m_base_methodology = base_methodology;
        m_methodology = base_methodology;
    }

    void add(const GitCommit& commit, std::size_t index, Methodologies& methodologies) {
        bool methodology_changed = false;
        std::vector<FileChange> changes;
        for (const GitChange& c : commit.changes) {
            methodology_changed |= touches_methodology(c, commit, methodologies);
            split(c, changes);
        }
        const std::size_t first_step = m_steps.size();
        std::set<std::string> existed; // a file new at this commit has no score to move
        if (methodology_changed) {
            for (const auto& [path, entry] : m_tree) {
                existed.insert(path);
            }
        }
        std::set<std::string> touched;
        for (const FileChange& c : changes) {
            apply(c, index);
            touched.insert(c.path);
        }
        if (!methodology_changed) {
            return;
        }
        for (std::size_t i = first_step; i < m_steps.size(); ++i) {
            Step& step = m_steps[i];
            const std::string& before = step.old_path.empty() ? step.path : step.old_path;
            step.methodology_changed = step.kind == Step::Kind::point && existed.count(before) != 0;
        }
        for (const auto& [path, entry] : m_tree) {
            if (touched.count(path) == 0) {
                introduce_if_base(path, index);
                Step step{Step::Kind::point, index, path, "", version(entry.blob, path)};
                step.methodology_changed = true;
                m_steps.push_back(step);
            }
        }
    }

    std::vector<Step>& steps() { return m_steps; }
    std::vector<Version>& versions() { return m_versions; }

private:
    struct Entry {
        std::string blob;
        bool from_base = false; // not yet scored: see Step::Kind::introduce
    };

    bool touches_methodology(const GitChange& c, const GitCommit& commit,
                             Methodologies& methodologies) {
        if (!m_methodology_path) {
            return false;
        }
        if (c.path == *m_methodology_path && c.status != 'D') {
            m_methodology = methodologies.of(c.blob, commit.id);
            return true;
        }
        // Deleted, or renamed away: the commits after it use the methodology given.
        if ((c.path == *m_methodology_path && c.status == 'D') ||
            (c.status == 'R' && c.old_path == *m_methodology_path)) {
            m_methodology = 0;
            return true;
        }
        return false;
    }

    bool listed(const std::string& path) const {
        return path != m_methodology_path && is_listed_assessment(path, m_options.input_format);
    }

    // A change as it concerns assessments: a rename from or to a file that is none is a
    // deletion or an addition.
    void split(const GitChange& c, std::vector<FileChange>& out) const {
        const bool from = c.status == 'R' && listed(c.old_path);
        const bool to = listed(c.path);
        if (c.status == 'D') {
            if (to) {
                out.push_back({FileChange::Kind::remove, c.path, "", ""});
            }
            return;
        }
        if (from && to) {
            out.push_back({FileChange::Kind::rename, c.path, c.old_path, c.blob});
            return;
        }
        if (from) {
            out.push_back({FileChange::Kind::remove, c.old_path, "", ""});
        }
        if (to) {
            out.push_back({FileChange::Kind::write, c.path, "", c.blob});
        }
    }

    void apply(const FileChange& c, std::size_t commit) {
        if (c.kind == FileChange::Kind::remove) {
            if (m_tree.count(c.path) != 0) {
                introduce_if_base(c.path, commit);
                m_tree.erase(c.path);
                m_steps.push_back(Step{Step::Kind::deleted, commit, c.path, "", 0, true});
            }
            return;
        }
        std::string old_path;
        if (c.kind == FileChange::Kind::rename && m_tree.count(c.old_path) != 0) {
            introduce_if_base(c.old_path, commit);
            m_tree.erase(c.old_path);
            old_path = c.old_path;
        }
        introduce_if_base(c.path, commit);
        m_tree[c.path] = Entry{c.blob, false};
        m_steps.push_back(
            Step{Step::Kind::point, commit, c.path, old_path, version(c.blob, c.path), true});
    }

    void introduce_if_base(const std::string& path, std::size_t commit) {
        const auto it = m_tree.find(path);
        if (it == m_tree.end() || !it->second.from_base) {
            return;
        }
        it->second.from_base = false;
        m_steps.push_back(Step{Step::Kind::introduce, commit, path, "",
                               version(it->second.blob, path, m_base_methodology)});
    }

    std::size_t version(const std::string& blob, const std::string& path) {
        return version(blob, path, m_methodology);
    }
    std::size_t version(const std::string& blob, const std::string& path, std::size_t methodology) {
        const auto [it, inserted] =
            m_version_of.emplace(std::pair{blob, methodology}, m_versions.size());
        if (inserted) {
            m_versions.push_back(Version{blob, methodology, path});
        }
        return it->second;
    }

    const HistoryOptions& m_options;
    std::optional<std::string> m_methodology_path;
    std::map<std::string, Entry> m_tree; // path → its content now
    std::size_t m_base_methodology = 0;
    std::size_t m_methodology = 0;
    std::vector<Step> m_steps;
    std::vector<Version> m_versions;
    std::map<std::pair<std::string, std::size_t>, std::size_t> m_version_of;
};

// The methodology file's path from the top of the repository, when it is inside the work
// tree (whether git tracks it is for the log to tell).
std::optional<std::string> methodology_path(const std::string& file) {
    if (file.empty()) {
        return std::nullopt;
    }
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path top = fs::weakly_canonical(git_top_level(), error);
    const fs::path self = fs::weakly_canonical(fs::absolute(file, error), error);
    if (error) {
        return std::nullopt;
    }
    const fs::path relative = self.lexically_relative(top);
    if (relative.empty() || *relative.begin() == "..") {
        return std::nullopt;
    }
    return relative.generic_string();
}

// Every version of the methodology file the range uses, read from git.
std::deque<Methodology> read_methodologies(const Methodologies& m, const HistoryOptions& options,
                                           const std::optional<std::string>& path) {
    std::deque<Methodology> out;
    out.push_back(*options.methodology);
    if (m.blobs.size() == 1) {
        return out;
    }
    const std::vector<std::string> blobs(m.blobs.begin() + 1, m.blobs.end());
    std::vector<std::string> texts(blobs.size());
    git_read_blobs(
        blobs, 1, options.max_bytes,
        [&texts](std::size_t i, std::string&& text) { texts[i] = std::move(text); },
        [&](std::size_t i, std::size_t size) {
            throw HistoryError(fmt::format("{}:{}: {}", short_commit(m.first_commit[i + 1]), *path,
                                           too_large(options.max_bytes, size).message));
        });
    for (std::size_t i = 0; i < texts.size(); ++i) {
        MethodologyLoad load = read_methodology(texts[i]);
        if (!load.methodology) {
            const std::string name =
                fmt::format("{}:{}", short_commit(m.first_commit[i + 1]), *path);
            std::string message;
            for (const Diagnostic& d : load.diagnostics) {
                message += (message.empty() ? "" : "\n") + format_diagnostic(name, d);
            }
            throw HistoryError(message);
        }
        out.push_back(std::move(*load.methodology));
    }
    return out;
}

// Reads every version's blob once (a blob scored under two methodologies is read once),
// a file's versions one after the other so that git resolves each delta from the version
// it just read, and scores them on the reading threads.
std::vector<Scored> score_versions(const std::vector<Version>& versions,
                                   const std::deque<Methodology>& methodologies,
                                   const HistoryOptions& options) {
    std::vector<std::string> blobs;
    std::vector<std::vector<std::size_t>> users;
    std::unordered_map<std::string, std::size_t> blob_index;
    std::vector<std::size_t> order(versions.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&versions](std::size_t a, std::size_t b) {
        return versions[a].path < versions[b].path;
    });
    for (const std::size_t v : order) {
        const auto [it, inserted] = blob_index.emplace(versions[v].blob, blobs.size());
        if (inserted) {
            blobs.push_back(versions[v].blob);
            users.emplace_back();
        }
        users[it->second].push_back(v);
    }
    std::vector<Scored> scored(versions.size());
    git_read_blobs(
        blobs, options.jobs, options.max_bytes,
        [&](std::size_t blob, std::string&& text) {
            // One reader a thread: its buffers grow to fit a file once, then are reused.
            thread_local AssessmentReader reader;
            reader.keep_prose(false);
            for (const std::size_t v : users[blob]) {
                // A file of a tree is read as one found in a folder: a document that is no
                // assessment is skipped. Each slot is written by one thread only.
                scored[v] = keep(evaluate(reader, text, versions[v].path,
                                          methodologies[versions[v].methodology],
                                          ReadOptions{options.input_format,
                                                      /*found_in_folder=*/true}));
            }
        },
        [&](std::size_t blob, std::size_t size) {
            // Refused from its size, as a file over --max-bytes is: an invalid version.
            for (const std::size_t v : users[blob]) {
                scored[v].errors.push_back(
                    make_error("", {}, too_large(options.max_bytes, size).message));
            }
        });
    return scored;
}

// The steps replayed in order with the scores: which role each file is, and the points.
class Replay {
public:
    Replay(const std::vector<GitCommit>& commits, const std::vector<Scored>& scored,
           const std::vector<Version>& versions, const std::deque<Methodology>& methodologies)
        : m_commits(commits), m_scored(scored), m_versions(versions),
          m_methodologies(methodologies) {}

    History run(const std::vector<Step>& steps) {
        std::size_t i = 0;
        while (i < steps.size()) {
            const std::size_t commit = steps[i].commit;
            for (; i < steps.size() && steps[i].commit == commit; ++i) {
                take(steps[i]);
            }
            end_commit(commit);
        }
        History history;
        for (const GitCommit& c : m_commits) {
            history.commits.push_back(HistoryCommit{c.id, c.date});
        }
        history.warnings.assign(m_warnings.begin(), m_warnings.end());
        history.methodology_error = m_methodology_error;
        for (auto& [id, role] : m_roles) {
            if (!role.history.points.empty()) {
                role.history.id = id;
                history.roles.push_back(std::move(role.history));
            }
        }
        return history;
    }

private:
    struct Role {
        RoleHistory history;
        std::optional<std::pair<Rational, Zone>> last_valid;
        std::string last_file;
    };

    void take(const Step& step) {
        const Scored* s = step.kind == Step::Kind::deleted ? nullptr : &m_scored[step.version];
        // The role the file was before this step: a file whose id cannot be read keeps it.
        std::optional<std::string> prior = release(step.path);
        if (!step.old_path.empty()) {
            prior = release(step.old_path);
        }
        if (s == nullptr) {
            return;
        }
        if (!s->skipped.empty()) {
            m_warnings.insert(fmt::format("{}:{}: {}", short_commit(m_commits[step.commit].id),
                                          step.path, s->skipped));
            return;
        }
        const std::string id = !s->id.empty() ? s->id : prior ? *prior : id_from_path(step.path);
        m_path_id[step.path] = id;
        ++m_holders[id];
        Role& role = m_roles[id];
        role.last_file = step.path;
        if (step.kind == Step::Kind::introduce) {
            if (s->valid) {
                role.last_valid = std::pair{s->aijri, s->zone};
            }
            return;
        }
        role.history.points.push_back(point(step, *s, role));
    }

    HistoryPoint point(const Step& step, const Scored& s, Role& role) {
        const GitCommit& commit = m_commits[step.commit];
        HistoryPoint p;
        p.commit = commit.id;
        p.date = commit.date;
        p.file = step.path;
        p.old_file = step.old_path;
        p.file_changed = step.file_changed;
        p.methodology_changed = step.methodology_changed;
        p.decimals = m_methodologies[m_versions[step.version].methodology].published_decimals;
        m_methodology_error |= s.methodology_error;
        if (!s.valid) {
            p.status = PointStatus::invalid;
            const std::string name = fmt::format("{}:{}", short_commit(commit.id), step.path);
            for (const Diagnostic& d : s.errors) {
                p.errors.push_back(format_diagnostic(name, d));
            }
            return p;
        }
        p.aijri = s.aijri;
        p.zone = s.zone;
        p.label = s.label;
        if (role.last_valid) {
            p.delta = s.aijri - role.last_valid->first;
            p.previous_zone = role.last_valid->second;
        }
        role.last_valid = std::pair{s.aijri, s.zone};
        return p;
    }

    // The file at `path` no longer holds the role it held (if any): which one that was.
    std::optional<std::string> release(const std::string& path) {
        const auto it = m_path_id.find(path);
        if (it == m_path_id.end()) {
            return std::nullopt;
        }
        std::string id = std::move(it->second);
        m_path_id.erase(it);
        --m_holders[id];
        m_released.insert(id);
        return id;
    }

    // A role no file holds any more after the commit ends there: a point that says so.
    void end_commit(std::size_t commit) {
        for (const std::string& id : m_released) {
            if (m_holders[id] != 0) {
                continue;
            }
            Role& role = m_roles[id];
            HistoryPoint p;
            p.commit = m_commits[commit].id;
            p.date = m_commits[commit].date;
            p.status = PointStatus::deleted;
            p.file = role.last_file;
            p.file_changed = true;
            role.history.points.push_back(std::move(p));
        }
        m_released.clear();
    }

    const std::vector<GitCommit>& m_commits;
    const std::vector<Scored>& m_scored;
    const std::vector<Version>& m_versions;
    const std::deque<Methodology>& m_methodologies;
    std::map<std::string, std::string> m_path_id; // path → the role its file is
    std::map<std::string, std::size_t> m_holders; // role → how many files hold it
    std::map<std::string, Role> m_roles;          // by id, in byte order
    std::set<std::string> m_released;             // roles a file let go in this commit
    std::set<std::string> m_warnings;
    bool m_methodology_error = false;
};

} // namespace

History read_history(const HistoryOptions& options) {
    const std::optional<std::string> tracked = methodology_path(options.methodology_file);
    std::vector<std::string> pathspecs = options.paths;
    if (tracked) {
        pathspecs.push_back(":(top,literal)" + *tracked);
    }
    const std::vector<GitCommit> commits = git_log_changes(options.revisions, pathspecs);
    Methodologies methodologies;
    Planner planner(options, tracked);
    if (!commits.empty()) {
        // The range's base: what the files were before its first commit.
        const std::string& base = commits.front().first_parent;
        std::vector<GitFile> files;
        std::size_t base_methodology = 0;
        if (!base.empty()) {
            files = git_list_json(base, options.paths, options.input_format);
            if (tracked) {
                base_methodology = methodologies.of(git_blob_at(base, *tracked), base);
            }
        }
        planner.start(files, base_methodology);
    }
    for (std::size_t i = 0; i < commits.size(); ++i) {
        planner.add(commits[i], i, methodologies);
    }
    const std::deque<Methodology> read = read_methodologies(methodologies, options, tracked);
    const std::vector<Scored> scored = score_versions(planner.versions(), read, options);
    return Replay(commits, scored, planner.versions(), read).run(planner.steps());
}

} // namespace aijri
