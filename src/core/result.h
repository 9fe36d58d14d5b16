// Result<T>: a value or an Error{code, message, path}, the std::expected stand-in used for I/O,
// config and CLI failures. Core code never throws; broken invariants abort via SHIPSHAPE_CHECK.
#ifndef SHIPSHAPE_CORE_RESULT_H_
#define SHIPSHAPE_CORE_RESULT_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <variant>

namespace shipshape {

enum class ErrorCode { kIo, kNotFound, kPermission, kUsage, kConfig, kParse, kTooLarge, kBinary, kInternal };

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string path;  ///< File the error is about, if any.
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error e) : v_(std::move(e)) {}      // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

[[noreturn]] inline void CheckFailed(const char* file, int line, const char* cond) {
  std::fprintf(stderr, "shipshape: internal error: %s:%d: check failed: %s\n", file, line, cond);
  std::abort();
}

}  // namespace shipshape

#define SHIPSHAPE_CHECK(cond) \
  ((cond) ? (void)0 : ::shipshape::CheckFailed(__FILE__, __LINE__, #cond))

#endif  // SHIPSHAPE_CORE_RESULT_H_
