#include "core/source.h"

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
std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}
bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}
bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
}  // namespace

FileKind ClassifyPath(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string name = Lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  if (name == "dockerfile" || name == "containerfile" || StartsWith(name, "dockerfile.") ||
      StartsWith(name, "containerfile.") || EndsWith(name, ".dockerfile") ||
      EndsWith(name, ".containerfile") || StartsWith(name, "dockerfile-") ||
      (StartsWith(name, "dockerfile_"))) {
    // Templates are not Dockerfiles, nor is source code about them (dockerfile_parser.go,
    // dockerfile_fuzzer.cc, dockerfile-lint.py).
    static constexpr std::string_view kNotDockerfile[] = {
        ".j2", ".tmpl", ".template", ".md", ".erb", ".c", ".cc", ".cpp", ".cxx", ".h", ".hh",
        ".hpp", ".go", ".rs", ".py", ".js", ".ts", ".java", ".rb", ".json", ".html", ".txt"};
    for (std::string_view ext : kNotDockerfile)
      if (EndsWith(name, ext)) return FileKind::kOther;
    return FileKind::kDockerfile;
  }
  if (name == ".dockerignore" || EndsWith(name, ".dockerignore")) return FileKind::kDockerignore;
  const bool yaml = EndsWith(name, ".yml") || EndsWith(name, ".yaml");
  if (yaml && (StartsWith(name, "docker-compose") || StartsWith(name, "compose") ||
               name.find("compose.") != std::string::npos ||
               name.find("-compose") != std::string::npos))
    return FileKind::kCompose;
  if (name == ".env" || StartsWith(name, ".env.") || EndsWith(name, ".env")) return FileKind::kEnv;
  if (name == "docker-entrypoint.sh" || name == "entrypoint.sh" || name == "docker-entrypoint" ||
      name == "entrypoint")
    return FileKind::kEntrypoint;
  return FileKind::kOther;
}

}  // namespace shipshape
