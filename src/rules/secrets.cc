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

const std::vector<Pattern>& Patterns() {
  // Function-local static: compiled once, thread-safe initialisation; RE2 matching is const.
  static const std::vector<Pattern>* kPatterns = [] {
    auto* v = new std::vector<Pattern>;
    auto add = [&](std::string_view kind, const char* re) {
      RE2::Options o;
      o.set_log_errors(false);
      v->push_back({kind, std::make_unique<RE2>(re, o)});
    };
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

// All patterns in one automaton: one pass over the text says which patterns can match at all,
// so the common case (no secret) costs one DFA scan instead of one per pattern.
const RE2::Set* PatternSet() {
  static const RE2::Set* kSet = [] {
    RE2::Options o;
    o.set_log_errors(false);
    auto* set = new RE2::Set(o, RE2::UNANCHORED);
    for (const Pattern& p : Patterns())
      if (set->Add(p.re->pattern(), nullptr) < 0) return static_cast<RE2::Set*>(nullptr);
    if (!set->Compile()) return static_cast<RE2::Set*>(nullptr);
    return set;
  }();
  return kSet;
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
  std::vector<int> candidates;
  const RE2::Set* set = PatternSet();
  RE2::Set::ErrorInfo error;
  if (!set || !set->Match(re2::StringPiece(text.data(), text.size()), &candidates, &error)) {
    // No match at all, or the DFA ran out of memory on a huge text: then try every pattern.
    if (set && error.kind == RE2::Set::kNoError) return out;
    candidates.clear();
    for (size_t i = 0; i < patterns.size(); ++i) candidates.push_back(static_cast<int>(i));
  }
  std::sort(candidates.begin(), candidates.end());
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
        // Redact the whole block, up to its END line when present.
        size_t e = text.find("-----END", end);
        if (e != std::string_view::npos) {
          size_t close = text.find("-----", e + 8);
          end = close == std::string_view::npos ? text.size() : close + 5;
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
                  "roles", "anonymous", "level", "org", "organization", "group", "domain"}))
      return false;
  return true;
}

}  // namespace shipshape::secrets
