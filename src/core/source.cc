#include "core/source.h"
#include "core/strings.h"

#include <algorithm>
#include <cctype>

namespace shipshape {

std::string_view FileKindName(FileKind k) {
  switch (k) {
    case FileKind::kDockerfile: return "dockerfile";
    case FileKind::kCompose: return "compose";
    case FileKind::kDockerignore: return "dockerignore";
    case FileKind::kEnv: return "env";
    case FileKind::kEntrypoint: return "entrypoint";
    case FileKind::kOther: return "other";
  }
  return "other";
}

namespace {
}  // namespace

FileKind ClassifyPath(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string name = Lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  if (name == "dockerfile" || name == "containerfile" || name.starts_with("dockerfile.") ||
      name.starts_with("containerfile.") || name.ends_with(".dockerfile") ||
      name.ends_with(".containerfile") || name.starts_with("dockerfile-") ||
      (name.starts_with("dockerfile_"))) {
    // Templates are not Dockerfiles, nor is source code about them (dockerfile_parser.go,
    // dockerfile_fuzzer.cc, dockerfile-lint.py).
    static constexpr std::string_view kNotDockerfile[] = {
        ".j2", ".tmpl", ".template", ".md", ".erb", ".c", ".cc", ".cpp", ".cxx", ".h", ".hh",
        ".hpp", ".go", ".rs", ".py", ".js", ".ts", ".java", ".rb", ".json", ".html", ".txt"};
    for (std::string_view ext : kNotDockerfile)
      if (name.ends_with(ext)) return FileKind::kOther;
    return FileKind::kDockerfile;
  }
  if (name == ".dockerignore" || name.ends_with(".dockerignore")) return FileKind::kDockerignore;
  const bool yaml = name.ends_with(".yml") || name.ends_with(".yaml");
  if (yaml && (name.starts_with("docker-compose") || name.starts_with("compose") ||
               name.find("compose.") != std::string::npos ||
               name.find("-compose") != std::string::npos))
    return FileKind::kCompose;
  if (name == ".env" || name.starts_with(".env.") || name.ends_with(".env")) return FileKind::kEnv;
  if (name == "docker-entrypoint.sh" || name == "entrypoint.sh" || name == "docker-entrypoint" ||
      name == "entrypoint")
    return FileKind::kEntrypoint;
  return FileKind::kOther;
}

}  // namespace shipshape
