// A tolerant POSIX/bash parser for the bodies of Dockerfile `RUN` instructions (shell form, with
// continuations already joined) and heredoc bodies. Rules never look at raw RUN text: they ask this
// model which commands run, with which words, connected by which operators.
//
// Design (ShellCheck's AST, flattened the way hadolint's rules consume it):
//  - `Parse` never fails and never throws. Malformed input yields a partial `Script` plus
//    `errors`; constructs it cannot make sense of are skipped, never guessed.
//  - Every simple command, wherever it is nested (subshell, `{ }`, if/loop/case bodies, functions,
//    `$(...)`, backticks, `<(...)`), is one `Command` in `Script::commands`, in source (pre-)order.
//    Nesting is kept as `Block`s: each command points at its innermost block, each block at its
//    parent.
//  - Ranges are byte offsets into the parsed text (plus `ParseOptions::base`), half-open.
//  - `Word::raw` and other views point into the parsed text: it must outlive the `Script`.
//  - Nesting depth is capped (`kMaxNesting`); deeper constructs are skipped iteratively, so hostile
//    input costs linear time and bounded stack.
#ifndef SHIPSHAPE_SHELL_SHELL_H_
#define SHIPSHAPE_SHELL_SHELL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_range.h"

namespace shipshape::shell {

/// Constructs nested deeper than this are skipped (recorded in `Script::errors`).
inline constexpr int kMaxNesting = 64;

/// Bits of `Word::flags`.
enum WordFlag : uint8_t {
  kWordQuoted = 1 << 0,       ///< contains quotes or backslash escapes
  kWordParameter = 1 << 1,    ///< `$VAR`, `${...}`, `$1`, `$@`
  kWordCommandSubst = 1 << 2, ///< `$(...)`, backticks, `<(...)`, `>(...)`
  kWordArithmetic = 1 << 3,   ///< `$((...))`, `$[...]`
  kWordGlob = 1 << 4,         ///< unquoted `*`, `?`, `[...]`, extglob
};

/// One shell word. `value()` is the word with quotes and escapes removed; expansions are kept
/// verbatim in it (`"$HOME/x"` -> `$HOME/x`), so check `IsStatic()` before trusting it literally.
struct Word {
  TextRange range;        ///< raw extent, including quotes
  std::string_view raw;   ///< the raw text (view into the parsed text)
  uint8_t flags = 0;      ///< `WordFlag` bits
  bool owned = false;     ///< value differs from raw and lives in `unquoted`
  std::string unquoted;   ///< storage for `value()` when `owned`

  std::string_view value() const { return owned ? std::string_view(unquoted) : raw; }
  /// No parameter, command, arithmetic or glob expansion: `value()` is exactly what the shell sees.
  bool IsStatic() const { return (flags & ~kWordQuoted) == 0; }
  bool HasExpansion() const { return !IsStatic(); }
  bool IsQuoted() const { return flags & kWordQuoted; }
  /// True if the word is static and its value equals `s`.
  bool Is(std::string_view s) const { return IsStatic() && value() == s; }
};

/// A redirection such as `2>&1`, `>/dev/null`, `<<EOF`, `<<<"$x"`.
struct Redirect {
  TextRange range;          ///< from the fd number (if any) to the end of the target
  int fd = -1;              ///< explicit fd number, -1 when omitted
  std::string_view op;      ///< `>`, `>>`, `<`, `<>`, `>&`, `<&`, `>|`, `&>`, `&>>`, `<<`, `<<-`, `<<<`
  Word target;              ///< file, fd, here-string, or heredoc delimiter
  TextRange heredoc_body;   ///< for `<<`/`<<-`: the body lines (empty if no body followed)
  bool IsHeredoc() const { return op == "<<" || op == "<<-"; }
};

/// How a command (or block) is connected to what follows it.
enum class Connector : uint8_t {
  kEnd,         ///< nothing follows in its list (end of input, `)`, `}`, `fi`, ...)
  kAnd,         ///< `&&`
  kOr,          ///< `||`
  kSemicolon,   ///< `;`
  kNewline,     ///< newline
  kBackground,  ///< `&`
  kPipe,        ///< `|`
  kPipeAll,     ///< `|&`
};
std::string_view ConnectorText(Connector c);

/// A simple command: `[assignments] argv... [redirects]`. Assignment-only commands (`A=1`) have an
/// empty argv.
struct Command {
  TextRange range;
  std::vector<Word> assignments;   ///< `NAME=value` prefixes (raw `NAME=value` words)
  std::vector<Word> argv;          ///< argv[0] is the command name as written
  std::vector<Redirect> redirects;
  Connector connector = Connector::kEnd;
  TextRange connector_range;
  int32_t pipeline = -1;           ///< index into `Script::pipelines`, -1 if not in a `|` pipeline
  uint16_t pipeline_pos = 0;       ///< element index within that pipeline
  uint16_t depth = 0;              ///< number of enclosing blocks
  int32_t block = -1;              ///< innermost enclosing block, -1 at top level
  bool negated = false;            ///< preceded by `!`
  bool in_condition = false;       ///< inside an if/elif/while/until condition

  /// argv[0]'s value, or "" for assignment-only commands.
  std::string_view name() const { return argv.empty() ? std::string_view() : argv[0].value(); }
};

enum class BlockKind : uint8_t {
  kSubshell, kGroup, kIf, kFor, kWhile, kUntil, kCase, kFunction,
  kCommandSubst,   ///< `$(...)`
  kBackquote,      ///< `` `...` ``
  kProcessSubst,   ///< `<(...)` / `>(...)`
  kArithmetic,     ///< `(( ... ))` command (contents not parsed)
};
std::string_view BlockKindName(BlockKind k);

/// A compound construct or substitution. Blocks are pipeline elements and list members too, so they
/// carry connector and pipeline position like commands do.
struct Block {
  BlockKind kind = BlockKind::kGroup;
  TextRange range;
  int32_t parent = -1;             ///< enclosing block, -1 at top level
  uint16_t depth = 0;              ///< number of enclosing blocks
  int32_t command = -1;            ///< substitutions: the command whose word contains it, else -1
  std::string_view name;           ///< function name, or for/select loop variable
  std::vector<Word> words;         ///< for-loop list, or case subject
  std::vector<Redirect> redirects; ///< redirections applied to the whole construct
  Connector connector = Connector::kEnd;
  int32_t pipeline = -1;
  uint16_t pipeline_pos = 0;
};

struct Pipeline {
  TextRange range;
  uint16_t size = 0;
};

struct ParseError {
  TextRange range;
  std::string_view message;  ///< static string
};

/// The parse of one script. Movable; views point into the parsed text.
struct Script {
  std::vector<Command> commands;  ///< every simple command, in source order of their start
  std::vector<Block> blocks;
  std::vector<Pipeline> pipelines;
  std::vector<TextRange> comments;
  std::vector<ParseError> errors; ///< capped at 64 entries
  bool ok() const { return errors.empty(); }
  /// Is command `index` (transitively) inside a block of kind `kind`?
  bool IsInside(size_t index, BlockKind kind) const;
};

struct ParseOptions {
  /// Added to every offset, for text that is a slice of a larger buffer.
  uint32_t base = 0;
  /// Offsets are clamped to at most this value (after adding `base`). Used when the parsed text is
  /// an unescaped copy (e.g. `bash -c "..."` with escapes) whose ranges can only be approximated by
  /// the enclosing word.
  uint32_t clamp_end = UINT32_MAX;
};

/// Parses `text`. Never fails; see `Script::errors`.
Script Parse(std::string_view text, const ParseOptions& options = {});

/// A compact, deterministic rendering for tests: one line per command,
/// `<indent per depth>[block] A=1 argv... redirects <connector>`; words with expansions are
/// prefixed by `~`, heredoc bodies shown as `<<EOF{body}`.
std::string Dump(const Script& script, std::string_view text);

}  // namespace shipshape::shell

#endif  // SHIPSHAPE_SHELL_SHELL_H_
