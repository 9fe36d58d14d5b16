#include "fix/session.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/workspace.h"
#include "fix/override.h"

namespace shipshape {
namespace {

/// Adds `add` into `total`, both sorted by rule code.
void AddRuleFixes(const std::vector<FixOutcome::RuleFixes>& add,
                  std::vector<FixOutcome::RuleFixes>* total) {
  for (const FixOutcome::RuleFixes& r : add) {
    auto it = std::lower_bound(
        total->begin(), total->end(), r.code,
        [](const FixOutcome::RuleFixes& t, const std::string& code) { return t.code < code; });
    if (it == total->end() || it->code != r.code) it = total->insert(it, {r.code, r.name, 0});
    it->count += r.count;
  }
}

/// `out` replaced by the file as it still is: nothing of it was fixed.
void KeepOriginal(const SourceFile& src, const LintOptions& opts, FixOutcome* out) {
  FixOutcome kept;
  kept.found = out->found;
  kept.text = src.text;
  kept.remaining = LintFile(src, opts);
  *out = std::move(kept);
}

}  // namespace

std::string OverridePath(const std::string& compose_path, const std::string& into) {
  return into[0] == '/' ? NormalizePath(into) : JoinPath(DirName(compose_path), into);
}

FixSession::FixSession(std::vector<const SourceFile*> files, std::vector<LintOptions> opts,
                       FixSessionOptions options)
    : files_(std::move(files)), opts_(std::move(opts)), options_(std::move(options)) {}

void FixSession::ForEach(size_t n, const std::function<void(size_t)>& fn) const {
  if (options_.parallel_for) {
    options_.parallel_for(n, fn);
    return;
  }
  for (size_t i = 0; i < n; ++i) fn(i);
}

bool FixSession::Overridden(size_t i) const {
  return !options_.into_override.empty() && files_[i]->kind == FileKind::kCompose;
}

bool FixSession::Start(std::string* err) {
  outcomes_.assign(files_.size(), {});
  ForEach(files_.size(),
          [&](size_t i) { outcomes_[i] = FixToFixpoint(*files_[i], opts_[i], options_.min); });
  overrides_.assign(files_.size(), {});
  if (!options_.into_override.empty() && !PlanOverrides(err)) return false;
  for (size_t i = 0; i < files_.size(); ++i) {
    for (const std::string& r : outcomes_[i].rolled_back)
      problems_.push_back("fixes of " + r + " in " + files_[i]->path +
                          " broke the file's syntax and were not applied");
    if (!outcomes_[i].converged)
      problems_.push_back(files_[i]->path +
                          ": fixes did not converge after 100 passes; the last state was kept");
  }
  round_.resize(files_.size());
  for (size_t i = 0; i < round_.size(); ++i) round_[i] = i;
  unfixed_.assign(files_.size(), false);
  return true;
}

/// Every override target is checked before anything is written, so a refused run changes nothing.
bool FixSession::PlanOverrides(std::string* err) {
  const std::string& into = options_.into_override;
  // Targets named by some other compose file: those files are overrides an earlier run wrote.
  std::set<std::string> targets;
  for (const SourceFile* f : files_) {
    if (f->kind != FileKind::kCompose) continue;
    const std::string target = OverridePath(f->path, into);
    if (target != NormalizePath(f->path)) targets.insert(target);
  }
  for (const SourceFile* f : files_) {
    const std::string self = NormalizePath(f->path);
    if (f->kind == FileKind::kCompose && !targets.count(self) && OverridePath(f->path, into) == self) {
      *err = "--into-override " + into + " names the compose file " + f->path +
             " itself; pick another name, e.g. compose.prod.yaml";
      return false;
    }
  }
  std::map<std::string, std::string> claimed;  // target -> the compose file it overrides
  for (size_t i = 0; i < files_.size(); ++i) {
    const SourceFile& src = *files_[i];
    if (src.kind != FileKind::kCompose) continue;
    FixOutcome& out = outcomes_[i];
    if (targets.count(NormalizePath(src.path))) {
      // The override an earlier run wrote: neither fixed on its own nor overridden itself.
      KeepOriginal(src, opts_[i], &out);
      continue;
    }
    if (out.unparsable || out.text == src.text) continue;
    const std::string path = OverridePath(src.path, into);
    OverrideOptions oo;
    oo.compose_name = src.path.substr(src.path.find_last_of('/') + 1);
    oo.override_name = into;
    std::string text, why;
    if (!BuildComposeOverride(src.text, out.text, oo, &text, &why)) {
      *err = src.path + ": cannot build the override: " + why;
      return false;
    }
    if (text.empty()) continue;
    const auto [it, fresh] = claimed.emplace(path, src.path);
    if (!fresh) {
      *err = "--into-override: " + it->second + " and " + src.path + " would both write " + path +
             "; run fix once per compose file";
      return false;
    }
    if (options_.exists && options_.exists(path)) {
      *err = path + " already exists; --into-override never overwrites or merges into a file "
                    "(remove it, or pick another name)";
      return false;
    }
    overrides_[i] = {path, std::move(text)};
  }
  return true;
}

std::vector<PlannedWrite> FixSession::Plan() const {
  using Kind = PlannedWrite::Kind;
  std::vector<PlannedWrite> plan;
  for (size_t i : round_) {
    const SourceFile& src = *files_[i];
    const FixOutcome& out = outcomes_[i];
    if (Overridden(i)) {
      // The compose file stays as it is; its fixes go to the override.
      if (!overrides_[i].text.empty())
        plan.push_back({Kind::kCreate, overrides_[i].path, overrides_[i].text, "", 0644, i, src.path});
    } else if (out.text != src.text) {
      plan.push_back({Kind::kReplace, src.path, out.text, src.text, src.mode, i, src.path});
    }
    const std::string dir = DirName(src.path);
    for (const Fix::FileWrite& w : out.file_writes)
      plan.push_back({w.append ? Kind::kMerge : Kind::kCreateIfAbsent, JoinPath(dir, w.path),
                      w.content, "", w.mode, i, src.path});
  }
  return plan;
}

bool FixSession::Record(const RoundResult& round) {
  const int pass = rounds_++;
  if (!round.committed) {
    for (size_t i : round_) unfixed_[i] = true;
    round_.clear();
    return false;
  }
  std::set<std::string> sources;
  for (const SourceFile* f : files_) sources.insert(NormalizePath(f->path));
  for (const RoundResult::Written& w : round.written) {
    written_.emplace(w.path, w.created);  // created in an earlier round stays "added"
    side_files_written_ |= !sources.count(NormalizePath(w.path));
  }
  std::vector<size_t> again;
  for (size_t i : round_) {
    if (!round.dropped.count(i)) continue;
    unfixed_[i] = true;
    // (An override is planned once, from the first outcome: not retried.)
    if (round.conflicted.count(i) && options_.into_override.empty()) again.push_back(i);
  }
  if (again.empty() || pass == 4) {
    round_.clear();
    return false;
  }
  for (size_t i : again) {
    outcomes_[i] = FixToFixpoint(*files_[i], opts_[i], options_.min);
    unfixed_[i] = false;
  }
  round_ = std::move(again);
  return true;
}

FixSession::Result FixSession::Finish() {
  Result r;
  for (const auto& [path, created] : written_)
    (created ? r.files_added : r.files_changed).push_back(path);
  for (size_t i = 0; i < files_.size(); ++i) {
    const SourceFile& src = *files_[i];
    FixOutcome& out = outcomes_[i];
    // Nothing was fixed in this file: report it as it still is.
    if (unfixed_[i]) KeepOriginal(src, opts_[i], &out);
    r.found += out.found;
    r.fixed += out.fixed;
    AddRuleFixes(out.fixed_by_rule, &r.fixed_by_rule);
    auto f = std::make_unique<SourceFile>(src);
    if (Overridden(i) && out.text != src.text)
      out.remaining = RemapToOriginal(src, opts_[i], std::move(out.remaining));
    else
      f->text = out.text;
    r.files.push_back(std::move(f));
  }
  // The side files written (.dockerignore, .env.example, .gitignore lines) answer findings the
  // fix passes still saw (DF114 and the like): what is left is what a `check` now reports.
  if (side_files_written_) {
    ForEach(r.files.size(), [&](size_t i) {
      if (Overridden(i)) return;
      outcomes_[i].remaining = LintFile(*r.files[i], opts_[i]);
    });
  }
  for (FixOutcome& out : outcomes_) {
    r.left += out.remaining.size();
    r.remaining.push_back(std::move(out.remaining));
  }
  return r;
}

std::vector<Diagnostic> RemapToOriginal(const SourceFile& original, const LintOptions& opts,
                                        std::vector<Diagnostic> remaining) {
  std::vector<Diagnostic> before = LintFile(original, opts);
  std::vector<TextRange> secrets;
  for (const Diagnostic& d : before)
    secrets.insert(secrets.end(), d.redactions.begin(), d.redactions.end());
  std::vector<bool> used(before.size(), false);
  std::vector<Diagnostic> out;
  for (Diagnostic& d : remaining) {
    size_t j = 0;
    while (j < before.size() &&
           (used[j] || before[j].rule != d.rule || before[j].message != d.message))
      ++j;
    if (j < before.size()) {
      used[j] = true;
      out.push_back(std::move(before[j]));
    } else {
      d.range = TextRange::At(0);
      d.fix.reset();
      d.redactions.clear();
      out.push_back(std::move(d));
    }
    out.back().redactions = secrets;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.start != b.range.start) return a.range.start < b.range.start;
    return a.rule && b.rule && a.rule->code < b.rule->code;
  });
  return out;
}

}  // namespace shipshape
