#include "report/render_util.h"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdio>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/strings.h"
#include "rules/secrets.h"

namespace shipshape::report {

Position Locate(const SourceFile& file, TextRange range) {
  const LineIndex& lines = file.lines();
  const SourceLocation s = lines.Locate(range.start);
  const SourceLocation e = lines.Locate(range.end < range.start ? range.start : range.end);
  return {s.line, s.column, e.line, e.column};
}

std::vector<const FileResult*> SortedFiles(const Report& report) {
  std::vector<const FileResult*> files;
  for (const FileResult& f : report.files)
    if (f.file != nullptr) files.push_back(&f);
  std::stable_sort(files.begin(), files.end(), [](const FileResult* a, const FileResult* b) {
    return a->file->path < b->file->path;
  });
  return files;
}

namespace {

std::string_view CodeOf(const Diagnostic& d) { return d.rule ? d.rule->code : "unknown"; }


}  // namespace

std::vector<Item> Flatten(const Report& report, bool fingerprints) {
  std::vector<Item> items;
  // Identical (path, rule, line text) keys get an occurrence number so fingerprints stay unique.
  std::map<std::string, int> seen;
  size_t total = 0;
  for (const FileResult& f : report.files) total += f.diagnostics.size();
  items.reserve(total);
  for (const FileResult* f : SortedFiles(report)) {
    std::vector<const Diagnostic*> diags;
    for (const Diagnostic& d : f->diagnostics) diags.push_back(&d);
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic* a, const Diagnostic* b) {
      return std::make_tuple(a->range.start, CodeOf(*a), a->range.end) <
             std::make_tuple(b->range.start, CodeOf(*b), b->range.end);
    });
    std::shared_ptr<const SecretMask> mask;
    for (const Diagnostic* d : diags) {
      Item it;
      it.file = f;
      it.diag = d;
      it.pos = Locate(*f->file, d->range);
      it.path = f->file->path;
      it.code = CodeOf(*d);
      it.name = d->rule ? d->rule->name : "unknown";
      it.category = d->rule ? d->rule->category : Category::kMaintainability;
      if (!mask) mask = std::make_shared<const SecretMask>(*f->file, f->diagnostics);
      it.mask = mask;
      it.message = SafeText(d->message);
      if (!fingerprints) {
        items.push_back(std::move(it));
        continue;
      }
      std::string key = f->file->path;
      key += '\0';
      key += it.code;
      key += '\0';
      key += TrimBlanks(it.mask->Line(it.pos.line));
      const int n = seen[key]++;
      key += '\0';
      key += std::to_string(n);
      it.fingerprint = Sha256Hex(key);
      items.push_back(std::move(it));
    }
  }
  return items;
}

Counts Count(const std::vector<Item>& items) {
  Counts c;
  const FileResult* last = nullptr;
  for (const Item& it : items) {
    ++c.by_severity[static_cast<size_t>(it.diag->severity)];
    ++c.total;
    if (it.file != last) ++c.files_with_findings;  // Items are grouped by file.
    last = it.file;
    if (!it.diag->fix) continue;
    switch (it.diag->fix->applicability) {
      case Applicability::kSafe: ++c.safe_fixes; break;
      case Applicability::kUnsafe: ++c.unsafe_fixes; break;
      case Applicability::kDisplayOnly: ++c.suggestions; break;
    }
  }
  return c;
}

int SeverityWeight(Severity s) {
  switch (s) {
    case Severity::kCritical: return 25;
    case Severity::kError: return 10;
    case Severity::kWarning: return 4;
    case Severity::kInfo: return 1;
    case Severity::kStyle: return 0;
  }
  return 0;
}

char Grade(int score) {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}

namespace {
size_t ScoredIndex(Category c) {
  switch (c) {
    case Category::kSecurity: return 0;
    case Category::kReliability:
    case Category::kCorrectness: return 1;
    case Category::kEfficiency: return 2;
    case Category::kMaintainability:
    case Category::kStyle: return 3;
  }
  return 3;
}
}  // namespace

double AuditUnits(std::string_view text, bool dockerfile) {
  size_t lines = 0;
  bool continued = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    const size_t first = line.find_first_not_of(" \t");
    const bool blank = first == std::string_view::npos;
    const bool comment = !blank && line[first] == '#';
    if (!blank && !comment && !continued) ++lines;
    // A comment line inside a continued instruction does not end it (BuildKit skips it).
    if (dockerfile && !comment) continued = !blank && line.back() == '\\';
  }
  return std::max(1.0, static_cast<double>(lines) / 10.0);
}

double AuditUnits(const Report& report) {
  double units = 0;
  for (const FileResult& f : report.files)
    if (f.file) units += AuditUnits(f.file->text, f.file->kind == FileKind::kDockerfile);
  return std::max(1.0, units);
}

int DensityScore(int penalty, double units, size_t critical) {
  constexpr double kHalf = 12.0;  // the density (penalty per unit) that scores 50
  const double density = static_cast<double>(penalty) / std::max(1.0, units);
  int score = static_cast<int>(std::lround(100.0 * kHalf / (kHalf + density)));
  if (critical > 0) score = std::min(score, 69);
  return score;
}

std::vector<CategoryScore> Scores(const std::vector<Item>& items, double units) {
  std::vector<CategoryScore> out = {
      {"security"}, {"reliability"}, {"efficiency"}, {"maintainability"}};
  for (const Item& it : items) {
    CategoryScore& s = out[ScoredIndex(it.category)];
    ++s.findings;
    if (it.diag->severity == Severity::kCritical) ++s.critical;
    s.penalty += SeverityWeight(it.diag->severity);
  }
  for (CategoryScore& s : out) {
    s.density = static_cast<double>(s.penalty) / std::max(1.0, units);
    s.score = DensityScore(s.penalty, units, s.critical);
    s.grade = Grade(s.score);
  }
  return out;
}

CategoryScore OverallScore(const std::vector<CategoryScore>& scores, double units) {
  CategoryScore o{"overall"};
  for (const CategoryScore& s : scores) {
    o.findings += s.findings;
    o.critical += s.critical;
    o.penalty += s.penalty;
  }
  o.density = static_cast<double>(o.penalty) / std::max(1.0, units);
  o.score = DensityScore(o.penalty, units, o.critical);
  o.grade = Grade(o.score);
  return o;
}

std::string Fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string_view ScoreFormulaText() {
  return "Scores measure how dense the problems are in what was audited. Every scanned file "
         "counts one unit per 10 configuration lines (non-blank, non-comment; a continued "
         "Dockerfile instruction counts once), at least one unit per file. A category's penalty "
         "adds 25 per critical finding, 10 per error, 4 per warning, 1 per info and 0 per style "
         "finding; its density is the penalty per unit, and its score is 100 x 12 / (12 + density), "
         "so a density of 12 scores 50 (about three warnings per 10 lines). A category with a critical finding scores at most 69 (D). "
         "Grades: A from 90, B from 80, C from 70, D from 60, F below. Style rules count toward "
         "maintainability and syntax (correctness) rules toward reliability; the overall score "
         "applies the same formula to every finding.";
}

std::vector<RuleUse> RulesUsed(const std::vector<Item>& items) {
  std::map<std::string_view, RuleUse> by_code;
  for (const Item& it : items) {
    RuleUse& u = by_code[it.code];
    if (u.findings == 0) {
      u.rule = it.diag->rule;
      u.code = it.code;
      u.name = it.name;
      u.category = it.category;
      u.severity = it.diag->severity;
    }
    u.severity = std::max(u.severity, it.diag->severity);
    ++u.findings;
    // Items come grouped by file in path order: a file already listed is the last one.
    if (u.files.empty() || u.files.back() != it.path) u.files.push_back(it.path);
    if (it.diag->fix && it.diag->fix->applicability == Applicability::kSafe) ++u.safe_fixes;
    if (it.diag->fix && it.diag->fix->applicability == Applicability::kUnsafe) ++u.unsafe_fixes;
  }
  std::vector<RuleUse> out;
  for (auto& [code, u] : by_code) {
    std::sort(u.files.begin(), u.files.end());
    out.push_back(std::move(u));
  }
  return out;
}

SecretMask::SecretMask(const SourceFile& file, const std::vector<Diagnostic>& diagnostics)
    : file_(file) {
  const uint32_t size = static_cast<uint32_t>(file.text.size());
  for (const Diagnostic& d : diagnostics)
    for (TextRange r : d.redactions)
      if (r.start < r.end && r.start < size) ranges_.push_back({r.start, std::min(r.end, size)});
  std::vector<secrets::SecretMatch> found = secrets::FindSecretsToMask(file.text);
  if (file.kind == FileKind::kEnv) {
    // An env file is where credentials live: its findings (not gitignored, mode too open...)
    // are about the file, and their excerpts must not show any value, secret-looking or not.
    // The keys stay, so a line is still recognisable.
    std::vector<secrets::SecretMatch> values = secrets::FindEnvFileValues(file.text);
    found.insert(found.end(), values.begin(), values.end());
  }
  for (const secrets::SecretMatch& m : found)
    ranges_.push_back({static_cast<uint32_t>(m.start), static_cast<uint32_t>(m.end)});
  std::sort(ranges_.begin(), ranges_.end(),
            [](TextRange a, TextRange b) { return a.start < b.start; });
  size_t out = 0;
  for (const TextRange& r : ranges_) {
    if (out > 0 && r.start <= ranges_[out - 1].end) {
      ranges_[out - 1].end = std::max(ranges_[out - 1].end, r.end);
    } else {
      ranges_[out++] = r;
    }
  }
  ranges_.resize(out);
}

std::string SecretMask::Apply(std::string_view text, uint32_t offset) const {
  std::string out(text);
  const uint64_t end = uint64_t{offset} + text.size();
  // The first range that ends after `offset`; ranges are disjoint, so ends are sorted too.
  auto it = std::upper_bound(ranges_.begin(), ranges_.end(), offset,
                             [](uint32_t at, TextRange r) { return at < r.end; });
  size_t visited = 0;
  for (; it != ranges_.end() && it->start < end; ++it) {
    ++visited;
    const uint32_t s = std::max(it->start, offset);
    const uint64_t e = std::min<uint64_t>(it->end, end);
    for (uint64_t i = s; i < e; ++i)
      if (out[i - offset] != '\n' && out[i - offset] != '\r') out[i - offset] = '*';
  }
  visits_.fetch_add(visited + 1, std::memory_order_relaxed);
  return out;
}

std::string SecretMask::Line(uint32_t line) const {
  const LineIndex& lines = file_.lines();
  return Apply(lines.Line(line), lines.LineStart(line));
}

std::string SecretMask::EditText(const Fix& fix, const Edit& e) const {
  std::vector<secrets::SecretMatch> found = secrets::FindSecretsToMask(e.text);
  // A fix that moves or re-indents lines carries their secrets along. Each secret in the bytes
  // the fix replaces is looked up with its whole source line (from the first non-blank): where
  // the new text has that line, the same bytes are masked. A short value alone is never
  // searched for (`test` would hit `test-db`), and the lookup is a hash of the new text's
  // lines, so a fix that moves thousands of lines stays linear.
  const std::string_view text = file_.text;
  std::unordered_map<std::string_view, std::vector<size_t>> lines;  // trimmed line -> offsets
  auto index = [&] {
    const std::string_view t = e.text;
    for (size_t at = 0; at < t.size();) {
      size_t end = t.find('\n', at);
      if (end == std::string_view::npos) end = t.size();
      size_t first = at;
      while (first < end && (t[first] == ' ' || t[first] == '\t')) ++first;
      lines[t.substr(first, end - first)].push_back(first);
      at = end + 1;
    }
  };
  // A value long enough not to occur by chance is also looked for as such (a fix may rewrite
  // the line around it), within a budget so a fix rewriting thousands of secrets stays linear.
  constexpr size_t kUnambiguous = 8;
  size_t budget = size_t{1} << 22;
  for (const Edit& other : fix.edits) {
    auto it = std::upper_bound(ranges_.begin(), ranges_.end(), other.range.start,
                               [](uint32_t at, TextRange r) { return at < r.end; });
    for (; it != ranges_.end() && it->start < other.range.end; ++it) {
      if (lines.empty()) index();
      const std::string_view value = it->Of(text);
      if (value.size() >= kUnambiguous && budget >= e.text.size()) {
        budget -= e.text.size();
        for (size_t hit = e.text.find(value); hit != std::string::npos;
             hit = e.text.find(value, hit + 1))
          found.push_back({hit, hit + value.size(), "carried"});
      }
      for (uint32_t at = it->start; at < it->end;) {  // One line of the secret at a time.
        const size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
        const size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
        size_t line_end = text.find('\n', at);
        if (line_end == std::string_view::npos) line_end = text.size();
        size_t first = line_start;
        while (first < at && (text[first] == ' ' || text[first] == '\t')) ++first;
        const size_t rel = at - first;
        const size_t len = std::min<size_t>(it->end, line_end) - at;
        auto hit = lines.find(text.substr(first, line_end - first));
        if (hit != lines.end() && len > 0)
          for (size_t pos : hit->second) found.push_back({pos + rel, pos + rel + len, "carried"});
        at = static_cast<uint32_t>(line_end + 1);
      }
    }
  }
  std::sort(found.begin(), found.end(),
            [](const secrets::SecretMatch& a, const secrets::SecretMatch& b) {
              return a.start < b.start;
            });
  return secrets::MaskRanges(e.text, found);
}

std::string SafeText(std::string_view text) {
  return secrets::MaskRanges(text, secrets::FindSecretsByForm(text));
}

namespace {
/// Length of the valid UTF-8 sequence at `s[i]`, or 0 if the bytes there are not valid UTF-8.
size_t Utf8Length(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = 0;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) n = 3;
  else if (c >= 0xF0 && c <= 0xF4) n = 4;
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}
}  // namespace

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const char ch = s[i];
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      // XML documents must be valid UTF-8: replace broken bytes with U+FFFD.
      const size_t n = Utf8Length(s, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    ++i;
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      // As references, so no line of the document starts with text from a file (a CI log that
      // prints the report would read a `::error` there as a workflow command).
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (c < 0x20 && ch != '\t') break;  // Not allowed in XML 1.0.
        out += ch;
    }
  }
  return out;
}

std::string UriEncode(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

namespace {

constexpr uint32_t kSha256K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

uint32_t Rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

}  // namespace

std::string Sha256Hex(std::string_view data) {
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::string msg(data);
  const uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
  msg += static_cast<char>(0x80);
  while (msg.size() % 64 != 56) msg += '\0';
  for (int i = 7; i >= 0; --i) msg += static_cast<char>((bits >> (i * 8)) & 0xff);
  for (size_t chunk = 0; chunk < msg.size(); chunk += 64) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(msg.data() + chunk + 4 * i);
      w[i] = (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
    }
    for (int i = 16; i < 64; ++i) {
      const uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      const uint32_t s1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
      const uint32_t ch = (e & f) ^ (~e & g);
      const uint32_t t1 = hh + s1 + ch + kSha256K[i] + w[i];
      const uint32_t s0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
      const uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
      const uint32_t t2 = s0 + maj;
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  std::string out;
  char buf[9];
  for (uint32_t v : h) {
    std::snprintf(buf, sizeof buf, "%08x", v);
    out += buf;
  }
  return out;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char ch : s)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  return n;
}

std::string ExcerptWindow(std::string_view line, uint32_t* col) {
  const size_t total = CodePoints(line);
  if (total <= kMaxExcerptWidth) return std::string(line);
  // Keep some context before the column; the window never runs past the end.
  const size_t lead = 40;
  size_t first = *col > lead ? *col - lead : 1;  // 1-based code point
  if (first + kMaxExcerptWidth - 1 > total) first = total - kMaxExcerptWidth + 1;
  const size_t last = first + kMaxExcerptWidth - 1;
  size_t begin = line.size(), end = line.size(), cp = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    ++cp;
    if (cp == first) begin = i;
    if (cp == last + 1) {
      end = i;
      break;
    }
  }
  std::string out;
  if (first > 1) out += "...";
  out.append(line.substr(begin, end - begin));
  if (last < total) out += "...";
  const uint32_t shift = static_cast<uint32_t>(first - 1) - (first > 1 ? 3 : 0);
  *col = *col > shift ? *col - shift : 1;
  return out;
}

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  std::string out = std::to_string(n);
  out += ' ';
  out += n == 1 ? one : many;
  return out;
}

std::string_view FixTag(Applicability a) {
  switch (a) {
    case Applicability::kSafe: return "";
    case Applicability::kUnsafe: return "(unsafe)";
    case Applicability::kDisplayOnly: return "(suggestion)";
  }
  return "";
}

}  // namespace shipshape::report
