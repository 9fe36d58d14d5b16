// COPY of a local tar archive that a later RUN extracts: ADD does that in one step.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

bool IsTarArchive(std::string_view name) {
  const std::string l = Lower(name);
  for (std::string_view ext : {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz"})
    if (l.size() > ext.size() && l.compare(l.size() - ext.size(), ext.size(), ext) == 0) return true;
  return false;
}

// The last path element, for `/` and Windows `\` separators, without surrounding quotes.
std::string_view BaseName(std::string_view p) {
  while (!p.empty() && (p.front() == '"' || p.front() == '\'')) p.remove_prefix(1);
  while (!p.empty() && (p.back() == '"' || p.back() == '\'')) p.remove_suffix(1);
  size_t s = p.find_last_of("/\\");
  return s == std::string_view::npos ? p : p.substr(s + 1);
}

// `tar` with an extract operation somewhere after it: -x..., x..., --extract.
bool ExtractsWithTar(std::string_view text) {
  size_t p = 0;
  while ((p = text.find("tar", p)) != std::string_view::npos) {
    const bool word_start = p == 0 || std::string_view(" \t;&|(/`").find(text[p - 1]) != std::string_view::npos;
    const size_t after = p + 3;
    p = after;
    if (!word_start || (after < text.size() && text[after] != ' ' && text[after] != '\t')) continue;
    // Look at the next few words for an extract option.
    size_t q = after;
    for (int words = 0; words < 6 && q < text.size(); ++words) {
      while (q < text.size() && (text[q] == ' ' || text[q] == '\t')) ++q;
      size_t e = q;
      while (e < text.size() && text[e] != ' ' && text[e] != '\t' && text[e] != ';' && text[e] != '&')
        ++e;
      std::string_view w = text.substr(q, e - q);
      if (w == "--extract" || w == "--get") return true;
      if (!w.empty() && (w[0] == '-' ? w.size() > 1 && w[1] != '-' && w.find('x') != std::string_view::npos
                                     : words == 0 && w.find('x') != std::string_view::npos &&
                                           w.find_first_not_of("xzjJvfpo") == std::string_view::npos))
        return true;
      q = e;
    }
  }
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    for (size_t i = 0; i < st.instructions.size(); ++i) {
      const dockerfile::Instruction* ins = st.instructions[i];
      if (ins->kind != dockerfile::Keyword::kCopy || ins->HasFlag("from") || ins->args.size() < 2)
        continue;
      for (size_t a = 0; a + 1 < ins->args.size(); ++a) {
        const std::string& src = ins->args[a].value;
        if (!IsTarArchive(src) || src.find_first_of("$*?") != std::string::npos) continue;
        // The RUN may name the archive as copied or by the file name COPY gave it.
        const std::string_view name = BaseName(src);
        const std::string_view dest = BaseName(ins->args.back().value);
        const std::string_view renamed = IsTarArchive(dest) ? dest : name;
        for (size_t j = i + 1; j < st.instructions.size(); ++j) {
          const dockerfile::Instruction* run = st.instructions[j];
          if (run->kind != dockerfile::Keyword::kRun) continue;
          std::string text = run->rest.text;
          for (const dockerfile::Heredoc& h : run->heredocs) text += "\n" + h.content;
          if ((text.find(name) == std::string::npos && text.find(renamed) == std::string::npos) ||
              !ExtractsWithTar(text))
            continue;
          ctx.Report(ins->args[a].range,
                     "COPY " + src + " is extracted by a later RUN; ADD extracts local tar "
                                     "archives itself, without keeping the archive in a layer")
              .WithFix("ADD " + src + " <directory>/ and drop the extraction from the RUN",
                       Applicability::kDisplayOnly, {});
          j = st.instructions.size();
        }
      }
    }
  }
}

}  // namespace

extern constinit const Rule kCopyArchiveThenExtract{
    .code = "DF112",
    .name = "copy-archive-then-extract",
    .summary = "A copied tar archive is extracted by a later RUN",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"hadolint", "DL3010"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `COPY app.tar.gz ...` when a later `RUN` of the same stage runs `tar` with an extract
option on a file of that name.

## Why is this bad
The archive is stored in the `COPY` layer forever, even if the `RUN` deletes it, so the image
carries the data twice. `ADD` extracts local tar archives (gzip, bzip2, xz) directly into the
destination in one layer.

## Example
```dockerfile
FROM alpine:3.20
COPY app.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
```

## Use instead
```dockerfile
FROM alpine:3.20
ADD app.tar.gz /opt/
```

## Fix safety
No automatic fix: the extraction options (`-C`, `--strip-components`) have to be mapped by hand.

## References
- https://docs.docker.com/reference/dockerfile/#add
- hadolint DL3010
)md",
};

}  // namespace shipshape
