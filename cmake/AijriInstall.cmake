# What `cmake --install` puts where (GNUInstallDirs), and the Debian package `cpack -G DEB`
# makes of it. The man pages and completions are written at build time from the command
# table (aijri-docgen, src/CMakeLists.txt) into AIJRI_DOCS_DIR.
include(GNUInstallDirs)

install(TARGETS aijri RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# aijri(1) and aijri-COMMAND(1), as many as the table has commands.
install(DIRECTORY ${AIJRI_DOCS_DIR}/man1/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        FILES_MATCHING PATTERN "*.1")
# Where each shell looks for them: bash-completion loads completions/NAME when NAME is first
# completed; zsh's fpath has site-functions; fish reads vendor_completions.d.
install(FILES ${AIJRI_DOCS_DIR}/completions/aijri.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME aijri)
install(FILES ${AIJRI_DOCS_DIR}/completions/_aijri
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
install(FILES ${AIJRI_DOCS_DIR}/completions/aijri.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
# The schema (what `aijri schema` prints, kept equal by a test) for editors to point at, and
# the embedded methodology (what `aijri methodology` prints) as a starting point for
# --methodology.
install(FILES ${PROJECT_SOURCE_DIR}/schema/assessment.schema.json
              ${PROJECT_SOURCE_DIR}/methodologies/aijri-1.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/aijri)

# The licence goes with every copy (MIT), where Debian looks for it.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)

set(AIJRI_MAINTAINER "The aijri authors <maintainers@users.noreply.r-seed-7b3a7789.example>"
    CACHE STRING "The Debian package's Maintainer field")
set(CPACK_PACKAGE_NAME aijri)
set(CPACK_PACKAGE_VENDOR "The aijri authors")
set(CPACK_PACKAGE_CONTACT ${AIJRI_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
if(PROJECT_HOMEPAGE_URL)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
endif()
# The first line is the summary; the rest, each line indented by one space, the long text.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${PROJECT_DESCRIPTION}
 aijri scores job-role AI-resilience assessments with the AIJRI methodology,
 in exact arithmetic: the AIJRI, the zone and the sub-label of each role, how
 firm each verdict is, and what moved between two revisions. It reads
 assessment JSON and the Markdown documents analysts write, and reports as
 text, JSON, CSV, Markdown, JUnit, GitHub annotations, HTML and badges.")
# The shared libraries' packages, as dpkg-shlibdeps (dpkg-dev) finds them for the binary.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# diff --git and history read the repository through git.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS git)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS bash-completion)
include(CPack)
