// Self-contained HTML pages: one file that opens from file://, asks nothing of any network
// (its Content-Security-Policy allows no request at all), reads fully with JavaScript off, and
// prints. The module knows nothing of roles or zones: the reports put their figures, already
// formatted, into it.
#pragma once

#include <string>
#include <string_view>

namespace aijri::html {

// Text from a file, made safe for an element's content and for a double-quoted attribute:
// sanitize()d first (control characters, bidi overrides and bytes that are not UTF-8 become
// visible), then every markup character is an entity. Nothing escaped here can open a tag,
// close an attribute or start a script.
std::string escape(std::string_view text);

// A fragment identifier for `key` (a file's path): letters, digits, '-', '.' and '/' kept
// (a fragment may hold them as they are), every other byte as "_xx", so that two keys never
// share one and none needs URL-encoding.
std::string anchor(std::string_view prefix, std::string_view key);

// The page around a report's body. `title` is plain text (escaped here).
std::string page_begin(std::string_view title);
std::string page_end();

// The policy page_begin() declares: no source for anything but the page's own inline style
// and script, which are allowed by their SHA-256 (exposed for tests).
std::string content_security_policy();

// base64(SHA-256(text)), as a policy names a hash (exposed for tests).
std::string sha256_base64(std::string_view text);

} // namespace aijri::html
