// Invariants of `shipshape fix --unsafe` over the whole shared corpus (real Dockerfiles, Compose
// files, .dockerignore and .env files), copied to a temporary directory with its layout kept:
//  - the fixed file still parses (and no fix was rolled back for breaking the syntax, none loops);
//  - a Compose file that passed our schema validation still does;
//  - `docker-compose config -q` (1.29, when installed) still accepts every changed Compose file it
//    accepted before;
//  - a second `fix --unsafe` changes nothing;
//  - every line that changed lies inside an edit of an applied fix (a line diff of the original
//    against the file on disk, checked against the edits the fixer reports, mapped back through
//    every pass), or is a line a fix merged into a side file (.dockerignore, .env).
// The binary does the writes (build/shipshape, as a user runs it); the library is run on the same
// files in-process to learn which rule made which edit. Every failure names the file and rules.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "cli/discover.h"
#include "core/diff.h"
#include "fix/fixer.h"
#include "testing/docker_compose.h"
#include "lint/linter.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Every regular file under `root`, by path relative to it.
std::map<std::string, std::string> Snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) files[fs::relative(e.path(), root).string()] = Read(e.path());
  return files;
}

/// Starts `args` in `cwd` with stdin from /dev/null and stdout/stderr to the given files.
pid_t Spawn(const std::vector<std::string>& args, const fs::path& cwd, const fs::path& out,
            const fs::path& err) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addchdir_np(&fa, cwd.c_str());
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::string path_env = "PATH=/usr/bin:/bin", home = "HOME=" + cwd.string();
  char* envp[] = {path_env.data(), home.data(), nullptr};
  pid_t pid = -1;
  if (posix_spawn(&pid, copy[0].c_str(), &fa, nullptr, argv.data(), envp) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  if (pid < 0 || ::waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

// Side files a first run creates that another rule completes on the next run; each entry says
// why. An entry that no longer happens fails the test.
// Files a second run may still change, with the reason. Empty since the secret moves write a
// `.env.example` that documents every variable the directory needs at once (issue 16).
const std::map<std::string, std::string> kKnownSecondRunChanges = {};

std::string Join(const std::set<std::string>& s) {
  std::string out;
  for (const std::string& x : s) out += (out.empty() ? "" : ",") + x;
  return out.empty() ? "(none)" : out;
}

/// For each line of `original`, the rules whose applied edits touched it, following the edits
/// through every pass. A byte an edit inserted is charged to the original byte it was inserted
/// next to; an insertion or deletion touches the lines on both sides of its point.
std::vector<std::set<std::string>> TouchedLines(
    std::string_view original, const std::vector<std::vector<FixOutcome::AppliedEdit>>& passes) {
  std::vector<uint32_t> line_of(original.size() + 1);
  uint32_t line = 0;
  for (size_t i = 0; i < original.size(); ++i) {
    line_of[i] = line;
    if (original[i] == '\n') ++line;
  }
  line_of[original.size()] = line;
  std::vector<std::set<std::string>> touched(line + 1);
  // origin[i]: the original offset of byte i of the current text (for inserted bytes, the offset
  // they were inserted next to).
  std::vector<uint32_t> origin(original.size() + 1);
  for (size_t i = 0; i <= original.size(); ++i) origin[i] = static_cast<uint32_t>(i);
  for (const auto& pass : passes) {
    std::vector<uint32_t> next;
    next.reserve(origin.size());
    size_t pos = 0;
    const size_t size = origin.size() - 1;  // the last entry is the end-of-text sentinel
    for (const FixOutcome::AppliedEdit& ae : pass) {
      const size_t s = std::min<size_t>(ae.edit.range.start, size);
      const size_t e = std::min<size_t>(ae.edit.range.end, size);
      next.insert(next.end(), origin.begin() + pos, origin.begin() + s);
      for (size_t b = s; b < e; ++b) touched[line_of[origin[b]]].insert(ae.code);
      if (s > 0) touched[line_of[origin[s - 1]]].insert(ae.code);
      touched[line_of[origin[e]]].insert(ae.code);
      const uint32_t anchor = s > 0 ? origin[s - 1] : origin[s];
      next.insert(next.end(), ae.edit.text.size(), anchor);
      pos = e;
    }
    next.insert(next.end(), origin.begin() + pos, origin.end());
    origin = std::move(next);
  }
  return touched;
}

std::vector<std::string_view> Lines(std::string_view s) {
  std::vector<std::string_view> out;
  size_t p = 0;
  while (p < s.size()) {
    size_t e = s.find('\n', p);
    e = e == std::string_view::npos ? s.size() : e + 1;
    out.push_back(s.substr(p, e - p));
    p = e;
  }
  return out;
}

struct FileResult {
  const SourceFile* src = nullptr;
  FixOutcome outcome;
};

/// Run once with the default rule set and once with the preview rules on as well.
class FixCorpusInvariant : public ::testing::TestWithParam<bool> {};

TEST_P(FixCorpusInvariant, UnsafeFixKeepsEveryFileValidAndLocal) {
  const bool preview = GetParam();
  const fs::path corpus = fs::path(SHIPSHAPE_SHARED_DIR) / "corpus";
  ASSERT_TRUE(fs::exists(corpus)) << "no corpus at " << corpus;
  const auto t0 = std::chrono::steady_clock::now();
  char tmpl[] = "/tmp/shipshape-inv-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  const fs::path work = tmpl;
  const fs::path before_dir = work / "before", after_dir = work / "after";
  for (const char* sub : {"compose", "dockerfiles", "context"}) {
    fs::create_directories(before_dir / sub);
    fs::copy(corpus / sub, before_dir / sub, fs::copy_options::recursive);
  }
  fs::copy(before_dir, after_dir, fs::copy_options::recursive);
  const std::map<std::string, std::string> original = Snapshot(after_dir);

  // In-process, on the same tree the binary will see: which rule made which edit.
  DiscoverOptions dopts;
  Discovered found = Discover({after_dir.string()}, dopts);
  ASSERT_TRUE(found.errors.empty());
  RealFileSystem rfs;
  Workspace ws;
  ws.root = after_dir.string();
  ws.fs = &rfs;
  for (const auto& f : found.files) ws.files.push_back(f.get());
  Config config;
  config.preview = preview;
  LintOptions lopts;
  lopts.config = &config;
  lopts.workspace = &ws;
  std::vector<FileResult> results(found.files.size());
  {
    std::atomic<size_t> next{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
      threads.emplace_back([&] {
        for (size_t i; (i = next.fetch_add(1)) < results.size();) {
          results[i].src = found.files[i].get();
          results[i].outcome = FixToFixpoint(*found.files[i], lopts, Applicability::kUnsafe);
        }
      });
    for (std::thread& t : threads) t.join();
  }
  std::map<std::string, const FileResult*> by_rel;
  // Lines side-file writes may merge into a file, and the rules that asked for them.
  std::map<std::string, std::set<std::string>> merged_lines, merged_by;
  for (const FileResult& r : results) {
    const std::string rel = fs::relative(r.src->path, after_dir).string();
    by_rel[rel] = &r;
    for (const Fix::FileWrite& w : r.outcome.file_writes) {
      const std::string target =
          fs::relative(fs::path(JoinPath(DirName(r.src->path), w.path)), after_dir).string();
      for (std::string_view l : Lines(w.content)) merged_lines[target].insert(std::string(l));
      for (const auto& rf : r.outcome.fixed_by_rule) merged_by[target].insert(rf.code);
    }
  }

  // Compose files whose `.env` lines would give a name a second value (several Compose files in
  // one directory, each with its own password under one name): `fix` leaves them out of its
  // transaction and fixes them again in a later round against the `.env` as it then is, where
  // their rules pick free names. What is written for them is not this first computation.
  std::set<std::string> second_round;
  {
    std::map<std::string, std::map<std::string, std::string>> env_lines;  // .env -> key -> line
    auto key_of = [](std::string_view line) {
      const size_t eq = line.find('=');
      return eq == std::string_view::npos || eq + 1 == line.size() || line[0] == '#'
                 ? std::string()
                 : std::string(line.substr(0, eq));
    };
    for (const FileResult& r : results) {
      std::vector<std::pair<std::string, std::string>> mine;  // (.env, line)
      bool conflict = false;
      for (const Fix::FileWrite& w : r.outcome.file_writes) {
        const std::string target = JoinPath(DirName(r.src->path), w.path);
        if (!w.append || ClassifyPath(target) != FileKind::kEnv) continue;
        auto [keys, fresh] = env_lines.try_emplace(target);
        if (fresh && fs::exists(target)) {
          const std::string text = Read(target);
          for (std::string_view l : Lines(text))
            if (!key_of(l).empty()) keys->second.emplace(key_of(l), std::string(l));
        }
        for (std::string_view l : Lines(w.content)) {
          const std::string key = key_of(l);
          if (key.empty()) continue;
          auto it = keys->second.find(key);
          conflict |= it != keys->second.end() && it->second != l;
          mine.emplace_back(target, std::string(l));
        }
      }
      if (conflict) {
        second_round.insert(fs::relative(r.src->path, after_dir).string());
        continue;
      }
      for (const auto& [target, line] : mine) env_lines[target].emplace(key_of(line), line);
    }
  }

  // The binary writes the fixes.
  const fs::path out_log = work / "fix.out", err_log = work / "fix.err";
  const auto t_fix = std::chrono::steady_clock::now();
  std::vector<std::string> fix_args = {SHIPSHAPE_BINARY, "fix", "--unsafe", "--quiet", "after"};
  if (preview) fix_args.push_back("--preview");
  const int rc = Wait(Spawn(fix_args, work, out_log, err_log));
  const double fix_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t_fix).count();
  EXPECT_TRUE(rc == 0 || rc == 1) << "fix exited " << rc << "\n" << Read(err_log).substr(0, 2000);
  const std::map<std::string, std::string> fixed = Snapshot(after_dir);

  auto rules_of = [&](const std::string& rel) {
    std::set<std::string> codes;
    auto it = by_rel.find(rel);
    if (it != by_rel.end())
      for (const auto& rf : it->second->outcome.fixed_by_rule) codes.insert(rf.code);
    return codes;
  };

  size_t changed = 0, added = 0;
  std::vector<std::string> changed_compose;
  for (const auto& [rel, text] : fixed) {
    auto orig = original.find(rel);
    if (orig == original.end()) {
      ++added;
      EXPECT_TRUE(merged_lines.count(rel))
          << rel << ": a file no fix asked for appeared (rules " << Join(merged_by[rel]) << ")";
      continue;
    }
    if (orig->second == text) continue;
    ++changed;
    const FileResult* r = by_rel.count(rel) ? by_rel[rel] : nullptr;
    const std::set<std::string> rules = rules_of(rel);
    if (r) {
      // What the binary wrote is what the library computed (plus merged side-file lines).
      if (!merged_lines.count(rel) && !second_round.count(rel)) {
        EXPECT_EQ(text, r->outcome.text) << rel << ": the written file differs from the fixer's "
                                         << "output (rules " << Join(rules) << ")";
      }
      EXPECT_TRUE(r->outcome.rolled_back.empty())
          << rel << ": fixes of " << Join({r->outcome.rolled_back.begin(),
                                          r->outcome.rolled_back.end()})
          << " broke the syntax and were rolled back";
      EXPECT_TRUE(r->outcome.converged) << rel << ": no fixpoint after 100 passes (rules "
                                        << Join(rules) << ")";
      // Still parses; a Compose file valid against the schema still is.
      SourceFile after = *r->src;
      after.text = text;
      const std::vector<Diagnostic> diags = LintFile(after, lopts);
      std::set<std::string> syntax;
      for (const Diagnostic& d : diags)
        if (HasParseError({d})) syntax.insert(std::string(d.rule->code) + ": " + d.message);
      EXPECT_TRUE(syntax.empty()) << rel << ": no longer parses after rules " << Join(rules)
                                  << ": " << Join(syntax);
      if (r->src->kind == FileKind::kCompose) {
        changed_compose.push_back(rel);
        Config schema;
        schema.selected = {"DC000", "DC001", "DC002"};
        LintOptions sopts;
        sopts.config = &schema;
        std::vector<Diagnostic> was = LintFile(*r->src, sopts), now = LintFile(after, sopts);
        if (was.empty()) {
          std::set<std::string> msgs;
          for (const Diagnostic& d : now) msgs.insert(std::string(d.rule->code) + " " + d.message);
          EXPECT_TRUE(now.empty()) << rel << ": fails our schema validation after rules "
                                   << Join(rules) << ": " << Join(msgs);
        }
      }
    }
    // Every changed line lies inside an edit (or is a line merged into a side file).
    const std::vector<std::set<std::string>> touched =
        r ? TouchedLines(orig->second, r->outcome.pass_edits)
          : std::vector<std::set<std::string>>(Lines(orig->second).size() + 1);
    const std::vector<std::string_view> a = Lines(orig->second), b = Lines(text);
    const std::set<std::string>& mergeable = merged_lines[rel];
    if (r && !merged_lines.count(rel) && !second_round.count(rel)) {
      // The recorded edits, replayed pass by pass on the original, give exactly the written file:
      // nothing outside them changed, byte for byte.
      std::string replay = orig->second;
      for (const auto& pass : r->outcome.pass_edits) {
        std::string next;
        size_t pos = 0;
        for (const FixOutcome::AppliedEdit& ae : pass) {
          next.append(replay, pos, ae.edit.range.start - pos);
          next += ae.edit.text;
          pos = ae.edit.range.end;
        }
        next.append(replay, pos);
        replay = std::move(next);
      }
      EXPECT_EQ(replay, text) << rel << ": the fixer's recorded edits do not give the written file "
                              << "(rules " << Join(rules) << ")";
    }
    auto all_touched = [&](size_t from, size_t to) {
      for (size_t l = from; l < to; ++l)
        if (l >= touched.size() || touched[l].empty()) return false;
      return true;
    };
    // An edited line of the same text in or near the hunk: with identical lines (blank ones above
    // all) the diff may pair the kept copy with another original than the one that was kept.
    auto has_twin = [&](size_t l, const LineHunk& h) {
      const size_t from = h.a_begin > 5 ? h.a_begin - 5 : 0, to = std::min(a.size(), h.a_end + 5);
      for (size_t k = from; k < to; ++k)
        if (k != l && a[k] == a[l] && !touched[k].empty()) return true;
      return false;
    };
    for (const LineHunk& h : DiffLines(orig->second, text)) {
      bool ok = true;
      if (h.a_begin == h.a_end) {
        // An insertion: the line before or after its point was edited. Identical neighbours make
        // the point ambiguous (the diff may put it a few lines off): try every equivalent one.
        size_t lo = h.a_begin, hi = h.a_begin;
        for (size_t bb = h.b_begin, be = h.b_end; lo > 0 && bb > 0 && a[lo - 1] == b[be - 1];)
          --lo, --bb, --be;
        for (size_t bb = h.b_begin, be = h.b_end; hi < a.size() && be < b.size() && a[hi] == b[bb];)
          ++hi, ++bb, ++be;
        ok = false;
        for (size_t p = lo; p <= hi && !ok; ++p)
          ok = (p < touched.size() && !touched[p].empty()) || (p > 0 && !touched[p - 1].empty());
      } else if (h.b_begin == h.b_end) {
        // A deletion, which slides the same way over identical lines.
        ok = all_touched(h.a_begin, h.a_end);
        for (size_t s = h.a_begin, e = h.a_end; !ok && s > 0 && a[s - 1] == a[e - 1];)
          ok = all_touched(--s, --e);
        for (size_t s = h.a_begin, e = h.a_end; !ok && e < a.size() && a[s] == a[e];)
          ok = all_touched(++s, ++e);
        if (!ok) {
          ok = true;
          for (size_t l = h.a_begin; l < h.a_end && ok; ++l) ok = !touched[l].empty() || has_twin(l, h);
        }
      } else {
        // A replacement: every replaced line was edited, or is the same text as an edited line of
        // the hunk or one of its new lines (with identical lines, blank ones above all, the diff
        // may pair the kept copy with the wrong original).
        for (size_t l = h.a_begin; l < h.a_end && ok; ++l) {
          if (!touched[l].empty()) continue;
          ok = std::find(b.begin() + h.b_begin, b.begin() + h.b_end, a[l]) != b.begin() + h.b_end ||
               has_twin(l, h);
        }
      }
      if (!ok) {
        bool all_merged = h.a_begin == h.a_end;
        for (size_t l = h.b_begin; l < h.b_end && all_merged; ++l) {
          std::string line(b[l]);
          if (!line.empty() && line.back() == '\n') line.pop_back();
          if (!line.empty() && line.back() == '\r') line.pop_back();
          all_merged = mergeable.count(line) || mergeable.count(line + "\n");
        }
        ok = all_merged;
      }
      if (ok) continue;
      std::string was, now;
      for (size_t l = h.a_begin; l < h.a_end && l < h.a_begin + 5; ++l) was += "-" + std::string(a[l]);
      for (size_t l = h.b_begin; l < h.b_end && l < h.b_begin + 5; ++l) now += "+" + std::string(b[l]);
      std::set<std::string> near;
      for (size_t l = h.a_begin > 2 ? h.a_begin - 2 : 0; l < h.a_end + 2 && l < touched.size(); ++l)
        near.insert(touched[l].begin(), touched[l].end());
      std::string untouched;
      for (size_t l = h.a_begin; l < h.a_end; ++l)
        if (l >= touched.size() || touched[l].empty()) untouched += " " + std::to_string(l + 1);
      ADD_FAILURE() << rel << ": lines " << h.a_begin + 1 << "-" << h.a_end
                    << " changed outside every edit (untouched:" << untouched
                    << "; rules on nearby lines: " << Join(near)
                    << "; rules fixed in the file: " << Join(rules) << ")\n" << was << now;
    }
  }

  // docker-compose still accepts the changed Compose files it accepted before. One Python process
  // validates a whole list through the code `docker-compose config -q` runs (its startup, not the
  // validation, is what takes time), the original and the fixed copies side by side.
  size_t dc_checked = 0;
  const auto t_dc = std::chrono::steady_clock::now();
  if (testing::HaveDockerCompose()) {
    std::vector<std::string> before_files, after_files;
    for (const std::string& rel : changed_compose) {
      before_files.push_back((before_dir / rel).string());
      after_files.push_back((after_dir / rel).string());
    }
    fs::create_directories(work / "dc-before");
    fs::create_directories(work / "dc-after");
    auto was = testing::DockerComposeVerdicts(before_files, work / "dc-before");
    auto now = testing::DockerComposeVerdicts(after_files, work / "dc-after");
    ASSERT_TRUE(was.has_value() && now.has_value()) << "docker-compose's validator did not run";
    for (size_t i = 0; i < changed_compose.size(); ++i) {
      if (!(*was)[i].valid) continue;
      ++dc_checked;
      EXPECT_TRUE((*now)[i].valid) << changed_compose[i]
                                   << ": docker-compose config -q rejects it after rules "
                                   << Join(rules_of(changed_compose[i])) << ": "
                                   << (*now)[i].error.substr(0, 800);
    }
  }
  const double dc_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t_dc).count();

  // A second run changes nothing.
  const int rc2 = Wait(Spawn(fix_args, work, out_log, err_log));
  EXPECT_TRUE(rc2 == 0 || rc2 == 1) << "second fix exited " << rc2;
  const std::map<std::string, std::string> again = Snapshot(after_dir);
  std::set<std::string> known_used;
  for (const auto& [rel, text] : again) {
    auto it = fixed.find(rel);
    if (it != fixed.end() && it->second == text) continue;
    if (kKnownSecondRunChanges.count(rel)) {
      known_used.insert(rel);
      continue;
    }
    // Which rules still fire a fix on the fixed file?
    std::set<std::string> codes;
    for (const auto& f : found.files) {
      if (fs::relative(f->path, after_dir).string() != rel) continue;
      SourceFile s = *f;
      s.text = it == fixed.end() ? "" : it->second;
      for (const auto& rf : FixToFixpoint(s, lopts, Applicability::kUnsafe).fixed_by_rule)
        codes.insert(rf.code);
    }
    ADD_FAILURE() << rel << ": a second fix --unsafe changed it again (rules " << Join(codes)
                  << "; first run: " << Join(rules_of(rel)) << ")\n"
                  << UnifiedDiff(it == fixed.end() ? "" : it->second, text, rel).substr(0, 1500);
  }

  for (const auto& [rel, why] : kKnownSecondRunChanges) {
    EXPECT_TRUE(known_used.count(rel)) << rel << " is listed as changing on a second run but "
                                       << "did not: drop it from kKnownSecondRunChanges";
  }

  const double total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("fix invariant (%s rules): %zu files, %zu changed, %zu added in %.2fs (%.0f files written/s); "
              "%zu compose files rechecked with docker-compose (%.1fs); %.1fs in all\n",
              preview ? "preview" : "default", found.files.size(), changed, added, fix_seconds,
              fix_seconds > 0 ? (changed + added) / fix_seconds : 0.0, dc_checked, dc_seconds,
              total);
  std::error_code ec;
  fs::remove_all(work, ec);
}

INSTANTIATE_TEST_SUITE_P(Rules, FixCorpusInvariant, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return std::string(info.param ? "Preview" : "Default");
                         });

}  // namespace
}  // namespace shipshape
