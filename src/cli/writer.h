// Writing files: `fix` as one transaction over the scanned tree, and report outputs.
//
// Every write goes to a temporary file in the target's directory, is fsynced, and then appears
// under its name in one step (linkat for a new file, renameat over an old one), so a crash or a
// full disk never leaves a half-written file. Temporary files are O_TMPFILE where the file system
// has it: nameless, so a kill leaves nothing behind; they get a `.shipshape-XXXXXX` name only
// for the instant between linking and renaming (or, without O_TMPFILE, while being written).
// The original's permission bits and owner are kept.
//
// Containment (issue 18): fix targets are resolved beneath the scan roots (core/beneath.h) from
// directory fds, so no symlink or `..` leads a write outside the tree, and only regular files (or
// names that do not exist yet) are written: a `.env` that is a directory (a Python venv), a
// dangling symlink or a FIFO is refused before anything is written.
#ifndef SHIPSHAPE_CLI_WRITER_H_
#define SHIPSHAPE_CLI_WRITER_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/beneath.h"
#include "fix/session.h"

namespace shipshape {

/// Replaces `path` with `content` atomically, keeping its mode and owner (a symlink's target is
/// replaced, the link kept). Unconfined: for files the operator names (`rules --write-docs`).
bool AtomicWrite(const std::string& path, std::string_view content, std::string* err);

/// Writes a report (`--format FMT=FILE`, `--report FILE`). The parent directory must exist: it is
/// never created (a typo would otherwise scatter reports). A path inside `roots` is resolved
/// beneath them and only a regular file or a new name is written there: a symlink to outside the
/// tree, a FIFO or a device planted in the repository (`shipshape.sarif -> ~/.bashrc`) is
/// refused. Elsewhere the path is the operator's: a regular file is replaced atomically (through
/// a symlink, its target), and an existing FIFO or character device (`/dev/stdout`, `/dev/null`,
/// a process substitution) is written into as a stream, never replaced by a regular file.
bool WriteOutputFile(const std::string& path, std::string_view content, const ScanRoots& roots,
                     std::string* err);

/// The checks of WriteOutputFile alone, writing nothing: run before the work whose result the
/// file would hold (a `fix` is not applied when its --report cannot be written).
bool CheckOutputFile(const std::string& path, const ScanRoots& roots, std::string* err);

/// `existing` with the lines of `add` it does not contain appended, in `existing`'s line-ending
/// style; blank lines in `add` are kept only between added lines.
std::string MergedLines(std::string_view existing, std::string_view add);

/// A fix run's writes (fix/session.h plans them) as one transaction. Planned first (Add), checked and computed as a whole
/// (Prepare: nothing is written), then applied in an order that is safe to interrupt at any point
/// (Commit), and undone on failure. All writes of one owner are done or none are.
class FixTransaction {
 public:
  explicit FixTransaction(const ScanRoots& roots) : roots_(roots) {}
  FixTransaction(const FixTransaction&) = delete;
  FixTransaction& operator=(const FixTransaction&) = delete;

  void Add(PlannedWrite w) { writes_.push_back(std::move(w)); }

  /// Resolves and reads every target and computes what each will hold. An owner with a write
  /// that cannot be done (a target outside the tree, not a regular file, read-only, changed since
  /// it was read) is dropped with all its writes, each reason appended to `errors` once. So is an
  /// owner whose `.env` line would give a name a second value, with the reason in `notes`: that
  /// is not an I/O error, the file is just left unfixed (its finding stays). Writes nothing.
  void Prepare(std::vector<std::string>* errors, std::vector<std::string>* notes);
  bool Dropped(size_t owner) const { return dropped_.count(owner) != 0; }
  /// Dropped only for a `.env` name that already holds another value (see Prepare's notes).
  bool Conflicted(size_t owner) const { return conflicted_.count(owner) != 0; }

  /// Writes what Prepare computed: ignore files first (.gitignore, .dockerignore), then the other
  /// side files (.env, .env.example), then the fixed sources and overrides, so a Compose file
  /// that now says `${DB_PASSWORD}` is written only once `.env` holds the value; a kill at any
  /// point leaves every value stored somewhere. INT, TERM, HUP and QUIT are held until the
  /// transaction is done. On a failure, every file already written is restored (a created one
  /// removed) and false is returned with the reason.
  bool Commit(std::string* err);

  /// After a successful Commit: the files written, in order, and whether each was created.
  struct Written {
    std::string path;
    bool created = false;
  };
  const std::vector<Written>& written() const { return written_; }

 private:
  /// One file written, with everything known about it before the first write.
  struct Target {
    std::string path;  ///< As first planned (for messages).
    Resolved where;    ///< Its directory fd (beneath the roots) and name there.
    bool exists = false;
    struct stat st = {};
    std::string original;  ///< Content before the run.
    std::string error;     ///< Why it cannot be written; empty when it can.
    bool final_exists = false;
    std::string final;  ///< Content after the run.
    uint32_t mode = 0644;  ///< For a file created: the first planned write's mode.
    int stage = 2;  ///< Commit order: 0 ignore files, 1 other side files, 2 sources only.
  };
  void Inspect(Target* t) const;
  void Drop(const PlannedWrite& w, const std::string& why, std::vector<std::string>* errors);
  /// What every target will hold with the writes of owners not dropped; false (after dropping
  /// the owner of a conflicting `.env` line) when it must be computed again.
  bool Compute(std::vector<std::string>* notes);
  bool Undo(size_t done, std::string* err);

  const ScanRoots& roots_;
  std::vector<PlannedWrite> writes_;
  std::set<size_t> dropped_;
  std::set<size_t> conflicted_;
  std::map<std::string, Target> targets_;  ///< By normalized path.
  std::vector<Target*> order_;              ///< Commit order of the targets that change.
  std::vector<Written> written_;
  std::vector<ino_t> created_inodes_;  ///< Per written target (0: replaced).
};

}  // namespace shipshape

#endif  // SHIPSHAPE_CLI_WRITER_H_
