#include "lint/linter.h"

#include <algorithm>
#include <cctype>

#include "compose/detect.h"
#include "dockerfile/dockerfile.h"
#include "lint/internal.h"
#include "lint/suppression.h"
#include "rules/registry.h"

namespace shipshape {

extern const Rule kDockerfileSyntaxError;

bool RuleEnabled(const Rule& rule, const Config& config) {
  if (rule.status == Status::kRemoved || rule.status == Status::kNotApplicable) return false;
  auto listed = [&](const std::set<std::string>& set) {
    if (set.empty()) return false;
    if (set.count(std::string(rule.code)) || set.count(std::string(rule.name))) return true;
    for (const Alias& a : rule.aliases)
      if (set.count(std::string(a.id))) return true;
    // Prefix selection: "DF" selects every Dockerfile rule, "DF0" a decade.
    for (const std::string& s : set)
      if (!s.empty() && s.size() < rule.code.size() && rule.code.substr(0, s.size()) == s)
        return true;
    return false;
  };
  if (listed(config.ignored)) return false;
  if (!config.selected.empty()) return listed(config.selected);
  if (rule.status == Status::kPreview && !config.preview) return false;
  return true;
}

Severity EffectiveSeverity(const Rule& rule, const Config& config) {
  auto it = config.severity_overrides.find(std::string(rule.code));
  if (it != config.severity_overrides.end()) return it->second;
  for (const Alias& a : rule.aliases) {
    it = config.severity_overrides.find(std::string(a.id));
    if (it != config.severity_overrides.end()) return it->second;
  }
  return rule.severity;
}

bool LooksLikeDockerfile(std::string_view text) {
  size_t p = 0;
  while (p < text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(p, e - p);
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (line.size() >= i + 5) {
      std::string kw;
      for (size_t k = i; k < i + 4; ++k)
        kw += static_cast<char>(std::tolower(static_cast<unsigned char>(line[k])));
      if (kw == "from" && (line[i + 4] == ' ' || line[i + 4] == '\t')) return true;
    }
    p = e + 1;
  }
  return false;
}

bool LooksLikeCompose(std::string_view text) { return compose::LooksLikeComposeContent(text); }

namespace {

void CollectSuppressions(const dockerfile::Dockerfile& df, Suppressions* sup) {
  auto scan_comment = [&](TextRange c, const dockerfile::Instruction* ins) {
    std::vector<std::string> codes;
    bool global = false;
    if (!ParseIgnoreComment(c.Of(df.source), &codes, &global)) return;
    if (global) {
      sup->global.insert(sup->global.end(), codes.begin(), codes.end());
    } else if (ins) {
      sup->scoped.push_back({ins->range, std::move(codes)});
    }
  };
  for (const dockerfile::Instruction& ins : df.instructions)
    for (TextRange c : ins.leading_comments) scan_comment(c, &ins);
  // Global pragmas may stand anywhere.
  for (TextRange c : df.comments) {
    std::vector<std::string> codes;
    bool global = false;
    if (ParseIgnoreComment(c.Of(df.source), &codes, &global) && global)
      sup->global.insert(sup->global.end(), codes.begin(), codes.end());
  }
  if (const dockerfile::Directive* d = df.FindDirective("check")) {
    // check=skip=A,B;error=true
    std::string_view v = d->value;
    size_t p = 0;
    while (p <= v.size()) {
      size_t semi = v.find(';', p);
      if (semi == std::string_view::npos) semi = v.size();
      std::string_view part = v.substr(p, semi - p);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      if (part.substr(0, 5) == "skip=") {
        std::string_view list = part.substr(5);
        size_t q = 0;
        while (q <= list.size()) {
          size_t c = list.find(',', q);
          if (c == std::string_view::npos) c = list.size();
          std::string code(list.substr(q, c - q));
          if (code == "all") sup->buildkit_skip_all = true;
          else if (!code.empty()) sup->global.push_back(code);
          q = c + 1;
        }
      } else if (part == "error=true") {
        sup->buildkit_error = true;
      }
      p = semi + 1;
    }
  }
}

void Finish(std::vector<Diagnostic>* diags) {
  std::stable_sort(diags->begin(), diags->end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.start != b.range.start) return a.range.start < b.range.start;
    return a.rule->code < b.rule->code;
  });
}

}  // namespace

std::vector<Diagnostic> LintFile(const SourceFile& file, const LintOptions& opts) {
  static const Config kDefault;
  const Config& config = opts.config ? *opts.config : kDefault;
  std::vector<Diagnostic> out;
  auto wants = [&](const Rule& r) {
    if (opts.only) return &r == opts.only;
    return RuleEnabled(r, config);
  };

  switch (file.kind) {
    case FileKind::kDockerfile: {
      auto df = dockerfile::Parse(file.text);
      if (wants(kDockerfileSyntaxError) || opts.only) {
        RuleContext ctx(kDockerfileSyntaxError, file, config, opts.workspace, &out);
        for (const dockerfile::SyntaxError& e : df->errors) ctx.Report(e.range, e.message);
        // Errors a dedicated rule explains (instruction before FROM: DF102; invalid ONBUILD
        // trigger: DF103) are left to it, so each is reported once.
        for (const dockerfile::SyntaxError& e : df->semantic_errors)
          if (e.kind == dockerfile::SyntaxError::Kind::kOther || !df->ok())
            ctx.Report(e.range, e.message);
      }
      // Model rules need a usable parse: with a parser-level error BuildKit stops, and so do we.
      if (df->ok()) {
        Suppressions sup;
        CollectSuppressions(*df, &sup);
        const size_t before = out.size();
        FileCache cache;
        for (const Rule* rule : AllRules()) {
          if (rule->target != Target::kDockerfile || !rule->check_dockerfile || !wants(*rule))
            continue;
          RuleContext ctx(*rule, file, config, opts.workspace, &out, &cache);
          rule->check_dockerfile(*df, ctx);
        }
        std::vector<Diagnostic> kept(std::make_move_iterator(out.begin()),
                                     std::make_move_iterator(out.begin() + before));
        for (size_t i = before; i < out.size(); ++i) {
          Diagnostic& d = out[i];
          if (sup.Suppressed(*d.rule, d.range)) continue;
          if (sup.buildkit_error && d.severity < Severity::kError) {
            for (const Alias& a : d.rule->aliases)
              if (a.tool == "buildkit") d.severity = Severity::kError;
          }
          kept.push_back(std::move(d));
        }
        out = std::move(kept);
      }
      break;
    }
    case FileKind::kCompose:
      LintCompose(file, opts, config, &out);
      break;
    case FileKind::kDockerignore:
    case FileKind::kEnv:
    case FileKind::kEntrypoint:
    case FileKind::kOther:
      for (const Rule* rule : AllRules()) {
        if (rule->target != Target::kContext || !rule->check_context || !wants(*rule)) continue;
        RuleContext ctx(*rule, file, config, opts.workspace, &out);
        rule->check_context(file, ctx);
      }
      break;
  }
  for (Diagnostic& d : out) {
    if (!opts.only) {
      Severity s = EffectiveSeverity(*d.rule, config);
      if (s != d.rule->severity) d.severity = s;
    }
  }
  Finish(&out);
  return out;
}

}  // namespace shipshape
