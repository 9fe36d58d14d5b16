// A loaded source file: its path, its bytes (owned, read once) and what kind of Docker file it is.
// Every string_view in a parsed model points into `text`.
#ifndef SHIPSHAPE_CORE_SOURCE_H_
#define SHIPSHAPE_CORE_SOURCE_H_

#include <memory>
#include <string>
#include <string_view>

#include "core/line_index.h"

namespace shipshape {

enum class FileKind : uint8_t {
  kDockerfile,
  kCompose,
  kDockerignore,
  kEnv,         ///< .env, .env.*, *.env
  kEntrypoint,  ///< docker-entrypoint.sh, entrypoint.sh and scripts named by ENTRYPOINT
  kOther,
};
std::string_view FileKindName(FileKind k);

/// Guesses the kind from the file name alone (content sniffing for compose-like .yml is separate).
FileKind ClassifyPath(std::string_view path);

struct SourceFile {
  std::string path;  ///< As given / discovered, relative to the scan root when possible.
  std::string text;
  FileKind kind = FileKind::kOther;
  uint32_t mode = 0644;  ///< Permission bits as on disk.

  SourceFile() = default;
  SourceFile(const SourceFile& o) : path(o.path), text(o.text), kind(o.kind), mode(o.mode) {}
  SourceFile& operator=(const SourceFile& o) {
    path = o.path;
    text = o.text;
    kind = o.kind;
    mode = o.mode;
    lines_.reset();
    return *this;
  }
  SourceFile(SourceFile&&) = default;
  SourceFile& operator=(SourceFile&&) = default;

  const LineIndex& lines() const {
    if (!lines_) lines_ = std::make_unique<LineIndex>(text);
    return *lines_;
  }

 private:
  mutable std::unique_ptr<LineIndex> lines_;
};

}  // namespace shipshape

#endif  // SHIPSHAPE_CORE_SOURCE_H_
