// Path patterns, as a config file names folders: "assessments/clinical/**", "*/nurse-*.json".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aijri {

// What is wrong with a pattern, if anything: it must be a relative path ('/' between
// segments) without "." or ".." segments, "**" only as a whole segment, and every '[' closed.
// "expected a relative path, found \"/x\"" and so on, without the pattern's name.
std::optional<std::string> glob_problem(std::string_view pattern);

// Whether `path` (relative, '/' between segments, as lexically normal: no "." or "..") is
// matched by `pattern`, or lies in a folder it matches. In a segment, '*' matches any run of
// characters and '?' one character, never a '/'; "[abc]", "[a-z]" and "[!a]" match one
// character of a class (ASCII); a segment "**" matches any number of folders, none included.
// So "assessments/clinical", "assessments/clinical/" and "assessments/clinical/**" all match
// every file under that folder. A pattern with a problem (glob_problem) matches nothing.
bool glob_matches(std::string_view pattern, std::string_view path);

} // namespace aijri
