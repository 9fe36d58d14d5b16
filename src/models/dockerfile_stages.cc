#include "models/dockerfile_stages.h"

#include <algorithm>

#include "core/strings.h"

namespace shipshape::models {

using dockerfile::Dockerfile;
using dockerfile::Instruction;
using dockerfile::Keyword;
using dockerfile::Stage;

const Instruction* LastOf(const Stage& stage, Keyword kind) {
  const Instruction* last = nullptr;
  for (const Instruction* ins : stage.instructions)
    if (ins->kind == kind) last = ins;
  return last;
}

bool IsScratch(std::string_view image) { return Lower(image) == "scratch"; }

std::vector<const Stage*> StageChain(const Dockerfile& df, const Stage& stage) {
  std::vector<const Stage*> chain{&stage};
  const Stage* cur = &stage;
  // Parents always have a smaller index, so this terminates; the cap guards odd models.
  while (cur->parent && *cur->parent < cur->index && chain.size() <= df.stages.size()) {
    cur = &df.stages[*cur->parent];
    chain.push_back(cur);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

const Stage& RootStage(const Dockerfile& df, const Stage& stage) {
  return *StageChain(df, stage).front();
}

bool ChainFromScratch(const Dockerfile& df, const Stage& stage) {
  return IsScratch(RootStage(df, stage).base_resolved);
}

const Instruction* LastInChain(const Dockerfile& df, const Stage& stage, Keyword kind) {
  std::vector<const Stage*> chain = StageChain(df, stage);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    if (const Instruction* ins = LastOf(**it, kind)) return ins;
  return nullptr;
}

const Stage* StageOf(const Dockerfile& df, const Instruction* ins) {
  for (const Stage& st : df.stages) {
    if (st.from == ins) return &st;
    for (const Instruction* i : st.instructions)
      if (i == ins) return &st;
  }
  return nullptr;
}

const Stage* TargetStage(const Dockerfile& df, std::string_view target) {
  if (df.stages.empty()) return nullptr;
  if (target.empty()) return &df.stages.back();
  // Stage names are kept lower-cased by the parser; BuildKit matches `--target` the same way.
  const std::string want = Lower(target);
  for (const Stage& s : df.stages)
    if (!s.implicit && s.name == want) return &s;
  return nullptr;
}

ImageHealthcheck StageHealthcheck(const Dockerfile& df, const Stage& stage) {
  const Instruction* hc = LastInChain(df, stage, Keyword::kHealthcheck);
  if (!hc) return ImageHealthcheck::kInherited;
  if (!hc->args.empty() && EqualsNoCase(hc->args.front().value, "none")) return ImageHealthcheck::kDisabled;
  return ImageHealthcheck::kDefined;
}

}  // namespace shipshape::models
