#include "compose/build_facts.h"

#include <algorithm>
#include <cctype>

#include "dockerfile/dockerfile.h"
#include "rules/util.h"

namespace shipshape::compose {
namespace {

using dockerfile::Keyword;

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == '/';
}

// True if `word` occurs in `text` as a whole shell word (not `curling`, not `libcurl4`).
bool HasWord(std::string_view text, std::string_view word) {
  for (size_t p = text.find(word); p != std::string_view::npos; p = text.find(word, p + 1)) {
    const bool left = p == 0 || !IsWordChar(text[p - 1]) || text[p - 1] == '/';
    const size_t e = p + word.size();
    const bool right = e == text.size() || !IsWordChar(text[e]);
    if (left && right) return true;
  }
  return false;
}

std::string InstructionText(const dockerfile::Instruction& ins) {
  std::string text = ins.rest.text;
  for (const dockerfile::Heredoc& h : ins.heredocs) text += "\n" + h.content;
  return text;
}

// Tools that step down from root at start (the official postgres/redis entrypoint pattern).
bool StepsDown(std::string_view text) {
  for (std::string_view tool : {"gosu", "su-exec", "setpriv", "s6-setuidgid", "chpst", "runuser", "setuidgid"})
    if (HasWord(text, tool)) return true;
  return text.find("su -c") != std::string_view::npos || text.find("su -s") != std::string_view::npos;
}

// What a RUN does to `tool`: 1 when it calls or installs it and removes nothing, -1 when it may
// remove it again (`apk del`, `apt-get purge/remove`, a `--virtual` build group removed later),
// 0 when it does not mention it.
int RunEffectOn(std::string_view text, std::string_view tool) {
  if (!HasWord(text, tool)) return 0;
  for (std::string_view rm : {"apk del", "purge", "apt-get remove", "apt remove", "yum remove", "dnf remove",
                              "--virtual", "-t .build", "-t .fetch"})
    if (text.find(rm) != std::string_view::npos) return -1;
  return 1;
}

// Probe tools a base image ships, from the images' own Dockerfiles: alpine's busybox provides
// `wget` (https://github.com/alpinelinux/docker-alpine); the full (non-slim) Debian tags of the
// official language images build on buildpack-deps, whose `curl` layer installs curl and wget
// (https://github.com/docker-library/buildpack-deps/blob/master/debian/bookworm/curl/Dockerfile);
// every php tag installs curl (https://github.com/docker-library/php/blob/master/Dockerfile-linux.template).
ProbeTool BaseTool(const std::string& base) {
  if (base.empty()) return {};
  const ImageRef ref = ParseImageRef(base);
  if (!ref.registry.empty()) return {};
  const std::string tag = rules::ToLower(ref.tag);
  const std::string& repo = ref.repository;
  if (repo == "alpine" || repo == "busybox" || tag.find("alpine") != std::string::npos)
    return {"wget", "busybox `wget` of the `" + base + "` base"};
  if (repo == "php") return {"curl", "`curl` of the `" + base + "` base"};
  static constexpr std::string_view kBuildpack[] = {"node", "python", "ruby", "golang", "buildpack-deps",
                                                    "rust", "gcc", "perl"};
  const bool slim = tag.find("slim") != std::string::npos || tag.find("windows") != std::string::npos ||
                    tag.find("nanoserver") != std::string::npos;
  if (!slim && std::find(std::begin(kBuildpack), std::end(kBuildpack), repo) != std::end(kBuildpack))
    return {"curl", "`curl` of the `" + base + "` base (buildpack-deps)"};
  return {};
}

// The app's health endpoint: a quoted route in its sources, or Spring Boot's actuator.
constexpr std::string_view kHealthRoutes[] = {"/healthz", "/health", "/healthcheck", "/api/health", "/ping",
                                              "/livez", "/readyz"};
constexpr std::string_view kSourceExt[] = {".js", ".mjs", ".cjs", ".ts", ".py", ".go", ".rb", ".java", ".kt",
                                           ".php", ".cs", ".rs", ".ex", ".exs", ".scala"};
constexpr std::string_view kSkipDirs[] = {"node_modules", "vendor", ".git", "dist", "build", "target", "test",
                                          "tests", "__tests__", "spec", "docs", "e2e", ".venv", "venv"};

bool HasSourceExt(std::string_view name) {
  for (std::string_view e : kSourceExt)
    if (name.size() > e.size() && name.substr(name.size() - e.size()) == e) return true;
  return false;
}

// The first route of kHealthRoutes quoted in `text` ("/health", '/health', `/health`).
int QuotedRoute(std::string_view text) {
  for (size_t i = 0; i < std::size(kHealthRoutes); ++i)
    for (char q : {'"', '\'', '`'}) {
      const std::string needle = q + std::string(kHealthRoutes[i]) + q;
      if (text.find(needle) != std::string_view::npos) return static_cast<int>(i);
    }
  return -1;
}

}  // namespace

void FindHealthPath(const FileSystem& fs, BuildFacts* out) {
  const std::string& context = out->context;
  // Build manifests first: Spring Boot's actuator serves /actuator/health.
  for (std::string_view m : {"pom.xml", "build.gradle", "build.gradle.kts"})
    if (auto t = fs.Read(JoinPath(context, m), 1 << 20); t && t->find("spring-boot-starter-actuator") != std::string::npos) {
      out->health_path = "/actuator/health";
      out->health_path_source = JoinPath(context, m);
      return;
    }
  // Then the sources, breadth-first, a bounded number of files and levels.
  std::vector<std::pair<std::string, int>> dirs = {{context, 0}};
  int best = -1, files = 0;
  std::string best_file;
  for (size_t d = 0; d < dirs.size() && files < 400; ++d) {
    const auto [dir, depth] = dirs[d];
    for (const std::string& name : fs.List(dir)) {
      const std::string path = JoinPath(dir, name);
      if (fs.IsDirectory(path)) {
        if (depth < 3 && name[0] != '.' &&
            std::find(std::begin(kSkipDirs), std::end(kSkipDirs), name) == std::end(kSkipDirs))
          dirs.push_back({path, depth + 1});
        continue;
      }
      if (!HasSourceExt(name) || name.find(".test.") != std::string::npos ||
          name.find(".spec.") != std::string::npos || name.rfind("test_", 0) == 0 || ++files > 400)
        continue;
      auto text = fs.Read(path, 256 << 10);
      if (!text) continue;
      const int r = QuotedRoute(*text);
      if (r >= 0 && (best < 0 || r < best)) {
        best = r;
        best_file = path;
      }
    }
  }
  if (best >= 0) {
    out->health_path = std::string(kHealthRoutes[best]);
    out->health_path_source = best_file;
  }
}

namespace {

// The script the ENTRYPOINT (or CMD) runs, when a COPY/ADD of the chain brought it from the
// context: its workspace path, or "".
std::string EntrypointScript(const dockerfile::Dockerfile& df, const dockerfile::Stage& st, const std::string& context) {
  const dockerfile::Instruction* ep = rules::LastInChain(df, st, Keyword::kEntrypoint);
  if (!ep) ep = rules::LastInChain(df, st, Keyword::kCmd);
  if (!ep) return {};
  std::string script;
  for (const dockerfile::Arg& a : ep->args) {
    const std::string_view w = a.value;
    if (w.find(".sh") == std::string_view::npos && w.find("entrypoint") == std::string_view::npos) continue;
    const size_t sp = w.find(' ');
    script = std::string(w.substr(0, sp));
    break;
  }
  if (script.empty()) return {};
  const std::string base = script.substr(script.rfind('/') + 1);
  for (const dockerfile::Stage* s : rules::StageChain(df, st))
    for (const dockerfile::Instruction* ins : s->instructions) {
      if ((ins->kind != Keyword::kCopy && ins->kind != Keyword::kAdd) || ins->HasFlag("from") || ins->args.size() < 2)
        continue;
      for (size_t i = 0; i + 1 < ins->args.size(); ++i) {
        const std::string& src = ins->args[i].value;
        const std::string src_base = src.substr(src.rfind('/') + 1);
        const std::string& dest = ins->args.back().value;
        const std::string dest_base = dest.substr(dest.rfind('/') + 1);
        if (src_base == base || (dest_base == base && ins->args.size() == 2)) return JoinPath(context, src);
      }
    }
  return {};
}

}  // namespace

bool BuildFacts::RunsAsRoot() const {
  if (!user.empty()) {
    const std::string u = user.substr(0, user.find(':'));
    return u == "root" || u == "0";
  }
  if (from_scratch) return true;
  return base_image && (base_image->user.empty() || base_image->user == "root" || base_image->user == "0");
}

bool BuildFacts::RootUnknown() const { return user.empty() && !from_scratch && !base_image; }

int BuildFacts::ListenPort(const Service& s, std::string* why_not) const {
  std::vector<int> published;
  for (const Port& p : s.ports)
    if (p.known && p.target.known)
      if (std::optional<int64_t> n = p.target.AsInt(); n && *n > 0 && *n < 65536) published.push_back(static_cast<int>(*n));
  if (expose.size() == 1) return expose[0];
  if (expose.size() > 1) {
    std::vector<int> both;
    for (int e : expose)
      if (std::find(published.begin(), published.end(), e) != published.end()) both.push_back(e);
    if (both.size() == 1) return both[0];
    *why_not = "the Dockerfile EXPOSEs several ports and the service does not publish exactly one of them";
    return 0;
  }
  if (published.size() == 1) return published[0];
  *why_not = published.empty() ? "the Dockerfile EXPOSEs no port and the service publishes none"
                               : "the Dockerfile EXPOSEs no port and the service publishes several";
  return 0;
}

BuildFacts ReadBuildFacts(const FileSystem* fs, std::string_view compose_path, const Build& b) {
  BuildFacts f;
  std::string text;
  if (b.dockerfile_inline.present()) {
    if (!b.dockerfile_inline.known) {
      f.missing = "`dockerfile_inline` depends on an unset variable";
      return f;
    }
    text = b.dockerfile_inline.text;
  }
  if ((b.context.present() && !b.context.known) || (b.dockerfile.present() && !b.dockerfile.known)) {
    f.missing = "the build path depends on an unset variable";
    return f;
  }
  const std::string ctx_text = b.context.present() ? b.context.text : ".";
  if (ctx_text.find("://") != std::string::npos || ctx_text.rfind("git@", 0) == 0) {
    f.missing = "the build context is a remote URL";
    return f;
  }
  f.context = JoinPath(DirName(compose_path), ctx_text);
  if (!b.dockerfile_inline.present()) {
    if (!fs) {
      f.missing = "the build context is not available to shipshape";
      return f;
    }
    f.dockerfile = JoinPath(f.context, b.dockerfile.present() ? b.dockerfile.text : "Dockerfile");
    auto t = fs->Read(f.dockerfile, 1 << 20);
    if (!t) {
      f.missing = "its Dockerfile `" + f.dockerfile + "` could not be read";
      f.dockerfile.clear();
      return f;
    }
    text = std::move(*t);
  }
  const std::unique_ptr<dockerfile::Dockerfile> df = dockerfile::Parse(text);
  const dockerfile::Stage* st = df->final_stage();
  if (b.target.present()) {
    st = b.target.known ? df->FindStage(rules::ToLower(b.target.text)) : nullptr;
    if (!st) {
      f.missing = "the build target `" + b.target.text + "` is not a stage of its Dockerfile";
      return f;
    }
  }
  if (!st || st->implicit) {
    f.missing = "its Dockerfile has no FROM";
    return f;
  }
  f.from_scratch = rules::ChainFromScratch(*df, *st);
  if (std::optional<dockerfile::ImageRef> ref = rules::ExternalBase(*df, rules::RootStage(*df, *st))) {
    f.base = ref->registry.empty() ? ref->repository : ref->registry + "/" + ref->repository;
    if (!ref->tag.empty()) f.base += ":" + ref->tag;
    if (!ref->digest.empty()) f.base += "@" + ref->digest;
    f.base_image = KnownImages::Get().Match(f.base);
  }
  const std::vector<const dockerfile::Stage*> chain = rules::StageChain(*df, *st);
  ProbeTool installed;
  for (const dockerfile::Stage* s : chain) {
    rules::VarScope scope(*df, *s);
    for (const dockerfile::Instruction* ins : s->instructions) {
      scope.Apply(*ins);
      switch (ins->kind) {
        case Keyword::kEntrypoint:
        case Keyword::kCmd:
          f.own_process = true;
          f.drops_privileges = f.drops_privileges || StepsDown(InstructionText(*ins));
          break;
        case Keyword::kRun: {
          const std::string t = InstructionText(*ins);
          f.drops_privileges = f.drops_privileges || (StepsDown(t) && t.find("install") != std::string::npos);
          f.sets_file_caps = f.sets_file_caps || HasWord(t, "setcap");
          for (std::string_view tool : {"curl", "wget"}) {
            const int effect = RunEffectOn(t, tool);
            if (effect > 0 && installed.name.empty()) installed = {std::string(tool), "installed by a RUN"};
            if (effect < 0 && installed.name == tool) installed = {};
          }
          break;
        }
        case Keyword::kUser:
          if (!ins->args.empty()) {
            const rules::Expansion e = scope.Expand(ins->args[0].value);
            f.user = e.complete ? e.text : ins->args[0].value;
          }
          break;
        case Keyword::kHealthcheck: {
          const bool none = !ins->args.empty() && rules::ToLower(ins->args[0].value) == "none";
          f.healthcheck = !none;
          f.healthcheck_none = none;
          break;
        }
        case Keyword::kExpose:
          for (const dockerfile::Arg& a : ins->args) {
            const rules::Expansion e = scope.Expand(a.value);
            if (!e.complete) continue;
            const std::string& v = e.text;
            if (v.find("/udp") != std::string::npos) continue;
            int n = 0;
            size_t i = 0;
            while (i < v.size() && i < 6 && std::isdigit(static_cast<unsigned char>(v[i]))) n = n * 10 + (v[i++] - '0');
            if (i > 0 && n > 0 && n < 65536 && std::find(f.expose.begin(), f.expose.end(), n) == f.expose.end())
              f.expose.push_back(n);
          }
          break;
        case Keyword::kVolume:
          for (const dockerfile::Arg& a : ins->args) {
            const rules::Expansion e = scope.Expand(a.value);
            if (e.complete && !e.text.empty() && e.text[0] == '/') f.volumes.push_back(e.text);
          }
          break;
        default:
          break;
      }
    }
  }
  f.probe_tool = installed.name.empty() ? BaseTool(f.base) : installed;
  if (fs) {
    f.entrypoint_script = EntrypointScript(*df, *st, f.context);
    if (!f.entrypoint_script.empty())
      if (auto t = fs->Read(f.entrypoint_script, 256 << 10)) f.drops_privileges = f.drops_privileges || StepsDown(*t);
  }
  return f;
}

}  // namespace shipshape::compose
