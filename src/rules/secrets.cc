#include "rules/secrets.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <string>

namespace shipshape::secrets {
namespace {

struct Pattern {
  std::string_view kind;
  std::unique_ptr<RE2> re;  ///< Group 1 is the secret part.
};

Pattern MakePattern(std::string_view kind, const char* re) {
  RE2::Options o;
  o.set_log_errors(false);
  return {kind, std::make_unique<RE2>(re, o)};
}

const std::vector<Pattern>& Patterns() {
  // Function-local static: compiled once, thread-safe initialisation; RE2 matching is const.
  static const std::vector<Pattern>* kPatterns = [] {
    auto* v = new std::vector<Pattern>;
    auto add = [&](std::string_view kind, const char* re) { v->push_back(MakePattern(kind, re)); };
    add("AWS access key ID", R"(\b((?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\b)");
    add("GitHub token", R"(\b(gh[pousr]_[A-Za-z0-9]{36,255})\b)");
    add("GitHub fine-grained token", R"(\b(github_pat_[A-Za-z0-9_]{50,255})\b)");
    add("GitLab token", R"(\b(glpat-[A-Za-z0-9_\-]{20,})\b)");
    add("Slack token", R"(\b(xox[abposr]-[A-Za-z0-9\-]{10,})\b)");
    add("Slack webhook", R"((https://hooks\.slack\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+))");
    add("private key", R"((-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----))");
    add("JSON Web Token", R"(\b(eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,})\b)");
    add("Google API key", R"(\b(AIza[0-9A-Za-z_\-]{35})\b)");
    add("Stripe live key", R"(\b((?:sk|rk)_live_[0-9A-Za-z]{20,})\b)");
    add("npm token", R"(\b(npm_[A-Za-z0-9]{36})\b)");
    add("PyPI token", R"(\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{40,})\b)");
    add("OpenAI API key", R"(\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-]{20,})\b)");
    add("Anthropic API key", R"(\b(sk-ant-[a-z0-9]+-[A-Za-z0-9_\-]{80,})\b)");
    add("SendGrid API key", R"(\b(SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})\b)");
    add("Docker Hub token", R"(\b(dckr_pat_[A-Za-z0-9_\-]{20,})\b)");
    add("Hugging Face token", R"(\b(hf_[A-Za-z0-9]{34,})\b)");
    // scheme://user:password@host -- group 1 is the password only.
    add("password in URL", R"(\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@'"$]+:([^\s/@'"]+)@[A-Za-z0-9\[])");
    return v;
  }();
  return *kPatterns;
}

// All patterns of a list in one automaton: one pass over the text says which can match at all,
// so the common case (no secret) costs one DFA scan instead of one per pattern. Null if RE2
// cannot build it.
const RE2::Set* CompileSet(const std::vector<Pattern>& patterns) {
  RE2::Options o;
  o.set_log_errors(false);
  auto set = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  for (const Pattern& p : patterns)
    if (set->Add(p.re->pattern(), nullptr) < 0) return nullptr;
  if (!set->Compile()) return nullptr;
  return set.release();
}

const RE2::Set* PatternSet() {
  static const RE2::Set* kSet = CompileSet(Patterns());
  return kSet;
}

// Indexes of the patterns that may match `text`, sorted: those the set reports, or every one when
// the set is missing or its DFA ran out of memory on a huge text.
std::vector<int> Candidates(std::string_view text, const std::vector<Pattern>& patterns,
                            const RE2::Set* set) {
  std::vector<int> candidates;
  RE2::Set::ErrorInfo error;
  if (!set || !set->Match(re2::StringPiece(text.data(), text.size()), &candidates, &error)) {
    candidates.clear();
    if (set && error.kind == RE2::Set::kNoError) return candidates;
    for (size_t i = 0; i < patterns.size(); ++i) candidates.push_back(static_cast<int>(i));
  }
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

bool AllSameChar(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}

size_t DistinctChars(std::string_view s) {
  bool seen[256] = {};
  size_t n = 0;
  for (unsigned char c : s)
    if (!seen[c]) {
      seen[c] = true;
      ++n;
    }
  return n;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool HasVariable(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (s[i] == '$' && (s[i + 1] == '{' || s[i + 1] == '_' ||
                        std::isalpha(static_cast<unsigned char>(s[i + 1]))))
      return true;
  return false;
}

// Splits a name into lower-case tokens at `_`, `-`, `.` and lower->upper camelCase boundaries.
std::vector<std::string> NameTokens(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '_' || c == '-' || c == '.' || c == '/' || c == ':') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    if (i > 0 && std::isupper(static_cast<unsigned char>(c)) &&
        std::islower(static_cast<unsigned char>(name[i - 1])) && !cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
    cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view s : list)
    if (w == s) return true;
  return false;
}

// The end of an unterminated PEM body that starts at `from` (just after its header): the rest of
// the header's line while it holds base64, quotes, backslashes (`\n` escapes) and blanks, then
// each following line that is base64 once indentation, quotes and `\` are trimmed, or an
// encrypted key's `Proc-Type:`/`DEK-Info:` header (and the blank line after it).
size_t PemBodyEnd(std::string_view text, size_t from) {
  auto body_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=';
  };
  auto filler = [](char c) { return c == ' ' || c == '\t' || c == '\'' || c == '"' || c == '\\'; };
  size_t end = from;
  size_t i = from;
  while (i < text.size() && text[i] != '\n' && (body_char(text[i]) || filler(text[i]))) ++i;
  if (i > from) end = i;
  if (i < text.size() && text[i] != '\n') return end;  // Something else follows on the line.
  bool after_header = false;
  while (i < text.size()) {
    const size_t line_start = i + 1;
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    while (!line.empty() && (filler(line.front()) || line.front() == '-' )) {
      if (line.front() == '-' && (line.size() < 2 || line[1] != ' ')) break;  // YAML `- ` only
      line.remove_prefix(line.front() == '-' ? 2 : 1);
    }
    while (!line.empty() && (filler(line.back()) || line.back() == '\r' || line.back() == 'n')) {
      if (line.back() == 'n' && (line.size() < 2 || line[line.size() - 2] != '\\')) break;
      line.remove_suffix(line.back() == 'n' ? 2 : 1);
    }
    const bool header = line.substr(0, 10) == "Proc-Type:" || line.substr(0, 9) == "DEK-Info:";
    const bool body = !line.empty() && std::all_of(line.begin(), line.end(), body_char);
    if (!header && !body && !(line.empty() && after_header)) break;
    after_header = header;
    end = line_end;
    i = line_end;
  }
  return end;
}

}  // namespace

double ShannonEntropy(std::string_view s) {
  if (s.empty()) return 0;
  size_t counts[256] = {};
  for (unsigned char c : s) ++counts[c];
  double h = 0;
  const double n = static_cast<double>(s.size());
  for (size_t c : counts) {
    if (!c) continue;
    const double p = static_cast<double>(c) / n;
    h -= p * std::log2(p);
  }
  return h;
}

bool IsPlaceholder(std::string_view value) {
  std::string v = Lower(value);
  if (v.empty()) return true;
  if (AllSameChar(v)) return true;
  if ((v.front() == '<' && v.back() == '>') || (v.front() == '[' && v.back() == ']') ||
      v.substr(0, 2) == "{{" || v.find("...") != std::string::npos)
    return true;
  if (OneOf(v, {"changeme", "change_me", "change-me", "changeit", "password", "passwd", "pass",
                "secret", "token", "apikey", "api_key", "todo", "tbd", "none", "null", "nil",
                "example", "dummy", "placeholder", "redacted", "default", "test", "testing",
                "foo", "bar", "foobar", "sample", "notset", "not-set", "unset", "empty"}))
    return true;
  for (std::string_view p : {"your", "my_", "my-", "insert", "replace", "enter", "put_", "put-",
                             "example", "xxxx", "****", "fake", "dummy", "sample", "placeholder"})
    if (v.substr(0, p.size()) == p) return true;
  if (v.find("example") != std::string::npos || v.find("xxxxx") != std::string::npos ||
      v.find("changeme") != std::string::npos)
    return true;
  return false;
}

bool IsPublicClientKey(std::string_view name, std::string_view value) {
  for (std::string_view prefix : {"phc_", "pk_live_", "pk_test_"})
    if (value.size() > prefix.size() + 8 && value.substr(0, prefix.size()) == prefix) return true;
  const std::vector<std::string> tokens = NameTokens(name);
  bool pusher = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (t == "secret" || t == "secrets" || t == "password" || t == "private") return false;
    if (t == "publishable") return true;
    if (OneOf(t, {"pusher", "soketi", "reverb"})) pusher = true;
    if (pusher && t == "app" && i + 1 < tokens.size() && tokens[i + 1] == "key") return true;
  }
  return false;
}

bool IsKeyFingerprint(std::string_view value) {
  size_t hex = 0;
  for (char c : value) {
    if (c == ' ') continue;
    if (!std::isdigit(static_cast<unsigned char>(c)) && !(c >= 'A' && c <= 'F')) return false;
    ++hex;
  }
  return hex == 16 || hex == 40;
}

bool IsNonSecretValue(std::string_view value) {
  std::string_view v = value;
  while (!v.empty() && (v.front() == '"' || v.front() == '\'')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == '"' || v.back() == '\'')) v.remove_suffix(1);
  if (v.empty()) return true;
  const std::string l = Lower(v);
  if (OneOf(l, {"true", "false", "yes", "no", "on", "off", "0", "1", "enabled", "disabled",
                "enable", "disable", "none", "null", "required", "optional", "auto", "basic",
                "bearer", "oauth", "oauth2", "jwt", "ldap", "local", "internal", "external"}))
    return true;
  if (HasVariable(v)) return true;
  if (v.front() == '/' || v.substr(0, 2) == "./" || v.substr(0, 2) == "~/" ||
      v.substr(0, 3) == "../")
    return true;
  if (v.size() <= 6 && std::all_of(v.begin(), v.end(),
                                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return true;
  size_t scheme = v.find("://");
  if (scheme != std::string_view::npos) {
    // A URL is only a secret if it embeds a password (FindKnownSecrets reports those).
    return FindKnownSecrets(v).empty();
  }
  return IsPlaceholder(v);
}

bool LooksHighEntropy(std::string_view v) {
  if (v.size() < 16 || v.size() > 1024) return false;
  bool lower = false, upper = false, digit = false, other = false;
  for (unsigned char c : v) {
    if (std::isspace(c)) return false;
    if (std::islower(c)) lower = true;
    else if (std::isupper(c)) upper = true;
    else if (std::isdigit(c)) digit = true;
    else other = true;
  }
  if (v.front() == '/' || v.find("://") != std::string_view::npos || HasVariable(v)) return false;
  if (IsPlaceholder(v)) return false;
  const int classes = lower + upper + digit + other;
  if (classes < 2) return false;
  // Words joined by separators (`my-long-config-name`, `org.example.app.Main`) are not random.
  if (!digit && !(lower && upper)) return false;
  size_t alpha_runs = 0, longest_alpha = 0, run = 0;
  for (unsigned char c : v) {
    if (std::isalpha(c)) {
      if (run == 0) ++alpha_runs;
      longest_alpha = std::max(longest_alpha, ++run);
    } else {
      run = 0;
    }
  }
  (void)alpha_runs;
  const double h = ShannonEntropy(v);
  const bool hex = std::all_of(v.begin(), v.end(), [](char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) || c == '-';
  });
  if (hex) return v.size() >= 20 && h >= 3.0 && DistinctChars(v) >= 10;
  // Version strings and dotted numbers.
  if (!lower && !upper) return false;
  return h >= 3.5 && DistinctChars(v) >= 10 && longest_alpha < 12;
}

std::vector<SecretMatch> FindKnownSecrets(std::string_view text) {
  std::vector<SecretMatch> out;
  if (text.size() < 8) return out;
  const std::vector<Pattern>& patterns = Patterns();
  const std::vector<int> candidates = Candidates(text, patterns, PatternSet());
  // Where the next `-----END` is (npos: none left), searched again only past a header after it,
  // so a text with many headers is scanned once.
  size_t end_marker = 0;
  for (int index : candidates) {
    const Pattern& p = patterns[static_cast<size_t>(index)];
    size_t pos = 0;
    re2::StringPiece groups[2];
    while (pos < text.size() &&
           p.re->Match(re2::StringPiece(text.data(), text.size()), pos, text.size(),
                       RE2::UNANCHORED, groups, 2)) {
      const size_t whole_end = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
      const size_t start = static_cast<size_t>(groups[1].data() - text.data());
      size_t end = start + groups[1].size();
      pos = std::max(whole_end, pos + 1);
      std::string_view secret = text.substr(start, end - start);
      if (p.kind == std::string_view("private key")) {
        // Redact the whole block, up to its END line when present; without one, the body that
        // follows the header (masking the header alone would print the key).
        if (end_marker != std::string_view::npos && end_marker < end)
          end_marker = text.find("-----END", end);
        if (end_marker != std::string_view::npos) {
          size_t close = text.find("-----", end_marker + 8);
          end = close == std::string_view::npos ? text.size() : close + 5;
        } else {
          end = PemBodyEnd(text, end);
        }
      } else {
        if (HasVariable(secret) || IsPlaceholder(secret)) continue;
        // Sample keys from documentation, and runs like ghp_aaaa....
        if (secret.find("EXAMPLE") != std::string_view::npos || DistinctChars(secret) < 5)
          continue;
      }
      out.push_back({start, end, p.kind});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const SecretMatch& a, const SecretMatch& b) { return a.start < b.start; });
  std::vector<SecretMatch> kept;
  for (const SecretMatch& m : out)
    if (kept.empty() || m.start >= kept.back().end) kept.push_back(m);
  return kept;
}

bool LooksLikeSecretName(std::string_view name) {
  if (name.empty() || name.size() > 200) return false;
  const std::vector<std::string> tokens = NameTokens(name);
  bool secret = false;
  for (const std::string& t : tokens)
    if (OneOf(t, {"apikey", "auth", "credential", "credentials", "creds", "key", "password",
                  "passwords", "pword", "passwd", "pass", "pwd", "secret", "secrets", "token",
                  "tokens", "privatekey", "passphrase", "accesskey", "secretkey", "apitoken",
                  "authtoken", "accesstoken"}))
      secret = true;
  const std::string lower = Lower(name);
  for (std::string_view s : {"password", "passwd", "secret", "apikey", "api_key", "privatekey",
                             "private_key", "access_token", "auth_token"})
    if (lower.find(s) != std::string::npos) secret = true;
  if (!secret) return false;
  if (lower == "pwd" || lower == "oldpwd") return false;
  for (const std::string& t : tokens)
    if (OneOf(t, {"public", "pub", "file", "files", "version", "path", "dir", "url", "uri", "host",
                  "hostname", "port", "type", "method", "mode", "enabled", "enable", "disabled",
                  "disable", "required", "length", "len", "size", "id", "ids", "name", "ttl",
                  "expiry", "expires", "expiration", "timeout", "header", "prefix", "suffix",
                  "provider", "endpoint", "server", "user", "username", "login", "gpg", "pgp",
                  "fingerprint", "keyring", "keyserver", "algorithm", "alg", "format", "location",
                  "realm", "scope", "scopes", "issuer", "audience", "callback", "redirect",
                  "strategy", "backend", "plugin", "policy", "lifetime", "rotation", "count",
                  "min", "max", "mount", "checksum", "sha", "sha256", "sha512", "hash", "role",
                  "roles", "anonymous", "level", "org", "organization", "group", "domain",
                  "ratelimit", "limit", "rate", "attempts", "retries", "delay"}))
      return false;
  return true;
}

namespace {

constexpr std::string_view kCommandLineKind = "password on a command line";
constexpr std::string_view kNamedValueKind = "value of a secret-named key";

// Passwords given to well-known commands; group 1 is the password. Each is anchored on its
// command earlier in the same shell command (no `|`, `;`, `&` or newline in between), so
// `docker run -u 1000:1000` or `psql -p 5432` are not taken for credentials.
const std::vector<Pattern>& CommandPatterns() {
  static const std::vector<Pattern>* kPatterns = [] {
    auto* v = new std::vector<Pattern>;
    auto add = [&](const char* re) { v->push_back(MakePattern(kCommandLineKind, re)); };
    add(R"(\bcurl\b[^\n|;&]*?[\s'"](?:-u|--user)(?:\s+|=)?['"]?[^\s:'"]*:([^\s'"]+))");
    add(R"(\b(?:mysql|mysqladmin|mysqldump|mysqlsh|mysqlimport|mysqlcheck|mysqlshow|mysqlpump|mariadb|mariadb-admin|mariadb-dump)\b[^\n|;&]*?[\s'"]-p['"]?([^\s'"]+))");
    add(R"(\bsshpass\b[^\n|;&]*?[\s'"]-p\s*['"]?([^\s'"]+))");
    add(R"(\bredis-cli\b[^\n|;&]*?[\s'"]-a\s*['"]?([^\s'"]+))");
    add(R"(\bdocker\s+login\b[^\n|;&]*?[\s'"]-p\s*['"]?([^\s'"]+))");
    add(R"(\bhtpasswd\s+-[A-Za-z]*b[A-Za-z]*\s+\S+\s+\S+\s+['"]?([^\s'"]+))");
    add(R"(\b(?:echo|printf)\s+(?:-[en]+\s+)?['"]?[A-Za-z_][A-Za-z0-9_.-]*:([^\s'":|]+)['"]?\s*\|\s*(?:sudo\s+)?chpasswd)");
    return v;
  }();
  return *kPatterns;
}

const RE2::Set* CommandSet() {
  static const RE2::Set* kSet = CompileSet(CommandPatterns());
  return kSet;
}

void FindCommandLinePasswords(std::string_view text, std::vector<SecretMatch>* out) {
  const std::vector<Pattern>& patterns = CommandPatterns();
  const re2::StringPiece whole(text.data(), text.size());
  for (int index : Candidates(text, patterns, CommandSet())) {
    const RE2& re = *patterns[static_cast<size_t>(index)].re;
    size_t pos = 0;
    re2::StringPiece groups[2];
    while (pos < text.size() && re.Match(whole, pos, text.size(), RE2::UNANCHORED, groups, 2)) {
      const size_t start = static_cast<size_t>(groups[1].data() - text.data());
      const size_t end = start + groups[1].size();
      pos = std::max(end, pos + 1);
      if (!HasVariable(text.substr(start, end - start)))
        out->push_back({start, end, kCommandLineKind});
    }
  }
}

bool IsKeyChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

size_t LineEnd(std::string_view text, size_t from) {
  const size_t e = text.find('\n', from);
  return e == std::string_view::npos ? text.size() : e;
}

// Trailing blanks and `\r` of text[start, end), and a YAML/shell comment (` #...`).
size_t TrimValueEnd(std::string_view text, size_t start, size_t end) {
  for (size_t i = start; i < end; ++i)
    if (text[i] == '#' && i > start && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
      end = i;
      break;
    }
  while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r'))
    --end;
  return end;
}

// True when the value text is nothing to hide: a lone variable reference (`$X`, `${X}` with no
// default), a YAML alias, flow collection or block indicator handled elsewhere, or a boolean.
bool NothingToHide(std::string_view v) {
  if (v.empty()) return true;
  if (v.front() == '*' || v.front() == '[' || v.front() == '{') return true;
  if (v.front() == '$') {
    std::string_view name = v.substr(1);
    if (!name.empty() && name.front() == '{') {
      if (name.back() != '}') return false;
      name = name.substr(1, name.size() - 2);
    }
    return !name.empty() &&
           std::all_of(name.begin(), name.end(), [](char c) {
             return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
           });
  }
  return OneOf(Lower(v), {"true", "false", "yes", "no", "on", "off", "null", "~", "none"});
}

// The value that starts at `v` (after `=`, `: ` or a flag's blank) and runs to `limit`: a quoted
// value up to its closing quote, else up to the first blank when `word`, else to `limit`.
std::pair<size_t, size_t> ValueSpan(std::string_view text, size_t v, size_t limit, bool word) {
  if (v >= limit) return {v, v};
  const char q = text[v];
  if (q == '"' || q == '\'') {
    size_t e = v + 1;
    while (e < limit && text[e] != q) e += (q == '"' && text[e] == '\\') ? 2 : 1;
    return {v + 1, std::min(e, limit)};
  }
  if (!word) return {v, TrimValueEnd(text, v, limit)};
  size_t e = v;
  while (e < limit && !std::isspace(static_cast<unsigned char>(text[e])) && text[e] != ';' &&
         text[e] != '&' && text[e] != '|' && text[e] != '`' && text[e] != '"' && text[e] != '\'')
    e += text[e] == '\\' ? 2 : 1;
  return {v, std::min(e, limit)};
}

// Lines after `line_end` indented deeper than `indent`: a YAML block scalar's body.
size_t BlockScalarEnd(std::string_view text, size_t line_end, size_t indent) {
  size_t end = line_end;
  size_t i = line_end;
  while (i < text.size()) {
    const size_t start = i + 1;
    const size_t e = LineEnd(text, start);
    size_t k = start;
    while (k < e && text[k] == ' ') ++k;
    const bool blank = k == e || (k + 1 == e && text[k] == '\r');
    if (!blank && k - start <= indent) break;
    if (!blank) end = e;
    i = e;
  }
  return end;
}

void FindNamedValues(std::string_view text, std::vector<SecretMatch>* out) {
  // Per line, computed once: its end and its first non-blank byte (a long line with many
  // `a=b` pairs stays linear).
  size_t line_start = 0;
  size_t eol = LineEnd(text, 0);
  size_t first = 0;
  while (first < eol && (text[first] == ' ' || text[first] == '\t')) ++first;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') {
      line_start = ++i;
      eol = LineEnd(text, line_start);
      first = line_start;
      while (first < eol && (text[first] == ' ' || text[first] == '\t')) ++first;
      continue;
    }
    if (!IsKeyChar(c) || (i > 0 && IsKeyChar(text[i - 1]))) {
      ++i;
      continue;
    }
    const size_t key_start = i;
    while (i < text.size() && IsKeyChar(text[i])) ++i;
    const size_t key_end = i;
    const char before = key_start > 0 ? text[key_start - 1] : '\n';
    if (before == '$' || before == '{' || before == '%') continue;  // A reference, not a key.
    size_t sep = key_end;
    const bool quoted_key = (before == '"' || before == '\'') && sep < eol && text[sep] == before;
    if (quoted_key) ++sep;
    if (sep >= eol) continue;
    std::string_view key = text.substr(key_start, key_end - key_start);
    size_t value = std::string_view::npos;
    bool word = true;
    bool yaml = false;
    if (text[sep] == '=' && !quoted_key) {
      if (sep + 1 < eol && text[sep + 1] == '=') continue;  // A comparison.
      value = sep + 1;
      // `- KEY=value` is one YAML scalar: the value runs to the end of the line.
      const std::string_view lead = text.substr(first, key_start - std::min(first, key_start));
      word = !(lead == "- " || lead == "- \"" || lead == "- '");
    } else if (text[sep] == ':' && (sep + 1 == eol || text[sep + 1] == ' ' || text[sep + 1] == '\t' ||
                                    text[sep + 1] == '\r' || quoted_key)) {
      value = sep + 1;
      word = false;
      yaml = true;
    } else if ((text[sep] == ' ' || text[sep] == '\t') && key.substr(0, 2) == "--" &&
               key.size() > 2) {
      value = sep;  // `--password VALUE`
    } else if (text[sep] == ' ' || text[sep] == '\t') {
      // Dockerfile `ENV NAME value` (legacy form): the rest of the line.
      std::string_view lead = text.substr(first, key_start - std::min(first, key_start));
      while (!lead.empty() && (lead.back() == ' ' || lead.back() == '\t')) lead.remove_suffix(1);
      if (lead.size() != 3 || Lower(lead) != "env") continue;
      value = sep;
      word = false;
    } else {
      continue;
    }
    if (key.size() > 5 && key.substr(key.size() - 6) == "-stdin") continue;
    std::string_view bare = key;
    while (!bare.empty() && bare.front() == '-') bare.remove_prefix(1);
    if (!LooksLikeSecretName(bare)) continue;
    while (value < eol && (text[value] == ' ' || text[value] == '\t')) ++value;
    if (value < eol && text[value] == '&' && yaml) {  // `key: &anchor value`
      while (value < eol && text[value] != ' ') ++value;
      while (value < eol && text[value] == ' ') ++value;
    }
    if (yaml && value < eol && (text[value] == '|' || text[value] == '>')) {
      size_t indent = 0;
      while (line_start + indent < key_start && text[line_start + indent] == ' ') ++indent;
      const size_t body = eol < text.size() ? eol + 1 : eol;
      const size_t end = BlockScalarEnd(text, eol, indent);
      if (end > body) out->push_back({body, end, kNamedValueKind});
      i = std::max(i, end);
      continue;
    }
    if (value < eol && text[value] == '-' && !yaml) continue;  // `--token --other-flag`
    if (value < eol && (text[value] == '<' || text[value] == '>' || text[value] == '|')) continue;
    auto [vs, ve] = ValueSpan(text, value, eol, word);
    // `- "KEY=value"`: the closing quote belongs to the YAML scalar, not the value.
    if (!word && ve > vs && (before == '"' || before == '\'') && text[ve - 1] == before) --ve;
    if (ve > vs && !NothingToHide(text.substr(vs, ve - vs)))
      out->push_back({vs, ve, kNamedValueKind});
    i = std::max(i, ve);  // A value is not scanned again for keys.
  }
}

std::vector<SecretMatch> Merge(std::vector<SecretMatch> v) {
  std::sort(v.begin(), v.end(), [](const SecretMatch& a, const SecretMatch& b) {
    return a.start < b.start || (a.start == b.start && a.end > b.end);
  });
  std::vector<SecretMatch> out;
  for (const SecretMatch& m : v) {
    if (m.end <= m.start) continue;
    if (!out.empty() && m.start <= out.back().end) {
      out.back().end = std::max(out.back().end, m.end);
    } else {
      out.push_back(m);
    }
  }
  return out;
}

}  // namespace

std::vector<SecretMatch> FindSecretsByForm(std::string_view text) {
  std::vector<SecretMatch> all = FindKnownSecrets(text);
  FindCommandLinePasswords(text, &all);
  return Merge(std::move(all));
}

std::vector<SecretMatch> FindSecretsToMask(std::string_view text) {
  std::vector<SecretMatch> all = FindKnownSecrets(text);
  FindCommandLinePasswords(text, &all);
  FindNamedValues(text, &all);
  return Merge(std::move(all));
}

std::vector<SecretMatch> FindEnvFileValues(std::string_view text) {
  std::vector<SecretMatch> out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t eol = LineEnd(text, i);
    size_t k = i;
    while (k < eol && (text[k] == ' ' || text[k] == '\t')) ++k;
    if (k == eol || text[k] == '#') {
      i = eol + 1;
      continue;
    }
    if (text.substr(k, 7) == "export ") k += 7;
    while (k < eol && (text[k] == ' ' || text[k] == '\t')) ++k;
    // The key runs to `=`, `:` or a blank; what follows is the value (for `KEY value`, a line
    // compose rejects, everything after the key).
    size_t v = k;
    while (v < eol && text[v] != '=' && text[v] != ':' && text[v] != ' ' && text[v] != '\t') ++v;
    if (v < eol && text[v] != '=' && text[v] != ':') {
      const size_t eq = text.substr(v, eol - v).find('=');
      if (eq != std::string_view::npos) v += eq;
    }
    if (v < eol) ++v;
    while (v < eol && (text[v] == ' ' || text[v] == '\t')) ++v;
    size_t end = eol;
    if (v < eol && (text[v] == '"' || text[v] == '\'')) {
      // A quoted value may span lines: up to the closing quote.
      const char q = text[v];
      size_t e = v + 1;
      while (e < text.size() && text[e] != q) e += (q == '"' && text[e] == '\\') ? 2 : 1;
      if (e > eol) end = LineEnd(text, std::min(e, text.size()));
    }
    while (end > v && text[end - 1] == '\r') --end;
    if (end > v) out.push_back({v, end, "env file value"});
    i = std::max(eol, end) + 1;
  }
  return out;
}

std::string MaskRanges(std::string_view text, const std::vector<SecretMatch>& ranges) {
  std::string out(text);
  for (const SecretMatch& m : ranges)
    for (size_t i = m.start; i < m.end && i < out.size(); ++i)
      if (out[i] != '\n' && out[i] != '\r') out[i] = '*';
  return out;
}

std::string MaskSecretsIn(std::string_view text) {
  return MaskRanges(text, FindSecretsToMask(text));
}

std::string DisplaySafeValue(std::string_view name, std::string_view value) {
  if (value.empty()) return std::string();
  // Not entropy: a commit hash in `TAG` is no secret, and hiding it would change what rules see.
  if (LooksLikeSecretName(name)) return "****";
  std::vector<SecretMatch> found = FindSecretsToMask(value);
  if (found.empty()) return std::string(value);
  // A URL keeps its shape with only the password hidden; anything else is hidden whole.
  for (const SecretMatch& m : found)
    if (m.kind != std::string_view("password in URL")) return "****";
  return MaskRanges(value, found);
}

}  // namespace shipshape::secrets
