// Helpers shared by the runtime tests: fixture loading. Test-only (included by *_test.cc).
#ifndef SHIPSHAPE_RUNTIME_TEST_UTIL_H_
#define SHIPSHAPE_RUNTIME_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>

namespace shipshape::runtime::testing {

/// Contents of tests/fixtures/inspect/<name>, or "" (and a failed expectation by the caller).
inline std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(SHIPSHAPE_SOURCE_DIR) + "/tests/fixtures/inspect/" + name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace shipshape::runtime::testing

#endif  // SHIPSHAPE_RUNTIME_TEST_UTIL_H_
