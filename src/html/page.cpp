#include <array>
#include <cstdint>

#include <fmt/format.h>

#include "aijri/html/html.hpp"
#include "aijri/util/text.hpp"

#include "assets.hpp"

namespace aijri::html {
namespace {

// SHA-256 (FIPS 180-4), for the policy's hashes of the inline style and script: computed
// from the very text the page carries, so that an edit of either can never leave a stale
// hash that the browser would answer by refusing to run it.
std::array<std::uint8_t, 32> sha256(std::string_view text) {
    static constexpr std::array<std::uint32_t, 64> k = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2};
    std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::string message(text);
    const std::uint64_t bits = static_cast<std::uint64_t>(text.size()) * 8;
    message += '\x80';
    while (message.size() % 64 != 56) {
        message += '\0';
    }
    for (int shift = 56; shift >= 0; shift -= 8) {
        message += static_cast<char>((bits >> shift) & 0xff);
    }
    const auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
    for (std::size_t block = 0; block < message.size(); block += 64) {
        std::array<std::uint32_t, 64> w{};
        for (std::size_t i = 0; i < 16; ++i) {
            for (std::size_t b = 0; b < 4; ++b) {
                w[i] = (w[i] << 8) | static_cast<std::uint8_t>(message[block + i * 4 + b]);
            }
        }
        for (std::size_t i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::array<std::uint32_t, 8> v = h;
        for (std::size_t i = 0; i < 64; ++i) {
            const std::uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
            const std::uint32_t choice = (v[4] & v[5]) ^ (~v[4] & v[6]);
            const std::uint32_t t1 = v[7] + s1 + choice + k[i] + w[i];
            const std::uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
            const std::uint32_t majority = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            v = {t1 + s0 + majority, v[0], v[1], v[2], v[3] + t1, v[4], v[5], v[6]};
        }
        for (std::size_t i = 0; i < 8; ++i) {
            h[i] += v[i];
        }
    }
    std::array<std::uint8_t, 32> digest{};
    for (std::size_t i = 0; i < 32; ++i) {
        digest[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
    }
    return digest;
}

std::string base64(const std::array<std::uint8_t, 32>& bytes) {
    static constexpr std::string_view k_alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint32_t chunk = (std::uint32_t{bytes[i]} << 16) |
                                    (i + 1 < bytes.size() ? std::uint32_t{bytes[i + 1]} << 8 : 0) |
                                    (i + 2 < bytes.size() ? std::uint32_t{bytes[i + 2]} : 0);
        out += k_alphabet[(chunk >> 18) & 63];
        out += k_alphabet[(chunk >> 12) & 63];
        out += i + 1 < bytes.size() ? k_alphabet[(chunk >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? k_alphabet[chunk & 63] : '=';
    }
    return out;
}

std::string hash_source(std::string_view text) {
    return fmt::format("'sha256-{}'", sha256_base64(text));
}

} // namespace

std::string sha256_base64(std::string_view text) {
    return base64(sha256(text));
}

std::string escape(std::string_view text) {
    const std::string safe = sanitize(text);
    std::string out;
    out.reserve(safe.size() + 16);
    std::size_t start = 0;
    for (std::size_t at = 0; at < safe.size(); ++at) {
        std::string_view entity;
        switch (safe[at]) {
        case '&':
            entity = "&amp;";
            break;
        case '<':
            entity = "&lt;";
            break;
        case '>':
            entity = "&gt;";
            break;
        case '"':
            entity = "&quot;";
            break;
        case '\'':
            entity = "&#39;";
            break;
        default:
            continue;
        }
        out.append(safe, start, at - start);
        out += entity;
        start = at + 1;
    }
    out.append(safe, start);
    return out;
}

std::string anchor(std::string_view prefix, std::string_view key) {
    static constexpr std::string_view k_hex = "0123456789abcdef";
    std::string out(prefix);
    for (const char c : key) {
        if (is_ascii_alpha(c) || is_ascii_digit(c) || c == '-' || c == '.' || c == '/') {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '_';
            out += k_hex[byte >> 4];
            out += k_hex[byte & 15];
        }
    }
    return out;
}

std::string content_security_policy() {
    // Computed once: the two hashes are of constants.
    static const std::string policy = fmt::format(
        "default-src 'none'; style-src {}; script-src {}; img-src 'none'; base-uri 'none'; "
        "form-action 'none'",
        hash_source(assets::k_style), hash_source(assets::k_script));
    return policy;
}

std::string page_begin(std::string_view title) {
    return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n"
                       "<meta name=\"referrer\" content=\"no-referrer\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta name=\"color-scheme\" content=\"light dark\">\n"
                       "<meta name=\"generator\" content=\"aijri\">\n"
                       "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                       content_security_policy(), escape(title), assets::k_style);
}

std::string page_end() {
    return fmt::format("<script>{}</script>\n</body>\n</html>\n", assets::k_script);
}

} // namespace aijri::html
