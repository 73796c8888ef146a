#include <filesystem>
#include <sys/stat.h>
#include <sys/types.h>

#include <catch2/catch.hpp>

#include "aijri/io/file_source.hpp"
#include "aijri/io/walk.hpp"

#include "io/open_folder.hpp"
#include "support/builder.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> paths_of(const aijri::WalkResult& r, const std::string& root) {
    std::vector<std::string> out;
    for (const auto& f : r.files) {
        out.push_back(f.path.substr(root.size()));
    }
    return out;
}

} // namespace

TEST_CASE("folders are walked for *.json and *.md in path order, hidden ones skipped") {
    const std::string root = aijri::test::temp_dir();
    for (const char* dir : {"/b", "/a/deep", "/.git", "/a/.cache"}) {
        fs::create_directories(root + dir);
    }
    for (const char* file : {"/b/z.json", "/b/a.json", "/a/deep/m.json", "/a/readme.md",
                             "/a/role.markdown", "/a/notes.txt", "/a/md", "/.git/x.json",
                             "/a/.cache/y.json", "/a/.hidden.json", "/a/.hidden.md", "/top.json"}) {
        aijri::test::write_text_file(root + file, "{}");
    }
    // Documents are assessments as JSON files are; whether a README.md is one is for the
    // reading to say (it is skipped with a warning), not the walk.
    const auto r = aijri::collect_inputs({root});
    CHECK(paths_of(r, root) == std::vector<std::string>{"/a/deep/m.json", "/a/readme.md",
                                                        "/a/role.markdown", "/b/a.json",
                                                        "/b/z.json", "/top.json"});
    CHECK(r.warnings.empty());
    CHECK_FALSE(r.files[0].explicit_);
    CHECK(paths_of(aijri::collect_inputs({root}, aijri::InputFormat::json), root) ==
          std::vector<std::string>{"/a/deep/m.json", "/b/a.json", "/b/z.json", "/top.json"});
    CHECK(paths_of(aijri::collect_inputs({root}, aijri::InputFormat::markdown), root) ==
          std::vector<std::string>{"/a/readme.md", "/a/role.markdown"});
}

TEST_CASE("files named on the command line keep their order, missing ones included") {
    const auto r = aijri::collect_inputs({"b.json", "-", "missing.json", "a.json"});
    REQUIRE(r.files.size() == 4);
    CHECK(r.files[0].path == "b.json");
    CHECK(r.files[1].path == "-");
    CHECK(r.files[2].path == "missing.json");
    CHECK(r.files[3].explicit_);
}

TEST_CASE("symbolic links are followed but never into a loop") {
    const std::string root = aijri::test::temp_dir();
    fs::create_directories(root + "/a");
    aijri::test::write_text_file(root + "/a/r.json", "{}");
    fs::create_directory_symlink(root, root + "/a/up");          // a loop back to the root
    fs::create_symlink(root + "/a/r.json", root + "/link.json"); // a link to a file counts
    fs::create_symlink(root + "/nowhere.json", root + "/dangling.json");
    const auto r = aijri::collect_inputs({root});
    // A *.json link that leads nowhere was asked for and cannot be read: an entry of its own,
    // reported in its place as an I/O error, not a warning.
    CHECK(paths_of(r, root) ==
          std::vector<std::string>{"/a/r.json", "/dangling.json", "/link.json"});
    CHECK(r.files[0].unreadable.empty());
    CHECK(r.files[1].unreadable == "broken symbolic link");
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0] == root + "/a/up: skipped: already visited (a symbolic link loop)");
}

TEST_CASE("FIFOs are skipped with a warning and never opened") {
    const std::string root = aijri::test::temp_dir();
    REQUIRE(::mkfifo((root + "/pipe.json").c_str(), 0600) == 0);
    aijri::test::write_text_file(root + "/ok.json", "{}");
    const auto r = aijri::collect_inputs({root});
    CHECK(paths_of(r, root) == std::vector<std::string>{"/ok.json"});
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0] == root + "/pipe.json: skipped: a FIFO, not a regular file");
}

TEST_CASE("a link that leads outside the folder is not followed") {
    // What aijri reads it reports, so a link in a pull request must not reach ~/.ssh or /dev.
    const std::string root = aijri::test::temp_dir();
    const std::string outside = aijri::test::temp_dir();
    aijri::test::write_text_file(outside + "/secret.json", "{}");
    fs::create_directories(outside + "/more");
    aijri::test::write_text_file(outside + "/more/x.json", "{}");
    fs::create_directories(root + "/in");
    aijri::test::write_text_file(root + "/in/ok.json", "{}");
    fs::create_symlink(outside + "/secret.json", root + "/in/secret.json");
    fs::create_directory_symlink(outside + "/more", root + "/more");
    fs::create_symlink("/dev/zero", root + "/zero.json");
    fs::create_symlink("ok.json", root + "/in/alias.json");   // inside: followed
    fs::create_symlink("/etc/hostname", root + "/notes.txt"); // not *.json: silently ignored
    const auto r = aijri::collect_inputs({root});
    CHECK(paths_of(r, root) == std::vector<std::string>{"/in/alias.json", "/in/ok.json"});
    const std::string real_outside = fs::canonical(outside).string();
    const std::string real_root = fs::canonical(root).string();
    CHECK(r.warnings ==
          std::vector<std::string>{
              root + "/in/secret.json: skipped: a symbolic link to " + real_outside +
                  "/secret.json, outside the folder " + real_root,
              root + "/more: skipped: a symbolic link to " + real_outside +
                  "/more, outside the folder " + real_root,
              root + "/zero.json: skipped: a symbolic link to /dev/zero, outside the folder " +
                  real_root});
    // Named on the command line, a link is the user's choice and is followed.
    CHECK(aijri::collect_inputs({root + "/in/secret.json"}).files.size() == 1);
}

TEST_CASE("walked files are opened relative to their folder, which stays open while needed") {
    const std::string root = aijri::test::temp_dir();
    fs::create_directories(root + "/a/b");
    aijri::test::write_text_file(root + "/a/b/one.json", "{\"x\": 1}");
    aijri::test::write_text_file(root + "/a/b/two.json", "{\"x\": 2}");
    const std::size_t before = aijri::OpenFolder::open_count();
    {
        const auto r = aijri::collect_inputs({root});
        REQUIRE(r.files.size() == 2);
        REQUIRE(r.files[0].folder != nullptr);
        CHECK(r.files[0].folder == r.files[1].folder); // one open folder for both
        CHECK(aijri::OpenFolder::open_count() == before + 1);
        // The file is found through its folder, not its path: moving the folder's parent
        // away after the walk does not lose it.
        fs::rename(root + "/a", root + "/moved");
        aijri::FileBuffer buffer;
        CHECK_FALSE(aijri::load_file(r.files[1], 1000, buffer));
        CHECK(buffer.text() == "{\"x\": 2}");
        const aijri::InputFile by_path{r.files[1].path, false, nullptr, {}};
        CHECK(aijri::load_file(by_path, 1000, buffer)->message == "no such file");
    }
    CHECK(aijri::OpenFolder::open_count() == before); // closed with the last file
}

TEST_CASE("a walk keeps at most 256 folders open, files beyond are opened by path") {
    const std::string root = aijri::test::temp_dir();
    for (int i = 0; i < 300; ++i) {
        const std::string folder = root + "/" + std::to_string(1000 + i);
        fs::create_directories(folder);
        aijri::test::write_text_file(folder + "/r.json", "{}");
    }
    REQUIRE(aijri::OpenFolder::open_count() == 0);
    const auto r = aijri::collect_inputs({root});
    REQUIRE(r.files.size() == 300);
    // The folder named is one of the 256 while it is walked: 255 of its folders are kept,
    // and held by their files after the walk, when the named one is closed.
    CHECK(aijri::OpenFolder::open_count() == 255);
    CHECK(r.files[254].folder != nullptr);
    CHECK(r.files[255].folder == nullptr);
    CHECK(r.files[299].path == root + "/1299/r.json");
}
