#include "generate/detect.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/embedded.h"

namespace shipshape::generate {
namespace {

using Json = nlohmann::json;

const Json& Table() {
  static const Json table = [] {
    std::string_view text = EmbeddedFile("stacks.json");
    Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    return j.is_object() ? j : Json::object();
  }();
  return table;
}

std::string Str(const Json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
int Int(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
}
std::vector<std::string> Strs(const Json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const Json& e : *it)
    if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}
const Json& Arr(const Json& j, const char* key) {
  static const Json empty = Json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

/// Project files, read once per detection.
class Files {
 public:
  Files(const FileSystem& fs, std::string dir) : fs_(fs), dir_(std::move(dir)) {
    names_ = fs.List(dir_);
  }
  bool Has(std::string_view name) const {
    return std::find(names_.begin(), names_.end(), name) != names_.end();
  }
  bool HasPath(const std::string& rel) const { return fs_.Exists(JoinPath(dir_, rel)); }
  std::string Read(const std::string& rel) const {
    return fs_.Read(JoinPath(dir_, rel), 1 << 20).value_or("");
  }
  std::vector<std::string> List(const std::string& rel) const {
    return fs_.List(JoinPath(dir_, rel));
  }
  bool IsDir(const std::string& rel) const { return fs_.IsDirectory(JoinPath(dir_, rel)); }
  const std::vector<std::string>& names() const { return names_; }

 private:
  const FileSystem& fs_;
  std::string dir_;
  std::vector<std::string> names_;
};

/// True if `text` mentions dependency `dep` as a word of its own (not `flask` inside
/// `flask-cors` is fine to count: the extension implies the framework).
bool MentionsWord(std::string_view text, std::string_view dep) {
  const std::string t = Lower(text), d = Lower(dep);
  for (size_t p = t.find(d); p != std::string::npos; p = t.find(d, p + 1)) {
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    bool before = p == 0 || !(word(t[p - 1]) || t[p - 1] == '-' || t[p - 1] == '.' || t[p - 1] == '/');
    size_t e = p + d.size();
    bool after = e >= t.size() || !word(t[e]);
    if (before && after) return true;
  }
  return false;
}

int Compare(std::string_view a, std::string_view b) {
  auto part = [](std::string_view& s) {
    int n = 0;
    while (!s.empty() && std::isdigit(static_cast<unsigned char>(s.front()))) {
      n = n * 10 + (s.front() - '0');
      s.remove_prefix(1);
    }
    if (!s.empty() && s.front() == '.') s.remove_prefix(1);
    return n;
  };
  while (!a.empty() || !b.empty()) {
    int x = part(a), y = part(b);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

/// The version to build with: the floor of `spec` when it pins or caps the version, the default
/// (pin) when the spec is only a lower bound it satisfies.
std::string Choose(std::string_view spec, int parts, const std::string& fallback, bool* from_spec) {
  std::string floor = VersionFloor(spec, parts);
  *from_spec = !floor.empty();
  if (floor.empty()) return fallback;
  const bool lower_only = spec.find(">=") != std::string_view::npos &&
                          spec.find('<') == std::string_view::npos;
  if (lower_only && Compare(fallback, floor) >= 0) {
    *from_spec = false;
    return fallback;
  }
  return floor;
}

/// Text after `key` up to the end of its line, quotes removed (`go 1.22`, `python = "^3.11"`).
std::string LineValue(std::string_view text, std::string_view key) {
  size_t p = 0;
  while ((p = text.find(key, p)) != std::string_view::npos) {
    bool line_start = p == 0 || text[p - 1] == '\n' || text[p - 1] == ' ' || text[p - 1] == '\t';
    size_t e = text.find('\n', p);
    std::string_view rest = text.substr(p + key.size(), e == std::string_view::npos ? e : e - p - key.size());
    if (line_start && (rest.empty() || rest[0] == ' ' || rest[0] == '=' || rest[0] == '\t' || rest[0] == '"')) {
      std::string v = Trim(rest);
      if (!v.empty() && v[0] == '=') v = Trim(v.substr(1));
      v.erase(std::remove(v.begin(), v.end(), '"'), v.end());
      v.erase(std::remove(v.begin(), v.end(), '\''), v.end());
      size_t hash = v.find(" #");
      if (hash != std::string::npos) v = Trim(v.substr(0, hash));
      return v;
    }
    p += key.size();
  }
  return {};
}

/// Text between `<tag>` and `</tag>`.
std::string XmlValue(std::string_view text, std::string_view tag) {
  const std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
  size_t p = text.find(open);
  if (p == std::string_view::npos) return {};
  size_t e = text.find(close, p);
  if (e == std::string_view::npos) return {};
  return Trim(text.substr(p + open.size(), e - p - open.size()));
}

std::string DefaultVersion(const Json& stack, std::string* from) {
  // The image pin table is the one source for the images it lists (node, python).
  static const Json pins = [] {
    std::string_view text = EmbeddedFile("image-pins.json");
    Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    auto it = j.is_object() ? j.find("pins") : j.end();
    return it != j.end() && it->is_object() ? *it : Json::object();
  }();
  std::string pin = Str(pins, Str(stack, "image").c_str());
  *from = pin.empty() ? "default" : "pin table";
  return pin.empty() ? Str(stack, "default_version") : pin;
}

void SetVersion(Component& c, std::string_view spec, int parts, const std::string& fallback,
                std::string_view from) {
  if (c.version_from != "pin table" && c.version_from != "default") return;
  bool from_spec = false;
  std::string v = Choose(spec, parts, fallback, &from_spec);
  if (from_spec) {
    c.version = v;
    c.version_from = std::string(from);
  }
}

// ---- per-stack details ---------------------------------------------------------------------

bool DependsOn(const Component& c, const Files& f, const Json& pkg, std::string_view dep) {
  if (dep.empty()) return true;
  if (c.stack == "node" || c.stack == "php") {
    for (const char* sec : {"dependencies", "devDependencies", "require", "require-dev"}) {
      auto it = pkg.find(sec);
      if (it != pkg.end() && it->is_object() && it->contains(std::string(dep))) return true;
    }
    return false;
  }
  std::string text;
  for (const std::string& m : c.manifests) text += f.Read(m) + "\n";
  if (c.stack == "python")
    for (const std::string& n : f.names())
      if (n.starts_with("requirements") && n.ends_with(".txt")) text += f.Read(n) + "\n";
  if (c.stack == "go" || c.stack == "java") return text.find(dep) != std::string::npos;
  return MentionsWord(text, dep);
}

void NodeDetails(Component& c, const Files& f, const Json& pkg) {
  c.name = Str(pkg, "name");
  auto scripts = pkg.find("scripts");
  std::string start;
  if (scripts != pkg.end() && scripts->is_object()) {
    c.build_script = scripts->contains("build");
    start = Str(*scripts, "start");
  }
  if (auto eng = pkg.find("engines"); eng != pkg.end() && eng->is_object())
    SetVersion(c, Str(*eng, "node"), 1, c.version, "engines.node");
  if (c.framework == "nest") {
    c.entry = "dist/main.js";
    if (!c.build_script) {
      // Nest compiles TypeScript to dist/; without a build script the image runs tsc itself.
      c.build_script = true;
      c.build_command = "npx tsc";
      c.checks.push_back("package.json has no `build` script; the image runs `npx tsc` to produce dist/");
    }
  } else if (c.kind == "server" && c.framework != "next" && c.framework != "nuxt") {
    // `node server.js` in scripts.start, else `main`, else a conventional file.
    std::string e;
    if (start.rfind("node ", 0) == 0) {
      e = Trim(start.substr(5));
      e = e.substr(0, e.find(' '));
    }
    if (e.empty()) e = Str(pkg, "main");
    for (const char* cand : {"server.js", "index.js", "app.js", "src/index.js", "src/server.js"})
      if (e.empty() && f.HasPath(cand)) e = cand;
    if (e.empty()) {
      e = "index.js";
      c.checks.push_back("the entry file (no scripts.start, main or index.js found; assumed index.js)");
    }
    c.entry = e;
  }
  if (c.kind == "static" && c.framework == "vite" && !c.build_script)
    c.checks.push_back("package.json has no `build` script; the image runs `npx vite build`");
  c.manifests = {"package.json"};
  if (c.manager == "npm" && f.Has("package-lock.json")) c.manifests.push_back("package-lock.json");
  if (c.manager == "yarn") c.manifests.push_back("yarn.lock");
  if (c.manager == "pnpm") c.manifests.push_back("pnpm-lock.yaml");
  c.lockfile = c.manifests.size() > 1;
}

/// `name = App(` in `text`: the variable holding the application object.
std::string AppVariable(std::string_view text, std::string_view ctor) {
  const std::string call = std::string(ctor) + "(";
  for (size_t p = text.find(call); p != std::string_view::npos; p = text.find(call, p + 1)) {
    size_t ls = text.rfind('\n', p);
    ls = ls == std::string_view::npos ? 0 : ls + 1;
    std::string_view line = text.substr(ls, p - ls);
    size_t eq = line.find('=');
    if (eq == std::string_view::npos || line.find("def ") != std::string_view::npos) continue;
    std::string var = Trim(line.substr(0, eq));
    if (size_t colon = var.find(':'); colon != std::string::npos) var = Trim(var.substr(0, colon));
    if (!var.empty() && std::all_of(var.begin(), var.end(), [](char ch) {
          return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
        }))
      return var;
  }
  return {};
}

void PythonDetails(Component& c, const Files& f) {
  const std::string pyproject = f.Read("pyproject.toml");
  c.name = LineValue(pyproject, "name");
  std::string pv = Trim(f.Read(".python-version"));
  if (!pv.empty()) SetVersion(c, pv, 2, c.version, ".python-version");
  std::string rt = Trim(f.Read("runtime.txt"));
  if (rt.rfind("python-", 0) == 0) SetVersion(c, rt.substr(7), 2, c.version, "runtime.txt");
  SetVersion(c, LineValue(pyproject, "requires-python"), 2, c.version, "requires-python");
  SetVersion(c, LineValue(pyproject, "python"), 2, c.version, "tool.poetry python");
  SetVersion(c, LineValue(f.Read("Pipfile"), "python_version"), 2, c.version, "Pipfile");
  if (c.manager == "pip") {
    if (f.Has("requirements.txt")) c.manifests = {"requirements.txt"};
    else if (f.Has("pyproject.toml")) c.manifests = {"pyproject.toml"};
    else c.manifests = {"setup.py"};
  } else if (c.manager == "poetry") {
    c.manifests = {"pyproject.toml"};
    if (f.Has("poetry.lock")) c.manifests.push_back("poetry.lock");
  } else if (c.manager == "uv") {
    c.manifests = {"pyproject.toml", "uv.lock"};
  } else if (c.manager == "pdm") {
    c.manifests = {"pyproject.toml", "pdm.lock"};
  } else if (c.manager == "pipenv") {
    c.manifests = {"Pipfile"};
    if (f.Has("Pipfile.lock")) c.manifests.push_back("Pipfile.lock");
  }
  c.lockfile = c.manifests.size() > 1 || c.manager == "pip";
  // Where the application object lives.
  std::vector<std::string> candidates = {"main.py", "app.py", "app/main.py", "src/main.py",
                                         "api/main.py", "server.py", "wsgi.py", "app/__init__.py",
                                         "application.py", "run.py"};
  if (!c.name.empty()) {
    std::string pkg = c.name;
    std::replace(pkg.begin(), pkg.end(), '-', '_');
    for (const char* file : {"/main.py", "/app.py", "/__init__.py"}) {
      candidates.push_back(pkg + file);
      candidates.push_back("src/" + pkg + file);
    }
  }
  auto module_of = [](std::string path) {
    if (path.ends_with(".py")) path.resize(path.size() - 3);
    if (path.ends_with("/__init__")) path.resize(path.size() - 9);
    if (path.rfind("src/", 0) == 0) path = path.substr(4);
    std::replace(path.begin(), path.end(), '/', '.');
    return path;
  };
  if (!c.server.empty()) {
    std::string text;
    for (const std::string& m : c.manifests) text += f.Read(m) + "\n";
    for (const std::string& n : f.names())
      if (n.starts_with("requirements") && n.ends_with(".txt")) text += f.Read(n) + "\n";
    c.server_listed = MentionsWord(text, c.server);
    if (!c.server_listed)
      c.checks.push_back(c.server + " is not in the dependencies; the image installs " + c.server +
                         "==" + ToolVersion(c.server));
  }
  if (c.framework == "django") {
    for (const std::string& d : f.names()) {
      if (f.IsDir(d) && f.HasPath(d + "/wsgi.py")) {
        c.entry = d + ".wsgi:application";
        break;
      }
    }
    if (c.entry.empty()) {
      c.entry = "config.wsgi:application";
      c.checks.push_back("the WSGI module (no <project>/wsgi.py found; assumed config.wsgi)");
    }
  } else if (c.framework == "fastapi" || c.framework == "flask" || c.framework == "starlette") {
    const char* ctor = c.framework == "fastapi" ? "FastAPI" : c.framework == "flask" ? "Flask" : "Starlette";
    for (const std::string& cand : candidates) {
      const std::string text = f.Read(cand);
      if (text.empty()) continue;
      std::string var = AppVariable(text, ctor);
      if (var.empty() && c.framework == "flask" && text.find("def create_app(") != std::string::npos)
        var = "create_app()";
      if (var.empty()) continue;
      c.entry = module_of(cand) + ":" + var;
      break;
    }
    if (c.entry.empty()) {
      c.entry = "main:app";
      c.checks.push_back("the application module (no `app = " + std::string(ctor) +
                         "(...)` found; assumed main:app)");
    }
  } else if (c.kind == "worker" && c.framework == "celery") {
    c.entry = c.name.empty() ? "app" : c.name;
    c.checks.push_back("the Celery application module (assumed " + c.entry + ")");
  } else {
    for (const char* cand : {"main.py", "app.py", "run.py", "server.py", "bot.py", "__main__.py"})
      if (c.entry.empty() && f.Has(cand)) c.entry = cand;
    if (c.entry.empty()) {
      c.entry = "main.py";
      c.checks.push_back("the script to run (assumed main.py)");
    }
    c.kind = "worker";
  }
}

void GoDetails(Component& c, const Files& f) {
  const std::string mod = f.Read("go.mod");
  std::string module = LineValue(mod, "module");
  c.name = module.substr(module.rfind('/') + 1);
  if (c.name.empty()) c.name = "app";
  std::string toolchain = LineValue(mod, "toolchain");
  if (toolchain.rfind("go", 0) == 0) SetVersion(c, toolchain.substr(2), 2, c.version, "go.mod toolchain");
  // Since Go 1.21 the directive is a minimum; older ones name the language version. Either way
  // a newer toolchain builds the module, so it only raises the default.
  const std::string directive = LineValue(mod, "go");
  if (!directive.empty()) SetVersion(c, ">=" + directive, 2, c.version, "go.mod go directive");
  c.manifests = {"go.mod"};
  if (f.Has("go.sum")) c.manifests.push_back("go.sum");
  c.lockfile = f.Has("go.sum");
  bool root_main = f.Has("main.go");
  for (const std::string& n : f.names())
    if (!root_main && n.ends_with(".go") && !n.ends_with("_test.go") &&
        f.Read(n).find("package main") != std::string::npos)
      root_main = true;
  if (root_main) {
    c.entry = ".";
  } else {
    for (const std::string& d : f.List("cmd"))
      if (f.HasPath("cmd/" + d + "/main.go")) {
        c.entry = "./cmd/" + d;
        c.name = d;
        break;
      }
    if (c.entry.empty()) {
      c.entry = ".";
      c.checks.push_back("the main package (no main.go or cmd/*/main.go found)");
    }
  }
}

void JavaDetails(Component& c, const Files& f) {
  if (c.manager == "maven") {
    const std::string pom = f.Read("pom.xml");
    // The project's own artifactId, not the <parent>'s (spring-boot-starter-parent).
    const size_t parent_end = pom.find("</parent>");
    c.name = XmlValue(std::string_view(pom).substr(parent_end == std::string::npos ? 0 : parent_end), "artifactId");
    for (const char* tag : {"java.version", "maven.compiler.release", "maven.compiler.target",
                            "maven.compiler.source", "release"})
      SetVersion(c, XmlValue(pom, tag), 1, c.version, std::string("<") + tag + ">");
    c.manifests = {"pom.xml"};
    c.wrapper = f.Has("mvnw") && f.IsDir(".mvn");
    if (c.wrapper) c.manifests.insert(c.manifests.end(), {"mvnw", ".mvn"});
  } else {
    const std::string file = f.Has("build.gradle.kts") ? "build.gradle.kts" : "build.gradle";
    const std::string g = f.Read(file);
    for (std::string_view key : {"JavaLanguageVersion.of(", "JavaVersion.VERSION_", "sourceCompatibility"}) {
      size_t p = g.find(key);
      if (p == std::string::npos) continue;
      std::string rest = g.substr(p + key.size(), 12);
      size_t d = rest.find_first_of("0123456789");
      if (d == std::string::npos) continue;
      std::string v = rest.substr(d);
      if (v.rfind("1_8", 0) == 0 || v.rfind("1.8", 0) == 0) v = "8";
      SetVersion(c, v, 1, c.version, file);
    }
    c.manifests = {file};
    for (const char* s : {"settings.gradle", "settings.gradle.kts", "gradle.properties"})
      if (f.Has(s)) c.manifests.push_back(s);
    c.wrapper = f.Has("gradlew") && f.IsDir("gradle");
    if (c.wrapper) c.manifests.insert(c.manifests.end(), {"gradlew", "gradle"});
    c.name = LineValue(f.Read(f.Has("settings.gradle.kts") ? "settings.gradle.kts" : "settings.gradle"),
                       "rootProject.name");
  }
  if (c.name.empty()) c.name = "app";
  c.checks.push_back("that the build produces one runnable jar (copied as app.jar)");
}

/// Variables read from the environment by the source files under `dir` (bounded walk).
std::vector<std::string> ScanEnv(const FileSystem& fs, const std::string& dir, const std::string& stack) {
  static const std::string_view kCalls[] = {"process.env.", "process.env[\"", "os.environ[\"",
                                            "os.environ.get(\"", "os.getenv(\"", "os.Getenv(\"",
                                            "System.getenv(\"", "ENV[\"", "ENV.fetch(\"",
                                            "env::var(\"", "getenv('", "getenv(\"", "os.environ['",
                                            "os.environ.get('", "os.getenv('", "ENV['", "ENV.fetch('",
                                            "env('", "env(\""};
  std::vector<std::string> ext;
  if (stack == "node") ext = {".js", ".ts", ".mjs", ".cjs"};
  else if (stack == "python") ext = {".py"};
  else if (stack == "go") ext = {".go"};
  else if (stack == "java") ext = {".java", ".kt", ".properties", ".yml", ".yaml"};
  else if (stack == "php") ext = {".php"};
  else if (stack == "ruby") ext = {".rb"};
  else if (stack == "rust") ext = {".rs"};
  else return {};
  std::vector<std::string> out;
  std::vector<std::pair<std::string, int>> todo = {{dir, 0}};
  int files = 0;
  while (!todo.empty() && files < 400) {
    auto [d, level] = todo.back();
    todo.pop_back();
    for (const std::string& n : fs.List(d)) {
      if (n.empty() || n[0] == '.' || n == "node_modules" || n == "vendor" || n == "target" ||
          n == "dist" || n == "build" || n == "venv" || n == "test" || n == "tests" ||
          n == "__pycache__" || n.ends_with(".min.js"))
        continue;
      const std::string p = JoinPath(d, n);
      if (fs.IsDirectory(p)) {
        if (level < 7) todo.push_back({p, level + 1});  // Java sources sit at src/main/java/org/x/y
        continue;
      }
      if (std::none_of(ext.begin(), ext.end(), [&](const std::string& e) { return n.ends_with(e); }))
        continue;
      ++files;
      const std::string text = fs.Read(p, 256 << 10).value_or("");
      for (std::string_view call : kCalls) {
        for (size_t q = text.find(call); q != std::string::npos; q = text.find(call, q + 1)) {
          size_t s = q + call.size(), e = s;
          while (e < text.size() && (std::isupper(static_cast<unsigned char>(text[e])) ||
                                     std::isdigit(static_cast<unsigned char>(text[e])) || text[e] == '_'))
            ++e;
          if (e - s < 2 || std::isdigit(static_cast<unsigned char>(text[s]))) continue;
          // Only whole names: `process.env.FOO` followed by a lower-case letter is something else.
          if (e < text.size() && std::islower(static_cast<unsigned char>(text[e]))) continue;
          out.push_back(text.substr(s, e - s));
        }
      }
    }
  }
  static const std::string_view kSkip[] = {"NODE_ENV", "PORT", "HOST", "HOME", "PATH", "PWD",
                                           "USER", "DEBUG", "CI", "TZ", "LANG", "HOSTNAME",
                                           "PYTHONPATH", "GOPATH", "SHELL", "TERM", "TMPDIR"};
  std::erase_if(out, [](const std::string& v) {
    return std::find(std::begin(kSkip), std::end(kSkip), v) != std::end(kSkip);
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (out.size() > 40) out.resize(40);
  return out;
}

}  // namespace

std::string VersionFloor(std::string_view spec, int parts) {
  size_t p = spec.find_first_of("0123456789");
  if (p == std::string_view::npos) return {};
  std::string out;
  int n = 1;
  for (size_t i = p; i < spec.size(); ++i) {
    char ch = spec[i];
    if (std::isdigit(static_cast<unsigned char>(ch))) {
      out += ch;
    } else if (ch == '.' && n < parts && i + 1 < spec.size() &&
               std::isdigit(static_cast<unsigned char>(spec[i + 1]))) {
      out += ch;
      ++n;
    } else {
      break;
    }
  }
  return out;
}

std::string ToolImage(std::string_view key, std::string_view version) {
  auto it = Table().find("images");
  if (it == Table().end()) return {};
  std::string img = Str(*it, std::string(key).c_str());
  if (size_t p = img.find("{v}"); p != std::string::npos) img.replace(p, 3, version);
  return img;
}

std::string ToolVersion(std::string_view tool) {
  auto it = Table().find("tools");
  return it == Table().end() ? std::string() : Str(*it, std::string(tool).c_str());
}

std::optional<Component> DetectComponent(const FileSystem& fs, std::string_view dir_in) {
  const std::string dir = NormalizePath(dir_in.empty() ? "." : dir_in);
  Files f(fs, dir);
  const Json* stack = nullptr;
  for (const Json& s : Arr(Table(), "stacks")) {
    for (const std::string& m : Strs(s, "markers"))
      if (f.Has(m)) stack = &s;
    if (stack) break;
  }
  if (!stack) return std::nullopt;
  Component c;
  c.dir = dir;
  c.stack = Str(*stack, "id");
  c.stack_name = Str(*stack, "name");
  c.version = DefaultVersion(*stack, &c.version_from);
  for (const std::string& n : f.names()) {
    const std::string l = Lower(n);
    if (l == "dockerfile" || l == "containerfile" || l.starts_with("dockerfile.") || l.ends_with(".dockerfile"))
      c.has_dockerfile = true;
  }
  // Manager: the first entry whose file is there (or whose manifest section is).
  for (const Json& m : Arr(*stack, "managers")) {
    const std::string file = Str(m, "file"), section = Str(m, "section");
    if ((!file.empty() && f.Has(file)) ||
        (!section.empty() && f.Read("pyproject.toml").find(section) != std::string::npos)) {
      c.manager = Str(m, "id");
      break;
    }
  }
  Json pkg = Json::object();
  if (c.stack == "node" || c.stack == "php") {
    const std::string text = f.Read(c.stack == "node" ? "package.json" : "composer.json");
    pkg = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!pkg.is_object()) {
      pkg = Json::object();
      c.checks.push_back("the manifest (it is not valid JSON)");
    }
  }
  if (c.stack == "python") {
    for (const char* m : {"pyproject.toml", "Pipfile", "setup.py", "setup.cfg"})
      if (f.Has(m)) c.manifests.push_back(m);
  } else if (c.stack == "java") {
    c.manifests = {"pom.xml", "build.gradle", "build.gradle.kts"};
  } else if (c.stack == "ruby") {
    c.manifests = {"Gemfile"};
  } else if (c.stack == "rust") {
    c.manifests = {"Cargo.toml"};
  } else if (c.stack == "go") {
    c.manifests = {"go.mod"};
  }
  for (const Json& fw : Arr(*stack, "frameworks")) {
    if (!DependsOn(c, f, pkg, Str(fw, "dep"))) continue;
    c.framework = Str(fw, "id");
    c.framework_name = Str(fw, "name");
    c.kind = Str(fw, "kind");
    c.port = Int(fw, "port");
    c.output = Str(fw, "output");
    c.probe = Str(fw, "probe");
    c.server = Str(fw, "server");
    break;
  }
  if (c.framework.empty()) {
    // A Node package with no server framework: a static build if it builds, else a script.
    c.kind = "worker";
  }
  for (const std::string& vf : Strs(*stack, "version_files")) {
    std::string v = Trim(f.Read(vf));
    if (!v.empty()) SetVersion(c, v, c.stack == "python" || c.stack == "ruby" || c.stack == "go" ? 2 : 1,
                               c.version, vf);
  }
  if (c.stack == "node") {
    NodeDetails(c, f, pkg);
    if (c.framework.empty() && c.build_script) {
      c.kind = "static";
      c.output = "dist";
      c.checks.push_back("the build output directory (assumed dist/)");
    } else if (c.framework.empty()) {
      c.kind = "worker";
    }
  } else if (c.stack == "python") {
    PythonDetails(c, f);
  } else if (c.stack == "go") {
    GoDetails(c, f);
  } else if (c.stack == "java") {
    JavaDetails(c, f);
  } else if (c.stack == "php") {
    if (auto req = pkg.find("require"); req != pkg.end() && req->is_object())
      SetVersion(c, Str(*req, "php"), 2, c.version, "composer.json require.php");
    c.manifests = {"composer.json"};
    if (f.Has("composer.lock")) c.manifests.push_back("composer.lock");
    c.lockfile = f.Has("composer.lock");
    if (!f.IsDir("public")) c.output = ".";
  } else if (c.stack == "ruby") {
    const std::string gemfile = f.Read("Gemfile");
    SetVersion(c, LineValue(gemfile, "ruby"), 2, c.version, "Gemfile ruby");
    c.manifests = {"Gemfile"};
    if (f.Has("Gemfile.lock")) c.manifests.push_back("Gemfile.lock");
    c.lockfile = f.Has("Gemfile.lock");
    if (c.framework == "rails" &&
        f.Read("config/routes.rb").find("rails/health") == std::string::npos)
      c.probe.clear();
    if (c.framework == "rack" || c.framework == "sinatra") {
      if (!f.Has("config.ru")) c.checks.push_back("config.ru (rackup needs it)");
    }
  } else if (c.stack == "rust") {
    const std::string cargo = f.Read("Cargo.toml");
    c.name = LineValue(cargo, "name");
    if (c.name.empty()) c.name = "app";
    std::string tc = Trim(f.Read("rust-toolchain"));
    if (tc.empty()) tc = LineValue(f.Read("rust-toolchain.toml"), "channel");
    if (!tc.empty()) SetVersion(c, tc, 2, c.version, "rust-toolchain");
    c.manifests = {"Cargo.toml"};
    if (f.Has("Cargo.lock")) c.manifests.push_back("Cargo.lock");
    c.lockfile = f.Has("Cargo.lock");
    if (cargo.find("[workspace]") != std::string::npos)
      c.checks.push_back("which workspace binary to ship (assumed " + c.name + ")");
  } else if (c.stack == "static") {
    c.port = 8080;
    c.probe = "/";
  }
  if (c.kind == "static") {
    c.port = 8080;  // nginx as an unprivileged user cannot bind 80
    c.probe = "/";
  }
  if (c.stack == "node" && (c.framework == "next" || c.framework == "nuxt")) c.probe = "/";
  if (c.framework == "fastapi") c.probe = "/docs";
  for (const std::string& m : c.manifests) c.manifest_text += Lower(f.Read(m)) + "\n";
  for (const std::string& n : f.names())
    if (n.starts_with("requirements") && n.ends_with(".txt")) c.manifest_text += Lower(f.Read(n)) + "\n";
  if (c.kind != "static") c.env = ScanEnv(fs, dir, c.stack);
  if (c.stack == "php")
    c.checks.push_back("the port (8080: Apache is set to listen there as www-data)");
  else if (c.kind == "server")
    c.checks.push_back("the port (" + std::to_string(c.port) + ", the " +
                       (c.framework_name.empty() ? c.stack_name : c.framework_name) + " default)");
  return c;
}

std::vector<Component> DetectComponents(const FileSystem& fs, std::string_view root, int depth) {
  std::vector<Component> out;
  std::vector<std::pair<std::string, int>> todo = {{NormalizePath(root.empty() ? "." : root), 0}};
  auto inside_component = [&](const std::string& dir) {
    for (const Component& o : out)
      if (o.dir == "." || dir.rfind(o.dir + "/", 0) == 0) return true;
    return false;
  };
  while (!todo.empty()) {
    auto [dir, level] = todo.back();
    todo.pop_back();
    // An index.html inside another component (a React app's public/, a Flask static/) is part
    // of that component, not a site of its own.
    if (auto c = DetectComponent(fs, dir); c && !(c->stack == "static" && inside_component(dir)))
      out.push_back(std::move(*c));
    if (level >= depth) continue;
    for (const std::string& n : fs.List(dir)) {
      if (n.empty() || n[0] == '.' || n == "node_modules" || n == "vendor" || n == "target" ||
          n == "dist" || n == "build" || n == "venv" || n == "__pycache__" || n == "test" ||
          n == "tests" || n == "docs" || n == "examples" || n == "fixtures" || n == "testdata")
        continue;
      const std::string sub = JoinPath(dir, n);
      if (fs.IsDirectory(sub)) todo.push_back({sub, level + 1});
    }
  }
  std::sort(out.begin(), out.end(), [](const Component& a, const Component& b) { return a.dir < b.dir; });
  return out;
}

std::string Describe(const Component& c) {
  std::string s = c.stack_name + " (" + c.manager;
  if (!c.framework_name.empty()) s += ", " + c.framework_name;
  s += c.kind == "static" ? ", static build" : c.kind == "worker" ? ", worker" : ", server";
  if (c.port) s += " on " + std::to_string(c.port);
  s += ") " + c.version + " from " + c.version_from;
  return s;
}

}  // namespace shipshape::generate
