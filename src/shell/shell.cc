#include "shell/shell.h"

#include <algorithm>
#include <cctype>

namespace shipshape::shell {

std::string_view ConnectorText(Connector c) {
  switch (c) {
    case Connector::kEnd: return "";
    case Connector::kAnd: return "&&";
    case Connector::kOr: return "||";
    case Connector::kSemicolon: return ";";
    case Connector::kNewline: return "NL";
    case Connector::kBackground: return "&";
    case Connector::kPipe: return "|";
    case Connector::kPipeAll: return "|&";
  }
  return "";
}

std::string_view BlockKindName(BlockKind k) {
  switch (k) {
    case BlockKind::kSubshell: return "sub";
    case BlockKind::kGroup: return "grp";
    case BlockKind::kIf: return "if";
    case BlockKind::kFor: return "for";
    case BlockKind::kWhile: return "while";
    case BlockKind::kUntil: return "until";
    case BlockKind::kCase: return "case";
    case BlockKind::kFunction: return "fn";
    case BlockKind::kCommandSubst: return "$()";
    case BlockKind::kBackquote: return "``";
    case BlockKind::kProcessSubst: return "<()";
    case BlockKind::kArithmetic: return "(())";
  }
  return "";
}

bool Script::IsInside(size_t index, BlockKind kind) const {
  if (index >= commands.size()) return false;
  for (int32_t b = commands[index].block; b >= 0 && static_cast<size_t>(b) < blocks.size();
       b = blocks[b].parent) {
    if (blocks[b].kind == kind) return true;
  }
  return false;
}

namespace {

constexpr size_t kMaxErrors = 64;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
// Characters that end an unquoted word.
bool IsMeta(char c) {
  switch (c) {
    case ' ': case '\t': case '\r': case '\n': case ';': case '&': case '|':
    case '<': case '>': case '(': case ')':
      return true;
    default:
      return false;
  }
}
bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// `NAME=...`, `NAME+=...`, `NAME[sub]=...` (raw text, before quote removal).
bool IsAssignment(std::string_view raw) {
  if (raw.empty() || !IsNameStart(raw[0])) return false;
  size_t i = 1;
  while (i < raw.size() && IsNameChar(raw[i])) ++i;
  if (i < raw.size() && raw[i] == '[') {
    size_t close = raw.find(']', i);
    if (close == std::string_view::npos) return false;
    i = close + 1;
  }
  if (i < raw.size() && raw[i] == '+') ++i;
  return i < raw.size() && raw[i] == '=';
}

// Builds a word's unquoted value lazily: while it equals the raw text no copy is made.
struct ValueBuilder {
  std::string_view src;
  size_t start;
  bool diverged = false;
  std::string buf;

  void Diverge(size_t pos) {
    if (diverged) return;
    diverged = true;
    buf.assign(src.substr(start, pos - start));
  }
  // Appends src[from, to) verbatim.
  void Raw(size_t from, size_t to) {
    if (diverged) buf.append(src.substr(from, to - from));
  }
  void Char(char c) {
    if (diverged) buf.push_back(c);
  }
};

class Parser {
 public:
  Parser(std::string_view src, const ParseOptions& opt, Script* out)
      : s_(src), end_(src.size()), base_(opt.base), clamp_(opt.clamp_end), out_(out) {}

  void Run() {
    while (true) {
      ParseList();
      SkipBlanks();
      if (AtEnd()) break;
      Error(pos_, pos_ + 1, "unexpected token");
      SkipStrayToken();
    }
  }

 private:
  struct ElemRef {
    bool is_block = false;
    int32_t index = -1;
    bool valid() const { return index >= 0; }
  };
  struct PendingHeredoc {
    bool in_block;
    int32_t owner;
    uint32_t redirect;
    std::string delim;
    bool strip_tabs;
  };

  // --- positions and errors ---
  TextRange Range(size_t a, size_t b) const {
    uint64_t s = base_ + a, e = base_ + b;
    if (s > clamp_) s = clamp_;
    if (e > clamp_) e = clamp_;
    return {static_cast<uint32_t>(s), static_cast<uint32_t>(e)};
  }
  void Error(size_t a, size_t b, std::string_view msg) {
    if (out_->errors.size() >= kMaxErrors) return;
    out_->errors.push_back({Range(a, std::min(b, end_)), msg});
  }
  bool AtEnd() const { return pos_ >= end_; }
  char Peek(size_t k = 0) const { return pos_ + k < end_ ? s_[pos_ + k] : '\0'; }
  char At(size_t i) const { return i < end_ ? s_[i] : '\0'; }

  // Skips blanks, line continuations and comments (not newlines).
  void SkipBlanks() {
    while (pos_ < end_) {
      char c = s_[pos_];
      if (IsBlank(c)) {
        ++pos_;
      } else if (c == '\\' && At(pos_ + 1) == '\n') {
        pos_ += 2;
      } else if (c == '\\' && At(pos_ + 1) == '\r' && At(pos_ + 2) == '\n') {
        pos_ += 3;
      } else if (c == '#') {
        size_t start = pos_;
        while (pos_ < end_ && s_[pos_] != '\n') ++pos_;
        out_->comments.push_back(Range(start, pos_));
      } else {
        break;
      }
    }
  }
  // Consumes one newline, then the bodies of heredocs started on the line it ends.
  void ConsumeNewline() {
    ++pos_;
    if (pending_.empty()) return;
    std::vector<PendingHeredoc> pending;
    pending.swap(pending_);
    for (PendingHeredoc& h : pending) {
      size_t body_start = pos_, body_end = end_;
      bool found = false;
      while (pos_ < end_) {
        size_t eol = pos_;
        while (eol < end_ && s_[eol] != '\n') ++eol;
        std::string_view line = s_.substr(pos_, eol - pos_);
        if (h.strip_tabs) {
          while (!line.empty() && line[0] == '\t') line.remove_prefix(1);
        }
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line == h.delim) {
          body_end = pos_;
          pos_ = eol < end_ ? eol + 1 : eol;
          found = true;
          break;
        }
        pos_ = eol < end_ ? eol + 1 : eol;
      }
      if (!found) body_end = pos_;
      std::vector<Redirect>* reds = nullptr;
      if (h.in_block) {
        if (static_cast<size_t>(h.owner) < out_->blocks.size()) reds = &out_->blocks[h.owner].redirects;
      } else if (static_cast<size_t>(h.owner) < out_->commands.size()) {
        reds = &out_->commands[h.owner].redirects;
      }
      if (reds && h.redirect < reds->size()) (*reds)[h.redirect].heredoc_body = Range(body_start, body_end);
    }
  }
  void SkipNewlines() {
    while (true) {
      SkipBlanks();
      if (Peek() == '\n' && !AtEnd()) {
        ConsumeNewline();
      } else {
        return;
      }
    }
  }

  // The bare (unquoted, plain) word at pos_, if any; used to recognise reserved words.
  std::string_view PeekBareWord() const {
    size_t i = pos_;
    while (i < end_) {
      char c = s_[i];
      if (IsMeta(c) || c == '\'' || c == '"' || c == '\\' || c == '$' || c == '`') break;
      ++i;
    }
    // Only a complete bare word counts: `fi"x"` is not the keyword `fi`.
    if (i < end_ && !IsMeta(s_[i])) return {};
    return s_.substr(pos_, i - pos_);
  }
  bool AtKeyword(std::string_view kw) const { return PeekBareWord() == kw; }
  bool AtClosingKeyword() const {
    std::string_view w = PeekBareWord();
    return w == "}" || w == "then" || w == "elif" || w == "else" || w == "fi" || w == "do" ||
           w == "done" || w == "esac";
  }
  // Consumes `kw` if it is next; returns false (and records an error) otherwise.
  bool Expect(std::string_view kw, std::string_view msg) {
    SkipNewlines();
    if (AtKeyword(kw)) {
      pos_ += kw.size();
      return true;
    }
    Error(pos_, pos_ + 1, msg);
    return false;
  }

  // Skips one token that cannot start anything here, guaranteeing progress.
  void SkipStrayToken() {
    SkipBlanks();
    if (AtEnd()) return;
    char c = s_[pos_];
    if (c == '\n') {
      ConsumeNewline();
    } else if (IsMeta(c)) {
      char n = Peek(1);
      pos_ += (n == c && (c == '&' || c == '|' || c == ';')) ? 2 : 1;
    } else {
      size_t before = pos_;
      Word w = ReadWord();
      if (pos_ == before) ++pos_;
    }
  }

  // Skips a balanced `(...)` starting just after the opening paren(s) already consumed, with
  // `open` parens outstanding. Iterative, quote-aware, never recurses.
  void SkipBalanced(int open) {
    while (pos_ < end_ && open > 0) {
      char c = s_[pos_];
      if (c == '\\') {
        pos_ += 2;
      } else if (c == '\'') {
        size_t close = s_.find('\'', pos_ + 1);
        pos_ = (close == std::string_view::npos || close >= end_) ? end_ : close + 1;
      } else if (c == '"') {
        ++pos_;
        while (pos_ < end_ && s_[pos_] != '"') pos_ += (s_[pos_] == '\\') ? 2 : 1;
        ++pos_;
      } else {
        if (c == '(') ++open;
        if (c == ')') --open;
        ++pos_;
      }
    }
    if (pos_ > end_) pos_ = end_;
  }

  // --- blocks ---
  int32_t OpenBlock(BlockKind kind, size_t start) {
    Block b;
    b.kind = kind;
    b.range = Range(start, start);
    b.parent = block_;
    b.depth = static_cast<uint16_t>(depth_);
    b.command = kind == BlockKind::kCommandSubst || kind == BlockKind::kBackquote ||
                        kind == BlockKind::kProcessSubst
                    ? current_command_
                    : -1;
    out_->blocks.push_back(std::move(b));
    int32_t idx = static_cast<int32_t>(out_->blocks.size() - 1);
    saved_.push_back({block_, current_command_, in_condition_});
    block_ = idx;
    ++depth_;
    current_command_ = -1;
    return idx;
  }
  void CloseBlock(int32_t idx) {
    out_->blocks[idx].range.end = Range(pos_, pos_).end;
    --depth_;
    block_ = saved_.back().block;
    current_command_ = saved_.back().command;
    in_condition_ = saved_.back().in_condition;
    saved_.pop_back();
  }

  // --- grammar ---
  void ParseList() {
    while (true) {
      SkipBlanks();
      if (AtEnd()) return;
      char c = s_[pos_];
      if (c == '\n') {
        ConsumeNewline();
        continue;
      }
      if (c == ')') return;
      if (c == ';') {
        if (Peek(1) == ';' || Peek(1) == '&') return;  // case item terminator
        Error(pos_, pos_ + 1, "stray ';'");
        ++pos_;
        continue;
      }
      if ((c == '&' && Peek(1) != '>') || c == '|') {
        Error(pos_, pos_ + 1, "stray operator");
        SkipStrayToken();
        continue;
      }
      if (AtClosingKeyword()) return;
      size_t before = pos_;
      ParseAndOr();
      if (pos_ == before) return;  // cannot happen, but never loop without progress
    }
  }

  void SetConnector(ElemRef e, Connector c, size_t a, size_t b) {
    if (!e.valid()) return;
    if (e.is_block) {
      out_->blocks[e.index].connector = c;
    } else {
      out_->commands[e.index].connector = c;
      out_->commands[e.index].connector_range = Range(a, b);
    }
  }

  void ParseAndOr() {
    while (true) {
      ElemRef last = ParsePipeline();
      SkipBlanks();
      if (AtEnd()) return;
      char c = s_[pos_];
      char n = Peek(1);
      if ((c == '&' && n == '&') || (c == '|' && n == '|')) {
        SetConnector(last, c == '&' ? Connector::kAnd : Connector::kOr, pos_, pos_ + 2);
        pos_ += 2;
        SkipNewlines();
        if (AtEnd() || AtClosingKeyword() || Peek() == ')' || Peek() == ';') {
          Error(pos_, pos_ + 1, "missing command after && or ||");
          return;
        }
        continue;
      }
      if (c == ';' && n != ';' && n != '&') {
        SetConnector(last, Connector::kSemicolon, pos_, pos_ + 1);
        ++pos_;
        return;
      }
      if (c == '&' && n != '>') {
        SetConnector(last, Connector::kBackground, pos_, pos_ + 1);
        ++pos_;
        return;
      }
      if (c == '\n') {
        SetConnector(last, Connector::kNewline, pos_, pos_ + 1);
        ConsumeNewline();
        return;
      }
      return;
    }
  }

  ElemRef ParsePipeline() {
    SkipBlanks();
    size_t start = pos_;
    bool negated = false;
    if (AtKeyword("!")) {
      negated = true;
      ++pos_;
      SkipBlanks();
    }
    ElemRef first = ParseElement();
    if (first.valid() && !first.is_block) out_->commands[first.index].negated = negated;
    SkipBlanks();
    if (!(Peek() == '|' && Peek(1) != '|') || AtEnd()) return first;

    std::vector<ElemRef> elems{first};
    while (Peek() == '|' && Peek(1) != '|' && !AtEnd()) {
      bool all = Peek(1) == '&';
      SetConnector(elems.back(), all ? Connector::kPipeAll : Connector::kPipe, pos_,
                   pos_ + (all ? 2 : 1));
      pos_ += all ? 2 : 1;
      SkipNewlines();
      if (AtEnd() || AtClosingKeyword() || Peek() == ')' || Peek() == ';' || Peek() == '&' ||
          Peek() == '|') {
        Error(pos_, pos_ + 1, "missing command after |");
        break;
      }
      size_t before = pos_;
      elems.push_back(ParseElement());
      if (pos_ == before) break;
      SkipBlanks();
    }
    Pipeline p;
    p.range = Range(start, pos_);
    p.size = static_cast<uint16_t>(std::min<size_t>(elems.size(), UINT16_MAX));
    out_->pipelines.push_back(p);
    int32_t pid = static_cast<int32_t>(out_->pipelines.size() - 1);
    // Trim trailing blanks from the pipeline range: end at the last element's end.
    uint16_t pos = 0;
    for (ElemRef e : elems) {
      if (e.valid()) {
        if (e.is_block) {
          out_->blocks[e.index].pipeline = pid;
          out_->blocks[e.index].pipeline_pos = pos;
          out_->pipelines[pid].range.end = out_->blocks[e.index].range.end;
        } else {
          out_->commands[e.index].pipeline = pid;
          out_->commands[e.index].pipeline_pos = pos;
          out_->pipelines[pid].range.end = out_->commands[e.index].range.end;
        }
      }
      if (pos < UINT16_MAX) ++pos;
    }
    return elems.back();
  }

  // Parses trailing redirections of a compound command.
  void ParseBlockRedirects(int32_t b) {
    while (true) {
      SkipBlanks();
      if (!AtRedirect()) return;
      ParseRedirect(/*in_block=*/true, b);
    }
  }

  bool TooDeep(size_t start) {
    if (depth_ < kMaxNesting) return false;
    Error(start, start + 1, "nesting too deep; construct skipped");
    return true;
  }

  ElemRef ParseElement() {
    SkipBlanks();
    size_t start = pos_;
    char c = Peek();
    if (c == '(' && !AtEnd()) {
      if (Peek(1) == '(') {  // arithmetic command (( ... ))
        int32_t b = OpenBlock(BlockKind::kArithmetic, start);
        out_->blocks[b].range.start = Range(start, start).start;
        pos_ += 2;
        SkipBalanced(2);
        CloseBlock(b);
        ParseBlockRedirects(b);
        return {true, b};
      }
      ++pos_;
      if (TooDeep(start)) {
        SkipBalanced(1);
        return {};
      }
      int32_t b = OpenBlock(BlockKind::kSubshell, start);
      ParseUntilParen(start, "unterminated subshell");
      CloseBlock(b);
      ParseBlockRedirects(b);
      return {true, b};
    }
    std::string_view kw = PeekBareWord();
    if (kw == "{" || kw == "if" || kw == "for" || kw == "select" || kw == "while" ||
        kw == "until" || kw == "case" || kw == "function") {
      if (TooDeep(start)) {
        // Degrade: drop the rest of this input rather than guess where the construct ends.
        pos_ = end_;
        return {};
      }
      int32_t b = -1;
      if (kw == "{") {
        b = OpenBlock(BlockKind::kGroup, start);
        ++pos_;
        ParseList();
        Expect("}", "missing '}'");
      } else if (kw == "if") {
        b = OpenBlock(BlockKind::kIf, start);
        ParseIf();
      } else if (kw == "for" || kw == "select") {
        b = OpenBlock(BlockKind::kFor, start);
        ParseFor(kw.size());
      } else if (kw == "while" || kw == "until") {
        b = OpenBlock(kw == "while" ? BlockKind::kWhile : BlockKind::kUntil, start);
        pos_ += kw.size();
        in_condition_ = true;
        ParseList();
        in_condition_ = saved_.back().in_condition;
        if (Expect("do", "missing 'do'")) {
          ParseList();
          Expect("done", "missing 'done'");
        }
      } else if (kw == "case") {
        b = OpenBlock(BlockKind::kCase, start);
        ParseCase();
      } else {  // function name [()] body
        b = OpenBlock(BlockKind::kFunction, start);
        pos_ += kw.size();
        SkipBlanks();
        Word name = ReadWord();
        out_->blocks[b].name = name.raw;
        SkipBlanks();
        if (Peek() == '(' && !AtEnd()) {
          ++pos_;
          SkipBlanks();
          if (Peek() == ')') ++pos_;
        }
        ParseFunctionBody();
      }
      CloseBlock(b);
      ParseBlockRedirects(b);
      return {true, b};
    }
    return ParseSimpleCommand();
  }

  // Body of a subshell / substitution: a list closed by `)`. Skips stray tokens inside.
  void ParseUntilParen(size_t start, std::string_view msg) {
    while (true) {
      ParseList();
      SkipBlanks();
      if (AtEnd()) {
        Error(start, start + 1, msg);
        return;
      }
      if (Peek() == ')') {
        ++pos_;
        return;
      }
      Error(pos_, pos_ + 1, "unexpected token");
      SkipStrayToken();
    }
  }

  void ParseIf() {
    pos_ += 2;  // if
    while (true) {
      in_condition_ = true;
      ParseList();
      in_condition_ = saved_.back().in_condition;
      if (!Expect("then", "missing 'then'")) return;
      ParseList();
      SkipNewlines();
      if (AtKeyword("elif")) {
        pos_ += 4;
        continue;
      }
      if (AtKeyword("else")) {
        pos_ += 4;
        ParseList();
      }
      Expect("fi", "missing 'fi'");
      return;
    }
  }

  void ParseFor(size_t kw_len) {
    pos_ += kw_len;
    SkipBlanks();
    if (Peek() == '(' && Peek(1) == '(') {  // for (( ; ; ))
      pos_ += 2;
      SkipBalanced(2);
    } else {
      Word var = ReadWord();
      out_->blocks[block_].name = var.raw;
      SkipNewlines();
      if (AtKeyword("in")) {
        pos_ += 2;
        while (true) {
          SkipBlanks();
          if (AtEnd() || IsMeta(Peek())) break;
          size_t before = pos_;
          Word w = ReadWord();
          if (pos_ == before) break;
          out_->blocks[block_].words.push_back(std::move(w));
        }
      }
    }
    SkipBlanks();
    if (Peek() == ';' && Peek(1) != ';') ++pos_;
    if (Expect("do", "missing 'do'")) {
      ParseList();
      Expect("done", "missing 'done'");
    } else if (AtKeyword("{")) {  // bash also accepts `for x in y; { ...; }`
      ParseElement();
    }
  }

  void ParseCase() {
    pos_ += 4;  // case
    SkipBlanks();
    Word subject = ReadWord();
    out_->blocks[block_].words.push_back(std::move(subject));
    if (!Expect("in", "missing 'in'")) return;
    while (true) {
      SkipNewlines();
      if (AtEnd()) {
        Error(pos_, pos_, "missing 'esac'");
        return;
      }
      if (AtKeyword("esac")) {
        pos_ += 4;
        return;
      }
      // Pattern list: [(] word [| word]... )
      if (Peek() == '(') ++pos_;
      bool ok = false;
      while (true) {
        SkipBlanks();
        if (AtEnd()) break;
        if (Peek() == ')') {
          ++pos_;
          ok = true;
          break;
        }
        if (Peek() == '|') {
          ++pos_;
          continue;
        }
        size_t before = pos_;
        Word pattern = ReadWord();
        if (pos_ == before) break;
      }
      if (!ok) {
        Error(pos_, pos_ + 1, "malformed case pattern");
        SkipStrayToken();
        continue;
      }
      ParseList();
      SkipBlanks();
      if (Peek() == ';' && (Peek(1) == ';' || Peek(1) == '&')) {
        pos_ += 2;
        if (Peek() == '&') ++pos_;
      } else if (!AtKeyword("esac") && !AtEnd()) {
        Error(pos_, pos_ + 1, "expected ';;' or 'esac'");
        SkipStrayToken();
      }
    }
  }

  void ParseFunctionBody() {
    SkipNewlines();
    std::string_view kw = PeekBareWord();
    if (kw == "{" || kw == "if" || kw == "for" || kw == "while" || kw == "until" || kw == "case" ||
        (Peek() == '(' && !AtEnd())) {
      ParseElement();
    } else {
      Error(pos_, pos_ + 1, "missing function body");
    }
  }

  // --- simple commands ---
  bool AtRedirect() const {
    if (AtEnd()) return false;
    size_t i = pos_;
    while (i < end_ && IsDigit(s_[i]) && i - pos_ < 4) ++i;
    char c = At(i);
    if (c == '<' || c == '>') {
      // `<(` / `>(` is process substitution, a word.
      return !(i == pos_ && At(i + 1) == '(');
    }
    return i == pos_ && c == '&' && At(i + 1) == '>';
  }

  void ParseRedirect(bool in_block, int32_t owner) {
    size_t start = pos_;
    Redirect r;
    int fd = -1;
    if (IsDigit(Peek())) {
      fd = 0;
      while (IsDigit(Peek()) && !AtEnd()) fd = fd * 10 + (s_[pos_++] - '0');
    }
    r.fd = fd;
    static constexpr std::string_view kOps[] = {"<<<", "<<-", "&>>", "<<", "<>", "<&", ">>",
                                                ">&",  ">|",  "&>",  "<",  ">"};
    size_t op_len = 1;
    for (std::string_view op : kOps) {
      if (s_.substr(pos_, std::min(op.size(), end_ - pos_)) == op) {
        op_len = op.size();
        break;
      }
    }
    r.op = s_.substr(pos_, op_len);
    pos_ += op_len;
    SkipBlanks();
    if (AtEnd() || IsMeta(Peek())) {
      Error(start, pos_, "missing redirection target");
      r.range = Range(start, pos_);
    } else {
      r.target = ReadWord();
      r.range = Range(start, pos_);
    }
    std::vector<Redirect>& reds =
        in_block ? out_->blocks[owner].redirects : out_->commands[owner].redirects;
    reds.push_back(std::move(r));
    Redirect& added = reds.back();
    if (added.IsHeredoc() && !added.target.raw.empty()) {
      pending_.push_back({in_block, owner, static_cast<uint32_t>(reds.size() - 1),
                          std::string(added.target.value()), added.op == "<<-"});
    }
  }

  ElemRef ParseSimpleCommand() {
    size_t start = pos_;
    out_->commands.emplace_back();
    int32_t ci = static_cast<int32_t>(out_->commands.size() - 1);
    {
      Command& c = out_->commands[ci];
      c.depth = static_cast<uint16_t>(depth_);
      c.block = block_;
      c.in_condition = in_condition_;
    }
    int32_t saved_command = current_command_;
    current_command_ = ci;
    size_t last_end = pos_;
    bool dbracket = false;  // inside [[ ... ]]: && || < > ( ) are words
    while (true) {
      SkipBlanks();
      if (AtEnd()) break;
      char c = s_[pos_];
      if (dbracket && (c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')')) {
        size_t len = (Peek(1) == c && (c == '&' || c == '|')) ? 2 : 1;
        Word w;
        w.range = Range(pos_, pos_ + len);
        w.raw = s_.substr(pos_, len);
        pos_ += len;
        out_->commands[ci].argv.push_back(std::move(w));
        last_end = pos_;
        continue;
      }
      if (AtRedirect()) {
        ParseRedirect(false, ci);
        last_end = pos_;
        continue;
      }
      if (c == '(' && out_->commands[ci].argv.size() == 1 &&
          out_->commands[ci].assignments.empty() && out_->commands[ci].redirects.empty()) {
        // Function definition: name () body
        size_t save = pos_;
        ++pos_;
        SkipBlanks();
        if (Peek() == ')' && static_cast<size_t>(ci) == out_->commands.size() - 1) {
          ++pos_;
          current_command_ = saved_command;
          std::string_view name = out_->commands[ci].argv[0].raw;
          out_->commands.pop_back();  // nothing else was appended after it: argv[0] was a plain word
          if (TooDeep(start)) {
            pos_ = end_;
            return {};
          }
          int32_t b = OpenBlock(BlockKind::kFunction, start);
          out_->blocks[b].name = name;
          ParseFunctionBody();
          CloseBlock(b);
          ParseBlockRedirects(b);
          return {true, b};
        }
        pos_ = save;
        break;
      }
      if (IsMeta(c) && !((c == '<' || c == '>') && Peek(1) == '(')) break;
      size_t before = pos_;
      Word w = ReadWord();
      if (pos_ == before) break;
      last_end = pos_;
      Command& cmd = out_->commands[ci];
      if (cmd.argv.empty() && IsAssignment(w.raw)) {
        cmd.assignments.push_back(std::move(w));
      } else {
        if (cmd.argv.empty() && w.Is("[[")) dbracket = true;
        if (dbracket && w.Is("]]") && !cmd.argv.empty()) dbracket = false;
        cmd.argv.push_back(std::move(w));
      }
    }
    current_command_ = saved_command;
    Command& cmd = out_->commands[ci];
    cmd.range = Range(start, last_end);
    if (cmd.argv.empty() && cmd.assignments.empty() && cmd.redirects.empty() &&
        static_cast<size_t>(ci) == out_->commands.size() - 1) {
      out_->commands.pop_back();
      return {};
    }
    return {false, ci};
  }

  // --- words ---
  Word ReadWord() {
    size_t start = pos_;
    Word w;
    ValueBuilder b{s_, start, false, {}};
    bool saw_bracket = false;
    while (pos_ < end_) {
      char c = s_[pos_];
      if (IsMeta(c)) {
        if ((c == '<' || c == '>') && pos_ == start && Peek(1) == '(') {
          w.flags |= kWordCommandSubst;
          size_t sub_start = pos_;
          pos_ += 2;
          ParseSubstitution(BlockKind::kProcessSubst, sub_start);
          b.Raw(sub_start, pos_);
          continue;
        }
        if (c == '(' && pos_ > start) {
          char prev = s_[pos_ - 1];
          bool array = prev == '=' && IsAssignment(s_.substr(start, pos_ - start));
          bool extglob = prev == '@' || prev == '!' || prev == '+' || prev == '*' || prev == '?';
          if (array || extglob) {
            if (extglob) w.flags |= kWordGlob;
            size_t from = pos_;
            ++pos_;
            SkipBalanced(1);
            b.Raw(from, pos_);
            continue;
          }
        }
        break;
      }
      switch (c) {
        case '\\': {
          b.Diverge(pos_);
          if (At(pos_ + 1) == '\n') {
            pos_ += 2;
          } else if (At(pos_ + 1) == '\r' && At(pos_ + 2) == '\n') {
            pos_ += 3;
          } else if (pos_ + 1 < end_) {
            w.flags |= kWordQuoted;
            b.Char(s_[pos_ + 1]);
            pos_ += 2;
          } else {
            b.Char('\\');
            ++pos_;
          }
          break;
        }
        case '\'': {
          b.Diverge(pos_);
          w.flags |= kWordQuoted;
          size_t close = s_.find('\'', pos_ + 1);
          if (close == std::string_view::npos || close >= end_) {
            Error(pos_, end_, "unterminated single quote");
            b.Raw(pos_ + 1, end_);
            pos_ = end_;
          } else {
            b.Raw(pos_ + 1, close);
            pos_ = close + 1;
          }
          break;
        }
        case '"':
          b.Diverge(pos_);
          w.flags |= kWordQuoted;
          ReadDoubleQuoted(b, w);
          break;
        case '$':
          ReadDollar(b, w, /*in_dquote=*/false);
          break;
        case '`':
          ReadBackquote(b, w);
          break;
        case '*':
        case '?':
          w.flags |= kWordGlob;
          b.Char(c);
          ++pos_;
          break;
        case '[':
          saw_bracket = true;
          b.Char(c);
          ++pos_;
          break;
        case ']':
          if (saw_bracket) w.flags |= kWordGlob;
          b.Char(c);
          ++pos_;
          break;
        default:
          b.Char(c);
          ++pos_;
      }
    }
    w.range = Range(start, pos_);
    w.raw = s_.substr(start, pos_ - start);
    // `[` / `[[` / `]]` as whole words are the test command, not globs.
    if ((w.flags & kWordGlob) && (w.raw == "[" || w.raw == "]" || w.raw == "[[" || w.raw == "]]"))
      w.flags &= ~kWordGlob;
    if (b.diverged) {
      w.owned = true;
      w.unquoted = std::move(b.buf);
    }
    return w;
  }

  void ReadDoubleQuoted(ValueBuilder& b, Word& w) {
    size_t open = pos_;
    ++pos_;
    while (pos_ < end_) {
      char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return;
      }
      if (c == '\\') {
        char n = At(pos_ + 1);
        if (n == '\n') {
          pos_ += 2;
        } else if (n == '$' || n == '`' || n == '"' || n == '\\') {
          b.Char(n);
          pos_ += 2;
        } else {
          b.Char('\\');
          ++pos_;
        }
        continue;
      }
      if (c == '$' && At(pos_ + 1) != '\'') {
        ReadDollar(b, w, /*in_dquote=*/true);
        continue;
      }
      if (c == '`') {
        ReadBackquote(b, w);
        continue;
      }
      b.Char(c);
      ++pos_;
    }
    Error(open, end_, "unterminated double quote");
  }

  // At `$`. Appends the expansion verbatim to the value.
  void ReadDollar(ValueBuilder& b, Word& w, bool in_dquote) {
    size_t start = pos_;
    char n = At(pos_ + 1);
    if (n == '\'' && !in_dquote) {
      b.Diverge(pos_);
      w.flags |= kWordQuoted;
      pos_ += 2;
      ReadAnsiC(b);
      return;
    }
    if (n == '"' && !in_dquote) {  // $"..." locale string: a double-quoted string
      b.Diverge(pos_);
      w.flags |= kWordQuoted;
      ++pos_;
      ReadDoubleQuoted(b, w);
      return;
    }
    if (n == '(' && At(pos_ + 2) == '(') {
      w.flags |= kWordArithmetic;
      pos_ += 3;
      SkipBalanced(2);
    } else if (n == '(') {
      w.flags |= kWordCommandSubst;
      pos_ += 2;
      ParseSubstitution(BlockKind::kCommandSubst, start);
    } else if (n == '{') {
      w.flags |= kWordParameter;
      pos_ += 2;
      SkipParameter();
    } else if (n == '[') {
      w.flags |= kWordArithmetic;
      size_t close = s_.find(']', pos_);
      pos_ = (close == std::string_view::npos || close >= end_) ? end_ : close + 1;
    } else if (IsNameStart(n)) {
      w.flags |= kWordParameter;
      pos_ += 2;
      while (pos_ < end_ && IsNameChar(s_[pos_])) ++pos_;
    } else if (IsDigit(n) || n == '@' || n == '*' || n == '#' || n == '?' || n == '$' ||
               n == '!' || n == '-') {
      w.flags |= kWordParameter;
      pos_ += 2;
    } else {
      b.Char('$');
      ++pos_;
      return;
    }
    if (pos_ > end_) pos_ = end_;
    b.Raw(start, pos_);
  }

  // Inside `${`: skips to the matching `}`; nested `$(` are parsed.
  void SkipParameter() {
    int open = 1;
    while (pos_ < end_) {
      char c = s_[pos_];
      if (c == '\\') {
        pos_ += 2;
      } else if (c == '\'') {
        size_t close = s_.find('\'', pos_ + 1);
        pos_ = (close == std::string_view::npos || close >= end_) ? end_ : close + 1;
      } else if (c == '"') {
        ++pos_;
        while (pos_ < end_ && s_[pos_] != '"') pos_ += (s_[pos_] == '\\') ? 2 : 1;
        ++pos_;
      } else if (c == '$' && At(pos_ + 1) == '(' && At(pos_ + 2) != '(') {
        size_t start = pos_;
        pos_ += 2;
        ParseSubstitution(BlockKind::kCommandSubst, start);
      } else if (c == '$' && At(pos_ + 1) == '{') {
        ++open;
        pos_ += 2;
      } else if (c == '}') {
        ++pos_;
        if (--open == 0) return;
      } else {
        ++pos_;
      }
    }
    if (pos_ > end_) pos_ = end_;
  }

  void ReadAnsiC(ValueBuilder& b) {
    size_t open = pos_ - 2;
    while (pos_ < end_) {
      char c = s_[pos_];
      if (c == '\'') {
        ++pos_;
        return;
      }
      if (c == '\\' && pos_ + 1 < end_) {
        char n = s_[pos_ + 1];
        pos_ += 2;
        switch (n) {
          case 'n': b.Char('\n'); break;
          case 't': b.Char('\t'); break;
          case 'r': b.Char('\r'); break;
          case 'a': b.Char('\a'); break;
          case 'b': b.Char('\b'); break;
          case 'e': case 'E': b.Char('\x1b'); break;
          case 'f': b.Char('\f'); break;
          case 'v': b.Char('\v'); break;
          case '\\': case '\'': case '"': case '?': b.Char(n); break;
          case 'x': {
            int v = 0, k = 0;
            while (k < 2 && pos_ < end_ && std::isxdigit(static_cast<unsigned char>(s_[pos_]))) {
              char h = s_[pos_++];
              v = v * 16 + (IsDigit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
              ++k;
            }
            b.Char(static_cast<char>(v));
            break;
          }
          default:
            if (n >= '0' && n <= '7') {
              int v = n - '0', k = 1;
              while (k < 3 && pos_ < end_ && s_[pos_] >= '0' && s_[pos_] <= '7') {
                v = v * 8 + (s_[pos_++] - '0');
                ++k;
              }
              b.Char(static_cast<char>(v));
            } else {
              b.Char('\\');
              b.Char(n);
            }
        }
        continue;
      }
      b.Char(c);
      ++pos_;
    }
    Error(open, end_, "unterminated $'...'");
  }

  // At a backtick: parses the enclosed text as a script (escapes inside are left as written).
  void ReadBackquote(ValueBuilder& b, Word& w) {
    size_t start = pos_;
    w.flags |= kWordCommandSubst;
    size_t i = pos_ + 1;
    while (i < end_ && s_[i] != '`') i += (s_[i] == '\\') ? 2 : 1;
    size_t close = std::min(i, end_);
    if (close >= end_) Error(start, end_, "unterminated backquote");
    if (!TooDeep(start)) {
      size_t saved_end = end_;
      end_ = close;
      pos_ = start + 1;
      int32_t blk = OpenBlock(BlockKind::kBackquote, start);
      while (true) {
        ParseList();
        SkipBlanks();
        if (AtEnd()) break;
        Error(pos_, pos_ + 1, "unexpected token");
        SkipStrayToken();
      }
      end_ = saved_end;
      pos_ = close < end_ ? close + 1 : close;
      CloseBlock(blk);
    } else {
      pos_ = close < end_ ? close + 1 : close;
    }
    b.Raw(start, pos_);
  }

  // After `$(`, `<(` or `>(`: parses the inner script up to the matching `)`.
  void ParseSubstitution(BlockKind kind, size_t start) {
    if (TooDeep(start)) {
      SkipBalanced(1);
      return;
    }
    int32_t blk = OpenBlock(kind, start);
    in_condition_ = false;
    ParseUntilParen(start, "unterminated command substitution");
    CloseBlock(blk);
  }

  struct Saved {
    int32_t block;
    int32_t command;
    bool in_condition;
  };

  std::string_view s_;
  size_t end_;
  size_t pos_ = 0;
  uint64_t base_;
  uint64_t clamp_;
  Script* out_;
  int depth_ = 0;
  int32_t block_ = -1;
  int32_t current_command_ = -1;
  bool in_condition_ = false;
  std::vector<Saved> saved_;
  std::vector<PendingHeredoc> pending_;
};

void DumpWord(const Word& w, std::string* out) {
  if (w.HasExpansion()) out->push_back('~');
  out->append(w.value());
}

}  // namespace

Script Parse(std::string_view text, const ParseOptions& options) {
  Script script;
  // Offsets are 32-bit; larger inputs are truncated (Dockerfiles are far smaller).
  if (text.size() > UINT32_MAX / 2) text = text.substr(0, UINT32_MAX / 2);
  Parser parser(text, options, &script);
  parser.Run();
  return script;
}

std::string Dump(const Script& script, std::string_view text) {
  std::string out;
  for (const Command& c : script.commands) {
    if (!out.empty()) out.push_back('\n');
    out.append(2 * c.depth, ' ');
    if (c.block >= 0) {
      out.push_back('[');
      out.append(BlockKindName(script.blocks[c.block].kind));
      out.append("] ");
    }
    if (c.negated) out.append("! ");
    bool first = true;
    auto sep = [&] {
      if (!first) out.push_back(' ');
      first = false;
    };
    for (const Word& w : c.assignments) {
      sep();
      DumpWord(w, &out);
    }
    for (const Word& w : c.argv) {
      sep();
      DumpWord(w, &out);
    }
    for (const Redirect& r : c.redirects) {
      sep();
      if (r.fd >= 0) out.append(std::to_string(r.fd));
      out.append(r.op);
      DumpWord(r.target, &out);
      if (r.IsHeredoc()) {
        out.push_back('{');
        out.append(r.heredoc_body.Of(text));
        out.push_back('}');
      }
    }
    if (c.connector != Connector::kEnd) {
      out.push_back(' ');
      out.append(ConnectorText(c.connector));
    }
  }
  return out;
}

}  // namespace shipshape::shell
