#include "aijri/util/glob.hpp"
#include <vector>

#include <fmt/format.h>

#include "aijri/util/text.hpp"
#include "aijri/util/utf8.hpp"

namespace aijri {
namespace {

std::vector<std::string_view> segments_of(std::string_view path) {
    std::vector<std::string_view> segments;
    while (!path.empty() && path.back() == '/') {
        path.remove_suffix(1); // "clinical/" names the folder "clinical"
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = std::min(path.find('/', start), path.size());
        segments.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return segments;
}

// The bytes of the character that starts at `at` (a UTF-8 sequence counts as one).
std::size_t char_length(std::string_view text, std::size_t at) {
    std::size_t end = at + 1;
    while (end < text.size() && detail::is_utf8_continuation(text[end])) {
        ++end;
    }
    return end - at;
}

// Whether `c` is in the class that starts after the '[' at `open`; `close` is set to the
// index of its ']'. glob_problem() has made sure there is one.
bool class_matches(std::string_view pattern, std::size_t open, char c, std::size_t& close) {
    std::size_t i = open + 1;
    const bool negated = i < pattern.size() && pattern[i] == '!';
    if (negated) {
        ++i;
    }
    bool matched = false;
    const std::size_t first = i;
    for (; pattern[i] != ']' || i == first; ++i) {
        if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
            matched = matched || (c >= pattern[i] && c <= pattern[i + 2]);
            i += 2;
        } else {
            matched = matched || c == pattern[i];
        }
    }
    close = i;
    return matched != negated;
}

// One segment against one name: '*' by backtracking to the last star, which is linear
// enough for names a few dozen characters long.
bool segment_matches(std::string_view pattern, std::string_view name) {
    std::size_t p = 0;
    std::size_t n = 0;
    std::size_t star = std::string_view::npos;
    std::size_t star_name = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            star_name = n;
            continue;
        }
        if (p < pattern.size() && pattern[p] == '?') {
            ++p;
            n += char_length(name, n);
            continue;
        }
        if (p < pattern.size() && pattern[p] == '[') {
            std::size_t close = p;
            if (class_matches(pattern, p, name[n], close)) {
                p = close + 1;
                ++n;
                continue;
            }
        } else if (p < pattern.size() && pattern[p] == name[n]) {
            ++p;
            ++n;
            continue;
        }
        if (star == std::string_view::npos) {
            return false;
        }
        p = star + 1;
        n = ++star_name;
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

// Pattern segments from `p` against path segments from `s`; true as soon as the pattern is
// used up, whatever is left of the path (a folder that matches holds every file under it).
bool segments_match(const std::vector<std::string_view>& pattern, std::size_t p,
                    const std::vector<std::string_view>& path, std::size_t s) {
    if (p == pattern.size()) {
        return s > 0;
    }
    if (pattern[p] == "**") {
        for (std::size_t skip = s; skip <= path.size(); ++skip) {
            if (segments_match(pattern, p + 1, path, skip)) {
                return true;
            }
        }
        return false;
    }
    return s < path.size() && segment_matches(pattern[p], path[s]) &&
           segments_match(pattern, p + 1, path, s + 1);
}

} // namespace

std::optional<std::string> glob_problem(std::string_view pattern) {
    if (pattern.empty()) {
        return "expected a path pattern, found an empty string";
    }
    if (pattern.front() == '/') {
        return fmt::format("expected a path relative to the config file's folder, found \"{}\"",
                           sanitize(pattern));
    }
    for (const std::string_view segment : segments_of(pattern)) {
        if (segment.empty() || segment == "." || segment == "..") {
            return fmt::format("expected folder names between the slashes (no empty, \".\" or "
                               "\"..\" segment), found \"{}\"",
                               sanitize(pattern));
        }
        if (segment != "**" && segment.find("**") != std::string_view::npos) {
            return fmt::format("expected \"**\" as a whole segment (as in a/**/b.json), found "
                               "\"{}\"",
                               sanitize(pattern));
        }
        for (std::size_t open = segment.find('['); open != std::string_view::npos;
             open = segment.find('[', open + 1)) {
            // A ']' right after "[" or "[!" is a member of the class, not its end.
            std::size_t first = open + 1;
            if (first < segment.size() && segment[first] == '!') {
                ++first;
            }
            const std::size_t close =
                first >= segment.size() ? std::string_view::npos : segment.find(']', first + 1);
            if (close == std::string_view::npos) {
                return fmt::format("expected a ']' to close the '[' of a character class, found "
                                   "\"{}\"",
                                   sanitize(pattern));
            }
            open = close;
        }
    }
    return std::nullopt;
}

bool glob_matches(std::string_view pattern, std::string_view path) {
    if (glob_problem(pattern) || path.empty()) {
        return false;
    }
    return segments_match(segments_of(pattern), 0, segments_of(path), 0);
}

} // namespace aijri
