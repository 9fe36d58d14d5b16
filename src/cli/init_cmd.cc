// `shipshape init [DIR...]`: detects the components of each directory and writes, for those with
// no Dockerfile, a hardened Dockerfile and .dockerignore; with --compose also their Compose
// services and .env.example lines. Never overwrites: new files are created exclusively, a
// Compose file is rewritten only if it still holds what was planned against. --diff previews.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/init_cmd.h"
#include "core/workspace.h"
#include "core/diff.h"
#include "generate/init_plan.h"

namespace shipshape {
namespace {

constexpr const char* kUsage = R"(Usage: shipshape init [DIR...] [--compose] [--diff] [--depth N]

Detects the components of each DIR (default .): Node (npm/yarn/pnpm; Vite, Next.js, Nuxt,
NestJS, Express...), Python (pip, poetry, uv, pdm, pipenv; FastAPI, Flask, Django...), Go,
Java (Maven, Gradle), PHP (Composer), Ruby (Bundler), Rust (Cargo) and static sites, and writes
for each one that has no Dockerfile a hardened multi-stage Dockerfile and a .dockerignore.

  --compose   also add a service per component to the Compose file (or write compose.yaml),
              and the environment variables they read to .env.example
  --diff      print what would be written; write nothing
  --depth N   how many directory levels below DIR to search (default 2)

Existing files are never overwritten. Exit codes: 0 done, 2 usage or I/O error.
)";

bool WriteNew(const std::string& path, const std::string& content, std::string* err) {
  // Parent directories exist: components are detected in existing directories.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    *err = path + ": exists or cannot be created; not written";
    return false;
  }
  bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  ok &= ::close(fd) == 0;
  if (!ok) *err = path + ": write failed";
  return ok;
}

bool WriteFile(const std::string& path, const std::string& content, const char* mode, std::string* err) {
  FILE* f = std::fopen(path.c_str(), mode);
  if (!f) {
    *err = path + ": cannot open for writing";
    return false;
  }
  bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  ok &= std::fclose(f) == 0;
  if (!ok) *err = path + ": write failed";
  return ok;
}

}  // namespace

int RunInit(int argc, char** argv) {
  std::vector<std::string> dirs;
  generate::InitOptions opts;
  bool diff = false;
  for (int i = 0; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--compose") {
      opts.compose = true;
    } else if (a == "--diff") {
      diff = true;
    } else if (a == "--depth" && i + 1 < argc) {
      opts.depth = std::atoi(argv[++i]);
    } else if (a.rfind("--depth=", 0) == 0) {
      opts.depth = std::atoi(a.c_str() + 8);
    } else if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "shipshape: unknown option %s for init (see shipshape init --help)\n", a.c_str());
      return 2;
    } else {
      dirs.push_back(a);
    }
  }
  if (opts.depth < 0 || opts.depth > 6) {
    std::fputs("shipshape: --depth takes 0 to 6\n", stderr);
    return 2;
  }
  if (dirs.empty()) dirs.push_back(".");
  RealFileSystem fs;
  bool failed = false;
  for (const std::string& dir : dirs) {
    if (!fs.IsDirectory(dir)) {
      std::fprintf(stderr, "shipshape: %s is not a directory\n", dir.c_str());
      failed = true;
      continue;
    }
    const generate::InitPlan plan = generate::PlanInit(fs, dir, opts);
    if (plan.components.empty())
      std::printf("%s: no component found (no package.json, pyproject.toml, go.mod, pom.xml, ...)\n", dir.c_str());
    for (const generate::Component& c : plan.components)
      std::printf("detected %s: %s\n", c.dir.c_str(), generate::Describe(c).c_str());
    for (const std::string& n : plan.notes) std::printf("  note: %s\n", n.c_str());
    for (const generate::PlannedFile& f : plan.files) {
      const std::string path = JoinPath(dir, f.path);
      if (diff) {
        std::string before = f.replace ? f.before : std::string();
        std::string after = f.content;
        if (f.append) {
          before = fs.Read(path, 1 << 20).value_or("");
          after = before + (before.empty() || before.back() == '\n' ? "" : "\n") +
                  (before.empty() ? "" : "\n") + f.content;
        }
        const std::string d = UnifiedDiff(before, after, path);
        std::fwrite(d.data(), 1, d.size(), stdout);
        continue;
      }
      std::string err;
      bool ok;
      if (f.append) {
        std::string cur = fs.Read(path, 1 << 20).value_or("");
        std::string add = (cur.empty() || cur.back() == '\n' ? "" : "\n") + std::string(cur.empty() ? "" : "\n") + f.content;
        ok = WriteFile(path, add, "a", &err);
      } else if (f.replace) {
        // Rewritten only if nobody changed it since it was read.
        ok = fs.Read(path, 4 << 20).value_or("") == f.before;
        if (!ok) err = path + ": changed while planning; not written";
        else ok = WriteFile(path, f.content, "w", &err);
      } else {
        ok = WriteNew(path, f.content, &err);
      }
      if (!ok) {
        std::fprintf(stderr, "shipshape: %s\n", err.c_str());
        failed = true;
        continue;
      }
      std::printf("  %s %s\n", f.append ? "extended" : f.replace ? "updated" : "wrote", path.c_str());
    }
  }
  return failed ? 2 : 0;
}

}  // namespace shipshape
