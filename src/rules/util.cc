#include "rules/util.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>

namespace shipshape::rules {

std::string MatchCase(std::string_view original, std::string_view replacement) {
  bool any_upper = false, any_lower = false;
  for (char c : original) {
    any_upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    any_lower |= std::islower(static_cast<unsigned char>(c)) != 0;
  }
  std::string out(replacement);
  if (any_upper && !any_lower) {
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  } else if (any_lower && !any_upper) {
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}


uint32_t LineStartOf(std::string_view src, uint32_t offset) {
  if (offset > src.size()) offset = static_cast<uint32_t>(src.size());
  while (offset > 0 && src[offset - 1] != '\n') --offset;
  return offset;
}

uint32_t LineEndOf(std::string_view src, uint32_t offset) {
  size_t nl = src.find('\n', offset);
  return nl == std::string_view::npos ? static_cast<uint32_t>(src.size())
                                      : static_cast<uint32_t>(nl + 1);
}

std::string_view Newline(std::string_view src) {
  size_t nl = src.find('\n');
  if (nl != std::string_view::npos && nl > 0 && src[nl - 1] == '\r') return "\r\n";
  return "\n";
}

std::string_view IndentOf(std::string_view src, uint32_t offset) {
  uint32_t s = LineStartOf(src, offset);
  uint32_t e = s;
  while (e < src.size() && (src[e] == ' ' || src[e] == '\t')) ++e;
  return src.substr(s, e - s);
}

TextRange WholeLines(std::string_view src, TextRange r) {
  return {LineStartOf(src, r.start), LineEndOf(src, r.end > r.start ? r.end - 1 : r.end)};
}

}  // namespace shipshape::rules

// ---------------------------------------------------------------------------------------------
namespace shipshape::rules {

using dockerfile::Dockerfile;
using dockerfile::Instruction;
using dockerfile::Keyword;
using dockerfile::Stage;

namespace {

std::vector<std::string> CommandWords(const Instruction& ins) {
  std::vector<std::string> words;
  if (ins.json_form) {
    for (const dockerfile::Arg& a : ins.args) words.push_back(a.value);
    return words;
  }
  if (ins.args.empty()) return words;
  std::string_view s = ins.args[0].value;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) words.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

std::string_view BaseName(std::string_view p) {
  size_t slash = p.find_last_of('/');
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

// Base images whose own CMD starts a server; a stage FROM one of them without a CMD of its own
// still runs that server.
bool IsKnownServiceImage(std::string_view repo) {
  static const std::string_view kNames[] = {
      "nginx", "httpd", "caddy", "traefik", "postgres", "mysql", "mariadb", "mongo", "redis",
      "rabbitmq", "elasticsearch", "opensearch", "grafana", "prometheus", "tomcat", "jetty",
      "haproxy", "memcached", "wordpress", "keycloak", "nextcloud", "openresty", "envoy",
      "consul", "vault", "nginx-unprivileged", "apache", "odoo", "ghost", "drupal", "joomla",
      "jenkins", "sonarqube", "minio", "clickhouse-server", "influxdb", "couchdb", "cassandra",
      "neo4j", "solr", "zookeeper", "kafka", "mosquitto", "registry", "nats", "etcd"};
  std::string_view name = BaseName(repo);
  for (std::string_view k : kNames)
    if (name == k) return true;
  return false;
}

bool IsWrapper(std::string_view word) {
  std::string_view b = BaseName(word);
  if (b == "tini" || b == "tini-static" || b == "dumb-init" || b == "catatonit" || b == "--")
    return true;
  // docker-entrypoint.sh, docker-php-entrypoint, entrypoint: scripts that end in `exec "$@"`.
  return b.find("entrypoint") != std::string_view::npos;
}

bool IsInteractiveCommand(std::vector<std::string> words) {
  // Skip init wrappers and entrypoint scripts (and their options): the command is what follows.
  size_t i = 0;
  while (i < words.size() && (IsWrapper(words[i]) || (i > 0 && !words[i].empty() &&
                                                        words[i][0] == '-' && IsWrapper(words[0]))))
    ++i;
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i));
  if (words.empty()) return false;  // only a wrapper: the base image's CMD decides; assume a service
  static const std::string_view kShells[] = {
      "sh",   "bash", "ash",     "zsh",  "dash",   "fish",  "ksh",    "csh",   "tcsh",
      "busybox", "pwsh", "powershell", "cmd", "cmd.exe", "python", "python2", "python3",
      "node", "irb",  "ghci",    "iex",  "jshell", "julia", "erl",    "php",   "R",
      "ruby", "lua",  "perl",    "deno", "bun",    "scala", "clojure", "swift", "ipython"};
  std::string_view first = BaseName(words[0]);
  bool shell = false;
  for (std::string_view k : kShells)
    if (first == k) shell = true;
  if (!shell) return false;
  // `sh -c "server"` runs something; `bash`, `bash -l`, `python3 -i`, `php -a` are interactive.
  for (size_t k = 1; k < words.size(); ++k)
    if (words[k].empty() || words[k][0] != '-' || words[k] == "-c" || words[k] == "/c" ||
        words[k] == "-m" || words[k] == "-Command" || words[k] == "-e" || words[k] == "-S")
      return false;
  return true;
}

}  // namespace

bool LooksLikeService(const Dockerfile& df, const Stage& stage) {
  if (LastInChain(df, stage, Keyword::kExpose)) return true;
  const Instruction* ep = LastInChain(df, stage, Keyword::kEntrypoint);
  const Instruction* cmd = LastInChain(df, stage, Keyword::kCmd);
  if (ep || cmd) {
    std::vector<std::string> words;
    if (ep) words = CommandWords(*ep);
    if (cmd && (words.empty() || (ep && cmd->range.start > ep->range.start))) {
      std::vector<std::string> c = CommandWords(*cmd);
      words.insert(words.end(), c.begin(), c.end());
    }
    return !IsInteractiveCommand(words);
  }
  const Stage& root = RootStage(df, stage);
  if (IsScratch(root.base_resolved)) return false;
  return IsKnownServiceImage(dockerfile::ParseImageRef(root.base_resolved).repository);
}

bool LooksWindows(const Dockerfile& df, const Stage& stage) {
  if (df.escape == '`') return true;
  for (const Stage* st : StageChain(df, stage)) {
    const std::string base = Lower(st->base_resolved);
    for (std::string_view w : {"windows", "nanoserver", "servercore"})
      if (base.find(w) != std::string::npos) return true;
    for (const Instruction* ins : st->instructions) {
      if (ins->kind != Keyword::kShell || ins->args.empty()) continue;
      const std::string sh = Lower(ins->args[0].value);
      if (sh.find("powershell") != std::string::npos || sh.find("pwsh") != std::string::npos ||
          sh.find("cmd") != std::string::npos)
        return true;
    }
  }
  return false;
}

Edit DeleteLines(std::string_view src, const Instruction& ins) {
  return Edit::Delete(WholeLines(src, ins.range));
}

size_t EditDistance(std::string_view a, std::string_view b, size_t cap) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > cap) return cap + 1;
  std::vector<size_t> prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[m], cap + 1);
}

std::string ClosestName(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = SIZE_MAX;
  const std::string lower = Lower(name);
  for (const std::string& c : candidates) {
    if (c == name) continue;
    size_t d = Lower(c) == lower ? 0 : EditDistance(name, c, 3);
    // Short names are too easily one edit apart to call it a typo.
    const size_t allowed = name.size() <= 3 ? 0 : name.size() <= 6 ? 1 : 2;
    if (d <= allowed && d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool IsAbsolutePath(std::string_view p) {
  if (!p.empty() && (p[0] == '/' || p[0] == '\\')) return true;
  return p.size() >= 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':';
}

std::string JsonQuote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 15];
          out += kHex[c & 15];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

std::string_view Unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    return s.substr(1, s.size() - 2);
  return s;
}

}  // namespace shipshape::rules

namespace shipshape::rules {

bool IsValidImageReference(std::string_view ref) {
  static const RE2* kRef = new RE2(
      R"(^(?:(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?/)?)"
      R"([a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*)"
      R"((?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$)");
  if (ref.empty() || ref.size() > 512) return false;
  return RE2::FullMatch(re2::StringPiece(ref.data(), ref.size()), *kRef);
}

}  // namespace shipshape::rules

namespace shipshape::rules {

ExposeSpec ParseExpose(std::string_view token) {
  ExposeSpec s;
  std::string_view rest = token;
  size_t slash = rest.rfind('/');
  if (slash != std::string_view::npos) {
    s.proto = std::string(rest.substr(slash + 1));
    s.proto_offset = static_cast<uint32_t>(slash + 1);
    rest = rest.substr(0, slash);
  }
  // The container port follows the last ':' that is not inside an IPv6 `[...]`.
  size_t colon = rest.rfind(':');
  size_t bracket = rest.rfind(']');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    s.host = std::string(rest.substr(0, colon));
    s.port = std::string(rest.substr(colon + 1));
    s.port_offset = static_cast<uint32_t>(colon + 1);
  } else {
    s.port = std::string(rest);
  }
  return s;
}

}  // namespace shipshape::rules

namespace shipshape::rules {

std::vector<LabelEntry> ChainLabels(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage) {
  std::vector<LabelEntry> out;
  for (const dockerfile::Stage* st : StageChain(df, stage)) {
    VarScope scope(df, *st);
    for (const dockerfile::Instruction* ins : st->instructions) {
      scope.Apply(*ins);
      if (ins->kind != dockerfile::Keyword::kLabel) continue;
      for (const dockerfile::KeyValue& kv : ins->pairs) {
        LabelEntry e;
        e.ins = ins;
        e.pair = &kv;
        e.key = scope.Expand(kv.key).text;
        Expansion v = scope.Expand(kv.value);
        if (v.complete) e.value = v.text;
        out.push_back(std::move(e));
      }
    }
  }
  return out;
}

const std::vector<std::string>& OciAnnotationKeys() {
  static const std::vector<std::string> kKeys = {
      "created", "authors", "url",         "documentation", "source",    "version",  "revision",
      "vendor",  "licenses", "ref.name",   "title",         "description", "base.digest",
      "base.name"};
  return kKeys;
}

}  // namespace shipshape::rules
