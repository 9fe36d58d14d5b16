#include "core/diff.h"

#include <algorithm>
#include <vector>

namespace shipshape {
namespace {

std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> out;
  size_t p = 0;
  while (p < s.size()) {
    size_t e = s.find('\n', p);
    if (e == std::string_view::npos) {
      out.push_back(s.substr(p));
      break;
    }
    out.push_back(s.substr(p, e - p + 1));
    p = e + 1;
  }
  return out;
}

enum class Op { kKeep, kDel, kAdd };

// Myers' greedy algorithm with a full trace; inputs are small (one file), so O((N+M)D) memory
// is fine. Falls back to delete-all/add-all beyond a large edit distance.
std::vector<Op> Diff(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int max = n + m;
  const int limit = std::min(max, 4000);
  std::vector<int> v(2 * max + 2, 0);
  std::vector<std::vector<int>> trace;
  int found_d = -1;
  for (int d = 0; d <= limit; ++d) {
    trace.push_back(v);
    for (int k = -d; k <= d; k += 2) {
      int x;
      if (k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max])) x = v[k + 1 + max];
      else x = v[k - 1 + max] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[k + max] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
    if (found_d >= 0) break;
  }
  std::vector<Op> ops;
  if (found_d < 0) {
    ops.assign(n, Op::kDel);
    ops.insert(ops.end(), m, Op::kAdd);
    return ops;
  }
  int x = n, y = m;
  for (int d = found_d; d > 0; --d) {
    const std::vector<int>& pv = trace[d];
    int k = x - y;
    int prev_k = (k == -d || (k != d && pv[k - 1 + max] < pv[k + 1 + max])) ? k + 1 : k - 1;
    int prev_x = pv[prev_k + max];
    int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      ops.push_back(Op::kKeep);
      --x, --y;
    }
    ops.push_back(x == prev_x ? Op::kAdd : Op::kDel);
    x = prev_x, y = prev_y;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::kKeep);
    --x, --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

void Line(std::string* out, char mark, std::string_view line) {
  out->push_back(mark);
  out->append(line);
  if (line.empty() || line.back() != '\n') out->append("\n\\ No newline at end of file\n");
}

}  // namespace

std::string UnifiedDiff(std::string_view before, std::string_view after, std::string_view path) {
  if (before == after) return {};
  auto a = SplitLines(before), b = SplitLines(after);
  std::vector<Op> ops = Diff(a, b);
  std::string out = "--- a/" + std::string(path) + "\n+++ b/" + std::string(path) + "\n";
  constexpr size_t kContext = 3;
  // Walk ops, grouping changes into hunks.
  size_t i = 0;
  const size_t n = ops.size();
  std::vector<size_t> ai(n + 1), bi(n + 1);  // line index in a/b before op i
  for (size_t k = 0, x = 0, y = 0; k <= n; ++k) {
    ai[k] = x, bi[k] = y;
    if (k < n) {
      if (ops[k] != Op::kAdd) ++x;
      if (ops[k] != Op::kDel) ++y;
    }
  }
  while (i < n) {
    while (i < n && ops[i] == Op::kKeep) ++i;
    if (i >= n) break;
    size_t start = i >= kContext ? i - kContext : 0;
    size_t end = i;
    // Extend while the next change is within 2*context keeps.
    for (;;) {
      while (end < n && ops[end] != Op::kKeep) ++end;
      size_t keep = end;
      while (keep < n && ops[keep] == Op::kKeep) ++keep;
      if (keep < n && keep - end <= 2 * kContext) {
        end = keep;
        continue;
      }
      end = std::min(n, end + kContext);
      break;
    }
    size_t a_len = ai[end] - ai[start], b_len = bi[end] - bi[start];
    out += "@@ -" + std::to_string(a_len ? ai[start] + 1 : ai[start]) + "," + std::to_string(a_len) +
           " +" + std::to_string(b_len ? bi[start] + 1 : bi[start]) + "," + std::to_string(b_len) +
           " @@\n";
    for (size_t k = start; k < end; ++k) {
      if (ops[k] == Op::kKeep) Line(&out, ' ', a[ai[k]]);
      else if (ops[k] == Op::kDel) Line(&out, '-', a[ai[k]]);
      else Line(&out, '+', b[bi[k]]);
    }
    i = end;
  }
  return out;
}

std::vector<LineHunk> DiffLines(std::string_view before, std::string_view after) {
  std::vector<LineHunk> hunks;
  if (before == after) return hunks;
  auto a = SplitLines(before), b = SplitLines(after);
  std::vector<Op> ops = Diff(a, b);
  size_t x = 0, y = 0;
  for (size_t k = 0; k < ops.size();) {
    if (ops[k] == Op::kKeep) {
      ++x, ++y, ++k;
      continue;
    }
    LineHunk h{x, x, y, y};
    for (; k < ops.size() && ops[k] != Op::kKeep; ++k) {
      if (ops[k] == Op::kDel) ++x;
      else ++y;
    }
    h.a_end = x, h.b_end = y;
    hunks.push_back(h);
  }
  return hunks;
}

}  // namespace shipshape
