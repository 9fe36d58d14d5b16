// Inline-case helpers for the context rules: put a case at a path, give it neighbour files or a
// permission mode. The generic driver (rules_test.cc) builds the in-memory workspace.
#ifndef SHIPSHAPE_RULES_CONTEXT_CASES_H_
#define SHIPSHAPE_RULES_CONTEXT_CASES_H_

#include <initializer_list>
#include <string_view>

#include "rules/cases.h"

namespace shipshape::context {

/// `c` with the file under test at `path` (its kind follows from the name).
inline TestCase At(std::string_view path, TestCase c) {
  c.path = path;
  return c;
}
/// `c` at `path`, with `files` beside it.
inline TestCase At(std::string_view path, TestCase c, std::initializer_list<TestFile> files) {
  c.path = path;
  c.files.assign(files.begin(), files.end());
  return c;
}
/// `c` at `path` with permission bits `mode`.
inline TestCase WithMode(std::string_view path, uint32_t mode, TestCase c) {
  c.path = path;
  c.mode = mode;
  return c;
}

}  // namespace shipshape::context

#endif  // SHIPSHAPE_RULES_CONTEXT_CASES_H_
