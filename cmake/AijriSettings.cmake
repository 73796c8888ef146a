# One INTERFACE target carries the language standard, warnings and sanitizer flags.
# It is linked PRIVATE into first-party targets only, so users of the library are not
# forced into our warning policy.
add_library(aijri_settings INTERFACE)
target_compile_features(aijri_settings INTERFACE cxx_std_20)
target_compile_options(aijri_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${AIJRI_WERROR}>:-Werror>)
# GCC 12 at -O3 (the release build) warns that libstdc++'s own std::string concatenation
# may overlap memcpy ranges of 2^63 bytes: a known false positive (GCC bugs 105329, 105651),
# a dozen of them, all inside <string>. Off for GCC 12 only, so that a user's build is clean.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(aijri_settings INTERFACE -Wno-restrict)
endif()
if(AIJRI_SANITIZE)
  target_compile_options(aijri_settings INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(aijri_settings INTERFACE -fsanitize=address,undefined)
endif()
if(AIJRI_FUZZ)
  # Coverage instrumentation for every first-party file, so that libFuzzer is guided by the
  # library's branches and not only by the fuzz target's; each target adds -fsanitize=fuzzer.
  target_compile_options(aijri_settings INTERFACE -fsanitize=fuzzer-no-link)
endif()
