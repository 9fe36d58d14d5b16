#include "emit/env_example.h"

#include <algorithm>
#include <map>

#include "core/workspace.h"
#include "yaml/yaml.h"

namespace shipshape::generate {
namespace {

bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

/// Variables a shell always has; a Compose file using ${PWD} or ${HOME} needs no documentation.
bool ShellProvided(std::string_view name) {
  static const std::string_view kNames[] = {"HOME", "PWD",    "USER", "UID",    "PATH",
                                            "SHELL", "HOSTNAME", "LANG", "TERM", "LOGNAME",
                                            "TMPDIR", "OLDPWD"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

/// Index of the `}` closing a `${` whose body starts at `i`, honouring nested `${...}`; npos if
/// unterminated.
size_t FindClose(std::string_view s, size_t i) {
  int depth = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '$') {
      ++i;
    } else if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '{') {
      ++depth;
      ++i;
    } else if (s[i] == '}') {
      if (depth == 0) return i;
      --depth;
    }
  }
  return std::string_view::npos;
}

void Scan(std::string_view s, bool nested, std::vector<VariableRef>* out) {
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '$' || i + 1 >= s.size()) {
      ++i;
      continue;
    }
    const char next = s[i + 1];
    if (next == '$') {
      i += 2;
      continue;
    }
    if (IsNameStart(next)) {
      size_t j = i + 1;
      while (j < s.size() && IsNameChar(s[j])) ++j;
      out->push_back({std::string(s.substr(i + 1, j - i - 1)), "", "", nested});
      i = j;
      continue;
    }
    if (next != '{') {
      ++i;
      continue;
    }
    size_t j = i + 2;
    if (j >= s.size() || !IsNameStart(s[j])) {
      i += 2;  // `${}` or `${1}`: invalid, Compose reports it; not a variable to document.
      continue;
    }
    size_t name_end = j;
    while (name_end < s.size() && IsNameChar(s[name_end])) ++name_end;
    const size_t close = FindClose(s, name_end);
    if (close == std::string_view::npos) {
      i += 2;
      continue;
    }
    VariableRef ref;
    ref.name = std::string(s.substr(j, name_end - j));
    ref.nested = nested;
    std::string_view rest = s.substr(name_end, close - name_end);
    bool valid = true;
    if (!rest.empty()) {
      static const std::string_view kOps[] = {":-", ":?", ":+", "-", "?", "+"};
      valid = false;
      for (std::string_view op : kOps) {
        if (rest.substr(0, op.size()) == op) {
          ref.op = std::string(op);
          ref.argument = std::string(rest.substr(op.size()));
          valid = true;
          break;
        }
      }
    }
    if (valid) {
      const std::string argument = ref.argument;
      out->push_back(std::move(ref));
      if (!argument.empty()) Scan(argument, true, out);
    }
    i = close + 1;
  }
}

void WalkValues(const yaml::Node* root, const std::string& path,
                std::map<std::string, ComposeVariable>* vars) {
  std::vector<std::pair<const yaml::Node*, int>> stack = {{root, 0}};
  size_t visited = 0;
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (!node || depth > 200 || ++visited > 200000) continue;
    if (node->IsMapping()) {
      for (auto it = node->entries.rbegin(); it != node->entries.rend(); ++it)
        stack.push_back({it->value, depth + 1});
      continue;
    }
    if (node->IsSequence()) {
      for (auto it = node->items.rbegin(); it != node->items.rend(); ++it)
        stack.push_back({it->node, depth + 1});
      continue;
    }
    if (node->value.find('$') == std::string::npos) continue;
    for (const VariableRef& ref : ScanVariables(node->value)) {
      if (ShellProvided(ref.name)) continue;
      ComposeVariable& v = (*vars)[ref.name];
      v.name = ref.name;
      if (std::find(v.files.begin(), v.files.end(), path) == v.files.end()) v.files.push_back(path);
      const bool has_fallback = ref.op == ":-" || ref.op == "-" || ref.op == ":+" || ref.op == "+";
      if (!ref.nested && !has_fallback) v.required = true;
      if (!ref.nested && (ref.op == ":?" || ref.op == "?")) {
        v.fails_when_unset = true;
        if (v.message.empty()) v.message = ref.argument;
      }
      if ((ref.op == ":-" || ref.op == "-") && !v.default_value) v.default_value = ref.argument;
    }
  }
}

std::string BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

/// A default as a value an env file reads back unchanged.
std::string QuoteDefault(std::string_view v) {
  if (v.find('$') != std::string_view::npos) return std::string(v);  // Nested template: keep.
  bool plain = !v.empty();
  for (char c : v)
    if (c == ' ' || c == '\t' || c == '#' || c == '"' || c == '\'' || c == '\\') plain = false;
  if (plain || v.empty()) return std::string(v);
  if (v.find('\'') == std::string_view::npos) return "'" + std::string(v) + "'";
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string OneLine(std::string_view s, size_t max) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    out += c;
    if (out.size() >= max) {
      out += "...";
      break;
    }
  }
  return out;
}

/// Name assigned on an env-file line, or "" (also for commented-out assignments when `comments`).
std::string AssignedName(std::string_view line, bool comments) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  bool commented = false;
  if (i < line.size() && line[i] == '#') {
    if (!comments) return "";
    commented = true;
    while (i < line.size() && line[i] == '#') ++i;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  }
  if (line.substr(i, 7) == "export ") {
    i += 7;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  size_t j = i;
  while (j < line.size() && (IsNameChar(line[j]) || line[j] == '.' || line[j] == '-')) ++j;
  if (j == i || !IsNameStart(line[i])) return "";
  size_t k = j;
  while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
  if (k < line.size() && line[k] == '=') return std::string(line.substr(i, j - i));
  if (!commented && k < line.size() && line[k] == ':') return std::string(line.substr(i, j - i));
  return "";
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t p = 0;
  while (p < text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(p, e - p);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    p = e + 1;
  }
  return out;
}

}  // namespace

std::vector<VariableRef> ScanVariables(std::string_view value) {
  std::vector<VariableRef> out;
  Scan(value, false, &out);
  return out;
}

std::vector<ComposeVariable> CollectComposeVariables(std::span<const SourceFile* const> compose_files) {
  std::map<std::string, ComposeVariable> vars;
  for (const SourceFile* f : compose_files) {
    if (!f || f->text.find('$') == std::string::npos) continue;
    auto doc = yaml::Parse(f->text);
    if (!doc->ok() || !doc->root()) continue;
    WalkValues(doc->root(), f->path, &vars);
  }
  std::vector<ComposeVariable> out;
  for (auto& [name, v] : vars) {
    std::sort(v.files.begin(), v.files.end());
    out.push_back(std::move(v));
  }
  return out;
}

std::string GenerateEnvExample(const std::vector<ComposeVariable>& vars,
                               std::span<const std::string> file_names) {
  if (vars.empty()) return {};
  std::string out = "# Variables used by ";
  for (size_t i = 0; i < file_names.size(); ++i) {
    if (i) out += ", ";
    out += file_names[i];
  }
  if (file_names.empty()) out += "the Compose files";
  out += ".\n# Copy this file to .env and fill in the values; docker compose reads .env from this "
         "directory.\n";
  std::vector<const ComposeVariable*> required, optional;
  for (const ComposeVariable& v : vars) (v.required ? required : optional).push_back(&v);
  auto by_name = [](const ComposeVariable* a, const ComposeVariable* b) { return a->name < b->name; };
  std::sort(required.begin(), required.end(), by_name);
  std::sort(optional.begin(), optional.end(), by_name);
  if (!required.empty()) {
    out += "\n# Required: no default in the Compose file.\n";
    for (const ComposeVariable* v : required) {
      if (v->fails_when_unset) {
        out += "# Compose refuses to start without it";
        if (!v->message.empty()) out += ": " + OneLine(v->message, 100);
        out += "\n";
      }
      out += v->name + "=\n";
    }
  }
  if (!optional.empty()) {
    out += "\n# Optional: the Compose file has a fallback; uncomment to override it.\n";
    for (const ComposeVariable* v : optional) {
      std::string def = v->default_value ? QuoteDefault(*v->default_value) : "";
      if (def.find('\n') != std::string::npos) def.clear();
      out += "# " + v->name + "=" + def + "\n";
    }
  }
  return out;
}

std::string GenerateEnvExample(std::span<const SourceFile* const> compose_files) {
  std::vector<std::string> names;
  for (const SourceFile* f : compose_files)
    if (f) names.push_back(BaseName(f->path));
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return GenerateEnvExample(CollectComposeVariables(compose_files), names);
}

std::set<std::string, std::less<>> DocumentedVariables(std::string_view env_text) {
  std::set<std::string, std::less<>> out;
  for (std::string_view line : SplitLines(env_text)) {
    std::string name = AssignedName(line, /*comments=*/true);
    if (!name.empty()) out.insert(std::move(name));
  }
  return out;
}

std::string MergeEnvExample(std::string_view existing, std::string_view generated) {
  if (existing.empty()) return std::string(generated);
  const std::set<std::string, std::less<>> have = DocumentedVariables(existing);
  const std::string_view nl = existing.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  std::vector<std::string_view> lines = SplitLines(generated);
  // The generated header (lines up to the first blank line) describes a new file; skip it.
  size_t start = 0;
  while (start < lines.size() && !lines[start].empty()) ++start;
  // Blocks are separated by blank lines; a block opens with a section comment, then each
  // variable line may have comments right above it. A section comment is written once, before
  // the first variable of its section that is actually added.
  std::string add;
  std::vector<std::string_view> section, pending;
  bool section_written = false;
  for (size_t i = start; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (line.empty()) {
      section.clear();
      pending.clear();
      section_written = false;
      continue;
    }
    const std::string name = AssignedName(line, /*comments=*/true);
    if (name.empty()) {
      if (section.empty() && pending.empty() && !section_written && i > 0 && lines[i - 1].empty())
        section.push_back(line);
      else
        pending.push_back(line);
      continue;
    }
    if (!have.count(name)) {
      if (!section_written) {
        if (!add.empty()) add += nl;
        for (std::string_view c : section) (add += c) += nl;
        section_written = true;
      }
      for (std::string_view c : pending) (add += c) += nl;
      (add += line) += nl;
    }
    pending.clear();
  }
  std::string out(existing);
  if (add.empty()) return out;
  if (out.back() != '\n') out += nl;
  // One blank line between the user's content and ours, unless there already is one.
  const bool ends_blank = out.size() >= nl.size() * 2 &&
                          std::string_view(out).substr(out.size() - nl.size() * 2) ==
                              std::string(nl) + std::string(nl);
  if (!ends_blank) out += nl;
  out += add;
  return out;
}

std::vector<std::string> GitignoreEntries(std::span<const std::string> keep) {
  std::vector<std::string> out = {".env", ".env.*"};
  if (keep.empty()) {
    out.push_back("!.env.example");
  } else {
    for (const std::string& k : keep) out.push_back("!" + k);
  }
  return out;
}

bool IsEnvTemplateName(std::string_view name) {
  std::string n(name);
  for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view marker : {"example", "sample", "template", "dist", "defaults", "tmpl", "tpl"}) {
    // As a dot-separated part: `.env.example`, `app.env.sample`, `.env.example.local`.
    size_t p = 0;
    while ((p = n.find(marker, p)) != std::string::npos) {
      const bool left = p == 0 || n[p - 1] == '.' || n[p - 1] == '-' || n[p - 1] == '_';
      const size_t e = p + marker.size();
      const bool right = e == n.size() || n[e] == '.' || n[e] == '-' || n[e] == '_';
      if (left && right) return true;
      p = e;
    }
  }
  return false;
}

}  // namespace shipshape::generate
