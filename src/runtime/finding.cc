#include "runtime/finding.h"

namespace shipshape::runtime {

std::string Quote(std::string_view s) {
  std::string out = "`";
  for (char ch : s) out += ch == '`' ? '\'' : ch;
  out += '`';
  return out;
}

std::string ComposeFilesText(const Container& c) {
  if (c.compose.config_files.empty()) return "its Compose file";
  std::string out;
  for (size_t i = 0; i < c.compose.config_files.size(); ++i) {
    if (i) out += " or ";
    out += c.compose.config_files[i];
  }
  return out;
}

std::string WithRemedy(const Container& c, std::string problem, const Remedy& remedy) {
  if (c.compose.present()) {
    if (remedy.compose.empty()) return problem;
    return problem + "; " + remedy.compose + " on service " + Quote(c.compose.service) + " in " +
           ComposeFilesText(c);
  }
  if (remedy.run.empty()) return problem;
  return problem + "; " + remedy.run;
}

DiagnosticBuilder ReportAt(RuleContext& ctx, const Container& c, std::string_view pointer,
                           std::string problem, const Remedy& remedy) {
  return ctx.Report(c.Locate(pointer), WithRemedy(c, std::move(problem), remedy));
}

}  // namespace shipshape::runtime
