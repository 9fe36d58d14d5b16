// Safe writes for `fix`: a temp file in the same directory, fsync, then rename over the original,
// so a crash or a full disk never leaves a half-written file. The original's permission bits and
// owner are kept. Side files are created with O_EXCL (a user's file is never overwritten) or
// merged line by line.
#ifndef SHIPSHAPE_CLI_WRITER_H_
#define SHIPSHAPE_CLI_WRITER_H_

#include <string>
#include <string_view>

namespace shipshape {

/// Replaces `path` with `content` atomically, keeping its mode and owner.
bool AtomicWrite(const std::string& path, std::string_view content, std::string* err);

/// AtomicWrite of `content` over `path`, only if `path` still holds `expected` (what was read and
/// fixed): a file deleted since is not recreated, and one edited since is not overwritten.
bool ReplaceIfUnchanged(const std::string& path, std::string_view expected,
                        std::string_view content, std::string* err);

/// Creates `path` with `content` and `mode`; fails (and writes nothing) if it exists.
bool CreateNew(const std::string& path, std::string_view content, unsigned mode, std::string* err);

/// Appends to `path` the lines of `content` it does not already contain (created if absent, with
/// `mode`). Sets *changed when anything was written. Keeps the file's own line ending style.
bool MergeLines(const std::string& path, std::string_view content, unsigned mode, bool* changed,
                std::string* err);

}  // namespace shipshape

#endif  // SHIPSHAPE_CLI_WRITER_H_
